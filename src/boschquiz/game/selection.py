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
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

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
    """The questions that pass the settings' pack, show and category filters and spoil
    nothing past the player's horizon."""
    packs = set(settings.packs)
    shows = set(settings.shows)
    categories = {c.casefold() for c in settings.categories}
    horizon = settings.spoiler_horizon
    return [
        q
        for q in questions
        if (not packs or q.pack in packs)
        and (not shows or q.show in shows)
        and (not categories or (q.category or "").casefold() in categories)
        and (not q.spoils or horizon.allows_texts(q.spoils))
    ]


def shared_stats(
    players: Sequence[Mapping[str, QuestionStats]],
) -> dict[str, QuestionStats]:
    """Several players' histories as one, for a game they play together: a question counts as
    seen when any of them has seen it, last seen when the latest of them saw it. Drawing from
    it prefers questions none of them has seen."""
    merged: dict[str, QuestionStats] = {}
    for stats in players:
        for question_id, mine in stats.items():
            if is_fresh(mine):
                continue
            known = merged.get(question_id)
            if known is None or (known.last_seen or "") < (mine.last_seen or ""):
                merged[question_id] = mine
    return merged


def quotas(mix: Mapping[Difficulty, float], count: int) -> dict[Difficulty, int]:
    """`count` split by `mix`, largest remainder first (ties: easier first)."""
    exact = {d: mix.get(d, 0.0) * count for d in Difficulty}
    result = {d: int(exact[d]) for d in Difficulty}
    leftover = count - sum(result.values())
    by_remainder = sorted(Difficulty, key=lambda d: (-(exact[d] - result[d]), d.rank))
    for d in by_remainder[:leftover]:
        result[d] += 1
    return result


def is_fresh(stats: QuestionStats | None) -> bool:
    """Never asked to this player (review asks again by design; every other mode counts)."""
    return stats is None or stats.seen == 0 or stats.last_seen is None


@dataclass(frozen=True)
class History:
    """What a player's stats say about facts: those asked in the last game, and those ever
    asked (a fact is a question family: its forms give each other away)."""

    last_game: frozenset[str]
    ever: frozenset[str]

    @classmethod
    def of(cls, questions: Sequence[Question], stats: Mapping[str, QuestionStats]) -> History:
        if not stats:
            return cls(frozenset(), frozenset())
        seen = [q for q in questions if not is_fresh(stats.get(q.id))]
        if not seen:
            return cls(frozenset(), frozenset())
        when: dict[str, datetime] = {}
        for q in seen:
            stamp = timestamp(stats[q.id].last_seen)
            if q.family not in when or stamp > when[q.family]:
                when[q.family] = stamp
        latest = max(when.values())
        last = frozenset(f for f in when if when[f] == latest)
        return cls(last, frozenset(q.family for q in seen))


def by_preference(
    questions: Sequence[Question],
    stats: Mapping[str, QuestionStats],
    rng: random.Random,
    history: History | None = None,
) -> list[Question]:
    """Unseen first, then seen longest ago first. Among unseen ones: facts not asked in the
    last game before those that were, facts never asked before those asked; ties random."""
    known = history or History(frozenset(), frozenset())
    shuffled = list(questions)
    rng.shuffle(shuffled)

    def key(q: Question) -> tuple[int, int, int, datetime]:
        seen = stats.get(q.id)
        recent = 1 if q.family in known.last_game else 0
        if is_fresh(seen):
            return (0, recent, 1 if q.family in known.ever else 0, timestamp(None))
        assert seen is not None
        return (1, recent, 0, timestamp(seen.last_seen))

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


@dataclass(frozen=True)
class Drawn:
    """A draw, and the tiers whose unseen questions ran out so that others stood in."""

    questions: list[Question]
    widened_from: tuple[Difficulty, ...] = ()


def draw(
    questions: Sequence[Question],
    count: int,
    mix: Mapping[Difficulty, float],
    stats: Mapping[str, QuestionStats],
    rng: random.Random,
) -> list[Question]:
    return drawing(questions, count, mix, stats, rng).questions


