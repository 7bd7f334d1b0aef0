"""The Textual application and its factory (placeholder until the TUI lands)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from boschquiz.services import Services


class BoschQuizApp(App[None]):
    TITLE = "boschquiz"

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("boschquiz: coming soon", markup=False)
        yield Footer()


def make_app(services: Services) -> BoschQuizApp:
    return BoschQuizApp(services)
