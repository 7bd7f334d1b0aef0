"""The ladder's information: its rungs with their values and difficulty, what a fall costs,
and how a game ended. Pure functions of the tier, the questions and the answers, so the TUI,
plain mode and `boschquiz history` tell the same story.

**Rung values: each rung's guaranteed minimum.** The ladder keeps the scoring of every other
mode (speed and streak count), so no rung has a fixed value in advance; instead each rung shows
what a right answer there earns *at least*: the tier's guaranteed half (`scoring.score_answer`
at the deadline) plus the streak bonus a player who got every rung before it right would have,
and the running total of those minimums. A fast player earns more than the table says, never
less (a skip earns nothing and keeps the streak, so after a skip the minimums are a little
high). This keeps old and new ladder games comparable in one table and `scores --verify`
unchanged. Millionaire's fixed values would make a second scoring to record per game and two
tables; the minimum gives the same tension (what is at stake, what a fall costs) with real,
earned numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from boschquiz.core.model import Difficulty, GameRecord, Mode, Outcome
from boschquiz.core.numbers import points
from boschquiz.game import scoring

RUNGS = 15
SAFE_HAVENS = scoring.LADDER_SAFE_HAVENS
LOCK_IN_FROM = 11
"""With the "final answer?" setting on, rungs from here up ask before an answer counts."""

CURVE: Sequence[Difficulty] = (
    (Difficulty.EASY,) * 5 + (Difficulty.MEDIUM,) * 5 + (Difficulty.HARD,) * 5
)
"""The planned difficulty of each rung (the nearest difficulty fills in on a small bank)."""


@dataclass(frozen=True)
class Rung:
    number: int
    difficulty: Difficulty
    minimum: int
    """Points a right answer here earns at least (every rung before it right)."""
    total: int
    """The score on reaching this rung with every answer right, at the least."""
    safe_haven: bool


def rung_table(
    tier: Difficulty, difficulties: Sequence[Difficulty] = CURVE, *, steady: bool = False
) -> tuple[Rung, ...]:
    """The ladder's rungs, bottom first, for a game at `tier` (steady or not) whose questions
    have `difficulties` (one per rung)."""
    rungs: list[Rung] = []
    total = 0
    for number, difficulty in enumerate(difficulties, start=1):
        least = scoring.score_answer(
            outcome=Outcome.CORRECT,
            seconds=1.0,
            time_limit=1.0,
            tier=tier,
            steady=steady,
            streak=number,
            mode=Mode.LADDER,
        ).total
        total += least
        rungs.append(Rung(number, difficulty, least, total, number in SAFE_HAVENS))
    return tuple(rungs)


def rung_values(rungs: Sequence[Rung], earned: Sequence[int]) -> tuple[int, ...]:
    """What each rung stands for as the climb goes, bottom first: a climbed rung (one per
    entry of `earned`, its points), the score on reaching it; a rung above, the score now
    plus the guaranteed minimum of every rung up to it: what reaching it is worth at least."""
    values: list[int] = []
    total = 0
    for index, rung in enumerate(rungs):
        total += earned[index] if index < len(earned) else rung.minimum
        values.append(total)
    return tuple(values)


def landing(haven: int, banked: int) -> str:
    """Where a fall lands: "the safe haven at 5 (5,854)", or "the ground (0)" (haven 0)."""
    return f"the safe haven at {haven} ({points(banked)})" if haven else "the ground (0)"


def haven_below(rung: int) -> int:
    """The highest safe haven strictly below `rung` (0: the ground)."""
    return max((haven for haven in SAFE_HAVENS if haven < rung), default=0)


@dataclass(frozen=True)
class Fall:
    """A miss on the ladder: from the last rung climbed back to the haven below it."""

    from_rung: int
    from_score: int
    to_rung: int
    """0: back to the ground (no haven reached yet)."""
    to_score: int

    def sentence(self) -> str:
        """ "from rung 8 (8,802) back to the safe haven at 5 (5,854)"."""
        if self.from_rung == 0:
            return "at the first rung, with nothing climbed yet (0)"
        start = f"from rung {self.from_rung} ({points(self.from_score)})"
        return f"{start} back to {landing(self.to_rung, self.to_score)}"


def fall_news(fall: Fall, score: int) -> str:
    """The fall told to the player, with what the ladder ends on."""
    return f"You fall {fall.sentence()}; the ladder ends with {points(score)} points."


def haven_cheer(rung: int, score: int) -> str:
    """Reaching safe haven `rung` with `score`, celebrated."""
    return (
        f"Safe haven! Rung {rung} reached: {points(score)} points are banked, whatever"
        " happens next."
    )


def fall_after(answer_points: Sequence[int]) -> Fall:
    """The fall for a ladder whose last answer in `answer_points` (its points, one per rung
    settled) was a miss."""
    climbed = len(answer_points) - 1
    haven = haven_below(climbed + 1)
    return Fall(
        from_rung=climbed,
        from_score=sum(answer_points[:climbed]),
        to_rung=haven,
        to_score=sum(answer_points[:haven]),
    )


class LadderEnd(StrEnum):
    TOP = "top"
    WALKED = "walked away"
    FELL = "fell"


@dataclass(frozen=True)
class LadderResult:
    end: LadderEnd
    rung: int
    """The rung reached (climbed: answered right or skipped)."""
    score: int
    fall: Fall | None = None

    def sentence(self) -> str:
        if self.end is LadderEnd.TOP:
            return f"Top of the ladder: all {self.rung} rungs climbed, {points(self.score)} points."
        if self.end is LadderEnd.WALKED:
            return f"Walked away at rung {self.rung} of {RUNGS} with {points(self.score)} points."
        assert self.fall is not None
        return f"Fell {self.fall.sentence()}."


def ladder_result(record: GameRecord, rungs: int = RUNGS) -> LadderResult:
    """How a finished ladder game ended, from its answers alone (so old games tell it too)."""
    outcomes = [answer.outcome for answer in record.answers]
    if outcomes and outcomes[-1] in (Outcome.WRONG, Outcome.TIMEOUT):
        fall = fall_after([answer.points for answer in record.answers])
        return LadderResult(LadderEnd.FELL, fall.from_rung, record.score, fall)
    end = LadderEnd.TOP if len(outcomes) >= rungs else LadderEnd.WALKED
    return LadderResult(end, len(outcomes), record.score)
