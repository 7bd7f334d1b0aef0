"""Wrong answers that are certainly wrong, and as close to the right one as the base allows.

A candidate is never the answer, never a spelling of it, and never anything the base states (or
contests) as also true for the same subject and relation. Among what is left, entities of the
answer's type that share its tags, its show, or its relation come first; ties are broken by a
random generator seeded per question, so the same seed gives the same wrong answers.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from boschquiz.core.model import Show
from boschquiz.facts.model import Entity, Fact, FactsBase, FactValue
from boschquiz.facts.templates import RelationSpec

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


class Context:
    """What the distractor rules need to know about a base, computed once per base."""

    def __init__(self, base: FactsBase) -> None:
        self.base = base
        self.by_type: dict[str, list[Entity]] = {}
        for entity in base.entities.values():
            self.by_type.setdefault(entity.type, []).append(entity)
        self.shows: dict[str, set[Show]] = {}
        self.roles: dict[str, set[tuple[str, str]]] = {}
        for fact in base.facts:
            show = self.fact_show(fact)
            for role, entity_id in (("subject", fact.subject), ("object", fact.object)):
                if entity_id is None:
                    continue
                self.shows.setdefault(entity_id, set()).add(show)
                self.roles.setdefault(entity_id, set()).add((fact.relation, role))

    def fact_show(self, fact: Fact) -> Show:
        """The fact's own show, else that of its context, subject or object."""
        if fact.show is not None:
            return fact.show
        for entity_id in (fact.context, fact.subject, fact.object):
            entity = self.base.entities.get(entity_id) if entity_id else None
            if entity is not None and entity.show is not None:
                return entity.show
        return Show.GENERAL

    def similarity(self, candidate: Entity, answer: Entity, relation: str, role: str) -> float:
        score = 0.0
        if set(candidate.tags) & set(answer.tags):
            score += 0.5
        if self.shows.get(candidate.id, set()) & self.shows.get(answer.id, set()) - {Show.GENERAL}:
            score += 0.3
        if (relation, role) in self.roles.get(candidate.id, set()):
            score += 0.2
        return round(score, 3)


def _same_spelling(a: Entity, b: Entity) -> bool:
    return bool({s.casefold() for s in a.spellings} & {s.casefold() for s in b.spellings})


def _pick(candidates: list[Distractor], rng: random.Random, limit: int) -> list[Distractor]:
    keyed = [(-c.similarity, rng.random(), c) for c in candidates]
    keyed.sort(key=lambda item: (item[0], item[1]))
    chosen: list[Distractor] = []
    seen: set[str] = set()
    for _, _, candidate in keyed:
        key = candidate.text.casefold()
        if key not in seen:
            seen.add(key)
            chosen.append(candidate)
        if len(chosen) == limit:
            break
    return chosen


def entity_distractors(
    ctx: Context,
    answer_id: str,
    excluded: Iterable[str],
    relation: str,
    role: str,
    rng: random.Random,
    limit: int = MAX_DISTRACTORS,
) -> list[Distractor]:
    """Entities of the answer's type that are not `excluded` (every true or contested one)."""
    answer = ctx.base.entities[answer_id]
    banned = set(excluded) | {answer_id}
    pool = [
        Distractor(e.name, ctx.similarity(e, answer, relation, role), e.id)
        for e in ctx.by_type.get(answer.type, [])
        if e.id not in banned and not _same_spelling(e, answer)
    ]
    return _pick(pool, rng, limit)


def text_distractors(
    ctx: Context, fact: Fact, spec: RelationSpec, rng: random.Random, limit: int = MAX_DISTRACTORS
) -> list[Distractor]:
    """What the source rules out; for a closed relation also other subjects' values."""
    true_values = {str(v).casefold() for v in ctx.base.values_of(fact.subject, fact.relation)}
    pool = [Distractor(text, 1.0) for text in fact.ruled_out]
    if spec.forward_closed:
        for other in ctx.base.facts_of(fact.relation):
            if other.subject != fact.subject and other.value is not None and not other.contested:
                pool.append(Distractor(str(other.value), 0.6))
    pool = [d for d in pool if d.text.casefold() not in true_values]
    return _pick(pool, rng, limit)


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
