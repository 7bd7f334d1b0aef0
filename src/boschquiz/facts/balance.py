"""Shaping the generated bank so each tier plays fairly: true/false questions at most 40% of a
tier, and their answers split between True and False within 45-55%.

A fact makes up to six forms but a game asks at most one of them, so the bank has far more
true/false statements than a tier should hold (every fact makes a true statement; only closed
relations make a false one). Within each tier, the surplus statements are left out, those of
facts that still have another question first, then in an order fixed by the seed. A tier with
fewer than `MIN_TIER` questions is left as it is: too few to balance.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Sequence

from boschquiz.core.model import TRUE_FALSE_CHOICES, Difficulty, Question, QuestionType

MAX_TRUE_FALSE_SHARE = 0.4
TRUE_SHARE_RANGE = (0.45, 0.55)
MIN_TIER = 10


def split(total: int, trues: int, falses: int) -> tuple[int, int] | None:
    """How many true and false statements to keep out of the ones available, `total` in all,
    with True between 45% and 55%; None when no split of that size fits."""
    low, high = TRUE_SHARE_RANGE
    best: tuple[int, int] | None = None
    for t in range(math.ceil(low * total), math.floor(high * total) + 1):
        f = total - t
        if t <= trues and f <= falses and (best is None or abs(t - f) < abs(best[0] - best[1])):
            best = (t, f)
    return best


def balanced(questions: Sequence[Question], seed: int) -> tuple[Question, ...]:
    """The questions, in their order, less the surplus true/false statements of each tier."""
    family_size = Counter(q.family for q in questions)

    def keep_first(q: Question) -> tuple[int, int]:
        return (family_size[q.family], zlib.crc32(f"{seed}/{q.id}".encode()))

    dropped: set[str] = set()
    for tier in Difficulty:
        in_tier = [q for q in questions if q.difficulty is tier]
        if len(in_tier) < MIN_TIER:
            continue
        statements = [q for q in in_tier if q.type is QuestionType.TRUE_FALSE]
        others = len(in_tier) - len(statements)
        trues = sorted((q for q in statements if q.answer == TRUE_FALSE_CHOICES[0]), key=keep_first)
        falses = sorted(
            (q for q in statements if q.answer != TRUE_FALSE_CHOICES[0]), key=keep_first
        )
        cap = math.floor(others * MAX_TRUE_FALSE_SHARE / (1 - MAX_TRUE_FALSE_SHARE))
        for total in range(min(cap, len(statements)), -1, -1):
            kept = split(total, len(trues), len(falses))
            if kept is not None:
                dropped.update(q.id for q in trues[kept[0] :])
                dropped.update(q.id for q in falses[kept[1] :])
                break
    return tuple(q for q in questions if q.id not in dropped)
