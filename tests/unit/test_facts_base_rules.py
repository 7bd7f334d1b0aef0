"""The rules every shipped facts file keeps, read with plain PyYAML (not the loader under test):
sources cited and listed, no fact said twice, `as_of` where a relation changes, spoiler tags on
real shows and seasons, and story facts tagged."""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

import yaml

from boschquiz.core.model import Show
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.core.spoilers import SEASONS
from boschquiz.facts.templates import RELATIONS

FACTS_DIR = builtin_questions_dir() / "facts"


@cache
def merged() -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {"sources": [], "entities": [], "facts": []}
    for path in sorted(FACTS_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in found:
            found[key].extend(data.get(key) or [])
    assert found["facts"], "no facts read: the tests below would prove nothing"
    return found


def test_every_fact_cites_listed_sources_and_every_source_is_cited() -> None:
    """A fact's sources are all listed under some file's `sources:`; no source is unused."""
    listed = {s["id"] for s in merged()["sources"]}
    cited = Counter(s for f in merged()["facts"] for s in f["sources"])
    assert set(cited) <= listed, set(cited) - listed
    assert listed <= set(cited), listed - set(cited)


def test_every_source_names_its_page() -> None:
    """Title, address, publisher and date on every source (no invented, unnamed pages)."""
    for source in merged()["sources"]:
        for key in ("title", "url", "publisher", "date"):
            assert source.get(key), (source["id"], key)


def test_no_two_facts_say_the_same_thing() -> None:
    """No two facts state the same subject, relation and object (or value) in one context."""
    said = Counter(
        (
            f["subject"],
            f["relation"],
            str(f.get("object", f.get("value"))).casefold(),
            f.get("context"),
        )
        for f in merged()["facts"]
    )
    assert [key for key, n in said.items() if n > 1] == []


def test_time_varying_relations_carry_as_of() -> None:
    """Every fact of a relation marked time-varying has `as_of` (a season count only while its
    series runs: not once the base says it ended)."""
    ended = {f["subject"] for f in merged()["facts"] if f["relation"] == "ended_in"}
    varying = {name for name, spec in RELATIONS.items() if spec.time_varying}
    assert {"rotten_tomatoes_score", "renewed_for_season", "season_count"} <= varying
    for fact in merged()["facts"]:
        spec = RELATIONS[fact["relation"]]
        if not spec.time_varying or (spec.until_ended and fact["subject"] in ended):
            continue
        assert "as_of" in fact, fact["id"]


def test_every_spoiler_tag_names_a_real_show_and_season() -> None:
    """bosch 1-7, legacy 1-3, ballard 1, or a novel entity of the base."""
    real = {"bosch": 7, "legacy": 3, "ballard": 1}
    assert {s.value: n for s, n in SEASONS.items()} == real
    novels = {e["id"] for e in merged()["entities"] if e["type"] == "novel"}
    for fact in merged()["facts"]:
        if "spoils" not in fact:
            continue
        show, _, season = str(fact["spoils"]).partition(":")
        if show == "novel":
            assert season in novels, fact["id"]
        else:
            assert show in real, fact["id"]
            assert 1 <= int(season) <= real[show], fact["id"]


def test_story_facts_say_what_they_spoil_and_every_fact_has_a_canon() -> None:
    """tv facts name a season, books facts a novel; every fact says its canon."""
    for fact in merged()["facts"]:
        assert fact["canon"] in ("real", "tv", "books"), fact["id"]
        if fact["canon"] == "tv":
            assert str(fact.get("spoils", "")).split(":")[0] in {s.value for s in Show}, fact["id"]
        if fact["canon"] == "books":
            assert str(fact.get("spoils", "")).startswith("novel:"), fact["id"]


def test_season_entities_are_real_seasons() -> None:
    """Each season entity names a show and a season that show has."""
    real = {s.value: n for s, n in SEASONS.items()}
    for entity in merged()["entities"]:
        if entity["type"] == "season":
            assert 1 <= int(entity["season"]) <= real[entity["show"]], entity["id"]


def test_closed_is_written_on_every_fact_of_a_subject_or_on_none() -> None:
    """`closed: true` on some but not all facts of one subject and relation would be ignored
    (the relation stays open): a sign of a forgotten line."""
    groups: dict[tuple[str, str], set[bool]] = {}
    for fact in merged()["facts"]:
        groups.setdefault((fact["subject"], fact["relation"]), set()).add(bool(fact.get("closed")))
    assert [pair for pair, marks in groups.items() if len(marks) > 1] == []
