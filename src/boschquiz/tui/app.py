"""The Textual application and its factory, `make_app`.

Nothing here opens a file at import time. Loading the question bank and opening the store run
in thread workers that post messages; the handlers below own every state change and announce
it on a signal the screens subscribe to. Everything about a game (starting it, its screens,
leaving, saving, ranking) belongs to its `GameFlow` (`tui/flow.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import Reactive
from textual.screen import Screen
from textual.signal import Signal
from textual.theme import Theme

from boschquiz.services import Services
from boschquiz.tui.flow import GameFlow
from boschquiz.tui.messages import (
    BackToMenu,
    BankFailed,
    BankLoaded,
    ContinueGame,
    EditHorizon,
    GameNotStarted,
    GameReady,
    GameSaved,
    LeaveGame,
    OpenScreen,
    OpenStudio,
    PartyFinished,
    PartyReady,
    PartySaved,
    PlayAgain,
    PlayerSignedIn,
    PlayTest,
    QuestionSettled,
    ReportQuestion,
    SaveFailed,
    ShowScores,
    StoreFailed,
    StoreOpened,
    WalkAway,
)
from boschquiz.tui.themes import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from pathlib import Path

    from boschquiz.core.spoilers import Horizon
    from boschquiz.game.settings import GameSettings
    from boschquiz.packs.bank import BankLoad
    from boschquiz.store import PlayerRecord, Store


class BoschQuizApp(App[int]):
    """The game. Exits with a process return code (0 for a normal quit)."""

    CSS_PATH = "app.tcss"
    theme: Reactive[str] = Reactive(DEFAULT_THEME)
    """The game's own theme from the first frame (see `get_theme`); a player's saved choice
    replaces it when they sign in."""
    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-medium"), (24, "-tall")]  # noqa: RUF012
    """Screens get `-short` under 16 rows and `-medium` under 24: their stylesheets drop
    padding and spacing there. (Textual types the attribute as an instance variable.)"""
    TITLE = "boschquiz"
    SUB_TITLE = "trivia from the Bosch universe"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q,ctrl+c", "quit", "Quit", id="quit", priority=True, show=False),
        Binding("f1", "help", "Help", id="help", show=False),
    ]

    def __init__(
        self,
        services: Services,
        *,
        start: GameSettings | None = None,
        studio: Path | None = None,
        party_keys: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.services = services
        self.pending_start = start
        self.party_keys = party_keys
        """`--party-keys`: the key blocks of a party's seats, in order (defaults fill the rest)."""
        self.pending_studio = studio
        """`boschquiz packs studio FILE`: the studio opens over the menu at start."""
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
        self.player_horizon: Horizon | None = None
        """How far the current player has watched, saved with them (None: everything, book
        spoilers off; not read yet, or never set). Games take it unless `play --watched`
        chose one."""
        self.bank_changed: Signal[None] = Signal(self, "bank-changed")
        self.store_changed: Signal[None] = Signal(self, "store-changed")
        self.horizon_changed: Signal[None] = Signal(self, "horizon-changed")
        """The current player's horizon was set (New game shows it)."""
        self.flow = GameFlow(self)
        """The game in progress, and every move between the game's screens."""
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
        if self.pending_studio is not None:
            path, self.pending_studio = self.pending_studio, None
            self.flow.open_studio(path)

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
        self.flow.start(settings)

    # -- players and settings ---------------------------------------------------------------

    def _select_player(self, name: str, settings: dict[str, Any]) -> None:
        """Make `name` current with their saved settings (their theme, their horizon)."""
        from boschquiz.store.horizon import horizon_from_settings

        self.player = name
        self.player_settings = dict(settings)
        theme = self.player_settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        saved = horizon_from_settings(self.player_settings)
        self.player_horizon = saved.horizon
        if saved.problem is not None:
            self.notify(
                f"{saved.problem} Set it on New game (w).",
                severity="warning",
                timeout=12,
                markup=False,
            )

    def choose_player(self, name: str, then: Callable[[], None] | None = None) -> None:
        """Make `name` the current player (created in the store if new), then call `then`.

        The store is read and written in a worker; `then` runs once the player's settings
        are known (New Game pre-fills from them)."""
        self.player = name
        if name not in self.players:
            self.players = (*self.players, name)
        self._sign_in(name, then)

    @work(thread=True, exclusive=True, exit_on_error=False, group="player")
    def _sign_in(self, name: str, then: Callable[[], None] | None) -> None:
        from boschquiz.store.horizon import horizon_from_settings

        settings: dict[str, Any] = {}
        players: tuple[str, ...] | None = None
        problem: str | None = None
        played = 0
        store = self.store
        if store is not None:
            try:
                record = store.ensure_player(name)
                name, played = record.name, record.games
                players = tuple(p.name for p in store.players())
                settings = dict(store.player_settings(name))
            except Exception as exc:
                problem = f"Player could not be saved: {exc}"
        ask = played == 0 and not horizon_from_settings(settings).answered
        self.post_message(PlayerSignedIn(name, players, settings, problem, then, ask_horizon=ask))

    def on_player_signed_in(self, message: PlayerSignedIn) -> None:
        if message.problem is not None:
            self.notify(message.problem, severity="error", markup=False)
        if message.players is not None:
            self.players = message.players
        self._select_player(message.name, message.settings)
        self.remember(last_active=self.services.clock.now().isoformat())
        self.store_changed.publish(None)
        then = message.then
        if message.ask_horizon:
            self._ask_horizon(then)
        elif then is not None:
            then()

    def _ask_horizon(self, then: Callable[[], None] | None) -> None:
        """A new player: how far have they watched? Asked once; skipping keeps everything."""
        from boschquiz.core.spoilers import Horizon
        from boschquiz.tui.screens.horizon import SignInHorizonScreen

        def answered(horizon: Horizon | None) -> None:
            self.set_horizon(horizon if horizon is not None else Horizon.everything())
            if then is not None:
                then()

        current = self.player_horizon or Horizon.everything()
        self.push_screen(SignInHorizonScreen(self.player, current), answered)

    def on_edit_horizon(self, _: EditHorizon) -> None:
        """New game's `w`: ask, and keep a changed horizon with the player."""
        from boschquiz.core.spoilers import Horizon
        from boschquiz.tui.screens.horizon import HorizonScreen

        def answered(horizon: Horizon | None) -> None:
            if horizon is not None:
                self.set_horizon(horizon)

        current = self.player_horizon or Horizon.everything()
        self.push_screen(HorizonScreen(self.player, current), answered)

    def set_horizon(self, horizon: Horizon) -> None:
        """The current player's horizon: used from their next game, saved with them."""
        from boschquiz.store.horizon import HORIZON_KEY, horizon_to_settings

        self.player_horizon = horizon
        self.remember(**{HORIZON_KEY: horizon_to_settings(horizon)})
        self.horizon_changed.publish(None)

    def remember(self, **settings: Any) -> None:
        """Save player settings (last choices, theme) in a worker; failing is only a notice."""
        self.player_settings.update(settings)
        if self.store is None or self.player is None:
            return
        self._save_settings(self.store, self.player, dict(self.player_settings))

    @work(thread=True, exit_on_error=False, group="settings")
    def _save_settings(self, store: Store, player: str, settings: dict[str, Any]) -> None:
        try:
            store.save_player_settings(player, settings)
        except Exception as exc:
            self.call_from_thread(
                self.notify,
                f"Settings could not be saved: {exc}",
                severity="warning",
                markup=False,
            )

    def watch_theme(self, theme: str) -> None:
        if self.player is not None and self.player_settings.get("theme") != theme:
            self.remember(theme=theme)

    # -- the game flow: screens post, the flow acts -----------------------------------------

    def on_open_screen(self, message: OpenScreen) -> None:
        self.flow.open(message.key)

    def on_play_again(self, message: PlayAgain) -> None:
        self.flow.play_again(message.settings)

    def on_game_ready(self, message: GameReady) -> None:
        self.flow.ready(message.game)

    def on_game_not_started(self, message: GameNotStarted) -> None:
        self.flow.not_started(message.reason)

    def on_question_settled(self, message: QuestionSettled) -> None:
        self.flow.settled(message.feedback)

    def on_continue_game(self, _: ContinueGame) -> None:
        self.flow.next()

    def on_leave_game(self, _: LeaveGame) -> None:
        self.flow.ask_leave()

    def on_report_question(self, message: ReportQuestion) -> None:
        self.flow.ask_report(message.question)

    def on_walk_away(self, _: WalkAway) -> None:
        self.flow.ask_walk_away()

    def on_show_scores(self, message: ShowScores) -> None:
        self.flow.show_scores(message.mode, message.tier)

    def on_back_to_menu(self, _: BackToMenu) -> None:
        self.flow.back_to_menu()

    def on_open_studio(self, message: OpenStudio) -> None:
        self.flow.open_studio(message.path)

    def on_play_test(self, message: PlayTest) -> None:
        self.flow.start_playtest(message.questions)

    def on_party_ready(self, message: PartyReady) -> None:
        self.flow.party_ready(message.game, message.blocks)

    def on_party_finished(self, message: PartyFinished) -> None:
        self.flow.party_finished(message.game)

    def on_party_saved(self, message: PartySaved) -> None:
        self.flow.party_saved(message)

    def on_game_saved(self, message: GameSaved) -> None:
        self.flow.saved(message)

    def on_save_failed(self, message: SaveFailed) -> None:
        self.flow.saved(message)

    # -- actions ----------------------------------------------------------------------------

    def action_help(self) -> None:
        from boschquiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        """Ctrl+Q and Ctrl+C: quit, asking first mid-game."""
        self.flow.ask_quit()

    def open_screen(self, name: str) -> None:
        """Open a top-level screen by name (menu entries and the command palette)."""
        self.flow.open(name)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette: the menu's actions (mid-game only help), the theme, quit.

        Textual's developer commands (Keys, Maximize, Screenshot) are not a game's: they are
        left out, not inherited."""
        from boschquiz.tui.screens.menu import MENU_ENTRIES

        for entry in MENU_ENTRIES:
            if entry.key == "quit" or (self.flow.in_game and entry.key != "help"):
                continue
            yield SystemCommand(
                entry.label, entry.help, lambda key=entry.key: self.open_screen(key)
            )
        yield SystemCommand("Theme", "Change the colours (ours first)", self.action_change_theme)
        yield SystemCommand("Quit", "Leave the game", self.action_quit)

    def search_themes(self) -> None:
        """The theme picker, with the game's own themes at the top of the list."""
        from textual.command import CommandPalette

        from boschquiz.tui.themes import GameThemeProvider

        self.push_screen(
            CommandPalette(providers=[GameThemeProvider], placeholder="Search for themes…")
        )


def make_app(
    services: Services,
    *,
    start: GameSettings | None = None,
    studio: Path | None = None,
    party_keys: tuple[str, ...] = (),
) -> BoschQuizApp:
    """The app built from its services; with `start`, it goes straight into that game; with
    `studio`, into the pack studio on that file. `party_keys`: a party's key blocks."""
    return BoschQuizApp(services, start=start, studio=studio, party_keys=party_keys)


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


def _last_active(players: list[PlayerRecord]) -> str | None:
    """The player who last signed in on this machine (kept in their settings)."""
    stamped = [(str(p.settings.get("last_active", "")), p.name) for p in players]
    return max(stamped)[1] if stamped else None
