"""Difficulty tiers: which questions are drawn, seconds per question, choices shown, points.

Time to read is part of the limit: a tier's seconds cover a question of up to
`FREE_WORDS` words (prompt and choices together); every `WORDS_PER_SECOND` words beyond that
add a second, up to `MAX_READING_ALLOWANCE`. A question's own `time_limit` wins outright.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from boschquiz.core.model import Difficulty, Question

FREE_WORDS = 25
"""Words a tier's seconds already cover: a typical prompt and four short choices."""
WORDS_PER_SECOND = 4.0
"""A comfortable silent-reading pace (240 words a minute)."""
MAX_READING_ALLOWANCE = 15


@dataclass(frozen=True)
class TierRules:
    """What a tier changes. `choices_shown` None means every choice of the question."""

    tier: Difficulty
    seconds: int
    choices_shown: int | None
    multiplier: float
    mix: Mapping[Difficulty, float]
    """Share of each question difficulty drawn at this tier (sums to 1)."""


TIERS: Mapping[Difficulty, TierRules] = {
    Difficulty.EASY: TierRules(
        Difficulty.EASY,
        seconds=30,
        choices_shown=3,
        multiplier=1.0,
        mix={Difficulty.EASY: 0.7, Difficulty.MEDIUM: 0.3, Difficulty.HARD: 0.0},
    ),
    Difficulty.MEDIUM: TierRules(
        Difficulty.MEDIUM,
        seconds=20,
        choices_shown=None,
        multiplier=1.5,
        mix={Difficulty.EASY: 0.2, Difficulty.MEDIUM: 0.6, Difficulty.HARD: 0.2},
    ),
    Difficulty.HARD: TierRules(
        Difficulty.HARD,
        seconds=12,
        choices_shown=None,
        multiplier=2.0,
        mix={Difficulty.EASY: 0.0, Difficulty.MEDIUM: 0.3, Difficulty.HARD: 0.7},
    ),
}


def word_count(question: Question) -> int:
    return len(question.prompt.split()) + sum(len(choice.split()) for choice in question.choices)


def reading_allowance(question: Question) -> int:
    """Extra whole seconds a long question gets to be read."""
    extra_words = max(0, word_count(question) - FREE_WORDS)
    return min(MAX_READING_ALLOWANCE, math.ceil(extra_words / WORDS_PER_SECOND))


def time_limit_for(question: Question, tier: Difficulty) -> float:
    """Seconds to answer `question` at `tier`: its own limit, else the tier's plus reading time."""
    if question.time_limit is not None:
        return float(question.time_limit)
    return float(TIERS[tier].seconds + reading_allowance(question))
