"""Packs: every installed pack (the generated questions too), with counts and validity; a
broken pack's errors as file:line."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from boschquiz.core.model import Difficulty
from boschquiz.core.served import is_served
from boschquiz.tui.cells import fit_cells
from boschquiz.tui.labels import display_path
from boschquiz.tui.messages import OpenStudio
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter

if TYPE_CHECKING:
    from boschquiz.core.diagnostics import Diagnostic
    from boschquiz.packs import PackLoadResult
    from boschquiz.packs.bank import InstalledPack


def pack_status(result: PackLoadResult) -> Text:
    return findings_status(result.diagnostics)


def findings_status(diagnostics: tuple[Diagnostic, ...]) -> Text:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if errors:
        return Text(f"✘ {errors} error{'s' if errors != 1 else ''}", style="bold")
    if warnings:
        return Text(f"! {warnings} warning{'s' if warnings != 1 else ''}", style="italic")
    return Text("✔ ok")


TITLE_CELLS = 26
"""A pack's title in the table, cut with "…" so its counts and status fit 60 columns (the
whole title is in the detail below)."""


class PacksScreen(QuizScreen[None]):
    CSS_PATH = "tables.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,f5", "reload", "Reload from disk", id="packs-reload"),
        Binding("s", "studio", "Studio", id="packs-studio"),
        Binding("escape,q", "app.pop_screen", "Back", id="packs-back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[Text] = DataTable(id="packs-table", cursor_type="row")
        yield table
        with VerticalScroll(id="packs-detail"):
            yield Static(id="packs-detail-text")
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#packs-table", DataTable)
        table.add_column("Pack", key="pack")
        table.add_column("Qs", width=4, key="questions")
        table.add_column("E/M/H", width=9, key="mix")
        table.add_column("Status", width=11, key="status")
        self.quiz.bank_changed.subscribe(self, lambda _: self._fill())
        table.focus()
        self._fill()

    def _packs(self) -> tuple[InstalledPack, ...]:
        return self.quiz.bank.installed if self.quiz.bank is not None else ()

    def _fill(self) -> None:
        table: DataTable[Text] = self.query_one("#packs-table", DataTable)
        table.clear()
        for pack in self._packs():
            if pack.questions:
                name = Text(fit_cells(pack.title, TITLE_CELLS))
                counts = [sum(1 for q in pack.questions if q.difficulty is d) for d in Difficulty]
                total = Text(str(len(pack.questions)), justify="right")
                mix = Text("/".join(str(c) for c in counts))
            else:
                name = Text(fit_cells(pack.title, TITLE_CELLS), style="dim")
                total, mix = Text("–", justify="right"), Text("")
            table.add_row(name, total, mix, self._status(pack))
        self._show_detail(table.cursor_row if table.row_count else None)

    def _findings(self, pack: InstalledPack) -> tuple[Diagnostic, ...]:
        if pack.result is not None:
            return pack.result.diagnostics
        load = self.quiz.bank
        return load.facts_diagnostics if load is not None else ()

    def _status(self, pack: InstalledPack) -> Text:
        return findings_status(self._findings(pack))

    @on(DataTable.RowHighlighted, "#packs-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)
        self.refresh_bindings()

    def _show_detail(self, row: int | None) -> None:
        detail = self.query_one("#packs-detail-text", Static)
        packs = self._packs()
        if self.quiz.bank is None:
            why = self.quiz.bank_error
            detail.update(
                Content.from_markup("[$error]$why", why=why)
                if why
                else Content("loading questions…")
            )
            return
        if row is None or not 0 <= row < len(packs):
            detail.update(Content("No packs found. Put .yaml packs in your packs folder."))
            return
        pack = packs[row]
        where = (
            pack.result.path if pack.result is not None else self.quiz.services.paths.builtin_facts
        )
        lines = [
            Content.from_markup(
                "[b]$title[/b]  [dim]$path", title=pack.title, path=display_path(where)
            )
        ]
        loaded = pack.result.pack if pack.result is not None else None
        description = loaded.info.description if loaded is not None else ""
        if pack.generated:
            lines.append(
                Content(
                    "Questions written by the game from the facts base, each naming its source."
                    " They play, filter and rank like any installed pack."
                )
            )
        elif description:
            lines.append(Content(description))
        findings = self._findings(pack)
        if not findings:
            lines.append(Content.from_markup("[dim]No problems found."))
        for diagnostic in findings:
            style = "$error" if diagnostic.is_error else "$warning"
            shown = replace(diagnostic, path=display_path(diagnostic.path))
            lines.append(Content.styled(shown.format(), style))
        detail.update(Content("\n").join(lines))

    def action_reload(self) -> None:
        self.quiz.reload_bank()
        self.notify("Reloading packs from disk…", markup=False)

    def action_studio(self) -> None:
        """The pack studio on the highlighted pack's file."""
        pack = self._highlighted_pack()
        if pack is not None and pack.result is not None:
            self.post_message(OpenStudio(pack.result.path))

    def _highlighted_pack(self) -> InstalledPack | None:
        tables = self.query("#packs-table").results(DataTable)
        table = next(iter(tables), None)
        packs = self._packs()
        if table is None or not table.row_count or not 0 <= table.cursor_row < len(packs):
            return None
        return packs[table.cursor_row]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The studio is for writing packs: not offered in a game served to a browser, nor on
        the generated questions (they are written from the facts base, not a pack file)."""
        if action != "studio":
            return True
        if is_served():
            return False
        pack = self._highlighted_pack()
        return None if pack is not None and pack.generated else True