def drawing(
    questions: Sequence[Question],
    count: int,
    mix: Mapping[Difficulty, float],
    stats: Mapping[str, QuestionStats],
    rng: random.Random,
) -> Drawn:
    """Up to `count` distinct questions following `mix`, in draw order (not yet shuffled).

    No repeats while the bank allows: questions this player has never seen are drawn first,
    from the wanted tiers and, when a tier has no unseen one left, from the nearest tiers
    (`widened_from` names the tiers that ran dry); only when every matching question has been
    seen are seen ones drawn again, those seen longest ago first. At most one question of a
    family (the forms generated from one fact) is drawn, and facts asked in the last game come
    after the others. True/false questions are capped and their answers balanced while other
    questions can fill the game; only when the bank runs short are those preferences dropped.
    """
    history = History.of(questions, stats)
    pools = {
        d: by_preference([q for q in questions if q.difficulty is d], stats, rng, history)
        for d in Difficulty
    }
    wanted = quotas(mix, count)
    chosen: list[Question] = []
    variety = _Mix(count)

    def have(d: Difficulty) -> int:
        return sum(1 for q in chosen if q.difficulty is d)

    unseen: dict[Difficulty, list[Question]] = {}
    stale: dict[Difficulty, list[Question]] = {}
    for d in Difficulty:
        unseen[d], stale[d] = [], []
        for q in pools[d]:
            (unseen[d] if is_fresh(stats.get(q.id)) else stale[d]).append(q)
    """Each tier's pool split in two, both in preference order: never seen, and seen."""

    def take_from(pool: list[Question], n: int, strict: bool) -> tuple[int, list[Question]]:
        """Up to `n` from the head of `pool`; stops as soon as it has them, so a game never
        walks the whole of a large pool. Returns the count and what is left."""
        taken, skipped, at = 0, [], 0
        while at < len(pool) and taken < n:
            q = pool[at]
            if variety.fits(q, strict=strict):
                chosen.append(q)
                variety.add(q)
                taken += 1
            else:
                skipped.append(q)
            at += 1
        return taken, skipped + pool[at:]

    def take(d: Difficulty, n: int, *, strict: bool, fresh_only: bool) -> int:
        if n <= 0:
            return 0
        taken, unseen[d] = take_from(unseen[d], n, strict)
        if not fresh_only and taken < n:
            more, stale[d] = take_from(stale[d], n - taken, strict)
            taken += more
        return taken

    def fill(*, strict: bool, fresh_only: bool) -> None:
        for d in Difficulty:
            take(
                d,
                min(wanted[d] - have(d), count - len(chosen)),
                strict=strict,
                fresh_only=fresh_only,
            )
        for d in sorted(Difficulty, key=lambda d: (-wanted[d], d.rank)):
            short = wanted[d] - have(d)
            for neighbour in sorted(Difficulty, key=lambda n: (abs(n.rank - d.rank), n.rank)):
                if short <= 0:
                    break
                short -= take(
                    neighbour,
                    min(short, count - len(chosen)),
                    strict=strict,
                    fresh_only=fresh_only,
                )

    for strict in (True, False):
        fill(strict=strict, fresh_only=True)
    dry = tuple(d for d in Difficulty if have(d) < wanted[d] and stale[d])
    widened = dry if len(chosen) > sum(min(have(d), wanted[d]) for d in Difficulty) else ()
    for strict in (True, False):
        fill(strict=strict, fresh_only=False)
    return Drawn(chosen[:count], widened)


def one_per_family(questions: Iterable[Question]) -> list[Question]:
    """The questions in order, dropping any whose family came earlier."""
    families: set[str] = set()
    kept = []
    for q in questions:
        if q.family not in families:
            families.add(q.family)
            kept.append(q)
    return kept


@lru_cache(maxsize=8192)
def timestamp(text: str | None) -> datetime:
    """An ISO-8601 stamp as an aware datetime (naive ones are taken as UTC; None: long ago).
    Cached: a history repeats each game's stamp for its ten questions."""
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
