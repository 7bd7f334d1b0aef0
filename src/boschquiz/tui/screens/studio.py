"""The pack studio: write a pack in your editor and see it here, re-checked on every save.

Left, the pack's questions (✔ playable, ✘ with an error); right, the selected question as the
game draws it (the game's own choice list), with its type, tier, timer and source; below, every
finding as `line:col`, its message and hint. The file is watched with watchfiles (it survives
an editor that deletes and re-creates the file on save); each change is re-checked in a thread
worker and the result posted back, so the UI never waits on the disk.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from boschquiz.core.diagnostics import Diagnostic
from boschquiz.core.model import Question, QuestionType
from boschquiz.core.numbers import points
from boschquiz.core.served import is_served
from boschquiz.game.tiers import time_limit_for
from boschquiz.packs.inspection import InspectedQuestion, PackInspection, PackStats, inspect_pack
from boschquiz.tui.labels import display_path
from boschquiz.tui.messages import PlayTest
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets import WIDGETS_CSS
from boschquiz.tui.widgets.choices import ChoiceList
from boschquiz.tui.widgets.footer import QuizFooter

EDITOR_VARIABLES = ("VISUAL", "EDITOR")
STUDIO_WATCH_GROUP = "studio-watch"
"""The watcher worker's group: it runs as long as the studio is open."""


def editor_command(
    path: Path, line: int, environ: dict[str, str] | None = None
) -> list[str] | None:
    """The command that opens `path` at `line` in the user's editor, or None when none is set.

    `$VISUAL`, then `$EDITOR`, split like a shell would; `+LINE` goes before the file, which
    vi, vim, nvim, nano, emacs, micro, kakoune and helix all understand; VS Code (`code`) gets
    `-g FILE:LINE`."""
    env = os.environ if environ is None else environ
    for name in EDITOR_VARIABLES:
        words = shlex.split(env.get(name, ""))
        if words:
            if Path(words[0]).name in ("code", "codium", "code-insiders"):
                return [*words, "-g", f"{path}:{max(line, 1)}"]
            return [*words, f"+{max(line, 1)}", str(path)]
    return None


@dataclass
class Rechecked(Message):
    """The file was checked again (after a save, or on request)."""

    inspection: PackInspection


def finding_label(finding: Diagnostic) -> Content:
    where = f"{finding.line}:{finding.col}" if finding.line else "file"
    mark = "✘" if finding.is_error else "!"
    text = f"{mark} {where}  {finding.message}"
    if finding.hint:
        text += f"  (hint: {finding.hint})"
    return Content(text)


def question_label(entry: InspectedQuestion) -> Content:
    mark = "✔" if entry.question is not None else "✘"
    return Content(f"{mark} {entry.label}")


def summary_text(inspection: PackInspection) -> str:
    playable = len(inspection.playable)
    total = len(inspection.questions)
    errors, warnings = len(inspection.errors), len(inspection.warnings)
    title = inspection.title or inspection.path.name
    return (
        f"{title} · {points(playable)} of {points(total)} "
        f"question{'s' if total != 1 else ''} playable · "
        f"{errors} error{'s' if errors != 1 else ''} · "
        f"{warnings} warning{'s' if warnings != 1 else ''}"
    )


def stats_text(stats: PackStats) -> str:
    def counts(values: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(values.items())) or "none"

    slots = ", ".join(f"#{slot}: {n}" for slot, n in stats.answer_slots.items()) or "no choices"
    lines = [
        f"By type: {counts(stats.by_type)}",
        f"By tier: {counts(stats.by_tier)}",
        f"By show: {counts(stats.by_show)}",
        f"By category: {counts(stats.by_category)}",
        f"Right answer written in slot {slots}",
        f"True/false answers: {stats.true_answers} true, {stats.false_answers} false",
    ]
    return "\n".join(lines)


def preview_heading(question: Question) -> str:
    seconds = round(time_limit_for(question, question.difficulty))
    parts = [question.type.value.replace("_", "/"), question.difficulty.value, f"{seconds} s"]
    if question.show:
        parts.append(question.show.value)
    if question.category:
        parts.append(question.category)
    return " · ".join(parts)


def sync_options(options: OptionList, labels: list[Content]) -> None:
    """Show `labels`, changing only the options that differ: after a save usually one or two of
    a thousand, so the list neither rebuilds nor loses its place."""
    shown = options.option_count
    for index, label in enumerate(labels[:shown]):
        if options.get_option_at_index(index).prompt != label:
            options.replace_option_prompt_at_index(index, label)
    if len(labels) > shown:
        options.add_options(Option(label) for label in labels[shown:])
    for index in range(shown - 1, len(labels) - 1, -1):
        options.remove_option_at_index(index)
    if labels and options.highlighted is None:
        options.highlighted = 0


