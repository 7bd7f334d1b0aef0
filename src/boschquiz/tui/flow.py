"""The game flow: one owner for a game, from the menu to its saved result.

    menu / New Game / palette ── OpenScreen, StartGame ──▶ GameFlow.start(settings)
        start worker (thread): start_game(...) reads the player's history from the store;
        a daily's try is written to the store (`begin_daily`) before its first question shows
    ── GameReady ──▶ QuestionScreen ── QuestionSettled ──▶ FeedbackScreen ── ContinueGame ──▶
        QuestionScreen ... ──▶ ResultsScreen, while the save worker records the game and
        hands the results its receipt (rank, previous best)
    LeaveGame, WalkAway, quit mid-game: the flow asks first; leaving a daily scores what
    was answered (nothing answered: no game saved, the try is still used), leaving any
    other game drops it

Screens render a round and post messages (`tui/messages.py`); only this module starts games,
moves between the game's screens, and saves. No store call runs on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from boschquiz.tui.messages import (
    GameNotStarted,
    GameReady,
    GameSaved,
    PartyReady,
    PartySaved,
    SaveFailed,
)

if TYPE_CHECKING:
    from pathlib import Path

    from boschquiz.core.model import Difficulty, GameRecord, Mode, Question, QuestionBank
    from boschquiz.game.history import HistorySource, InMemoryHistory
    from boschquiz.game.party import PartyRound
    from boschquiz.game.reports import ReportReason
    from boschquiz.game.round import Feedback, GameResult, GameRound
    from boschquiz.game.settings import GameSettings
    from boschquiz.store import Store
    from boschquiz.tui.app import BoschQuizApp
    from boschquiz.tui.screens.podium import PodiumScreen
    from boschquiz.tui.screens.results import ResultsScreen

TABLE_SIZE = 10
"""The results call a game ranked when it makes the top ten of its table (daily: of its date)."""


def sentence(text: str) -> str:
    """An engine message as a sentence for a notification: capital first, full stop last."""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


class GameFlow:
    """Starts games, moves between the game's screens, asks before leaving, saves, ranks.

    Built with the app, before the menu's first paint: the engine is imported only when a
    game starts."""

    def __init__(self, app: BoschQuizApp) -> None:
        self._app = app
        self.game: GameRound | None = None
        """The game on screen, until its results are shown (or it is left)."""
        self._starting = False
        self._results: ResultsScreen | None = None
        self._fallback_history: InMemoryHistory | None = None
        """Stands in for the store when the saves cannot be opened (the game stays playable)."""
        self._playtest = False
        """The game on screen is the studio's play-test: practice, never saved, and its
        results lead back to the studio."""
        self.party: PartyRound | None = None
        """The party on screen, until its podium is shown (or it is left)."""
        self._podium: PodiumScreen | None = None

    @property
    def in_game(self) -> bool:
        """A game is in progress: a question or its feedback is on screen, or a party."""
        return (self.game is not None and not self.game.finished) or self.party is not None

    # -- top-level screens ------------------------------------------------------------------

    def open(self, key: str) -> None:
        """Open a top-level screen by its menu key (the menu and the command palette)."""
        app = self._app
        if self.in_game and key != "help":
            return
        if key == "quit":
            app.exit(0)
        elif key == "play":
            from boschquiz.tui.screens.new_game import NewGameScreen

            app.push_screen(NewGameScreen(), self._new_game_chosen)
        elif key in ("daily", "review"):
            from boschquiz.core.model import Mode
            from boschquiz.game.settings import GameSettings

            self.start(GameSettings(mode=Mode.DAILY if key == "daily" else Mode.REVIEW))
        elif key == "scores":
            from boschquiz.tui.screens.scores import ScoresScreen

            app.push_screen(ScoresScreen())
        elif key == "stats":
            from boschquiz.tui.screens.stats import StatsScreen

            app.push_screen(StatsScreen())
        elif key == "packs":
            from boschquiz.tui.screens.packs import PacksScreen

            app.push_screen(PacksScreen())
        elif key == "help":
            app.action_help()

    def open_studio(self, path: Path) -> None:
        """The pack studio on `path` (`packs studio FILE`, the Packs screen's Studio)."""
        from boschquiz.core.served import is_served
        from boschquiz.tui.screens.studio import StudioScreen

        if self.in_game:
            return
        if is_served():
            self._app.notify("The pack studio is not available in a served game.", markup=False)
            return
        self._app.push_screen(StudioScreen(path))

    def _new_game_chosen(self, settings: GameSettings | None) -> None:
        if settings is not None:
            self.start(settings)

    # -- starting ---------------------------------------------------------------------------

    def start(self, settings: GameSettings) -> None:
        """Start a game: its questions are chosen in a worker, then the first one shows."""
        app = self._app
        if self.in_game or self._starting:
            return
        if app.bank is None:
            app.notify("The questions are still loading; try again in a moment.", markup=False)
            return
        from boschquiz.core.model import Mode

        if settings.mode is Mode.PARTY:
            self._start_party(settings)
            return
        if app.player is not None:
            settings = replace(settings, player=app.player)
        if settings.horizon is None:
            settings = replace(settings, horizon=app.player_horizon)
        if settings.seed is None and app.services.seed is not None:
            settings = replace(settings, seed=app.services.seed)
        self._leave_results()
        self._starting = True
        app.run_worker(
            partial(self._prepare, app.bank.bank, settings, app.store),
            thread=True,
            exclusive=True,
            exit_on_error=False,
            group="start-game",
        )

    # -- a party ----------------------------------------------------------------------------

    def _start_party(self, settings: GameSettings) -> None:
        """A party: its players named (`--players`), or chosen first on the party set-up."""
        from boschquiz.tui.party_keys import KeyBlockError, blocks_for

        app = self._app
        if settings.seed is None and app.services.seed is not None:
            settings = replace(settings, seed=app.services.seed)
        if not settings.players:
            from boschquiz.tui.screens.party_setup import PartySetupScreen

            def chosen(choice: tuple[tuple[str, ...], tuple[str, ...]] | None) -> None:
                if choice is not None:
                    players, blocks = choice
                    self._run_party(replace(settings, players=players), blocks)

            app.push_screen(PartySetupScreen(), chosen)
            return
        try:
            blocks = blocks_for(len(settings.players), app.party_keys)
        except KeyBlockError as exc:
            self.not_started(sentence(str(exc)))
            return
        self._run_party(settings, blocks)

    def _run_party(self, settings: GameSettings, blocks: tuple[str, ...]) -> None:
        app = self._app
        if self.in_game or self._starting or app.bank is None:
            return
        self._leave_results()
        self._starting = True
        app.run_worker(
            partial(self._prepare_party, app.bank.bank, settings, app.store, blocks),
            thread=True,
            exclusive=True,
            exit_on_error=False,
            group="start-game",
        )

    def _prepare_party(
        self,
        bank: QuestionBank,
        settings: GameSettings,
        store: Store | None,
        blocks: tuple[str, ...],
    ) -> None:
        """In a thread: make every player a real player in the store, read their histories
        and horizons, choose the questions."""
        from boschquiz.core.diagnostics import UserFacingError
        from boschquiz.game.history import InMemoryHistory as Memory
        from boschquiz.game.start import start_party

        clock = self._app.services.clock
        try:
            history: HistorySource
            horizons = []
            players = settings.players
            if store is not None:
                if not store.read_only:
                    players = tuple(store.ensure_player(name).name for name in players)
                horizons = [store.player_horizon(name).horizon for name in players]
                history = store
            else:
                if self._fallback_history is None:
                    self._fallback_history = Memory()
                history = self._fallback_history
            game = start_party(bank, settings, players, clock, history, horizons)
        except UserFacingError as exc:
            self._app.post_message(GameNotStarted(sentence(exc.message)))
            return
        except Exception as exc:
            self._app.post_message(GameNotStarted(f"The party could not start: {exc}"))
            return
        self._app.post_message(PartyReady(game, blocks))

    def party_ready(self, game: PartyRound, blocks: tuple[str, ...]) -> None:
        """The start worker's party: show its first question to every player."""
        from boschquiz.tui.screens.party import PartyScreen

        self._starting = False
        if game.notice:
            self._app.notify(sentence(game.notice), markup=False)
        self.party = game
        self._app.push_screen(PartyScreen(game, blocks))

    def party_finished(self, game: PartyRound) -> None:
        """The last reveal is over: the podium, while every player's game is saved at once."""
        from boschquiz.tui.screens.podium import PodiumScreen

        if self.party is not game:
            return
        self.party = None
        self._podium = PodiumScreen(game)
        self._app.switch_screen(self._podium)
        store = self._app.store
        if store is None:
            self.party_saved(PartySaved(game, self._app.store_error or "the saves are not open"))
            return
        self._app.run_worker(
            partial(self._record_party, store, game),
            thread=True,
            exit_on_error=False,
            group="save",
        )

    def _record_party(self, store: Store, game: PartyRound) -> None:
        """In a thread: save every player's game in one write (all or none)."""
        try:
            store.record_party(game.records())
        except Exception as exc:
            self._app.post_message(PartySaved(game, str(exc) or type(exc).__name__))
        else:
            self._app.post_message(PartySaved(game, None))

    def party_saved(self, message: PartySaved) -> None:
        if message.problem is not None:
            self._app.notify(
                f"The party could not be saved: {message.problem}", severity="error", markup=False
            )
        podium = self._podium
        if podium is not None and podium.game is message.game:
            podium.show_saved(message.problem)
        self._app.store_changed.publish(None)

    def start_playtest(self, questions: tuple[Question, ...]) -> None:
        """The studio's play-test: `questions` as a practice game, with a history of its own
        and no save, so nothing of it reaches the player's history, review or tables."""
        from boschquiz.core.model import Mode, QuestionBank
        from boschquiz.game.history import InMemoryHistory
        from boschquiz.game.settings import GameSettings

        if self.in_game or self._starting or not questions:
            return
        tiers = {q.difficulty for q in questions}
        settings = GameSettings(
            mode=Mode.PRACTICE,
            tier=tiers.pop() if len(tiers) == 1 else GameSettings().tier,
            questions=len(questions),
        )
        self._playtest = True
        self._starting = True
        self._app.run_worker(
            partial(self._prepare, QuestionBank(questions), settings, None, InMemoryHistory()),
            thread=True,
            exclusive=True,
            exit_on_error=False,
            group="start-game",
        )

    def _prepare(
        self,
        bank: QuestionBank,
        settings: GameSettings,
        store: Store | None,
        history_override: HistorySource | None = None,
    ) -> None:
        """In a thread: read the player's history, choose the questions, build the round."""
        from boschquiz.core.diagnostics import UserFacingError
        from boschquiz.game.history import InMemoryHistory as Memory
        from boschquiz.game.start import WIDENING_TOLD, start_game
        from boschquiz.store.errors import StoreError

        clock = self._app.services.clock
        history: HistorySource
        if history_override is not None:
            history = history_override
        elif store is not None:
            history = store
        else:
            if self._fallback_history is None:
                self._fallback_history = Memory()
            history = self._fallback_history
        try:
            told = store is not None and (
                store.player_settings(settings.player).get(WIDENING_TOLD) is True
            )
            game = start_game(
                bank, settings, clock, history, clock.now().date(), told_widening=told
            )
            if game.rules.scored_when_left and store is not None and not store.read_only:
                store.begin_daily(game.settings.player, clock.now().date())
            if game.tells_widening and store is not None and not store.read_only:
                with suppress(StoreError):  # not remembered: told again next time, no harm
                    store.save_player_settings(game.settings.player, {WIDENING_TOLD: True})
        except UserFacingError as exc:
            self._app.post_message(GameNotStarted(sentence(exc.message)))
            return
        except Exception as exc:
            self._app.post_message(GameNotStarted(f"The game could not start: {exc}"))
            return
        self._app.post_message(GameReady(game))

    def ready(self, game: GameRound) -> None:
        """The start worker's game: show its first question."""
        from boschquiz.tui.screens.question import QuestionScreen

        self._starting = False
        if game.notice:
            self._app.notify(sentence(game.notice), markup=False)
        self.game = game
        self._app.push_screen(QuestionScreen(game))

    def not_started(self, reason: str) -> None:
        self._starting = False
        self._playtest = False
        self._app.notify(reason, severity="warning", timeout=8, markup=False)

    # -- question, feedback, results --------------------------------------------------------

    def settled(self, feedback: Feedback) -> None:
        """The question on screen was answered, timed out or skipped: show the feedback."""
        from boschquiz.tui.screens.feedback import FeedbackScreen

        game = self.game
        if game is None or game.feedback is not feedback:
            return
        self._app.switch_screen(FeedbackScreen(game, feedback))

    def next(self) -> None:
        """Feedback is over: the next question, or the results."""
        from boschquiz.tui.screens.question import QuestionScreen

        game = self.game
        if game is None or game.feedback is None:
            return
        if game.next() is None:
            self._finish()
        else:
            self._app.switch_screen(QuestionScreen(game))

    def _finish(self) -> None:
        from boschquiz.tui.screens.results import ResultsScreen

        game = self.game
        assert game is not None
        assert game.finished
        result = game.summary()
        self.game = None
        playtest, self._playtest = self._playtest, False
        self._results = ResultsScreen(result, playtest=playtest)
        self._app.switch_screen(self._results)
        if not playtest:
            self._save(result)

    # -- leaving ----------------------------------------------------------------------------

    def ask_leave(self) -> None:
        """Esc mid-game: ask, then leave (a daily is scored on what was answered)."""
        if self.party is not None:
            self._confirm(
                "Leave this party? Nobody's game will be saved.",
                "Leave",
                "Keep playing",
                self._leave_party,
            )
            return
        game = self.game
        if game is None or not self.in_game:
            return
        if game.rules.scored_when_left:
            question = f"Leave today's daily? It counts as today's try, {_scored_on(game)}."
        else:
            question = "Leave this game? It will not be scored."
        self._confirm(question, "Leave", "Keep playing", self._leave)

    def _leave(self) -> None:
        game = self.game
        if game is None or not self.in_game:
            return
        if game.rules.scored_when_left and game.answers:
            game.leave()
            self._finish()
            return
        self.game = None
        self._playtest = False
        self._app.pop_screen()

    def _leave_party(self) -> None:
        if self.party is None:
            return
        self.party = None
        self._app.pop_screen()

    def ask_quit(self) -> None:
        """Ctrl+Q / Ctrl+C mid-game: ask, then quit (a daily is saved first)."""
        if self.party is not None:
            self._confirm(
                "Quit boschquiz? This party will not be saved.",
                "Quit",
                "Keep playing",
                lambda: self._app.exit(0),
            )
            return
        game = self.game
        if game is None or not self.in_game:
            self._app.exit(0)
            return
        if game.rules.scored_when_left:
            question = f"Quit boschquiz? Today's daily counts as played, {_scored_on(game)}."
        else:
            question = "Quit boschquiz? This game will not be scored."
        self._confirm(question, "Quit", "Keep playing", self._quit)

    def _quit(self) -> None:
        game = self.game
        if game is not None and self.in_game and game.rules.scored_when_left and game.answers:
            game.leave()
            self.game = None
            self._save(game.summary(), then=lambda: self._app.exit(0))
            return
        self._app.exit(0)

    def ask_walk_away(self) -> None:
        """Ladder: ask, then stop with the score so far."""
        from boschquiz.core.numbers import points

        game = self.game
        if game is None or not self.in_game or not game.rules.lifelines:
            return
        self._confirm(
            f"Walk away with {points(game.score)} points?",
            "Walk away",
            "Keep climbing",
            self._walk_away,
        )

    def _walk_away(self) -> None:
        game = self.game
        if game is None or not self.in_game:
            return
        game.walk_away()
        self._finish()

    # -- reporting a question --------------------------------------------------------------

    def ask_report(self, question: Question) -> None:
        """`r` on the feedback screen: ask why (a modal), then save the report in a worker,
        with the player's data."""
        from boschquiz.tui.screens.report import Chosen, ReportScreen

        store, game = self._app.store, self.game
        if store is None or game is None:
            self._app.notify(
                "Reports are saved with your player data, and the saves are not open.",
                severity="warning",
                markup=False,
            )
            return
        player = game.settings.player

        def chosen(answer: Chosen | None) -> None:
            if answer is not None:
                reason, note = answer
                self._app.run_worker(
                    partial(self._save_report, store, player, question.id, reason, note),
                    thread=True,
                    exit_on_error=False,
                    group="report",
                )

        self._app.push_screen(ReportScreen(question), chosen)

    def _save_report(
        self, store: Store, player: str, question_id: str, reason: ReportReason, note: str | None
    ) -> None:
        """In a thread: save the report; the outcome is a notification."""
        try:
            store.add_report(player, question_id, reason, note)
        except Exception as exc:
            self._app.call_from_thread(
                self._app.notify,
                f"The report could not be saved: {exc}",
                severity="warning",
                markup=False,
            )
            return
        self._app.call_from_thread(
            self._app.notify, f"Reported as {reason.label}; thank you.", markup=False
        )

    def _confirm(self, question: str, yes: str, no: str, then: Callable[[], None]) -> None:
        from boschquiz.tui.screens.confirm import ConfirmScreen

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                then()

        self._app.push_screen(ConfirmScreen(question, yes, no), answered)

    # -- after the results ------------------------------------------------------------------

    def play_again(self, settings: GameSettings) -> None:
        self.start(replace(settings, seed=self._app.services.seed))

    def show_scores(self, mode: Mode, tier: Difficulty) -> None:
        from boschquiz.tui.screens.scores import ScoresScreen

        self._leave_results()
        self._app.push_screen(ScoresScreen(mode=mode, tier=tier))

    def back_to_menu(self) -> None:
        self._leave_results()

    def _leave_results(self) -> None:
        results, self._results = self._results, None
        if results is not None and self._app.screen is results:
            self._app.pop_screen()
        podium, self._podium = self._podium, None
        if podium is not None and self._app.screen is podium:
            self._app.pop_screen()

    # -- saving -----------------------------------------------------------------------------

    def _save(self, result: GameResult, then: Callable[[], None] | None = None) -> None:
        """Record a finished game in a worker; the results screen shows the receipt."""
        store = self._app.store
        if store is None:
            self.saved(SaveFailed(result.record, self._app.store_error or "the saves are not open"))
            if then is not None:
                then()
            return
        self._app.run_worker(
            partial(self._record, store, result.record, then),
            thread=True,
            exit_on_error=False,
            group="save",
        )

    def _record(self, store: Store, record: GameRecord, then: Callable[[], None] | None) -> None:
        """In a thread: save the game; the store's receipt says where it ranks."""
        try:
            receipt = store.record_game(record)
        except Exception as exc:
            message: GameSaved | SaveFailed = SaveFailed(record, str(exc) or type(exc).__name__)
        else:
            rank = receipt.rank if receipt.rank is not None and receipt.rank <= TABLE_SIZE else None
            message = GameSaved(
                record, rank, receipt.previous_best, new_high_score=receipt.new_high_score
            )
        self._app.post_message(message)
        if then is not None:
            self._app.call_from_thread(then)

    def saved(self, message: GameSaved | SaveFailed) -> None:
        """The save worker's answer: tell the player, refresh what depends on the saves."""
        if isinstance(message, SaveFailed):
            self._app.notify(
                f"Your score could not be saved: {message.reason}", severity="error", markup=False
            )
        results = self._results
        if results is not None and results.result.record == message.record:
            results.show_saved(message)
        self._app.store_changed.publish(None)


def _scored_on(game: GameRound) -> str:
    """How a daily left now is scored, for the leave and quit dialogs."""
    count = len(game.answers)
    if count == 0:
        return "with nothing answered yet"
    return f"scored on the {count} question{'' if count == 1 else 's'} answered so far"
