"""The Textual application and its factory, `make_app`.

Nothing here opens a file at import time. Loading the question bank and opening the store run
in thread workers that post messages; the handlers below own every state change and announce
it on a signal the screens subscribe to.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import Reactive
from textual.screen import Screen
from textual.signal import Signal
from textual.theme import Theme

from boschquiz.services import Services
from boschquiz.tui.messages import (
    BankFailed,
    BankLoaded,
    GameSaved,
    SaveFailed,
    StoreFailed,
    StoreOpened,
)
from boschquiz.tui.themes import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from boschquiz.core.model import GameRecord
    from boschquiz.game.settings import GameSettings
    from boschquiz.packs.bank import BankLoad
    from boschquiz.store import PlayerRecord, Store


class BoschQuizApp(App[int]):
    """The game. Exits with a process return code (0 for a normal quit)."""

    CSS_PATH = "app.tcss"
    theme: Reactive[str] = Reactive(DEFAULT_THEME)
    """The game's own theme from the first frame (see `get_theme`); a player's saved choice
    replaces it when they sign in."""
    TITLE = "boschquiz"
    SUB_TITLE = "trivia from the Bosch universe"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, show=False),
        Binding("f1", "help", "Help", id="help", show=False),
    ]

    def __init__(self, services: Services, *, start: GameSettings | None = None) -> None:
        super().__init__()
        self.services = services
        self.pending_start = start
        self.bank: BankLoad | None = None
        self.bank_error: str | None = None
        self.store: Store | None = None
        self.store_error: str | None = None
        self.players: tuple[str, ...] = ()
        self.player: str | None = None
        if start is not None:
            from boschquiz.game.settings import DEFAULT_PLAYER

            if start.player != DEFAULT_PLAYER:
                self.player = start.player
        self.player_settings: dict[str, Any] = {}
        self.bank_changed: Signal[None] = Signal(self, "bank-changed")
        self.store_changed: Signal[None] = Signal(self, "store-changed")
        self.game_saved: Signal[GameSaved | SaveFailed] = Signal(self, "game-saved")
        self._loading_started = False
        for theme in THEMES.values():
            self.register_theme(theme)

    def get_theme(self, theme_name: str) -> Theme | None:
        """Textual's lookup, also knowing our themes before `__init__` has registered them.

        Textual builds the stylesheet from the current theme inside `App.__init__`, before a
        subclass can register one. Setting `theme` after that queued a second full stylesheet
        refresh before the first frame: 3% more Python calls before the menu painted.
        """
        return super().get_theme(theme_name) or THEMES.get(theme_name)

    # -- start-up ---------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The menu is the app's first screen (no extra screen switch before the first paint)."""
        from boschquiz.tui.screens.menu import MenuScreen

        return MenuScreen()

    def start_background_loading(self) -> None:
        """Read the packs and open the saves, once, after the menu's first paint (so the
        workers' imports and parsing do not compete with it for the interpreter)."""
        if self._loading_started:
            return
        self._loading_started = True
        self.load_bank()
        self.open_store()

    @work(thread=True, exclusive=True, exit_on_error=False, group="bank")
    def load_bank(self) -> None:
        """Read every pack (and the generated questions) off the UI thread."""
        try:
            from boschquiz.packs.bank import load_bank

            load = load_bank(
                self.services.paths,
                self.services.extra_packs,
                only_extra=self.services.only_extra_packs,
            )
        except Exception as exc:  # a broken install must still leave a usable menu
            self.post_message(BankFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(BankLoaded(load))

    @work(thread=True, exclusive=True, exit_on_error=False, group="store")
    def open_store(self) -> None:
        """Open the saves off the UI thread; a problem leaves the game playable without saving."""
        try:
            from boschquiz.store import Store

            store = Store(self.services.paths.saves, self.services.clock)
            store.open()
            records = store.players()
            notices = tuple(store.notices())
        except Exception as exc:
            self.post_message(StoreFailed(str(exc) or type(exc).__name__))
            return
        settings = {p.name: dict(p.settings) for p in records}
        self.post_message(StoreOpened(store, settings, _last_active(records), notices))

    def reload_bank(self) -> None:
        """Read the packs again from disk (the Packs screen's reload key)."""
        self.load_bank()

    def on_bank_loaded(self, message: BankLoaded) -> None:
        self.bank, self.bank_error = message.load, None
        broken = [p for p in message.load.packs if any(d.is_error for d in p.diagnostics)]
        if broken:
            names = ", ".join(str(p.path.name) for p in broken)
            count = "1 pack" if len(broken) == 1 else f"{len(broken)} packs"
            self.notify(
                f"{count} could not be loaded: {names}. See Packs for details.",
                severity="warning",
                markup=False,
            )
        self.bank_changed.publish(None)
        self._start_pending_game()

    def on_bank_failed(self, message: BankFailed) -> None:
        self.bank_error = message.reason
        self.notify(
            f"Questions could not be loaded: {message.reason}", severity="error", markup=False
        )
        self.bank_changed.publish(None)

    def on_store_opened(self, message: StoreOpened) -> None:
        self.store, self.store_error = message.store, None
        self.players = tuple(message.settings)
        for notice in message.notices:
            self.notify(notice, severity="warning", timeout=12, markup=False)
        player = self.player if self.player is not None else message.last_player
        if player is not None:
            self._select_player(player, message.settings.get(player, {}))
        self.store_changed.publish(None)
        self._start_pending_game()

    def on_store_failed(self, message: StoreFailed) -> None:
        self.store_error = message.reason
        self.notify(
            f"Saves are unavailable, scores will not be kept: {message.reason}",
            severity="error",
            timeout=12,
            markup=False,
        )
        self.store_changed.publish(None)
        self._start_pending_game()

    @property
    def store_resolved(self) -> bool:
        """True once the saves are open, or known to be unavailable."""
        return self.store is not None or self.store_error is not None

    def _start_pending_game(self) -> None:
        """`boschquiz play`: start once both the questions and the saves are ready, so the
        daily game and review see the player's history."""
        if self.pending_start is None or self.bank is None or not self.store_resolved:
            return
        settings, self.pending_start = self.pending_start, None
        self.start_game(settings)

    # -- players and settings ---------------------------------------------------------------

    def _select_player(self, name: str, settings: dict[str, Any] | None = None) -> None:
        """Make `name` current with their settings (read from the store when not given)."""
        self.player = name
        self.player_settings = dict(settings) if settings is not None else {}
        if settings is None and self.store is not None:
            try:
                self.player_settings = dict(self.store.player_settings(name))
            except Exception as exc:
                self.notify(f"Settings could not be read: {exc}", severity="warning", markup=False)
        theme = self.player_settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    def choose_player(self, name: str) -> None:
        """Make `name` the current player, creating them in the store if new."""
        if self.store is not None:
            try:
                name = self.store.ensure_player(name).name
                self.players = tuple(p.name for p in self.store.players())
            except Exception as exc:
                self.notify(f"Player could not be saved: {exc}", severity="error", markup=False)
        elif name not in self.players:
            self.players = (*self.players, name)
        self._select_player(name)
        self.remember(last_active=self.services.clock.now().isoformat())
        self.store_changed.publish(None)

    def remember(self, **settings: Any) -> None:
        """Save player settings (last choices, theme); failing to save is only a notice."""
        self.player_settings.update(settings)
        if self.store is None or self.player is None:
            return
        try:
            self.store.save_player_settings(self.player, dict(self.player_settings))
        except Exception as exc:
            self.notify(f"Settings could not be saved: {exc}", severity="warning", markup=False)

    def watch_theme(self, theme: str) -> None:
        if self.player is not None and self.player_settings.get("theme") != theme:
            self.remember(theme=theme)

    # -- games ------------------------------------------------------------------------------

    def start_game(self, settings: GameSettings) -> None:
        from boschquiz.tui.screens.question import begin_game

        begin_game(self, settings)

    @work(thread=True, exit_on_error=False, group="save")
    def save_game(self, record: GameRecord) -> None:
        """Record a finished game off the UI thread; failure becomes a notification."""
        store = self.store
        if store is None:
            self.post_message(SaveFailed(record, self.store_error or "the saves are not open"))
            return
        try:
            receipt = store.record_game(record)
        except Exception as exc:
            self.post_message(SaveFailed(record, str(exc) or type(exc).__name__))
            return
        rank = receipt.rank if receipt.rank is not None and receipt.rank <= TABLE_SIZE else None
        self.post_message(
            GameSaved(record, rank, receipt.previous_best, new_high_score=receipt.new_high_score)
        )

    def on_game_saved(self, message: GameSaved) -> None:
        self.game_saved.publish(message)

    def on_save_failed(self, message: SaveFailed) -> None:
        self.notify(
            f"Your score could not be saved: {message.reason}", severity="error", markup=False
        )
        self.game_saved.publish(message)

    # -- actions ----------------------------------------------------------------------------

    def action_help(self) -> None:
        from boschquiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        from boschquiz.tui.screens.confirm import ConfirmScreen

        screen = self.screen
        if getattr(screen, "IN_GAME", False):
            hold = getattr(screen, "hold_clock", None)
            release = getattr(screen, "release_clock", None)
            if hold is not None:
                hold()

            def answered(confirmed: bool | None) -> None:
                if confirmed:
                    self.exit(0)
                elif release is not None:
                    release()

            self.push_screen(
                ConfirmScreen(
                    "Quit the game? This round will not be scored.", "Quit", "Keep playing"
                ),
                answered,
            )
            return
        self.exit(0)

    def open_screen(self, name: str) -> None:
        """Open a top-level screen by name (menu entries and the command palette)."""
        from boschquiz.tui.screens.menu import open_named_screen

        open_named_screen(self, name)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from boschquiz.tui.screens.menu import MENU_ENTRIES

        for entry in MENU_ENTRIES:
            if entry.key == "quit":
                continue
            yield SystemCommand(
                entry.label, entry.help, lambda key=entry.key: self.open_screen(key)
            )
        yield from super().get_system_commands(screen)


def make_app(services: Services, *, start: GameSettings | None = None) -> BoschQuizApp:
    """The app built from its services; with `start`, it goes straight into that game."""
    return BoschQuizApp(services, start=start)


def run_app(app: BoschQuizApp) -> int:
    """Run the app to its end; SIGTERM and SIGHUP close it like a quit, status 128 + signal.

    The signal only asks the event loop to exit (the terminal is restored, a save in flight
    finishes in its worker); an unfinished game is not saved, as with any quit mid-game. When
    the terminal itself is gone (a hang-up), Textual cannot restore it and its shutdown can
    block, so the process ends by itself after `EXIT_GRACE_SECONDS` whatever happens.
    """
    import asyncio
    import os
    import threading

    from boschquiz.core.signals import exit_with_status, graceful_exit

    def on_signal(signum: int) -> None:
        deadline = threading.Timer(EXIT_GRACE_SECONDS, os._exit, args=(128 + signum,))
        deadline.daemon = True
        deadline.start()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            exit_with_status(signum)
            return
        loop.call_soon_threadsafe(lambda: app.exit(return_code=128 + signum))

    with graceful_exit(on_signal):
        code = app.run()
    return code if code is not None else (app.return_code or 0)


EXIT_GRACE_SECONDS = 3.0
"""How long a signalled app may take to shut down before the process ends regardless."""


TABLE_SIZE = 10
"""A game ranks when it makes the top ten of its mode and tier (daily: of its date)."""


def _last_active(players: list[PlayerRecord]) -> str | None:
    """The player who last signed in on this machine (kept in their settings)."""
    stamped = [(str(p.settings.get("last_active", "")), p.name) for p in players]
    return max(stamped)[1] if stamped else None