class StudioScreen(QuizScreen[None]):
    """A pack file, watched and re-checked on every save, with a preview of each question."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [WIDGETS_CSS, "studio.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit at line", id="studio-edit"),
        Binding("p", "playtest", "Play-test", id="studio-playtest"),
        Binding("P", "playtest_pack", "Play the pack", id="studio-play-pack"),
        Binding("s", "toggle_stats", "Stats", id="studio-stats"),
        Binding("r", "recheck", "Re-check", id="studio-recheck"),
        Binding("escape,q", "app.pop_screen", "Back", id="studio-back"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.inspection: PackInspection | None = None
        self.checks = 0
        """How many re-checks have been shown."""
        self._checked = asyncio.Condition()

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Pack studio — {display_path(self.path)}"), id="studio-title")
        yield Static(id="studio-summary", markup=False)
        with Horizontal(id="studio-main"):
            yield OptionList(id="studio-questions")
            with VerticalScroll(id="studio-preview"):
                yield Static(id="preview-heading", markup=False)
                yield Static(id="preview-prompt", markup=False)
                yield ChoiceList(id="preview-choices")
                yield Static(id="preview-answer", markup=False)
                yield Static(id="preview-about", markup=False)
                yield Static(id="studio-stats-text", markup=False)
        yield OptionList(id="studio-findings")
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one("#studio-stats-text").display = False
        self.query_one("#studio-questions").focus()
        self.action_recheck()
        self.watch_file()

    # -- checking ---------------------------------------------------------------------------

    def action_recheck(self) -> None:
        self.recheck()

    @work(thread=True, exclusive=True, group="studio-check", exit_on_error=False)
    def recheck(self) -> None:
        self.post_message(Rechecked(inspect_pack(self.path)))

    @work(exclusive=True, group=STUDIO_WATCH_GROUP, exit_on_error=False)
    async def watch_file(self) -> None:
        """Re-check after every change to the file; the folder is watched, not the file, so an
        editor that saves by replacing the file is still followed."""
        from watchfiles import awatch

        folder = self.path.resolve().parent
        name = self.path.name
        async for _ in awatch(folder, watch_filter=lambda _, p: Path(p).name == name):
            self.recheck()

    @on(Rechecked)
    def show_inspection(self, message: Rechecked) -> None:
        inspection = message.inspection
        self.inspection = inspection
        self.query_one("#studio-summary", Static).update(summary_text(inspection))
        questions = self.query_one("#studio-questions", OptionList)
        sync_options(questions, [question_label(q) for q in inspection.questions])
        findings = self.query_one("#studio-findings", OptionList)
        sync_options(findings, [finding_label(d) for d in inspection.diagnostics])
        self.query_one("#studio-stats-text", Static).update(stats_text(inspection.stats()))
        self._preview(self.selected)
        self.checks += 1
        self._announce_check()

    @work(group="studio-announce")
    async def _announce_check(self) -> None:
        async with self._checked:
            self._checked.notify_all()

    async def wait_checked(self, count: int) -> None:
        """Return once `count` re-checks have been shown (for tests and scripts)."""
        async with self._checked:
            await self._checked.wait_for(lambda: self.checks >= count)

    # -- the selected question --------------------------------------------------------------

    @property
    def selected(self) -> InspectedQuestion | None:
        if self.inspection is None or not self.inspection.questions:
            return None
        index = self.query_one("#studio-questions", OptionList).highlighted
        return self.inspection.questions[index or 0]

    @on(OptionList.OptionHighlighted, "#studio-questions")
    def _question_highlighted(self) -> None:
        self._preview(self.selected)

    def _preview(self, entry: InspectedQuestion | None) -> None:
        heading = self.query_one("#preview-heading", Static)
        prompt = self.query_one("#preview-prompt", Static)
        choices = self.query_one("#preview-choices", ChoiceList)
        answer = self.query_one("#preview-answer", Static)
        about = self.query_one("#preview-about", Static)
        question = entry.question if entry is not None else None
        choices.display = question is not None and question.type is not QuestionType.TYPED
        if entry is None:
            heading.update("No questions yet.")
            for widget in (prompt, answer, about):
                widget.update("")
            return
        if question is None:
            heading.update(f"{entry.label}: fix its errors to see it (line {entry.line})")
            prompt.update("\n".join(finding_label(e).plain for e in entry.errors))
            answer.update("")
            about.update("")
            return
        heading.update(preview_heading(question))
        prompt.update(Content(question.prompt))
        if question.type is not QuestionType.TYPED:
            choices.set_choices(question.choices)
        accepted = f" (also: {', '.join(question.accept)})" if question.accept else ""
        answer.update(Content(f"Answer: {question.answer}{accepted}"))
        lines = [
            question.explanation or "",
            f"Source: {question.source}" if question.source else "",
        ]
        about.update(Content("\n".join(line for line in lines if line)))

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit runs a program: never in a game served to a browser (`core/served.py`)."""
        if action == "edit" and is_served():
            return False
        return super().check_action(action, parameters)

    def action_playtest(self) -> None:
        """The highlighted question as a practice game, never saved (the flow runs it)."""
        entry = self.selected
        if entry is None or entry.question is None:
            self.notify("Fix this question's errors to play it.", severity="warning", markup=False)
            return
        self.post_message(PlayTest((entry.question,)))

    def action_playtest_pack(self) -> None:
        """Every playable question of the pack as one practice game, never saved."""
        playable = self.inspection.playable if self.inspection is not None else ()
        if not playable:
            self.notify("No question is playable yet.", severity="warning", markup=False)
            return
        self.post_message(PlayTest(playable))

    def action_toggle_stats(self) -> None:
        stats = self.query_one("#studio-stats-text")
        stats.display = not stats.display

    def selected_line(self) -> int:
        findings = self.query_one("#studio-findings", OptionList)
        if findings.has_focus and self.inspection and findings.highlighted is not None:
            return self.inspection.diagnostics[findings.highlighted].line
        entry = self.selected
        return entry.line if entry is not None else 1

    def action_edit(self) -> None:
        if is_served():
            return
        command = editor_command(self.path, self.selected_line())
        if command is None:
            self.notify(
                f"Set $EDITOR (for example: export EDITOR=nano) to edit from here; "
                f"the file is {self.path}, line {self.selected_line()}.",
                severity="warning",
                timeout=8,
                markup=False,
            )
            return
        with self.app.suspend():
            subprocess.run(command, check=False)
        self.recheck()
