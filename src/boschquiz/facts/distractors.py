"""Wrong answers that are certainly wrong, and as close to the right one as the base allows.

A candidate is never the answer, never a spelling of it, and never anything the base states (or
contests) as also true for the same subject and relation. Among what is left, entities of the
answer's type that share its tags, its show, or its relation come first; ties are broken by a
random generator seeded per question, so the same seed gives the same wrong answers.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from boschquiz.core.model import Show
from boschquiz.core.spoilers import Spoiler
from boschquiz.facts.model import Entity, Fact, FactsBase, FactValue
from boschquiz.facts.templates import RelationSpec

T = TypeVar("T")

MAX_DISTRACTORS = 3
MIN_DISTRACTORS = 2
"""A choice question needs at least this many wrong answers, or it is not made."""


_NEARNESS = {1: 1.0, 2: 0.8, 3: 0.6}
"""How alike a near miss is to the answer, by its distance in steps (days for dates)."""


@dataclass(frozen=True)
class Distractor:
    """A wrong answer: an entity id or a value, and how alike it is to the answer (0 to 1)."""

    text: str
    similarity: float
    entity_id: str | None = None
    spoils: Spoiler | None = None
    """What showing this wrong answer reveals (the fact it comes from, or its entity's)."""


@dataclass(frozen=True, eq=False)
class _Profile:
    """What makes two entities alike: shared tags, shows they appear in, relations they hold.

    Interned (one instance per distinct profile), so it hashes and compares by identity.
    """

    tags: frozenset[str]
    shows: frozenset[Show]
    roles: frozenset[tuple[str, str]]


class Context:
    """What the distractor rules need to know about a base, computed once per base.

    Entities are grouped by type and profile, so picking wrong answers costs a pass over the
    few profiles of a type rather than a comparison with every entity.
    """

    def __init__(self, base: FactsBase) -> None:
        self.base = base
        shows: dict[str, set[Show]] = {}
        roles: dict[str, set[tuple[str, str]]] = {}
        self.values: dict[str, list[tuple[str, str, Spoiler | None]]] = {}
        mentions: dict[str, list[Spoiler | None]] = {}
        for fact in base.facts:
            for entity_id in (fact.subject, fact.object, fact.context):
                if entity_id is not None:
                    mentions.setdefault(entity_id, []).append(fact.spoils)
            show = self.fact_show(fact)
            for role, entity_id in (("subject", fact.subject), ("object", fact.object)):
                if entity_id is None:
                    continue
                shows.setdefault(entity_id, set()).add(show)
                roles.setdefault(entity_id, set()).add((fact.relation, role))
            if fact.value is not None and not fact.contested:
                entry = (fact.subject, str(fact.value), fact.spoils)
                self.values.setdefault(fact.relation, []).append(entry)
        self.reveals: dict[str, Spoiler] = {
            entity_id: _earliest(tags) for entity_id, tags in mentions.items() if None not in tags
        }
        """What naming an entity reveals: nothing (absent) when a fact that spoils nothing
        mentions it, else the earliest tag of the facts that do (any one of them reveals it;
        the earliest in the order of the shows is the one a cautious player has most likely
        seen)."""
        self.profiles: dict[str, _Profile] = {}
        self.groups: dict[str, dict[_Profile, list[Entity]]] = {}
        self.spellings: dict[str, frozenset[str]] = {}
        self._similar: dict[tuple[_Profile, _Profile, str, str], float] = {}
        self._tiers: dict[
            tuple[_Profile, str, str, str], list[tuple[float, list[list[Entity]]]]
        ] = {}
        interned: dict[tuple[frozenset[str], frozenset[Show], frozenset[tuple[str, str]]], _Profile]
        interned = {}
        for entity in base.entities.values():
            self.spellings[entity.id] = frozenset(s.casefold() for s in entity.spellings)
            key = (
                frozenset(entity.tags),
                frozenset(shows.get(entity.id, set()) - {Show.GENERAL}),
                frozenset(roles.get(entity.id, set())),
            )
            profile = interned.get(key) or interned.setdefault(key, _Profile(*key))
            self.profiles[entity.id] = profile
            self.groups.setdefault(entity.type, {}).setdefault(profile, []).append(entity)

    def tiers(
        self, answer: Entity, relation: str, role: str
    ) -> list[tuple[float, list[list[Entity]]]]:
        """The answer's type as groups of candidates, by similarity to it, the closest first."""
        key = (self.profiles[answer.id], answer.type, relation, role)
        known = self._tiers.get(key)
        if known is None:
            by_score: dict[float, list[list[Entity]]] = {}
            for profile, members in self.groups.get(answer.type, {}).items():
                score = self.similarity(profile, key[0], relation, role)
                by_score.setdefault(score, []).append(members)
            known = self._tiers[key] = sorted(by_score.items(), key=lambda item: -item[0])
        return known

    def fact_show(self, fact: Fact) -> Show:
        """The fact's own show, else that of its context, subject or object."""
        if fact.show is not None:
            return fact.show
        for entity_id in (fact.context, fact.subject, fact.object):
            entity = self.base.entities.get(entity_id) if entity_id else None
            if entity is not None and entity.show is not None:
                return entity.show
        return Show.GENERAL

    def similarity(self, candidate: _Profile, answer: _Profile, relation: str, role: str) -> float:
        """0.5 for a shared tag, 0.3 for a shared show, 0.2 for holding the same relation."""
        key = (candidate, answer, relation, role)
        known = self._similar.get(key)
        if known is None:
            known = self._similar[key] = self._similarity(candidate, answer, relation, role)
        return known

    @staticmethod
    def _similarity(candidate: _Profile, answer: _Profile, relation: str, role: str) -> float:
        score = 0.0
        if candidate.tags & answer.tags:
            score += 0.5
        if candidate.shows & answer.shows:
            score += 0.3
        if (relation, role) in candidate.roles:
            score += 0.2
        return round(score, 3)


def _earliest(tags: Iterable[Spoiler | None]) -> Spoiler:
    """The first tag in the order of the shows (then seasons); novels after every season."""
    order = {show: rank for rank, show in enumerate(Show)}
    return min(
        (t for t in tags if t is not None),
        key=lambda t: (t.show is None, order.get(t.show, 0) if t.show else 0, t.season, str(t)),
    )


def _shuffled(groups: Sequence[Sequence[T]], rng: random.Random) -> Iterator[T]:
    """The items of `groups`, as one pool, in random order, drawn lazily.

    Taking three wrong answers from thousands of candidates costs a few draws, not a shuffle
    of them all: positions are drawn at random and repeats redrawn, until half the pool is
    used; the rest, if ever wanted, is shuffled outright.
    """
    starts: list[int] = []
    total = 0
    for group in groups:
        starts.append(total)
        total += len(group)

    def item(position: int) -> T:
        where = bisect.bisect_right(starts, position) - 1
        return groups[where][position - starts[where]]

    drawn: set[int] = set()
    while len(drawn) * 2 < total:
        position = int(rng.random() * total)
        if position not in drawn:
            drawn.add(position)
            yield item(position)
    rest = [position for position in range(total) if position not in drawn]
    rng.shuffle(rest)
    for position in rest:
        yield item(position)


def entity_distractors(
    ctx: Context,
    answer_id: str,
    excluded: AbstractSet[str],
    relation: str,
    role: str,
    rng: random.Random,
    limit: int = MAX_DISTRACTORS,
) -> list[Distractor]:
    """Entities of the answer's type that are not `excluded` (every true or contested one),
    the most alike first."""
    answer = ctx.base.entities[answer_id]
    chosen: list[Distractor] = []
    seen = {answer.name.casefold()}
    answer_spellings = ctx.spellings[answer_id]
    for score, groups in ctx.tiers(answer, relation, role):
        for entity in _shuffled(groups, rng):
            if entity.id == answer_id or entity.id in excluded:
                continue
            if entity.name.casefold() in seen:
                continue
            if not answer_spellings.isdisjoint(ctx.spellings[entity.id]):
                continue
            seen.add(entity.name.casefold())
            chosen.append(Distractor(entity.name, score, entity.id, ctx.reveals.get(entity.id)))
            if len(chosen) == limit:
                return chosen
    return chosen


def text_distractors(
    ctx: Context, fact: Fact, spec: RelationSpec, rng: random.Random, limit: int = MAX_DISTRACTORS
) -> list[Distractor]:
    """What the source rules out first; for a closed relation, then other subjects' values."""
    true_values = {str(v).casefold() for v in ctx.base.values_of(fact.subject, fact.relation)}
    chosen: list[Distractor] = []
    seen = set(true_values)

    def take(text: str, similarity: float, spoils: Spoiler | None) -> bool:
        if text.casefold() not in seen:
            seen.add(text.casefold())
            chosen.append(Distractor(text, similarity, spoils=spoils))
        return len(chosen) == limit

    for text in _shuffled([fact.ruled_out], rng):
        if take(text, 1.0, fact.spoils):
            return chosen
    if spec.forward_closed or ctx.base.is_closed(fact.subject, fact.relation):
        for subject, text, spoils in _shuffled([ctx.values.get(fact.relation, [])], rng):
            if subject != fact.subject and take(text, 0.6, spoils):
                return chosen
    return chosen


def near_misses(
    value: FactValue, true_values: Iterable[FactValue], spec: RelationSpec, rng: random.Random
) -> list[tuple[FactValue, float]]:
    """Numbers, years and dates just beside the answer (2019, 2020, 2022 for 2021)."""
    true_set = set(true_values)
    found: list[tuple[FactValue, float]] = []
    if isinstance(value, date):
        for days in (-7, -1, 1, 7):
            found.append((value + timedelta(days=days), _NEARNESS.get(abs(days), 0.6)))
    elif isinstance(value, int):
        low = spec.value_min if spec.value_min is not None else -(10**9)
        high = spec.value_max if spec.value_max is not None else 10**9
        for step in (-2, -1, 1, 2, -3, 3):
            candidate = value + step
            if low <= candidate <= high:
                found.append((candidate, _NEARNESS[abs(step)]))
    found = [(v, s) for v, s in found if v not in true_set and v != value]
    rng.shuffle(found)
    closest_first = sorted(found, key=lambda item: -item[1])
    return closest_first[:MAX_DISTRACTORS]
