"""The spoiler horizon: no question, choice or explanation shown for a horizon reveals anything
past it (hypothesis over random bases), and the tags, horizons and filters that make it so."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.core.model import Question, Show
from boschquiz.core.spoilers import (
    SEASONS,
    Horizon,
    Spoiler,
    SpoilerError,
    parse_spoiler,
    parse_spoilers,
    tag_texts,
)
from boschquiz.facts import generate
from boschquiz.facts.model import Canon, Entity, Fact, FactsBase, Source

SOURCE = Source(id="src", title="Random page", date="2025-07-07", publisher="Pub")
NAMES = (
    "Abbott", "Baxter", "Carver", "Dunmore", "Ellison", "Fairbanks", "Garrow", "Hollis",
    "Irwin", "Jansen", "Kellerman", "Lockhart", "Marlowe", "Norcross", "Osgood", "Pryor",
)  # fmt: skip
PRAISE = ("its pacing", "its music", "its cast", "its twists")
TAGS: tuple[Spoiler | None, ...] = (
    None,
    None,
    *(Spoiler(show, season) for show, last in SEASONS.items() for season in range(1, last + 1)),
    Spoiler(None, 0, "novel-one"),
)


@st.composite
def bases(draw: st.DrawFn) -> FactsBase:
    """People, characters and series with every kind of fact the filter must follow: closed
    relations both ways (wrong answers from other facts), text values of other subjects, a
    closed family relation, and a spoiler tag (or none) on each fact."""
    names = iter(NAMES)
    people = [Entity(f"p{i}", "person", f"Person {next(names)}") for i in range(5)]
    characters = [Entity(f"c{i}", "character", f"Hero {next(names)}") for i in range(4)]
    series = [Entity(f"s{i}", "series", f"Show {next(names)}") for i in range(3)]
    novel = Entity("novel-one", "novel", "Novel Quill")
    facts: list[Fact] = []

    def add(subject: str, relation: str, **kwargs: object) -> None:
        spoils = draw(st.sampled_from(TAGS))
        canon = Canon.REAL if spoils is None else Canon.TV if spoils.show else Canon.BOOKS
        facts.append(
            Fact(
                id=f"f{len(facts)}",
                subject=subject,
                relation=relation,
                sources=("src",),
                canon=canon,
                spoils=spoils,
                **kwargs,  # type: ignore[arg-type]
            )
        )

    for character in characters:
        add(character.id, "played_by", object=draw(st.sampled_from(people)).id)
    for show in series:
        for person in draw(st.sets(st.sampled_from(people), max_size=2)):
            add(show.id, "created_by", object=person.id)
        if draw(st.booleans()):
            add(show.id, "centres_on", object=draw(st.sampled_from(characters)).id)
        if draw(st.booleans()):
            add(show.id, "recommended_for", value=draw(st.sampled_from(PRAISE)))
        if draw(st.booleans()):
            add(show.id, "ended_in", value=draw(st.integers(2014, 2025)))
    child, parent = draw(st.permutations(characters))[:2]
    add(child.id, "daughter_of", object=parent.id, closed=True)
    everything = {e.id: e for e in (*people, *characters, *series, novel)}
    return FactsBase(sources={"src": SOURCE}, entities=everything, facts=tuple(facts))


@st.composite
def horizons(draw: st.DrawFn) -> Horizon:
    watched = {show: draw(st.integers(0, last)) for show, last in SEASONS.items()}
    return Horizon(watched, books=draw(st.booleans()))


def seen(tag: Spoiler | None, horizon: Horizon) -> bool:
    """Written out here rather than taken from `Horizon.allows`, which this test checks."""
    if tag is None:
        return True
    if tag.show is None:
        return horizon.books
    return tag.season <= dict(horizon.watched).get(tag.show, 0)


def has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def shown_texts(question: Question) -> Iterable[str]:
    yield question.prompt
    yield from question.choices
    yield question.explanation or ""


@settings(max_examples=80, deadline=None)
@given(bases(), horizons(), st.integers(0, 2**16))
def test_nothing_past_the_horizon_is_shown(base: FactsBase, horizon: Horizon, seed: int) -> None:
    """For every question the horizon lets through: its fact is within the horizon, and every
    entity or value its prompt, choices or explanation name is known from a fact within it
    (an entity no fact names reveals nothing)."""

    def mentioned(facts: Iterable[Fact]) -> set[str]:
        return {e for f in facts for e in (f.subject, f.object, f.context) if e is not None}

    everything_known = mentioned(base.facts)
    known_entities = mentioned(f for f in base.facts if seen(f.spoils, horizon))
    known_entities |= set(base.entities) - everything_known  # named by no fact: reveals nothing
    known_values = {
        str(f.value).casefold()
        for f in base.facts
        if f.value is not None and seen(f.spoils, horizon)
    }
    facts = {f.id: f for f in base.facts}
    for question in generate(base, seed=seed):
        if not horizon.allows_texts(question.spoils):
            continue
        fact = facts[question.id.split("/")[1]]
        assert seen(fact.spoils, horizon), question.id
        for text in shown_texts(question):
            for entity in base.entities.values():
                if has_phrase(text, entity.name):
                    assert entity.id in known_entities, (question.id, text, entity.name)
            for praise in PRAISE:
                if has_phrase(text, praise):
                    assert praise in known_values, (question.id, text, praise)


@settings(max_examples=40, deadline=None)
@given(bases(), horizons())
def test_a_question_keeps_one_tag_per_show(base: FactsBase, horizon: Horizon) -> None:
    """Tags are the latest season per show (and novels): never two of one show."""
    for question in generate(base):
        shows = [tag.split(":")[0] for tag in question.spoils if not tag.startswith("novel:")]
        assert len(shows) == len(set(shows)), question.spoils


def test_tags_parse_and_refuse_what_no_show_has() -> None:
    """`bosch:3` is season 3 of Bosch; unknown shows and missing seasons are refused."""
    assert parse_spoiler("bosch:3") == Spoiler(Show.BOSCH, 3)
    assert parse_spoiler(" legacy : 2 ") == Spoiler(Show.LEGACY, 2)
    assert parse_spoiler("novel:novel-the-late-show").novel == "novel-the-late-show"
    for bad in ("bosch:8", "ballard:2", "legacy:0", "general:1", "bosch:x", "bosch", "novel:X"):
        with pytest.raises(SpoilerError):
            parse_spoiler(bad)
    with pytest.raises(SpoilerError):
        parse_spoilers("bosch:1,,legacy:1")


def test_latest_keeps_the_last_season_of_each_show() -> None:
    tags = parse_spoilers("bosch:2,legacy:1,bosch:5,novel:novel-a")
    assert tag_texts(tags) == ("bosch:5", "legacy:1", "novel:novel-a")


def test_horizon_from_the_command_line_form() -> None:
    """`bosch:7,legacy:2,ballard:0`; a show left out has not been watched; `all` is all."""
    horizon = Horizon.parse("bosch:7,legacy:2")
    assert horizon.allows(Spoiler(Show.LEGACY, 2))
    assert not horizon.allows(Spoiler(Show.LEGACY, 3))
    assert not horizon.allows(Spoiler(Show.BALLARD, 1))
    assert Horizon.parse("all") == Horizon.everything()
    assert Horizon.parse("bosch:7,legacy:3,ballard:1").is_everything
    assert str(horizon) == "bosch:7,legacy:2,ballard:0"
    for bad in ("bosch:8", "bosch:1,bosch:2", "boch:1", "bosch"):
        with pytest.raises(SpoilerError):
            Horizon.parse(bad)


def test_book_spoilers_are_off_unless_switched_on() -> None:
    """Everything watched still hides novel spoilers; switching them on shows them."""
    novel = ("novel:novel-the-late-show",)
    assert not Horizon.everything().allows_texts(novel)
    assert Horizon.everything(books=True).allows_texts(novel)
    assert Horizon.parse("bosch:1").allows_texts(())
