"""Results: the outcome's heading, score and figures, how a ladder ended, the rank (with its
moment), the daily share line, and the recap of every question.

The recap (`game/recap.py`, the same one plain mode and `boschquiz history` print) lists every
question in the order asked: the prompt, the answer given, the right one when it was missed,
the points and the time, each row marked (✓ right, ✗ wrong, ⏱ time out, ↷ skipped) so it reads
without colour. The cursor starts on the first missed question; `e` or Enter unfolds a row's
explanation and source in place. The flow saves the game and hands this screen the receipt
(`show_saved`); the other keys only ask the flow for what comes next.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from boschquiz.core.model import Mode
from boschquiz.core.numbers import points
from boschquiz.game.ladder import ladder_result
from boschquiz.game.modes import MODES
from boschquiz.game.recap import OUTCOME_MARKS, RecapLine, heading, recap, recap_details
from boschquiz.game.round import GameResult
from boschquiz.tui.messages import BackToMenu, GameSaved, PlayAgain, SaveFailed, ShowScores
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter


def format_duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}" if minutes else f"{rest} s"


def recap_prompt(line: RecapLine, *, with_points: bool, unfolded: bool) -> Table:
    """One recap row: the mark and number, then the prompt and what happened (wrapped under
    the prompt); unfolded, the explanation and source too. Pack text stays literal (`Text`
    is never parsed as markup)."""
    mark = Text(
        f"{OUTCOME_MARKS[line.outcome]} {line.number:>2}.", style="bold" if line.missed else ""
    )
    body = Text(line.prompt or line.question_id, style="bold" if line.missed else "")
    details = " · ".join(recap_details(line, with_points=with_points))
    source = line.question.source if line.question else None
    has_more = bool(line.explanation or source)
    body.append("\n" + details, style="" if line.missed else "dim")
    if has_more:
        body.append(" · ▾ why" if unfolded else " · ▸ why", style="dim")
    if unfolded:
        if line.explanation:
            body.append("\nWhy: ", style="bold")
            body.append(line.explanation)
        if source:
            body.append("\nSource: ", style="dim")
            body.append(source, style="dim")
        if not has_more:
            body.append("\nNo explanation for this question.", style="dim")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=MARK_WIDTH, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(mark, body)
    return grid


MARK_WIDTH = 5
"""`✗ 12.`: the recap's mark and number column."""


class RecapList(OptionList):
    """Every question of the game, one row each; a row unfolds to its explanation."""


