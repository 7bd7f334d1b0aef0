"""The Textual application and its factory (placeholder until the TUI lands)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BoschQuizApp(App[None]):
    TITLE = "boschquiz"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("boschquiz: coming soon", markup=False)
        yield Footer()


def make_app() -> BoschQuizApp:
    return BoschQuizApp()
