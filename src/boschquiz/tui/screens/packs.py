"""Packs: every pack found, with counts and validity; a broken pack's errors as file:line."""

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
from boschquiz.tui.labels import display_path
from boschquiz.tui.messages import OpenStudio
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter

if TYPE_CHECKING:
    from boschquiz.packs import PackLoadResult


def pack_status(result: PackLoadResult) -> Text:
    errors = sum(1 for d in result.diagnostics if d.is_error)
    warnings = len(result.diagnostics) - errors
    if errors:
        return Text(f"✘ {errors} error{'s' if errors != 1 else ''}", style="bold")
    if warnings:
        return Text(f"! {warnings} warning{'s' if warnings != 1 else ''}", style="italic")
    return Text("✔ ok")


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
        table.add_column("Pack", width=24, key="pack")
        table.add_column("Qs", width=4, key="questions")
        table.add_column("E/M/H", width=9, key="mix")
        table.add_column("Status", width=11, key="status")
        table.add_column("File", width=16, key="file")
        self.quiz.bank_changed.subscribe(self, lambda _: self._fill())
        table.focus()
        self._fill()

    def _results(self) -> tuple[PackLoadResult, ...]:
        return self.quiz.bank.packs if self.quiz.bank is not None else ()

    def _fill(self) -> None:
        table: DataTable[Text] = self.query_one("#packs-table", DataTable)
        table.clear()
        for result in self._results():
            pack = result.pack
            if pack is not None:
                name = Text(pack.info.title)
                counts = [sum(1 for q in pack.questions if q.difficulty is d) for d in Difficulty]
                total = Text(str(len(pack.questions)), justify="right")
                mix = Text("/".join(str(c) for c in counts))
            else:
                name = Text(result.path.stem, style="dim")
                total, mix = Text("–", justify="right"), Text("")
            table.add_row(name, total, mix, pack_status(result), Text(result.path.name))
        self._show_detail(table.cursor_row if table.row_count else None)

    @on(DataTable.RowHighlighted, "#packs-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)

    def _show_detail(self, row: int | None) -> None:
        detail = self.query_one("#packs-detail-text", Static)
        results = self._results()
        if self.quiz.bank is None:
            why = self.quiz.bank_error
            detail.update(
                Content.from_markup("[$error]$why", why=why)
                if why
                else Content("loading questions…")
            )
            return
        if row is None or not 0 <= row < len(results):
            detail.update(Content("No packs found. Put .yaml packs in your packs folder."))
            return
        result = results[row]
        title = result.pack.info.title if result.pack is not None else result.path.stem
        lines = [
            Content.from_markup(
                "[b]$title[/b]  [dim]$path", title=title, path=display_path(result.path)
            )
        ]
        if result.pack is not None and result.pack.info.description:
            lines.append(Content(result.pack.info.description))
        if not result.diagnostics:
            lines.append(Content.from_markup("[dim]No problems found."))
        for diagnostic in result.diagnostics:
            style = "$error" if diagnostic.is_error else "$warning"
            shown = replace(diagnostic, path=display_path(diagnostic.path))
            lines.append(Content.styled(shown.format(), style))
        detail.update(Content("\n").join(lines))

    def action_reload(self) -> None:
        self.quiz.reload_bank()
        self.notify("Reloading packs from disk…", markup=False)

    def action_studio(self) -> None:
        """The pack studio on the highlighted pack's file."""
        table: DataTable[Text] = self.query_one("#packs-table", DataTable)
        results = self._results()
        if not table.row_count or table.cursor_row >= len(results):
            return
        self.post_message(OpenStudio(results[table.cursor_row].path))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The studio is for writing packs: not offered in a game served to a browser."""
        return not (action == "studio" and is_served())
