"""Party set-up: choose 2 to 6 players (existing ones, or new names) and their key blocks.

Dismissed with the players in seat order and their key blocks (the flow creates any new
player in the store and starts the party), or None on Esc. The keys are one block of four
per seat, comma-separated, remappable here because terminals report characters, not keys
(`tui/party_keys.py`).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from boschquiz.game.party import MAX_PLAYERS, MIN_PLAYERS
from boschquiz.store.names import MAX_NAME_LENGTH
from boschquiz.tui.party_keys import DEFAULT_KEY_BLOCKS, KeyBlockError, blocks_for, parse_key_blocks
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter

PartyChoice = tuple[tuple[str, ...], tuple[str, ...]]
"""The players in seat order, and each seat's key block."""

KEYS_SETTING = "party_keys"
"""The player setting that remembers the key blocks last used (text, like `--party-keys`)."""


class PartySetupScreen(QuizScreen[PartyChoice | None]):
    CSS_PATH = "party_setup.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f5", "start", "Start", id="party-start"),
        Binding("escape", "back", "Back", id="party-setup-back"),
    ]

    def compose(self) -> ComposeResult:
        saved = self.quiz.player_settings.get(KEYS_SETTING)
        keys = saved if isinstance(saved, str) else ",".join(DEFAULT_KEY_BLOCKS)
        with VerticalScroll(id="party-setup-body"):
            yield Static(
                Content(f"Party: tick {MIN_PLAYERS} to {MAX_PLAYERS} players, in seat order."),
                id="party-setup-title",
            )
            yield SelectionList[str](id="party-setup-players")
            with Horizontal(classes="form-row"):
                yield Label("New player", classes="form-label")
                yield Input(
                    placeholder="a name, then Enter",
                    max_length=MAX_NAME_LENGTH,
                    id="party-setup-name",
                )
            with Horizontal(classes="form-row"):
                yield Label("Keys", classes="form-label")
                yield Input(keys, id="party-setup-keys")
            yield Static(id="party-setup-seats")
        yield QuizFooter()

    def on_mount(self) -> None:
        players: SelectionList[str] = self.query_one("#party-setup-players", SelectionList)
        players.border_title = "Players"
        current = self.quiz.player
        players.add_options(
            [Selection(Content(name), name, name == current) for name in self.quiz.players]
        )
        self._show_seats()
        self.query_one("#party-setup-name", Input).focus()

    def chosen(self) -> PartyChoice | str:
        """The players and their blocks, or a sentence saying what is missing."""
        players: SelectionList[str] = self.query_one("#party-setup-players", SelectionList)
        names = tuple(players.selected)
        if not MIN_PLAYERS <= len(names) <= MAX_PLAYERS:
            return f"Tick {MIN_PLAYERS} to {MAX_PLAYERS} players ({len(names)} ticked)."
        try:
            typed = parse_key_blocks(self.query_one("#party-setup-keys", Input).value)
            blocks = blocks_for(len(names), typed)
        except KeyBlockError as exc:
            return f"Keys: {exc}."
        return names, blocks

    def _show_seats(self) -> None:
        chosen = self.chosen()
        seats = self.query_one("#party-setup-seats", Static)
        if isinstance(chosen, str):
            seats.update(Content(chosen))
        else:
            names, blocks = chosen
            lines = [
                f"{seat}. {name}  [{' '.join(block)}]"
                for seat, (name, block) in enumerate(zip(names, blocks, strict=True), start=1)
            ]
            seats.update(Content("\n".join(lines) + "\nCtrl+S or F5 starts the party."))
        self.refresh_bindings()

    @on(SelectionList.SelectedChanged)
    @on(Input.Changed, "#party-setup-keys")
    def _changed(self) -> None:
        self._show_seats()

    @on(Input.Submitted, "#party-setup-name")
    def _add_player(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        event.input.value = ""
        if not name:
            return
        players: SelectionList[str] = self.query_one("#party-setup-players", SelectionList)
        known = [str(players.get_option_at_index(i).value) for i in range(players.option_count)]
        match = next((k for k in known if k.casefold() == name.casefold()), None)
        if match is None:
            players.add_option(Selection(Content(name), name, True))
        else:
            players.select(match)
        self._show_seats()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return True if not isinstance(self.chosen(), str) else None
        return True

    def action_start(self) -> None:
        chosen = self.chosen()
        if isinstance(chosen, str):
            self.notify(chosen, severity="warning", markup=False)
            return
        self.quiz.remember(**{KEYS_SETTING: self.query_one("#party-setup-keys", Input).value})
        self.dismiss(chosen)

    def action_back(self) -> None:
        self.dismiss(None)
