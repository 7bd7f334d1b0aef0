"""Schema checks over loaded YAML: located, readable, and the compiled checker agrees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.yamlsafe import SchemaCheck, load_yaml, schema_diagnostics

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["name", "items"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "kind": {"enum": ["one", "two"]},
        "flag": {"type": "boolean"},
        "code": {"type": "string", "pattern": "^[a-z]+$", "x-message": "use lowercase letters"},
        "items": {"type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": True,
                  "items": {"$ref": "#/$defs/item"}},
    },
    "$defs": {"item": {"type": ["string", "number"]}},
    "if": {"properties": {"kind": {"const": "two"}}, "required": ["kind"]},
    "then": {"required": ["flag"]},
}  # fmt: skip


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_data_has_no_diagnostics(tmp_path: Path) -> None:
    """Data the schema accepts gives no findings."""
    loaded = load_yaml(write(tmp_path, "name: x\nitems: [a, b]\n"))
    assert schema_diagnostics(loaded, SCHEMA) == ()


def test_every_error_is_reported_and_located(tmp_path: Path) -> None:
    """Several errors in one file are all reported, each at its own line."""
    loaded = load_yaml(write(tmp_path, "name: x\nkind: three\ncode: ABC\nitems: []\n"))
    found = [d.format() for d in schema_diagnostics(loaded, SCHEMA)]
    assert found == [
        f"{loaded.path}:2:7: error: kind is 'three'; it must be one of: one, two",
        f"{loaded.path}:3:7: error: code: use lowercase letters",
        f"{loaded.path}:4:8: error: items needs at least 1 entries",
    ]


def test_unknown_key_is_located_at_the_key_with_a_hint(tmp_path: Path) -> None:
    """An unexpected key points at the key and suggests the known one it resembles."""
    loaded = load_yaml(write(tmp_path, "name: x\nitems: [a]\nnmae: y\n"))
    (found,) = schema_diagnostics(loaded, SCHEMA)
    assert found.format().endswith(
        ":3:1: error: unknown key 'nmae' in the file (hint: did you mean 'name'?)"
    )


def test_missing_key_names_the_key(tmp_path: Path) -> None:
    """A missing required key is named; conditional requirements work too."""
    loaded = load_yaml(write(tmp_path, "name: x\nkind: two\n"))
    messages = [d.message for d in schema_diagnostics(loaded, SCHEMA)]
    assert messages == ["the file is missing 'flag'", "the file is missing 'items'"]


def test_wrong_type_says_what_was_expected(tmp_path: Path) -> None:
    """A type error says what was wanted and what was found."""
    loaded = load_yaml(write(tmp_path, "name: [x]\nitems: [a]\n"))
    (found,) = schema_diagnostics(loaded, SCHEMA)
    assert found.message == "name must be text, not a list"
    assert (found.line, found.col) == (1, 7)


def test_unsupported_keyword_is_refused_when_compiling() -> None:
    """A schema using a keyword the compiled checker does not know fails loudly, not silently."""
    with pytest.raises(ValueError, match="dependentRequired"):
        SchemaCheck({"dependentRequired": {"a": ["b"]}})


json_values = st.recursive(
    st.none() | st.booleans() | st.sampled_from(["x", "one", "two", "ABC", "abc", "", "7"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["name", "kind", "flag", "code", "items", "other"]), inner, max_size=5
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_compiled_checker_agrees_with_jsonschema(value: object) -> None:
    """On any data, the compiled checker and jsonschema agree on validity."""
    check = SchemaCheck(SCHEMA)
    assert check.is_valid(value) == jsonschema.Draft202012Validator(SCHEMA).is_valid(value)
