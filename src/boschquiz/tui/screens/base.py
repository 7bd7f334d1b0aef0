"""What every full screen of the game shares: typed access to the app that owns the state."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from boschquiz.tui.app import BoschQuizApp

ResultT = TypeVar("ResultT")


class QuizScreen(Screen[ResultT]):
    @property
    def quiz(self) -> BoschQuizApp:
        """The app, typed: its services, bank, store and player."""
        from boschquiz.tui.app import BoschQuizApp

        assert isinstance(self.app, BoschQuizApp)
        return self.app
