"""Facts format v2: sources with addresses and publishers, several sources per fact, canon,
spoiler tags checked against the real seasons, season and novel entities, `as_of` where a
relation changes, and `closed` per fact. Every new mistake is a located error with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from boschquiz.core.diagnostics import Diagnostic
from boschquiz.facts import generate, validate_facts_file
from boschquiz.facts.loading import load_facts_dir
from boschquiz.facts.model import Canon, DateIs, Source

HEAD = (
    "sources:\n"
    "  - {id: src, title: A page, date: '2025-07-07', publisher: Pub,"
    " url: 'https://example.org/a'}\n"
    "  - {id: old, title: An old page, date: '2021-03-01', date_is: snapshot, publisher: Wiki}\n"
    "entities:\n"
    "  - {id: s, type: series, name: Show S, show: bosch}\n"
    "  - {id: s3, type: season, name: season 3 of Bosch, show: bosch, season: 3}\n"
    "  - {id: novel-one, type: novel, name: Novel One}\n"
    "  - {id: c, type: character, name: Maddie}\n"
    "  - {id: d, type: character, name: Eleanor Wish}\n"
    "  - {id: e, type: character, name: Renée Ballard}\n"
    "  - {id: p, type: person, name: Person P}\n"
    "facts:\n"
)
"""Lines 1-12; the first fact is on line 13."""


def fact(fact_id: str, subject: str, relation: str, target: str, **more: str) -> str:
    """One fact as a flow mapping line; `target` is `object: x` or `value: y`."""
    fields = {"sources": "[src]", "canon": "real", **more}
    rest = "".join(f", {key}: {value}" for key, value in fields.items())
    return f"  - {{id: {fact_id}, subject: {subject}, relation: {relation}, {target}{rest}}}\n"


def check(tmp_path: Path, facts: str) -> tuple[Diagnostic, ...]:
    path = tmp_path / "facts" / "base.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HEAD + facts, encoding="utf-8")
    return validate_facts_file(path)


def only(diagnostics: tuple[Diagnostic, ...], fragment: str) -> Diagnostic:
    found = [d for d in diagnostics if fragment in d.message]
    assert len(found) == 1, [d.format() for d in diagnostics]
    return found[0]


def test_a_v2_fact_loads_with_everything_it_says(tmp_path: Path) -> None:
    """Several sources, canon, a spoiler tag, settled, closed: all reach the model."""
    line = fact(
        "f",
        "c",
        "daughter_of",
        "object: d",
        sources="[src, old]",
        canon="tv",
        spoils="bosch:3",
        settled="the newer page wins",
        closed="true",
    )
    assert check(tmp_path, line) == ()
    base = load_facts_dir(tmp_path / "facts").base
    (loaded,) = base.facts
    assert loaded.sources == ("src", "old")
    assert loaded.canon is Canon.TV
    assert str(loaded.spoils) == "bosch:3"
    assert loaded.settled == "the newer page wins"
    assert base.is_closed("c", "daughter_of")
    assert base.sources["old"].date_is is DateIs.SNAPSHOT
    assert base.entities["s3"].season == 3


def test_feedback_names_every_real_source(tmp_path: Path) -> None:
    """A question's source is each cited page's own title, publisher and date."""
    assert check(tmp_path, fact("f", "c", "played_by", "object: p", sources="[src, old]")) == ()
    question = generate(load_facts_dir(tmp_path / "facts").base)[0]
    assert question.source == "A page (Pub, 2025-07-07); An old page (Wiki, snapshot of 2021-03-01)"


def test_a_retrieved_date_reads_as_when_the_page_was_read() -> None:
    """A page without its own date is cited "retrieved <date>" (not "retrieved of <date>")."""
    page = Source(id="p", title="T", date="2026-11-30", publisher="P", date_is=DateIs.RETRIEVED)
    assert page.citation == "T (P, retrieved 2026-11-30)"


def test_v1_source_key_is_refused_with_a_hint(tmp_path: Path) -> None:
    """`source:` (format v1) is an unknown key pointing at `sources`."""
    line = "  - {id: f, subject: c, relation: played_by, object: p, source: src, canon: real}\n"
    found = only(check(tmp_path, line), "unknown key 'source'")
    assert found.line == 13
    assert found.hint == "did you mean 'sources'?"


@pytest.mark.parametrize(
    ("tag", "message", "hint"),
    [
        ("boch:3", "unknown show 'boch'", "did you mean 'bosch'?"),
        ("bosch:8", "bosch has seasons 1 to 7; there is no season 8", "bosch:1 to bosch:7"),
        ("legacy:4", "legacy has seasons 1 to 3; there is no season 4", "legacy:1 to legacy:3"),
        ("ballard:2", "ballard has seasons 1 to 1; there is no season 2", "ballard:1 to ballard:1"),
        ("bosch:0", "bosch has seasons 1 to 7; there is no season 0", "bosch:1 to bosch:7"),
        ("bosch", "'bosch' is not a spoiler tag", "write show:season, like bosch:3"),
    ],
)
def test_spoiler_tags_name_real_shows_and_seasons(
    tmp_path: Path, tag: str, message: str, hint: str
) -> None:
    """A tag for a show or season that does not exist is an error at the tag, with a hint."""
    line = fact("f", "c", "job", "value: cop", canon="tv", spoils=f"'{tag}'")
    found = only(check(tmp_path, line), message)
    assert (found.line, found.col) == (13, line.index(f"'{tag}'") + 1)
    assert found.hint is not None
    assert found.hint.startswith(hint)


def test_story_facts_must_say_what_reveals_them(tmp_path: Path) -> None:
    """A tv fact without `spoils` is refused; a real-world one may omit it."""
    diagnostics = check(
        tmp_path,
        fact("f", "c", "job", "value: cop", canon="tv") + fact("g", "c", "played_by", "object: p"),
    )
    assert only(diagnostics, "a tv-canon fact must say what reveals it").line == 13
    assert len(diagnostics) == 1


def test_novel_tags_name_a_novel_and_fit_the_canon(tmp_path: Path) -> None:
    """`novel:` must name a novel entity; tv facts take seasons, books facts novels."""
    diagnostics = check(
        tmp_path,
        fact("f", "c", "job", "value: a", canon="books", spoils="novel:novel-two")
        + fact("g", "c", "rank", "value: b", canon="tv", spoils="novel:novel-one")
        + fact("h", "c", "nickname", "value: c", canon="books", spoils="bosch:1")
        + fact("i", "d", "job", "value: d", canon="books", spoils="novel:novel-one"),
    )
    found = only(diagnostics, "'novel-two' is not a novel of the base")
    assert found.hint == "did you mean 'novel-one'?"
    assert only(diagnostics, "revealed by a season, not a novel").line == 14
    assert only(diagnostics, "revealed by a novel").line == 15
    assert len(diagnostics) == 3


def test_season_entities_are_checked_against_the_real_seasons(tmp_path: Path) -> None:
    """A season needs its show and number, and the show must have that season."""
    path = tmp_path / "seasons.yaml"
    path.write_text(
        "entities:\n"
        "  - {id: a, type: season, name: A, show: legacy, season: 4}\n"
        "  - {id: b, type: season, name: B}\n"
        "  - {id: c, type: character, name: C, season: 2}\n",
        encoding="utf-8",
    )
    diagnostics = validate_facts_file(path)
    assert only(diagnostics, "legacy has seasons 1 to 3").line == 2
    assert {d.message for d in diagnostics if d.line == 3} == {
        "entities[1] is missing 'show'",
        "entities[1] is missing 'season'",
    }
    assert only(diagnostics, "'season' is only for entities of type season").line == 4


def test_time_varying_relations_need_as_of(tmp_path: Path) -> None:
    """A score or a running show's season count needs `as_of`; an ended show's count does not."""
    diagnostics = check(
        tmp_path,
        fact("f", "s3", "rotten_tomatoes_score", "value: 90")
        + fact("g", "s", "season_count", "value: 7"),
    )
    assert only(diagnostics, "'rotten_tomatoes_score' can change over time").line == 13
    assert only(diagnostics, "'season_count' can change while 's' runs").line == 14
    ended = fact("g", "s", "season_count", "value: 7") + fact("h", "s", "ended_in", "value: 2021")
    assert check(tmp_path, ended) == ()


def test_a_fact_missing_as_of_is_left_out(tmp_path: Path) -> None:
    """The fact with the error makes no question; the base still loads the rest."""
    check(
        tmp_path,
        fact("g", "s", "season_count", "value: 7") + fact("f", "c", "played_by", "object: p"),
    )
    base = load_facts_dir(tmp_path / "facts").base
    assert [f.id for f in base.facts] == ["f"]


def test_closed_needs_every_fact_of_the_subject(tmp_path: Path) -> None:
    """`closed: true` on one of two facts of a subject leaves the relation open: no choice
    question, no false statement."""
    facts = fact(
        "f", "c", "daughter_of", "object: d", canon="tv", spoils="bosch:1", closed="true"
    ) + fact("g", "c", "daughter_of", "object: e", canon="tv", spoils="bosch:1")
    assert check(tmp_path, facts) == ()
    base = load_facts_dir(tmp_path / "facts").base
    assert not base.is_closed("c", "daughter_of")
    assert {q.id.rsplit("/", 1)[1] for q in generate(base)} == {"true"}


def test_closed_facts_make_choice_and_false_forms(tmp_path: Path) -> None:
    """With every fact of the subject closed, the other characters are certainly wrong."""
    line = fact("f", "c", "daughter_of", "object: d", canon="tv", spoils="bosch:1", closed="true")
    assert check(tmp_path, line) == ()
    questions = {q.id: q for q in generate(load_facts_dir(tmp_path / "facts").base)}
    assert "gen/f/false" in questions
    assert "gen/f/typed" in questions
