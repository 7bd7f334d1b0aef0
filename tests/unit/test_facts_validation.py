"""Facts files are checked like packs: located errors, all at once, schema plus hand checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import jsonschema
import pytest

from boschquiz.core.diagnostics import Diagnostic
from boschquiz.facts import generate_from_dir, validate_facts_file
from boschquiz.facts.loading import MAX_HINTS, facts_schema_json, load_facts_dir
from boschquiz.facts.templates import RELATIONS
from boschquiz.yamlsafe import load_yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "facts"


def alone(name: str, tmp_path: Path) -> Path:
    """A fixture copied into a folder of its own, so no sibling file takes part."""
    target = tmp_path / "facts" / Path(name).name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / name, target)
    return target


def messages(diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    return [d.format() for d in diagnostics]


def find(diagnostics: tuple[Diagnostic, ...], fragment: str) -> Diagnostic:
    found = [d for d in diagnostics if fragment in d.message]
    assert found, f"no diagnostic mentions {fragment!r}: {messages(diagnostics)}"
    return found[0]


def test_valid_fixture_has_no_findings(tmp_path: Path) -> None:
    """The small valid base passes every check."""
    assert validate_facts_file(alone("valid/small.yaml", tmp_path)) == ()


def test_unknown_entity_is_located_with_a_hint(tmp_path: Path) -> None:
    """A misspelt subject is reported at its line and column, with the likely entity."""
    path = alone("broken/references.yaml", tmp_path)
    found = find(validate_facts_file(path), "unknown entity 'heroo'")
    assert (found.path, found.line, found.col) == (str(path), 7, 23)
    assert found.hint == "did you mean 'hero'?"


def test_unknown_source_is_an_error(tmp_path: Path) -> None:
    """A fact naming a source that is not listed is an error pointing at its `source`."""
    found = find(validate_facts_file(alone("broken/references.yaml", tmp_path)), "unknown source")
    assert found.line == 8
    assert found.hint == "did you mean 'src'?"


def test_relation_without_template_is_an_error(tmp_path: Path) -> None:
    """A relation the generator has no template for is refused, with the nearest relation."""
    diagnostics = validate_facts_file(alone("broken/references.yaml", tmp_path))
    found = find(diagnostics, "relation 'plays_by' has no question template")
    assert found.line == 9
    assert found.hint == "did you mean 'played_by'?"


def test_duplicate_fact_id_points_at_the_first(tmp_path: Path) -> None:
    """A second fact with the same id is an error whose hint says where the first is."""
    path = alone("broken/references.yaml", tmp_path)
    found = find(validate_facts_file(path), "duplicate fact id 'f1'")
    assert found.line == 10
    assert found.hint == f"first defined at {path}:7"


def test_every_error_in_a_file_is_reported(tmp_path: Path) -> None:
    """All four problems of the references fixture come back together, in file order."""
    errors = list(validate_facts_file(alone("broken/references.yaml", tmp_path)))
    assert [d.line for d in errors] == [7, 8, 9, 10]
    assert all(d.is_error for d in errors)


@pytest.mark.parametrize(
    ("fragment", "line"),
    [
        ("'2025-02-30' is not a calendar date", 7),
        ("'twenty-one' is not a year", 8),
        ("140 is out of range for 'rotten_tomatoes_score' (0 to 100)", 9),
        ("'ended_in' takes a year value", 10),
        ("'ended_in' needs a subject of type series, but 'hero' is a character", 11),
        ("'2025-13-01' is not a calendar date", 12),
    ],
)
def test_bad_values_are_errors(tmp_path: Path, fragment: str, line: int) -> None:
    """Impossible dates, words for years, out-of-range scores and wrong kinds are refused."""
    found = find(validate_facts_file(alone("broken/values.yaml", tmp_path)), fragment)
    assert found.line == line


def test_schema_catches_structure(tmp_path: Path) -> None:
    """Unknown keys, bad ids, a missing name, object and value together: all reported."""
    diagnostics = validate_facts_file(alone("broken/structure.yaml", tmp_path))
    text = "\n".join(messages(diagnostics))
    assert "unknown key 'editor'" in text
    assert "ids use lower-case letters" in text
    assert "is missing 'name'" in text
    assert "exactly one of 'object'" in text
    assert "is missing 'relation'" in text


def test_duplicate_yaml_key_is_an_error(tmp_path: Path) -> None:
    """The guarded loader's duplicate-key error reaches the facts validator."""
    diagnostics = validate_facts_file(alone("broken/duplicate-key.yaml", tmp_path))
    assert any("duplicate" in d.message and d.line == 3 for d in diagnostics), messages(diagnostics)


