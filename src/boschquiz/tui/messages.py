"""Messages up: what workers and screens tell the app.

Workers never touch widgets; screens never start games or open other full screens. The app's
handlers own the state, and hand everything about a game to its `GameFlow`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from boschquiz.core.model import Difficulty, GameRecord, Mode, Question
    from boschquiz.game.party import PartyRound
    from boschquiz.game.round import Feedback, GameRound
    from boschquiz.game.settings import GameSettings
    from boschquiz.packs.bank import BankLoad
    from boschquiz.store import Store


class BankLoaded(Message):
    def __init__(self, load: BankLoad) -> None:
        super().__init__()
        self.load = load


class BankFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class StoreOpened(Message):
    def __init__(
        self,
        store: Store,
        settings: dict[str, dict[str, Any]],
        last_player: str | None,
        notices: tuple[str, ...],
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        """Every player's saved settings, by name."""
        self.last_player = last_player
        self.notices = notices


class PlayerSignedIn(Message):
    """A sign-in worker created (or found) the player and read their settings."""

    def __init__(
        self,
        name: str,
        players: tuple[str, ...] | None,
        settings: dict[str, Any],
        problem: str | None,
        then: Callable[[], None] | None,
        *,
        ask_horizon: bool = False,
    ) -> None:
        super().__init__()
        self.name = name
        self.players = players
        """Every player now in the store; None when it could not be read."""
        self.settings = settings
        self.problem = problem
        self.then = then
        self.ask_horizon = ask_horizon
        """Ask how far they have watched before `then`: a player with no game and no
        answer yet (a new player; one whose first sign-in was cut short)."""


class StoreFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class GameSaved(Message):
    def __init__(
        self,
        record: GameRecord,
        rank: int | None,
        previous_best: int | None,
        *,
        new_high_score: bool = False,
    ) -> None:
        super().__init__()
        self.record = record
        self.rank = rank
        """1-based place in the table for the game's mode and tier; None when not in the top
        or not ranked."""
        self.previous_best = previous_best
        self.new_high_score = new_high_score
        """The store's word (`SaveReceipt.new_high_score`): ranked, and beats the table."""


class SaveFailed(Message):
    def __init__(self, record: GameRecord, reason: str) -> None:
        super().__init__()
        self.record = record
        self.reason = reason


# -- what the screens ask of the game flow (`boschquiz.tui.flow`) -----------------------------


class OpenScreen(Message):
    """Open a top-level screen by its menu key ("play", "daily", "scores", ...)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


class PlayAgain(Message):
    """The results' Play again: a new game with the same settings."""

    def __init__(self, settings: GameSettings) -> None:
        super().__init__()
        self.settings = settings


class GameReady(Message):
    """A start worker chose the questions; the first one can be shown."""

    def __init__(self, game: GameRound) -> None:
        super().__init__()
        self.game = game


class GameNotStarted(Message):
    """A start worker found why the game cannot start: a sentence for the player."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class QuestionSettled(Message):
    """The question on screen was answered, timed out or skipped."""

    def __init__(self, feedback: Feedback) -> None:
        super().__init__()
        self.feedback = feedback


class ContinueGame(Message):
    """Feedback is over: the next question, or the results."""


class LeaveGame(Message):
    """The player asked to leave the game in progress (the flow asks to confirm)."""


class ReportQuestion(Message):
    """The player wants to report the question just answered (the flow asks why, then saves
    the report in a worker)."""

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question


class WalkAway(Message):
    """Ladder: the player asked to stop and keep the score (the flow asks to confirm)."""


class ShowScores(Message):
    """Results: leave them for the high-score table of this mode and tier."""

    def __init__(self, mode: Mode, tier: Difficulty) -> None:
        super().__init__()
        self.mode = mode
        self.tier = tier


class OpenStudio(Message):
    """Open the pack studio on a pack file (the Packs screen's Studio)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class PlayTest(Message):
    """The studio's play-test: these questions as a practice game that is never saved."""

    def __init__(self, questions: tuple[Question, ...]) -> None:
        super().__init__()
        self.questions = questions


class BackToMenu(Message):
    """Results: back to the main menu."""


class EditHorizon(Message):
    """New game's `w`: the player wants to change how far they have watched (the app asks
    and keeps the answer with the player, then publishes `horizon_changed`)."""


class PartyReady(Message):
    """A start worker chose a party's questions; the first one can be shown to everyone."""

    def __init__(self, game: PartyRound, blocks: tuple[str, ...]) -> None:
        super().__init__()
        self.game = game
        self.blocks = blocks


class PartyFinished(Message):
    """A party game's last question was revealed and the players went on: save, then podium."""

    def __init__(self, game: PartyRound) -> None:
        super().__init__()
        self.game = game


class PartySaved(Message):
    """The save worker's word on a party: every player's game saved (`problem` None), or
    none of them, and why."""

    def __init__(self, game: PartyRound, problem: str | None) -> None:
        super().__init__()
        self.game = game
        self.problem = problem