class ResultsScreen(QuizScreen[None]):
    CSS_PATH = "results.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "explain", "Explain", id="results-explain"),
        Binding("p", "play_again", "Play again", id="results-again"),
        Binding("c", "copy_share", "Copy share line", id="results-copy"),
        Binding("s", "scores", "High scores", id="results-scores"),
        Binding("escape,m", "menu", "Menu", id="results-menu"),
    ]

    def __init__(self, result: GameResult, *, playtest: bool = False) -> None:
        super().__init__()
        self.result = result
        self.playtest = playtest
        """The studio's play-test: never saved; Esc goes back to the studio."""
        self.saved: GameSaved | SaveFailed | None = None
        record = result.record
        self.recap: tuple[RecapLine, ...] = recap(record, {q.id: q for q in result.questions})
        """Every question of the game, in the order asked (`game.recap`)."""
        self.unfolded: set[int] = set()
        """Recap rows (0-based) showing their explanation."""
        self._with_points = MODES[record.mode].scores_points

    def compose(self) -> ComposeResult:
        record = self.result.record
        yield Header()
        with VerticalScroll(id="results-scroll", can_focus=False):
            with Vertical(id="results-body"):
                yield Static(self._headline(), id="results-headline")
                yield Static(self._figures(), id="results-figures")
                if record.mode is Mode.LADDER:
                    yield Static(Content(ladder_result(record).sentence()), id="results-ladder")
                if self.result.left_early:
                    yield Static(
                        Content("You left the daily: scored on what you answered."),
                        id="results-left",
                    )
                yield Static(self._rank_text(), id="results-rank")
                if self.result.share_line:
                    yield Static(Content(self.result.share_line), id="results-share")
            recap_list = RecapList(
                *(
                    Option(recap_prompt(line, with_points=self._with_points, unfolded=False))
                    for line in self.recap
                ),
                id="results-recap",
            )
            recap_list.border_title = self._recap_title()
            recap_list.border_subtitle = "e / Enter: explanation"
            yield recap_list
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        recap_list = self.query_one("#results-recap", RecapList)
        missed = next((i for i, line in enumerate(self.recap) if line.missed), 0)
        if self.recap:
            recap_list.highlighted = missed
        recap_list.focus()
        if self.result.share_line:
            self.action_copy_share()

    def _headline(self) -> Content:
        """The outcome's heading (`recap.heading`: perfect, good, poor; the ladder's end)."""
        return Content(heading(self.result.record, walked_away=self.result.walked_away))

    def _figures(self) -> Content:
        record = self.result.record
        accuracy = f"{record.correct / record.answered:.0%}" if record.answered else "–"
        figures = Content.from_markup(
            "right [b]$right[/b] of $answered ($accuracy) · best streak [b]$streak[/b]"
            " · time $time",
            right=str(record.correct),
            answered=str(record.answered),
            accuracy=accuracy,
            streak=str(record.best_streak),
            time=format_duration(record.duration),
        )
        if not self._with_points:
            return figures
        score = Content.from_markup("[b $accent]$score[/] points · ", score=points(record.score))
        return score + figures

    def _recap_title(self) -> str:
        missed = sum(1 for line in self.recap if line.missed)
        count = len(self.recap)
        questions = f"{count} question{'' if count == 1 else 's'}"
        if not missed:
            return f"Recap · {questions}"
        return f"Recap · {questions} · {missed} missed"

    def _rank_text(self) -> Content:
        if self.playtest:
            return Content.from_markup("[dim]Play-test: not saved · Esc goes back to the studio")
        saved = self.saved
        if saved is None:
            return Content.from_markup("[dim]saving…")
        if isinstance(saved, SaveFailed):
            return Content.from_markup("[$error]Not saved: $why", why=saved.reason)
        rules = MODES[self.result.record.mode]
        if not rules.ranked:
            return Content.from_markup(
                "[dim]Saved · $mode games are not ranked.", mode=rules.label.lower()
            )
        if not self.result.ranked:
            return Content.from_markup(
                "Saved · custom game, not ranked [dim]($why)", why="; ".join(self.result.custom)
            )
        if saved.new_high_score:
            return Content.from_markup("[b $accent]★ NEW HIGH SCORE ★[/]  first in the table")
        personal = saved.previous_best is None or saved.record.score > saved.previous_best
        note = "  [b]new personal best![/b]" if personal and saved.previous_best is not None else ""
        if saved.rank is not None:
            return Content.from_markup(
                "Saved · number [b]$rank[/b] in the table" + note, rank=str(saved.rank)
            )
        return Content.from_markup("Saved · outside the top ten this time" + note)

    def show_saved(self, message: GameSaved | SaveFailed) -> None:
        """The save worker's receipt (or why the game could not be saved)."""
        self.saved = message
        rank = self.query_one("#results-rank", Static)
        rank.update(self._rank_text())
        rank.set_class(isinstance(message, GameSaved) and message.new_high_score, "-new-high")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "copy_share":
            return self.result.share_line is not None
        if action in ("play_again", "scores") and self.playtest:
            return False
        if action == "play_again":
            return self.result.record.mode is not Mode.DAILY
        if action == "explain":
            return bool(self.recap)
        return True

    @on(OptionList.OptionSelected, "#results-recap")
    def _row_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle_row(event.option_index)

    def action_explain(self) -> None:
        """Unfold (or fold) the highlighted question's explanation."""
        highlighted = self.query_one("#results-recap", RecapList).highlighted
        if highlighted is not None:
            self.toggle_row(highlighted)

    def toggle_row(self, index: int) -> None:
        if not 0 <= index < len(self.recap):
            return
        unfolded = index not in self.unfolded
        if unfolded:
            self.unfolded.add(index)
        else:
            self.unfolded.discard(index)
        recap_list = self.query_one("#results-recap", RecapList)
        recap_list.replace_option_prompt_at_index(
            index,
            recap_prompt(self.recap[index], with_points=self._with_points, unfolded=unfolded),
        )
        recap_list.scroll_to_highlight()

    def action_copy_share(self) -> None:
        line = self.result.share_line
        if line is None:
            return
        self.app.copy_to_clipboard(line)
        self.notify("Share line copied to the clipboard (where the terminal allows).", markup=False)

    def action_play_again(self) -> None:
        self.post_message(PlayAgain(self.result.settings))

    def action_scores(self) -> None:
        record = self.result.record
        self.post_message(ShowScores(record.mode, record.tier))

    def action_menu(self) -> None:
        self.post_message(BackToMenu())
