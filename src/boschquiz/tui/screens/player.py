"""Choose who is playing, or sign in a new detective by name."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from boschquiz.store import MAX_NAME_LENGTH, InvalidPlayerName, normalize_player_name
from boschquiz.tui.cells import player_name

LIST_CELLS = 40
"""Columns a name may take in the list (the dialog is 60 wide, less its frame)."""


class PlayerScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back", id="player-back")]

    def __init__(self, players: tuple[str, ...], current: str | None) -> None:
        super().__init__()
        self._players = players
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="player-box", classes="dialog"):
            yield Static(Content("Who is playing?"), classes="dialog-title")
            if self._players:
                yield OptionList(
                    *(
                        Option(Content(player_name(name, LIST_CELLS)), id=f"p{i}")
                        for i, name in enumerate(self._players)
                    ),
                    id="player-list",
                )
            yield Static(Content("New detective's name (Enter to sign in):"), classes="hint")
            yield Input(placeholder="your name", max_length=MAX_NAME_LENGTH, id="player-name")

    def on_mount(self) -> None:
        if self._players:
            options = self.query_one("#player-list", OptionList)
            if self._current in self._players:
                options.highlighted = self._players.index(self._current)
            options.focus()
        else:
            self.query_one("#player-name", Input).focus()

    @on(OptionList.OptionSelected, "#player-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._players[event.option_index])

    @on(Input.Submitted, "#player-name")
    def _typed(self, event: Input.Submitted) -> None:
        try:
            name = normalize_player_name(event.value)
        except InvalidPlayerName as exc:
            self.notify(exc.message, severity="warning", markup=False)
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