def test_schema_and_validator_agree_on_fixtures(tmp_path: Path) -> None:
    """jsonschema run directly rejects the structural fixture and accepts the valid one."""
    validator = jsonschema.Draft202012Validator(facts_schema_json())
    valid = load_yaml(DATA / "valid" / "small.yaml").data
    broken = load_yaml(DATA / "broken" / "structure.yaml").data
    assert validator.is_valid(valid)
    assert not validator.is_valid(broken)


def test_facts_with_errors_are_left_out_and_the_rest_generate(tmp_path: Path) -> None:
    """A broken fact does not stop the others: good facts still make questions."""
    folder = tmp_path / "facts"
    shutil.copytree(DATA / "valid", folder)
    text = (folder / "small.yaml").read_text(encoding="utf-8")
    broken = (
        "  - {id: oops, subject: nobody, relation: ended_in, value: 2020,"
        " sources: [src], canon: real}\n"
    )
    (folder / "small.yaml").write_text(text + broken, encoding="utf-8")
    result = generate_from_dir(folder)
    assert any("unknown entity 'nobody'" in d.message for d in result.diagnostics)
    assert not any(q.id.startswith("gen/oops/") for q in result.questions)
    assert any(q.id == "gen/hero-played-by-a/forward" for q in result.questions)


def test_reference_into_a_sibling_file_is_allowed(tmp_path: Path) -> None:
    """Entities may live in one file and be used in another of the same folder."""
    folder = tmp_path / "facts"
    folder.mkdir()
    (folder / "entities.yaml").write_text(
        "sources:\n  - {id: src, title: T, date: '2025-07-07'}\n"
        "entities:\n  - {id: hero, type: character, name: Hero}\n"
        "  - {id: actor, type: person, name: Actor}\n",
        encoding="utf-8",
    )
    (folder / "facts.yaml").write_text(
        "facts:\n  - {id: f, subject: hero, relation: played_by, object: actor,"
        " sources: [src], canon: real}\n",
        encoding="utf-8",
    )
    assert validate_facts_file(folder / "facts.yaml") == ()
    assert load_facts_dir(folder).ok


def test_two_entities_of_one_type_may_not_share_a_spelling(tmp_path: Path) -> None:
    """An alias naming two characters would make a typed answer ambiguous: an error."""
    path = tmp_path / "clash.yaml"
    path.write_text(
        "entities:\n  - {id: a, type: character, name: Harry}\n"
        "  - {id: b, type: character, name: Harold, aliases: [harry]}\n",
        encoding="utf-8",
    )
    found = find(validate_facts_file(path), "'harry' names two character entities")
    assert found.line == 3


def test_ruled_out_may_not_contain_the_value(tmp_path: Path) -> None:
    """A value the source rules out cannot also be the fact's own value."""
    path = tmp_path / "ruled.yaml"
    path.write_text(
        "sources:\n  - {id: src, title: T, date: '2025-07-07'}\n"
        "entities:\n  - {id: s, type: series, name: S}\n"
        "facts:\n  - {id: f, subject: s, relation: ended_because_of, value: money,"
        " ruled_out: [Money], sources: [src], canon: real}\n",
        encoding="utf-8",
    )
    find(validate_facts_file(path), "'ruled_out' lists the fact's own value")


def test_template_relation_needing_detail_requires_it(tmp_path: Path) -> None:
    """`spoke_to` prompts name what was said; a fact without `detail` is an error."""
    assert RELATIONS["spoke_to"].needs_detail
    path = tmp_path / "detail.yaml"
    path.write_text(
        "sources:\n  - {id: src, title: T, date: '2025-07-07'}\n"
        "entities:\n  - {id: p, type: person, name: P}\n  - {id: o, type: outlet, name: O}\n"
        "facts:\n  - {id: f, subject: p, relation: spoke_to, object: o,"
        " sources: [src], canon: real}\n",
        encoding="utf-8",
    )
    find(validate_facts_file(path), "'spoke_to' needs a 'detail'")


