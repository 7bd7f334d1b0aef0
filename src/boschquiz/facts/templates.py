"""Question templates, one set per relation: the only relations a facts file may use.

Placeholders: `{subject}`, `{object}` (an entity's name), `{value}` (formatted), `{detail}`,
`{others}` (the other true objects, "A and B"), `{source}` (the source's `cite_as`), and
`{in_context}` (" in <context>" when the fact has a context, else "").

`forward_closed` says the base lists every true object of a subject, so any other candidate of
the right type is certainly wrong: only then may a forward choice, a false statement or a typed
question be made. `reverse_closed` says the same for the subjects of an object.
"""

from __future__ import annotations

from dataclasses import dataclass

from boschquiz.facts.model import ValueKind


@dataclass(frozen=True)
class RelationSpec:
    name: str
    subject_types: frozenset[str]
    kind: ValueKind
    category: str
    statement: str
    object_types: frozenset[str] = frozenset()
    forward: str | None = None
    forward_many: str | None = None
    """Forward prompt when a subject has several true objects: names the others."""
    reverse: str | None = None
    typed: str | None = None
    """Prompt for the typed form; defaults to `forward`."""
    forward_closed: bool = False
    reverse_closed: bool = False
    needs_detail: bool = False
    value_format: str = "{value}"
    value_min: int | None = None
    value_max: int | None = None

    @property
    def typed_prompt(self) -> str | None:
        return self.typed or self.forward


def _types(*names: str) -> frozenset[str]:
    return frozenset(names)


SERIES = _types("series")
CHARACTER = _types("character")
PERSON = _types("person")

