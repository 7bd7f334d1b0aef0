"""How far the player has watched: a season per show, and book spoilers (the spoiler horizon).

Asked once, right after a new player signs in (`SignInHorizonScreen`: Esc skips, which keeps
every season), and changed any time from New game (`HorizonScreen`: Esc goes back unchanged).
The screen only answers: it is dismissed with the horizon chosen (or None), and whoever opened
it keeps it with the player.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Label, Select, Static

from boschquiz.core.model import Show
from boschquiz.core.spoilers import SEASONS, Horizon
from boschquiz.tui.cells import player_name
from boschquiz.tui.labels import SHOW_NAMES
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter
from boschquiz.tui.widgets.toggles import MarkedCheckbox


def season_choices(show: Show) -> list[tuple[str, int]]:
    """A show's Select options: none of it, then each season (the last one says "all")."""
    last = SEASONS[show]
    choices = [("not started", 0)]
    for season in range(1, last + 1):
        everything = " (all)" if season == last and last > 1 else ""
        choices.append((f"season {season}{everything}", season))
    return choices


class HorizonScreen(QuizScreen[Horizon | None]):
    """Dismissed with the horizon chosen, or None when the player goes back unchanged."""

    CSS_PATH = "horizon.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f5", "save", "Save", id="horizon-save"),
        Binding("e", "everything", "Everything", id="horizon-everything"),
        Binding("escape", "leave", "Back", id="horizon-back"),
    ]
    LEAVING: ClassVar[Horizon | None] = None
    """What Esc answers: nothing (back, unchanged)."""
    INTRO = "Questions never reveal anything past the seasons you have seen."

    def __init__(self, player: str | None, current: Horizon) -> None:
        super().__init__()
        self.player = player
        self.current = current

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="horizon-body"):
            title = (
                Content.from_markup(
                    "How far has [b]$name[/b] watched?", name=player_name(self.player)
                )
                if self.player
                else Content("How far have you watched?")
            )
            yield Static(title, id="horizon-title", classes="section-title")
            yield Static(Content(self.INTRO), classes="horizon-intro")
            for show in SEASONS:
                with Horizontal(classes="horizon-row"):
                    yield Label(Content(SHOW_NAMES[show]), classes="horizon-label")
                    yield Select(
                        season_choices(show),
                        value=min(self.current.watched.get(show, 0), SEASONS[show]),
                        allow_blank=False,
                        id=f"horizon-{show.value}",
                    )
            with Horizontal(classes="horizon-row"):
                yield Label(Content("Book spoilers"), classes="horizon-label")
                # ▐X▌ or a blank box, readable without colour (a Switch differs by colour only)
                yield MarkedCheckbox(
                    Content("questions on the novels' story"),
                    self.current.books,
                    compact=True,
                    id="horizon-books",
                )
            yield Static(id="horizon-summary")
            with Horizontal(id="horizon-buttons"):
                yield Button(Content("Save"), variant="primary", compact=True, id="horizon-save")
                yield Button(Content("Everything"), compact=True, id="horizon-everything")
        yield QuizFooter()

    def on_mount(self) -> None:
        self._show_summary()
        self.query_one(f"#horizon-{Show.BOSCH.value}", Select).focus()

    def chosen(self) -> Horizon:
        """The horizon the form shows now."""
        watched: dict[Show, int] = {}
        for show in SEASONS:
            value = self.query_one(f"#horizon-{show.value}", Select).value
            watched[show] = value if isinstance(value, int) else 0
        books = self.query_one("#horizon-books", MarkedCheckbox).value
        return Horizon.parse(",".join(f"{s.value}:{n}" for s, n in watched.items()), books=books)

    def _show_summary(self) -> None:
        summary = Content.from_markup("Spoilers: [b]$text", text=self.chosen().describe())
        self.query_one("#horizon-summary", Static).update(summary)

    @on(Select.Changed)
    @on(MarkedCheckbox.Changed)
    def _changed(self) -> None:
        self._show_summary()

    @on(Button.Pressed, "#horizon-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#horizon-everything")
    def _everything_pressed(self) -> None:
        self.action_everything()

    def action_save(self) -> None:
        self.dismiss(self.chosen())

    def action_everything(self) -> None:
        """Every season of every show (book spoilers as the switch says)."""
        self.dismiss(
            Horizon.everything(books=self.query_one("#horizon-books", MarkedCheckbox).value)
        )

    def action_leave(self) -> None:
        self.dismiss(self.LEAVING)


class SignInHorizonScreen(HorizonScreen):
    """The question a new player is asked once: Esc skips it, which keeps every season (and
    counts as answered, so it is never asked again)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Skip", id="horizon-skip"),
    ]
    LEAVING = Horizon.everything()
    INTRO = (
        "Questions never reveal anything past the seasons you have seen. Skip (Esc) to play "
        "with every season; change it any time on New game (w)."
    )
