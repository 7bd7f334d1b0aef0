"""Party play on one screen: every player answers the same question on their own keys.

Each player has a block of four keys (`tui/party_keys.py`, remappable), shown next to their
name; choice 1 is a block's first key, choice 4 its last. The first key a player presses
counts and stays hidden (the row says "answered") until everyone has answered or the clock
runs out. Then the reveal: the right answer, each player's verdict, points and streak, and
the standings with each move up or down. Enter goes on. While a party game is on screen no
single-letter binding acts: every key that is not a player's goes nowhere (Esc asks to leave,
Ctrl+Q to quit, as everywhere). The engine (`game/party.py`) owns the rules; this screen
routes keys, draws, and posts what the flow must act on.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from boschquiz.core.model import Outcome
from boschquiz.core.numbers import points
from boschquiz.game.party import PartyRound, Reveal
from boschquiz.tui.cells import name_column
from boschquiz.tui.messages import LeaveGame, PartyFinished
from boschquiz.tui.party_keys import DEFAULT_KEY_BLOCKS, key_map
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets import WIDGETS_CSS
from boschquiz.tui.widgets.countdown import CountdownBar
from boschquiz.tui.widgets.footer import QuizFooter

TICK_SECONDS = 0.25
"""How often the screen asks the engine whether the clock ran out."""

VERDICT_MARKS = {Outcome.CORRECT: "✔", Outcome.WRONG: "✘", Outcome.TIMEOUT: "⌛"}

PASSED_KEYS = frozenset({"escape", "enter", "ctrl+q", "ctrl+c"})
"""Keys left to the bindings (leave, next, quit); every other key is a player's or nothing."""


def move_text(move: int) -> str:
    """A standing's move as shown: ▲2, ▼1, or = (no change)."""
    return f"▲{move}" if move > 0 else f"▼{-move}" if move < 0 else "="


class PartyScreen(QuizScreen[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [WIDGETS_CSS, "party.tcss"]
    IN_GAME = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next", "Next question", id="party-next"),
        Binding("escape", "leave", "Leave", id="party-leave"),
    ]

    def __init__(self, game: PartyRound, blocks: tuple[str, ...] = DEFAULT_KEY_BLOCKS) -> None:
        super().__init__()
        self.game = game
        self.blocks = blocks[: len(game.players)]
        self._keys = key_map(self.blocks)
        self._timer: Timer | None = None
        self._done = False
        self.clock_reads = 0
        """How many times the screen has read the engine's clock (tests wait on it)."""

    def compose(self) -> ComposeResult:
        yield Static(id="party-progress", markup=False)
        yield CountdownBar(id="countdown")
        with VerticalScroll(id="party-body"):
            yield Static(id="party-prompt", markup=False)
            yield Static(id="party-choices", markup=False)
            yield Static(id="party-players", markup=False)
            yield Static(id="party-verdict", markup=False)
        yield QuizFooter()

    def on_mount(self) -> None:
        self._draw()
        self._timer = self.set_interval(TICK_SECONDS, self.check_clock)
        self.check_clock()

    # -- keys -------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """A player's key answers for them; any other key but the few bindings is swallowed
        here, so no single-letter binding of the app acts during a party game."""
        if event.key in PASSED_KEYS:
            return
        event.stop()
        event.prevent_default()
        seat = self._keys.get(event.character or "")
        if seat is None or self.game.revealed is not None:
            return
        if self.game.answer(*seat):
            self._draw_players()
            self.check_clock()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return True if self.game.revealed is not None else None
        return True

    # -- the clock --------------------------------------------------------------------------

    def check_clock(self) -> None:
        """Reveal once everyone has answered or the clock ran out; keep the bar up to date."""
        game = self.game
        self.clock_reads += 1
        if game.revealed is None and game.ready_to_reveal():
            game.reveal()
            self._draw()
            self.refresh_bindings()
        bar = self.query_one("#countdown", CountdownBar)
        left = 0.0 if game.revealed is not None else game.seconds_left()
        bar.show(left, game.shown.time_limit)

    # -- actions ----------------------------------------------------------------------------

    def action_next(self) -> None:
        if self.game.revealed is None or self._done:
            return
        if self.game.next() is None:
            self._done = True
            if self._timer is not None:
                self._timer.stop()
            self.post_message(PartyFinished(self.game))
            return
        self._draw()
        self.refresh_bindings()
        self.check_clock()

    def action_leave(self) -> None:
        self.post_message(LeaveGame())

    # -- drawing ----------------------------------------------------------------------------

    def _draw(self) -> None:
        game = self.game
        shown = game.shown
        self.query_one("#party-progress", Static).update(
            Content(f"Party · question {shown.index + 1} of {game.total}")
        )
        self.query_one("#party-prompt", Static).update(Content(shown.question.prompt))
        reveal = game.revealed
        lines = []
        for slot, choice in enumerate(shown.choices):
            mark = ""
            if reveal is not None:
                mark = "✔ " if choice == shown.question.answer else "  "
            lines.append(f"{mark}{slot + 1}. {choice}")
        self.query_one("#party-choices", Static).update(Content("\n".join(lines)))
        self._draw_players()
        verdict = self.query_one("#party-verdict", Static)
        if reveal is None:
            verdict.update(Content("Each player: your 1st key for choice 1, your 4th for 4."))
        else:
            last = shown.index + 1 >= game.total
            going = "the podium" if last else "the next question"
            verdict.update(Content(f"Answer: {shown.question.answer} · Enter for {going}"))

    def _draw_players(self) -> None:
        game = self.game
        reveal = game.revealed
        if reveal is not None:
            rows = self._reveal_rows(reveal)
        else:
            column = name_column(game.players)
            rows = []
            for seat, name in enumerate(game.players):
                keys = " ".join(self.blocks[seat]) if seat < len(self.blocks) else "?"
                state = "answered" if game.has_answered(seat) else "thinking…"
                rows.append(
                    f"{column(name)}  [{keys}]  {state:<10} {points(game.score_of(seat)):>7}"
                )
        self.query_one("#party-players", Static).update(Content("\n".join(rows)))

    def _reveal_rows(self, reveal: Reveal) -> list[str]:
        by_name = {r.player: r for r in reveal.results}
        column = name_column(self.game.players)
        rows = []
        for standing in reveal.standings:
            result = by_name[standing.player]
            mark = VERDICT_MARKS.get(result.outcome, "?")
            gained = f"+{points(result.points)}" if result.points else "0"
            streak = f"streak {result.streak}" if result.streak > 1 else ""
            rows.append(
                f"{standing.place}. {column(standing.player)}  {mark} {gained:>7}"
                f"  {points(standing.score):>7}  {move_text(standing.move):<3} {streak}".rstrip()
            )
        return rows
