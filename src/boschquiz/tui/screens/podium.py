"""The podium after a party: the final standings (ties share a place), each player's recap,
and whether every player's game was saved. Enter or Esc goes back to the menu."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from boschquiz.core.model import Outcome
from boschquiz.core.numbers import points
from boschquiz.game.party import PartyRound
from boschquiz.tui.cells import name_column
from boschquiz.tui.messages import BackToMenu
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter

MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}
ANSWER_MARKS = {Outcome.CORRECT: "✔", Outcome.WRONG: "✘", Outcome.TIMEOUT: "⌛"}


def podium_lines(game: PartyRound) -> list[str]:
    """The final standings, best first: medal, place, name, score."""
    column = name_column(game.players)
    return [
        f"{MEDALS.get(s.place, '  ')} {s.place}. {column(s.player)}  {points(s.score):>7}"
        for s in game.podium()
    ]


def recap_lines(game: PartyRound) -> list[str]:
    """One line per player, in seat order: right answers, best streak, each answer's mark."""
    column = name_column(game.players)
    lines = []
    for seat, name in enumerate(game.players):
        answers = game.answers_of(seat)
        right = sum(1 for a in answers if a.outcome is Outcome.CORRECT)
        marks = "".join(ANSWER_MARKS.get(a.outcome, "?") for a in answers)
        lines.append(
            f"{column(name)}  {right} of {len(answers)} right · best streak"
            f" {game.best_streak_of(seat)} · {marks}"
        )
    return lines


class PodiumScreen(QuizScreen[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = ["podium.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "menu", "Menu", id="podium-menu"),
    ]

    def __init__(self, game: PartyRound) -> None:
        super().__init__()
        self.game = game

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="podium-body"):
            yield Static(Content("Final standings"), id="podium-title")
            yield Static(Content("\n".join(podium_lines(self.game))), id="podium-places")
            yield Static(Content("\n".join(recap_lines(self.game))), id="podium-recap")
            yield Static(Content("Saving every player's game…"), id="podium-saved")
        yield QuizFooter()

    def show_saved(self, problem: str | None) -> None:
        """The flow's word on the save: every player's game in their own history, or none."""
        text = (
            "Saved: every player's game is in their own history; the winners are in the"
            " party table."
            if problem is None
            else f"Not saved: {problem}"
        )
        self.query_one("#podium-saved", Static).update(Content(text))

    def action_menu(self) -> None:
        self.post_message(BackToMenu())
