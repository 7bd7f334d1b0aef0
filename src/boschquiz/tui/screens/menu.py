"""The title screen and main menu: who is playing, and what to do next."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from boschquiz.core.numbers import points
from boschquiz.tui.cells import player_name
from boschquiz.tui.messages import OpenScreen
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter

TAGLINE = "Everybody counts or nobody counts."


@dataclass(frozen=True)
class MenuEntry:
    key: str
    label: str
    help: str
    shortcut: str
    short: str


MENU_ENTRIES: tuple[MenuEntry, ...] = (
    MenuEntry("play", "Play", "Start a new game: pick mode, tier and questions", "p", "Play"),
    MenuEntry(
        "daily", "Daily challenge", "Today's ten questions, the same for everyone", "d", "Daily"
    ),
    MenuEntry("review", "Review my misses", "Replay the questions you got wrong", "r", "Review"),
    MenuEntry("scores", "High scores", "The best games per mode and tier", "s", "Scores"),
    MenuEntry("stats", "Stats", "Your accuracy per category and show", "t", "Stats"),
    MenuEntry("packs", "Packs", "Every question pack found, and any errors", "k", "Packs"),
    MenuEntry("help", "Help", "Rules, scoring and keys", "h", "Help"),
    MenuEntry("quit", "Quit", "Leave the game", "q", "Quit"),
)


class MenuStatus(Message):
    """Daily and review status, worked out off the UI thread."""

    def __init__(self, player: str, daily_done: bool, review: tuple[int, int]) -> None:
        super().__init__()
        self.player = player
        self.daily_done = daily_done
        self.review = review
        """(due now, missed in all)"""


class MenuScreen(QuizScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(entry.shortcut, f"menu('{entry.key}')", entry.short, id=f"menu-{entry.key}")
            for entry in MENU_ENTRIES
            if entry.key != "quit"
        ),
        Binding("n", "change_player", "Player", id="menu-player"),
        Binding("q", "menu('quit')", "Quit", id="menu-quit"),
    ]
    """Esc does not quit here: it means "back" everywhere else, and the menu has no back."""
    FOOTER_DROP_FIRST: ClassVar[tuple[str, ...]] = (
        "menu-help",
        "menu-packs",
        "menu-stats",
        "menu-scores",
        "menu-review",
        "menu-daily",
        "menu-player",
    )
    """Keys the footer drops first when narrow (each stays on its menu line, F1 stays help)."""

    def __init__(self) -> None:
        super().__init__()
        self.daily_done: bool | None = None
        self.review: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="menu-scroll"), Vertical(id="menu-body"):
            yield Static(Content("B O S C H   Q U I Z"), id="menu-title")
            yield Static(Content(TAGLINE), id="menu-tagline")
            yield Static(id="menu-player")
            yield OptionList(*self._options(), id="menu-options")
            yield Static(id="menu-status")
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        self.quiz.bank_changed.subscribe(self, self._on_bank_changed)
        self.quiz.store_changed.subscribe(self, self._on_store_changed)
        self._show_player()
        self._show_bank()
        self._refresh_status()
        self.call_after_refresh(self.quiz.start_background_loading)

    def on_screen_resume(self) -> None:
        self._refresh_status()

    # -- what the menu shows ----------------------------------------------------------------

    def _options(self) -> list[Option]:
        return [Option(self._label(entry), id=entry.key) for entry in MENU_ENTRIES]

    def _label(self, entry: MenuEntry) -> Content:
        note = ""
        if entry.key == "daily" and self.daily_done is not None:
            note = "done today ✓" if self.daily_done else "not played yet"
        elif entry.key == "review" and self.review is not None:
            due, missed = self.review
            note = f"{due} due" if due else (f"{missed} waiting" if missed else "nothing missed")
        return Content.from_markup(
            "[b]$key[/b]  $label[dim]$note",
            key=entry.shortcut,
            label=entry.label.ljust(20),
            note=note,
        )

    def _relabel(self) -> None:
        options = self.query_one("#menu-options", OptionList)
        for entry in MENU_ENTRIES:
            if entry.key in ("daily", "review"):
                options.replace_option_prompt(entry.key, self._label(entry))
        self.refresh_bindings()

    def _show_player(self) -> None:
        player = self.quiz.player
        text = (
            Content.from_markup("Detective [b]$name[/b]  [dim]n: change", name=player_name(player))
            if player is not None
            else Content.from_markup("[dim]No detective yet: press [b]n[/b] to sign in")
        )
        self.query_one("#menu-player", Static).update(text)

    def _show_bank(self) -> None:
        quiz = self.quiz
        if quiz.bank is not None:
            questions = len(quiz.bank.bank.questions)
            packs = len(quiz.bank.playable)
            text = Content(
                f"{points(questions)} questions in {packs} pack{'' if packs == 1 else 's'}"
            )
        elif quiz.bank_error is not None:
            text = Content("questions could not be loaded: see Packs")
        else:
            text = Content("loading questions…")
        self.query_one("#menu-status", Static).update(text)

    def _on_bank_changed(self, _: None) -> None:
        self._show_bank()
        self._refresh_status()
        self.refresh_bindings()

    def _on_store_changed(self, _: None) -> None:
        self._show_player()
        self._refresh_status()
        self.refresh_bindings()

    @work(thread=True, exclusive=True, exit_on_error=False, group="menu-status")
    def _refresh_status(self) -> None:
        quiz = self.quiz
        store, player = quiz.store, quiz.player
        if store is None or player is None:
            return
        now = quiz.services.clock.now()
        known = {q.id for q in quiz.bank.bank.questions} if quiz.bank is not None else None
        try:
            done = store.daily_played(player, now.date())
            stats = store.question_stats(player)
        except Exception:
            return
        missed = [
            s for s in stats.values() if s.box >= 1 and (known is None or s.question_id in known)
        ]
        due = sum(1 for s in missed if s.due is None or datetime.fromisoformat(s.due) <= now)
        self.post_message(MenuStatus(player, done, (due, len(missed))))

    def on_menu_status(self, message: MenuStatus) -> None:
        if message.player != self.quiz.player:
            return
        self.daily_done, self.review = message.daily_done, message.review
        self._relabel()

    # -- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "menu" and parameters:
            key = parameters[0]
            if key in ("play", "daily", "review") and self.quiz.bank is None:
                return None
            if key in ("daily", "review") and not self.quiz.store_resolved:
                return None
            if key == "review" and self.review is not None and self.review[1] == 0:
                return None
        return True

    @on(OptionList.OptionSelected, "#menu-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.call_later(self.run_action, f"menu('{event.option.id}')")

    def action_menu(self, key: str) -> None:
        if key in ("play", "daily", "review", "stats"):
            self._with_player(lambda: self._open(key))
            return
        self.post_message(OpenScreen(key))

    def _open(self, key: str) -> None:
        self.post_message(OpenScreen(key))

    def action_change_player(self) -> None:
        from boschquiz.tui.screens.player import PlayerScreen

        def chosen(name: str | None) -> None:
            if name:
                self.quiz.choose_player(name)

        self.app.push_screen(PlayerScreen(self.quiz.players, self.quiz.player), chosen)

    def _with_player(self, then: Callable[[], None]) -> None:
        if self.quiz.player is not None:
            then()
            return
        from boschquiz.tui.screens.player import PlayerScreen

        def chosen(name: str | None) -> None:
            if name:
                self.quiz.choose_player(name, then)

        self.app.push_screen(PlayerScreen(self.quiz.players, None), chosen)