def test_empty_mapping_is_not_a_facts_file(tmp_path: Path) -> None:
    """A file with none of the three sections says so instead of passing silently."""
    path = tmp_path / "empty.yaml"
    path.write_text("{}\n", encoding="utf-8")
    find(validate_facts_file(path), "none of sources, entities or facts")


def test_missing_folder_generates_nothing_without_error(tmp_path: Path) -> None:
    """No facts folder (a trimmed install) means no generated questions, not a crash."""
    result = generate_from_dir(tmp_path / "absent")
    assert result.questions == ()
    assert result.diagnostics == ()


def test_a_fact_said_twice_is_an_error(tmp_path: Path) -> None:
    """Two facts stating the same thing (even one contested) is an error at the second."""
    path = tmp_path / "twice.yaml"
    path.write_text(
        "sources:\n  - {id: src, title: T, date: '2025-07-07'}\n"
        "entities:\n  - {id: s, type: series, name: S}\n  - {id: p, type: person, name: P}\n"
        "facts:\n  - {id: one, subject: s, relation: created_by, object: p,"
        " sources: [src], canon: real}\n"
        "  - {id: two, subject: s, relation: created_by, object: p,"
        " sources: [src], canon: real, contested: x}\n",
        encoding="utf-8",
    )
    found = find(validate_facts_file(path), "fact 'two' says the same as fact 'one'")
    assert found.line == 8


@pytest.mark.parametrize(
    ("find_text", "replace_with", "fragment"),
    [
        ("show: ballard}", "show: [ballard]}", "entities[0].show must be one of"),
        ("show: ballard}", "show: {a: b}}", "entities[0].show must be one of"),
        (
            "object: actor-a, sources: [src], canon: real}",
            "object: actor-a, sources: [src], canon: real, salience: [high]}",
            "salience",
        ),
        (
            "object: actor-a, sources: [src], canon: real}",
            "object: actor-a, sources: [src], canon: real, show: {x: y}}",
            "show",
        ),
        ("value: 2021", "value: " + "9" * 4301, "is not a year"),
        (
            "relation: ended_in, value: 2021",
            "relation: season_count, value: " + "9" * 4301,
            "is not a number",
        ),
        (
            "relation: ended_in, value: 2021",
            "relation: season_count, value: " + "9" * 16,
            "is not a number",
        ),
    ],
    ids=[
        "show-list",
        "show-mapping",
        "salience-list",
        "fact-show-mapping",
        "year-4301",
        "number-4301",
        "number-16",
    ],
)
def test_odd_values_are_located_errors_not_crashes(
    find_text: str, replace_with: str, fragment: str, tmp_path: Path
) -> None:
    """A list or mapping where a word is expected, or a number past Python's digit limit."""
    path = alone("valid/small.yaml", tmp_path)
    text = path.read_text(encoding="utf-8")
    assert find_text in text
    path.write_text(text.replace(find_text, replace_with, 1), encoding="utf-8")
    found = find(validate_facts_file(path), fragment)
    assert found.line > 0
    assert len(found.message) < 200
    assert load_facts_dir(path.parent).diagnostics


def test_did_you_mean_hints_stop_after_the_cap(tmp_path: Path) -> None:
    """Thousands of unknown references are all reported, but only the first `MAX_HINTS` are
    compared with every id for a hint (the rest would cost their product)."""
    folder = tmp_path / "facts"
    folder.mkdir()
    lines = ["sources:", "  - {id: src, title: T, date: '2025-07-07', cite_as: the source}"]
    lines += ["entities:", "  - {id: hero, type: character, name: Hero}"]
    lines.append("facts:")
    lines += [
        f"  - {{id: f-{i}, subject: heroo, relation: played_by, object: x-{i},"
        " sources: [src], canon: real}"
        for i in range(MAX_HINTS + 50)
    ]
    path = folder / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    unknown = [d for d in validate_facts_file(path) if "unknown entity 'heroo'" in d.message]
    assert len(unknown) == MAX_HINTS + 50
    hinted = [d for d in unknown if d.hint == "did you mean 'hero'?"]
    assert 0 < len(hinted) <= MAX_HINTS
