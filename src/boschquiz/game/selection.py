"""Which questions a game asks, in which order, reproducibly from a seed.

Filters (packs, shows, categories) decide what matches. Within what matches, a tier's mix
sets how many of each difficulty to draw; when one difficulty runs short, the nearest
difficulties fill in. Within a difficulty, questions this player has never seen come first,
then the ones seen longest ago; ties are broken by the seeded random generator.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime

from boschquiz.core.model import (
    TRUE_FALSE_CHOICES,
    Difficulty,
    Question,
    QuestionStats,
    QuestionType,
)
from boschquiz.game.settings import GameSettings

LADDER_MIX: Mapping[Difficulty, float] = {
    Difficulty.EASY: 1 / 3,
    Difficulty.MEDIUM: 1 / 3,
    Difficulty.HARD: 1 / 3,
}
"""Ladder: five easy rungs, five medium, five hard."""


def matching(questions: Iterable[Question], settings: GameSettings) -> list[Question]:
    """The questions that pass the settings' pack, show and category filters."""
    packs = set(settings.packs)
    shows = set(settings.shows)
    categories = {c.casefold() for c in settings.categories}
    return [
        q
        for q in questions
        if (not packs or q.pack in packs)
        and (not shows or q.show in shows)
        and (not categories or (q.category or "").casefold() in categories)
    ]


def quotas(mix: Mapping[Difficulty, float], count: int) -> dict[Difficulty, int]:
    """`count` split by `mix`, largest remainder first (ties: easier first)."""
    exact = {d: mix.get(d, 0.0) * count for d in Difficulty}
    result = {d: int(exact[d]) for d in Difficulty}
    leftover = count - sum(result.values())
    by_remainder = sorted(Difficulty, key=lambda d: (-(exact[d] - result[d]), d.rank))
    for d in by_remainder[:leftover]:
        result[d] += 1
    return result


def by_preference(
    questions: Sequence[Question], stats: Mapping[str, QuestionStats], rng: random.Random
) -> list[Question]:
    """Unseen first (in random order), then seen longest ago first."""
    shuffled = list(questions)
    rng.shuffle(shuffled)

    def key(q: Question) -> tuple[int, datetime]:
        seen = stats.get(q.id)
        if seen is None or seen.seen == 0 or seen.last_seen is None:
            return (0, timestamp(None))
        return (1, timestamp(seen.last_seen))

    return sorted(shuffled, key=key)


TRUE_FALSE_SHARE = 0.4
"""At most this share of a game is true/false while other questions are there to draw."""


class _Mix:
    """Keeps a draw varied: one question per family, a cap on true/false questions, and
    true/false answers balanced, so no blind strategy ("always answer 1") pays off."""

    def __init__(self, count: int) -> None:
        self.families: set[str] = set()
        self.true_false_cap = max(1, math.floor(count * TRUE_FALSE_SHARE))
        self.answers: Counter[str] = Counter()

    def fits(self, q: Question, *, strict: bool) -> bool:
        if q.family in self.families:
            return False
        if not strict or q.type is not QuestionType.TRUE_FALSE:
            return True
        if sum(self.answers.values()) >= self.true_false_cap:
            return False
        other = next(c for c in TRUE_FALSE_CHOICES if c != q.answer)
        return self.answers[q.answer] <= self.answers[other]

    def add(self, q: Question) -> None:
        self.families.add(q.family)
        if q.type is QuestionType.TRUE_FALSE:
            self.answers[q.answer] += 1


def draw(
    questions: Sequence[Question],
    count: int,
    mix: Mapping[Difficulty, float],
    stats: Mapping[str, QuestionStats],
    rng: random.Random,
) -> list[Question]:
    """Up to `count` distinct questions following `mix`, in draw order (not yet shuffled).

    At most one question of a family (the forms generated from one fact) is drawn. True/false
    questions are capped and their answers balanced while other questions can fill the game;
    only when the bank runs short are those two preferences dropped.
    """
    pools = {
        d: by_preference([q for q in questions if q.difficulty is d], stats, rng)
        for d in Difficulty
    }
    wanted = quotas(mix, count)
    chosen: list[Question] = []
    variety = _Mix(count)

    def take(d: Difficulty, n: int, *, strict: bool) -> int:
        taken, rest = 0, []
        for q in pools[d]:
            if taken < n and variety.fits(q, strict=strict):
                chosen.append(q)
                variety.add(q)
                taken += 1
            else:
                rest.append(q)
        pools[d] = rest
        return taken

    for strict in (True, False):
        for d in Difficulty:
            have = sum(1 for q in chosen if q.difficulty is d)
            take(d, min(wanted[d] - have, count - len(chosen)), strict=strict)
        for d in sorted(Difficulty, key=lambda d: (-wanted[d], d.rank)):
            short = wanted[d] - sum(1 for q in chosen if q.difficulty is d)
            for neighbour in sorted(Difficulty, key=lambda n: (abs(n.rank - d.rank), n.rank)):
                if short <= 0:
                    break
                short -= take(neighbour, min(short, count - len(chosen)), strict=strict)
    return chosen[:count]


def one_per_family(questions: Iterable[Question]) -> list[Question]:
    """The questions in order, dropping any whose family came earlier."""
    families: set[str] = set()
    kept = []
    for q in questions:
        if q.family not in families:
            families.add(q.family)
            kept.append(q)
    return kept


def timestamp(text: str | None) -> datetime:
    """An ISO-8601 stamp as an aware datetime (naive ones are taken as UTC; None: long ago)."""
    if not text:
        return datetime.min.replace(tzinfo=UTC)
    stamp = datetime.fromisoformat(text)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def review_order(
    questions: Sequence[Question], stats: Mapping[str, QuestionStats]
) -> list[Question]:
    """Missed questions (Leitner box 1 and up), the most overdue first, then lower boxes."""
    missed = [q for q in questions if (s := stats.get(q.id)) is not None and s.box >= 1]

    def key(q: Question) -> tuple[datetime, int, str]:
        s = stats[q.id]
        return (timestamp(s.due), s.box, q.id)

    return sorted(missed, key=key)
