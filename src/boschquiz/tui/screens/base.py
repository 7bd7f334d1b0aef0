"""What every full screen of the game shares: typed access to the app that owns the state.

Screens never import the app (nor another full screen) at run time: they read its state
through `quiz`, and ask for anything that changes the game with a message (`tui/messages.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from boschquiz.tui.app import BoschQuizApp

ResultT = TypeVar("ResultT")


class QuizScreen(Screen[ResultT]):
    @property
    def quiz(self) -> BoschQuizApp:
        """The app, typed: its services, bank, store and player."""
        return cast("BoschQuizApp", self.app)
