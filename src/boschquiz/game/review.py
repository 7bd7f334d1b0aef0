"""Leitner scheduling of missed questions, graded from right/wrong and answer time.

A question enters review (box 1) the first time it is missed. Each right answer moves it up
(two boxes when answered quickly, one when slow); a miss sends it back to box 1. The box sets
how long until it is due again. Questions never missed stay in box 0, out of review.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from boschquiz.core.model import Outcome, QuestionStats

MAX_BOX = 5

BOX_INTERVALS: dict[int, timedelta] = {
    1: timedelta(minutes=10),
    2: timedelta(days=1),
    3: timedelta(days=3),
    4: timedelta(days=7),
    5: timedelta(days=21),
}
"""How long after an answer a question in each box is due again."""

QUICK_FRACTION = 0.5
"""A right answer within this fraction of the time limit counts as quick."""

QUICK_UNTIMED_SECONDS = 10.0
"""Without a time limit (practice), a right answer within this many seconds counts as quick."""


def is_quick(seconds: float, time_limit: float | None) -> bool:
    """Whether a right answer was given quickly enough to jump two boxes."""
    if time_limit is None or time_limit <= 0:
        return seconds <= QUICK_UNTIMED_SECONDS
    return seconds <= time_limit * QUICK_FRACTION


def schedule(
    previous: QuestionStats | None,
    question_id: str,
    outcome: Outcome,
    seconds: float,
    time_limit: float | None,
    now: datetime,
) -> QuestionStats:
    """The stats of `question_id` after one more answer given at `now`.

    Wrong or timed out: box 1, due in ten minutes. Right: up two boxes when quick, one when
    slow (capped at `MAX_BOX`), due after that box's interval; a question never missed stays
    in box 0 with no due date. Skipped: seen, nothing else changes.
    """
    stats = previous or QuestionStats(question_id=question_id)
    seen = stats.seen + 1
    stamp = now.isoformat()
    if outcome is Outcome.SKIPPED:
        return replace(stats, seen=seen, last_seen=stamp)
    if outcome is Outcome.CORRECT:
        if stats.box == 0:
            return replace(stats, seen=seen, right=stats.right + 1, last_seen=stamp)
        box = min(MAX_BOX, stats.box + (2 if is_quick(seconds, time_limit) else 1))
        due = (now + BOX_INTERVALS[box]).isoformat()
        return replace(stats, seen=seen, right=stats.right + 1, last_seen=stamp, box=box, due=due)
    due = (now + BOX_INTERVALS[1]).isoformat()
    return replace(stats, seen=seen, wrong=stats.wrong + 1, last_seen=stamp, box=1, due=due)