_SPECS = (
    RelationSpec(
        name="played_by",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="cast",
        statement="{object} plays {subject}{in_context}.",
        forward="Who plays {subject}{in_context}?",
        reverse="Which character does {object} play{in_context}?",
        forward_closed=True,
        reverse_closed=True,
    ),
    RelationSpec(
        name="created_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="creators",
        statement="{object} is one of the creators of {subject}.",
        forward="Who created {subject}?",
        forward_many="{subject} was created by {others} and whom?",
        forward_closed=True,
    ),
    RelationSpec(
        name="executive_produced_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="creators",
        statement="{object} is an executive producer of {subject}.",
    ),
    RelationSpec(
        name="adapts_novels_of",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="creators",
        statement="{subject} is adapted from novels by {object}.",
        forward="Whose novels is {subject} adapted from?",
        forward_closed=True,
    ),
    RelationSpec(
        name="premiered_on_service",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=_types("platform"),
        category="release",
        statement="{subject} premiered on {object}.",
        forward="On which service did {subject} premiere?",
        forward_closed=True,
    ),
    RelationSpec(
        name="premiere_date",
        subject_types=SERIES,
        kind=ValueKind.DATE,
        category="release",
        statement="{subject} premiered on {value}.",
        forward="On what date did {subject} premiere?",
        forward_closed=True,
    ),
    RelationSpec(
        name="season_one_episodes",
        subject_types=SERIES,
        kind=ValueKind.NUMBER,
        category="release",
        statement="The first season of {subject} has {value} episodes.",
        forward="How many episodes are in the first season of {subject}?",
        forward_closed=True,
        value_min=1,
    ),
    RelationSpec(
        name="released",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="release",
        statement="The first season of {subject} was released {value}.",
    ),
    RelationSpec(
        name="rotten_tomatoes_score",
        subject_types=SERIES,
        kind=ValueKind.NUMBER,
        category="reception",
        statement="The first season of {subject} holds a {value} rating on Rotten Tomatoes.",
        forward="What rating does the first season of {subject} hold on Rotten Tomatoes?",
        forward_closed=True,
        value_format="{value}%",
        value_min=0,
        value_max=100,
    ),
    RelationSpec(
        name="set_in",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=_types("place"),
        category="setting",
        statement="{subject} is set in {object}.",
        forward="In which city is {subject} set?",
        forward_closed=True,
    ),
    RelationSpec(
        name="ended_in",
        subject_types=SERIES,
        kind=ValueKind.YEAR,
        category="history",
        statement="{subject} ended in {value}.",
        forward="In which year did {subject} end?",
        forward_closed=True,
        value_min=1900,
        value_max=2100,
    ),
    RelationSpec(
        name="season_count",
        subject_types=SERIES,
        kind=ValueKind.NUMBER,
        category="history",
        statement="{subject} ran for {value} seasons.",
        forward="How many seasons did {subject} run for?",
        forward_closed=True,
        value_min=1,
    ),
    RelationSpec(
        name="longest_running_original",
        subject_types=_types("platform"),
        kind=ValueKind.ENTITY,
        object_types=SERIES,
        category="history",
        statement="{object} is {subject}'s longest-running original series.",
        forward="What is {subject}'s longest-running original series?",
        forward_closed=True,
    ),
    RelationSpec(
        name="ended_because_of",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="history",
        statement="According to {source}, {subject} ended largely because of {value}.",
        forward="According to {source}, what was the main reason {subject} ended?",
    ),
    RelationSpec(
        name="end_explained_by",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="history",
        needs_detail=True,
        statement="According to {source}, {object} explained {detail} why {subject} ended.",
        forward="According to {source}, who explained {detail} why {subject} ended?",
        forward_closed=True,
    ),
    RelationSpec(
        name="spoke_to",
        subject_types=PERSON,
        kind=ValueKind.ENTITY,
        object_types=_types("outlet"),
        category="interviews",
        needs_detail=True,
        statement="According to {source}, {subject} spoke to {object} about {detail}.",
        reverse="According to {source}, who spoke to {object} about {detail}?",
        reverse_closed=True,
    ),
    RelationSpec(
        name="views_reported_by",
        subject_types=PERSON,
        kind=ValueKind.ENTITY,
        object_types=_types("outlet"),
        category="interviews",
        needs_detail=True,
        statement="According to {source}, {object} reported {subject}'s {detail}.",
        forward="According to {source}, which outlet reported {subject}'s {detail}?",
        forward_closed=True,
    ),
    RelationSpec(
        name="inspired_by",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="behind the scenes",
        statement="{object} is the real-life inspiration for {subject}.",
        forward="Who is the real-life inspiration for {subject}?",
        forward_closed=True,
    ),
    RelationSpec(
        name="shadowed",
        subject_types=PERSON,
        kind=ValueKind.ENTITY,
        object_types=PERSON,
        category="behind the scenes",
        statement="According to {source}, {subject} shadowed {object}.",
        forward="According to {source}, whom did {subject} shadow?",
        forward_closed=True,
    ),
    RelationSpec(
        name="leads",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=_types("unit"),
        category="lapd",
        statement="{subject} leads {object}{in_context}.",
        reverse="Who leads {object}{in_context}?",
        reverse_closed=True,
    ),
    RelationSpec(
        name="member_of",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=_types("unit"),
        category="lapd",
        statement="{subject} works in {object}{in_context}.",
    ),
    RelationSpec(
        name="works_for",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=_types("organisation"),
        category="lapd",
        statement="{subject} works for {object}{in_context}.",
        forward="Which organisation does {subject} work for{in_context}?",
        forward_closed=True,
    ),
    RelationSpec(
        name="chief_of",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=_types("organisation"),
        category="lapd",
        statement="{subject} is the new chief of {object}{in_context}.",
        reverse="Who is the new chief of {object}{in_context}?",
        reverse_closed=True,
    ),
    RelationSpec(
        name="unit_of",
        subject_types=_types("unit"),
        kind=ValueKind.ENTITY,
        object_types=_types("organisation"),
        category="lapd",
        statement="{subject} is a unit of {object}.",
        forward="{subject} is a unit of which organisation?",
        forward_closed=True,
    ),
    RelationSpec(
        name="stands_for",
        subject_types=_types("unit"),
        kind=ValueKind.TEXT,
        category="lapd",
        statement="{subject} stands for {value}.",
        forward="What does {subject} stand for?",
        forward_closed=True,
    ),
    RelationSpec(
        name="handles",
        subject_types=_types("unit"),
        kind=ValueKind.TEXT,
        category="lapd",
        statement="{subject} handles {value}.",
    ),
    RelationSpec(
        name="works_as",
        subject_types=CHARACTER,
        kind=ValueKind.TEXT,
        category="characters",
        statement="{subject} works as {value}{in_context}.",
    ),
    RelationSpec(
        name="appears_in",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=SERIES,
        category="characters",
        statement="{subject} appears in {object}.",
    ),
    RelationSpec(
        name="introduced_in_finale_of",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=SERIES,
        category="characters",
        statement="{subject} was first introduced in the finale of {object}.",
        forward="In the finale of which series was {subject} first introduced?",
        forward_closed=True,
    ),
    RelationSpec(
        name="picks_up_from",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=SERIES,
        category="universe",
        statement="{subject} picks up where {object} left off.",
        typed="{subject} picks up where which series left off?",
    ),
    RelationSpec(
        name="centres_on",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="universe",
        statement="{subject} centres on {object}.",
        forward="Which character is at the centre of {subject}?",
        reverse="Which series centres on {object}?",
        forward_closed=True,
        reverse_closed=True,
    ),
    RelationSpec(
        name="part_of_universe",
        subject_types=SERIES,
        kind=ValueKind.ENTITY,
        object_types=_types("franchise"),
        category="universe",
        statement="{subject} is part of {object}.",
    ),
    RelationSpec(
        name="recommended_for",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="recommendations",
        statement="{source} recommends {subject} to Bosch fans for {value}.",
        forward="According to {source}, what does {subject} offer fans of Bosch?",
        reverse="According to {source}, which show is recommended to Bosch fans for {value}?",
        forward_closed=True,
        reverse_closed=True,
    ),
    RelationSpec(
        name="story_involves",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="story",
        statement="The first season of {subject} involves {value}.",
    ),
    RelationSpec(
        name="described_as",
        subject_types=_types(
            "series", "character", "person", "unit", "organisation", "platform", "outlet"
        ),
        kind=ValueKind.TEXT,
        category="trivia",
        statement="{subject} is {value}{in_context}.",
    ),
    RelationSpec(
        name="season_two_status",
        subject_types=SERIES,
        kind=ValueKind.TEXT,
        category="release",
        statement="{subject} has been {value} for a second season.",
        forward="What is the status of a second season of {subject}?",
    ),
    RelationSpec(
        name="mentors",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="characters",
        statement="{subject} mentors {object}{in_context}.",
    ),
    RelationSpec(
        name="complicated_relationship_with",
        subject_types=CHARACTER,
        kind=ValueKind.ENTITY,
        object_types=CHARACTER,
        category="characters",
        statement="{subject} has a complicated relationship with {object}{in_context}.",
    ),
)

RELATIONS: dict[str, RelationSpec] = {spec.name: spec for spec in _SPECS}
"""Every relation a facts file may use, by name."""
