"""The schema file and the game's validator agree on which packs are valid.

jsonschema runs the shipped schema directly; the game runs its compiled checker plus the rules
a schema cannot say. `invalid-rules/` holds packs only those rules refuse.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.packs import load_pack
from boschquiz.packs.structure import pack_schema_check, schema_path
from boschquiz.yamlsafe import load_yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "packs"
SCHEMA: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def fixtures(folder: str) -> list[Path]:
    return sorted((DATA / folder).glob("*.yaml"))


def test_schema_is_valid_draft_2020_12() -> None:
    """The shipped schema is itself a valid Draft 2020-12 schema."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", fixtures("valid") + fixtures("warnings"), ids=lambda p: p.name)
def test_valid_fixtures_pass_schema_and_validator(path: Path) -> None:
    """Valid fixtures pass jsonschema and the game's validator alike."""
    assert VALIDATOR.is_valid(load_yaml(path).data)
    assert load_pack(path).ok


@pytest.mark.parametrize("path", fixtures("invalid-schema"), ids=lambda p: p.name)
def test_structurally_invalid_fixtures_fail_both(path: Path) -> None:
    """Fixtures the schema refuses are refused by the game too."""
    assert not VALIDATOR.is_valid(load_yaml(path).data)
    assert not load_pack(path).ok


@pytest.mark.parametrize("path", fixtures("invalid-rules"), ids=lambda p: p.name)
def test_rule_only_fixtures_pass_schema_but_not_the_game(path: Path) -> None:
    """What a schema cannot say (answer among choices, unique ids) only the game refuses."""
    assert VALIDATOR.is_valid(load_yaml(path).data)
    assert not load_pack(path).ok


@pytest.mark.parametrize("name", ["full.yaml", "minimal.yaml"])
def test_editor_reading_of_valid_fixtures_passes_the_schema(name: str) -> None:
    """An editor reads `20` as a number and `1` as an integer; the schema accepts that too."""
    editor_view = yaml.safe_load((DATA / "valid" / name).read_text(encoding="utf-8"))
    assert VALIDATOR.is_valid(editor_view)


text = st.sampled_from(["x", "Maggie Q", "2021", "", "Bad Id", "ok-id", "true", "7"])
leaf = text | st.booleans() | st.none()
question = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b-1", "Bad Id"]), "prompt": text},
    optional={
        "type": st.sampled_from(["choice", "true_false", "typed", "other"]),
        "answer": leaf,
        "choices": st.lists(text, max_size=7) | leaf,
        "accept": st.lists(text, max_size=2) | leaf,
        "difficulty": st.sampled_from(["easy", "hard", "Easy"]),
        "show": st.sampled_from(["bosch", "legacy", "nope"]),
        "time_limit": st.sampled_from(["4", "5", "60", "300", "301", "x", True]),
        "category": leaf,
        "extra": leaf,
    },
)
pack = st.fixed_dictionaries(
    {"pack": st.fixed_dictionaries({"id": st.sampled_from(["p", "P"]), "title": text})},
    optional={"questions": st.lists(question, max_size=3)},
)


@settings(max_examples=400, deadline=None)
@given(pack)
def test_compiled_checker_agrees_with_jsonschema_on_random_packs(data: dict[str, Any]) -> None:
    """On random pack-shaped data, the fast compiled checker and jsonschema never disagree."""
    assert pack_schema_check().is_valid(data) == VALIDATOR.is_valid(data)
