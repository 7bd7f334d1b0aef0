"""The facts base as loaded: sources, entities and the facts that link them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from boschquiz.core.model import Show
from boschquiz.core.spoilers import Spoiler


class ValueKind(StrEnum):
    """What a relation points at: another entity, or a value of one of these kinds."""

    ENTITY = "entity"
    TEXT = "text"
    NUMBER = "number"
    YEAR = "year"
    DATE = "date"


class Canon(StrEnum):
    """Which canon a fact belongs to: the real world (cast, dates, production), the shows'
    story, or the novels' story."""

    REAL = "real"
    TV = "tv"
    BOOKS = "books"


class DateIs(StrEnum):
    """What a source's date is: the page's publication, a snapshot's, or when we read it."""

    PUBLISHED = "published"
    SNAPSHOT = "snapshot"
    RETRIEVED = "retrieved"


class Salience(StrEnum):
    """How well known a fact is; shifts the difficulty tier of its questions."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


FactValue = str | int | date
"""A fact's value: text, a number or a year (int), or a calendar date."""


@dataclass(frozen=True)
class Source:
    """A page facts come from: its own title, address, publisher and date.

    `cite_as` is how a prompt refers to it ("According to <cite_as>, ..."); it defaults to the
    publisher, then the title.
    """

    id: str
    title: str
    date: str
    publisher: str | None = None
    note: str | None = None
    cite_as: str | None = None
    url: str | None = None
    date_is: DateIs = DateIs.PUBLISHED

    @property
    def citation(self) -> str:
        """How feedback names the page: `Bosch (TV series) (Wikipedia, snapshot of 2024-03-01)`."""
        when = {
            DateIs.PUBLISHED: self.date,
            DateIs.SNAPSHOT: f"snapshot of {self.date}",
            DateIs.RETRIEVED: f"retrieved {self.date}",
        }[self.date_is]
        who = f"{self.publisher}, " if self.publisher else ""
        return f"{self.title} ({who}{when})"

    @property
    def cited_as(self) -> str:
        return self.cite_as or self.publisher or self.title


@dataclass(frozen=True)
class Entity:
    """A series, character, person, organisation, ... `aliases` count as right when typed."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    show: Show | None = None
    """For a series of the franchise, or a season: which show it is."""
    season: int | None = None
    """For a season: its number (1 to the show's last, `core.spoilers.SEASONS`)."""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Fact:
    """One statement: `subject` `relation` `object` (an entity id) or `value`.

    `contested` explains why the sources disagree on this fact: it yields no question, and its
    object is never offered as a wrong answer either. `ruled_out` lists values the source itself
    says are false; they make safe wrong answers. `spoils` is what reveals the fact (None: it
    spoils nothing); `closed` says the base lists every true answer for its subject and
    relation.
    """

    id: str
    subject: str
    relation: str
    sources: tuple[str, ...]
    canon: Canon = Canon.REAL
    spoils: Spoiler | None = None
    object: str | None = None
    value: FactValue | None = None
    context: str | None = None
    detail: str | None = None
    note: str | None = None
    as_of: str | None = None
    salience: Salience = Salience.MEDIUM
    show: Show | None = None
    ruled_out: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    """Other spellings of a text value that count when typed."""
    contested: str | None = None
    settled: str | None = None
    closed: bool = False
    line: int = 0
    """Where the fact starts in its file (0 when unknown); for messages, not identity."""


@dataclass(frozen=True)
class FactsBase:
    """Every source, entity and fact, merged from one or more files, in file order."""

    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: tuple[Fact, ...] = ()

    def objects_of(self, subject: str, relation: str) -> frozenset[str]:
        """Every object the base states (or contests) for `subject` `relation`."""
        return self._index().objects.get((subject, relation), frozenset())

    def subjects_of(self, relation: str, obj: str) -> frozenset[str]:
        """Every subject the base states (or contests) has `relation` to `obj`."""
        return self._index().subjects.get((relation, obj), frozenset())

    def values_of(self, subject: str, relation: str) -> frozenset[FactValue]:
        return self._index().values.get((subject, relation), frozenset())

    def subjects_with_value(self, relation: str, value: FactValue) -> frozenset[str]:
        """Every subject the base gives `value` for `relation` (text compared without case)."""
        return self._index().value_subjects.get((relation, _value_key(value)), frozenset())

    def facts_of(self, relation: str) -> tuple[Fact, ...]:
        return self._index().by_relation.get(relation, ())

    def facts_about(self, subject: str, relation: str) -> tuple[Fact, ...]:
        """Every fact of `subject` `relation` (contested ones too), in base order."""
        return self._index().about.get((subject, relation), ())

    def is_closed(self, subject: str, relation: str) -> bool:
        """True when every fact of `subject` `relation` says `closed: true`."""
        return (subject, relation) in self._index().closed

    def _index(self) -> _Index:
        cached: _Index | None = self.__dict__.get("_cached_index")
        if cached is None:
            cached = _Index.build(self.facts)
            object.__setattr__(self, "_cached_index", cached)
        return cached


@dataclass(frozen=True)
class _Index:
    objects: dict[tuple[str, str], frozenset[str]]
    subjects: dict[tuple[str, str], frozenset[str]]
    values: dict[tuple[str, str], frozenset[FactValue]]
    value_subjects: dict[tuple[str, str], frozenset[str]]
    by_relation: dict[str, tuple[Fact, ...]]
    about: dict[tuple[str, str], tuple[Fact, ...]]
    closed: frozenset[tuple[str, str]]

    @classmethod
    def build(cls, facts: tuple[Fact, ...]) -> _Index:
        objects: dict[tuple[str, str], set[str]] = {}
        subjects: dict[tuple[str, str], set[str]] = {}
        values: dict[tuple[str, str], set[FactValue]] = {}
        value_subjects: dict[tuple[str, str], set[str]] = {}
        by_relation: dict[str, list[Fact]] = {}
        closed: dict[tuple[str, str], bool] = {}
        about: dict[tuple[str, str], list[Fact]] = {}
        for fact in facts:
            by_relation.setdefault(fact.relation, []).append(fact)
            pair = (fact.subject, fact.relation)
            about.setdefault(pair, []).append(fact)
            closed[pair] = closed.get(pair, True) and fact.closed
            if fact.object is not None:
                objects.setdefault((fact.subject, fact.relation), set()).add(fact.object)
                subjects.setdefault((fact.relation, fact.object), set()).add(fact.subject)
            if fact.value is not None:
                values.setdefault((fact.subject, fact.relation), set()).add(fact.value)
                key = (fact.relation, _value_key(fact.value))
                value_subjects.setdefault(key, set()).add(fact.subject)
        return cls(
            objects={k: frozenset(v) for k, v in objects.items()},
            subjects={k: frozenset(v) for k, v in subjects.items()},
            values={k: frozenset(v) for k, v in values.items()},
            value_subjects={k: frozenset(v) for k, v in value_subjects.items()},
            by_relation={k: tuple(v) for k, v in by_relation.items()},
            about={k: tuple(v) for k, v in about.items()},
            closed=frozenset(pair for pair, every in closed.items() if every),
        )


def _value_key(value: FactValue) -> str:
    return str(value).casefold()
