"""A game in progress as the screens share it: the engine's round plus what the UI remembers."""

from __future__ import annotations

from dataclasses import dataclass, field

from boschquiz.core.model import Mode, Outcome
from boschquiz.game.round import Feedback, GameRound

TIMED_MODES = frozenset({Mode.CLASSIC, Mode.BLITZ, Mode.LADDER, Mode.DAILY, Mode.REVIEW})


@dataclass
class GameSession:
    """One game: the round, and every feedback so far (the ladder's rungs, the results dots)."""

    round: GameRound
    feedbacks: list[Feedback] = field(default_factory=list)

    @property
    def mode(self) -> Mode:
        return self.round.settings.mode

    @property
    def timed(self) -> bool:
        return self.mode in TIMED_MODES

    @property
    def rung_points(self) -> tuple[int, ...]:
        """Ladder: the points each climbed rung earned, bottom rung first."""
        return tuple(f.points.total for f in self.feedbacks)

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return tuple(f.outcome for f in self.feedbacks)
