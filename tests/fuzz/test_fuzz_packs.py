"""Fuzz target: pack files.

Two kinds of cases: packs built from hostile values (escapes, huge numbers, look-alike text,
lists where text belongs, odd keys) written as YAML, and a valid pack with hostile bytes
spliced in. For every file, `load_pack` returns (never raises) either a pack or located
errors; a pack it returns holds only text the game can show; and loading it again from the
cache gives the same outcome, broken or not.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import event, given
from hypothesis import strategies as st

from boschquiz.packs import load_pack
from boschquiz.yamlsafe.loader import _ESCAPED_CONTROL
from tests.fuzz.budget import FUZZ, scratch_folder

VALID = """pack:
  id: fuzz
  title: Fuzz pack
  version: 2
questions:
  - id: one
    type: choice
    prompt: Who plays Renée Ballard?
    choices: [Maggie Q, Titus Welliver, Madison Lintz]
    answer: Maggie Q
  - id: two
    type: typed
    prompt: In which city are the shows set?
    answer: Los Angeles
    accept: [LA]
  - id: three
    type: true_false
    prompt: Bosch ran for seven seasons.
    answer: true
    time_limit: 30
"""

scalars = st.one_of(
    st.sampled_from(
        [
            "Maggie Q",
            "9" * 4301,
            "999999999",
            "1000000000",
            "0",
            "-1",
            "²",
            "true",
            "false",
            "null",
            "~",
            "",
            "mini\n",
            "Renée",
            "Rene\u0301e",
            "Ren\u200bée",
            "Re\u00adnée",
            "\x1b]0;x\x07",
            "\x1b[2J",
            "\x9b",
            "\u202e",
            "\t",
            "a: b",
            "- x",
            "&a",
            "*a",
            "!!python/object:os.system",
            "x" * 5000,
        ]
    ),
    st.text(max_size=12),
)
values = st.recursive(
    scalars | st.booleans() | st.none() | st.integers(-(10**30), 10**30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(scalars, inner, max_size=3),
    max_leaves=4,
)
keys = st.sampled_from(
    [
        "id",
        "type",
        "prompt",
        "answer",
        "choices",
        "accept",
        "difficulty",
        "category",
        "show",
        "explanation",
        "source",
        "time_limit",
        "anwser",
    ]
)
question = st.dictionaries(keys, values, max_size=5) | st.fixed_dictionaries(
    {
        "id": scalars,
        "type": st.sampled_from(["choice", "typed", "true_false", "other"]),
        "prompt": scalars,
        "answer": values,
    },
    optional={"choices": st.lists(scalars, max_size=7), "accept": values, "time_limit": values},
)
header = st.fixed_dictionaries(
    {"id": scalars, "title": scalars}, optional={"version": values, "default_difficulty": values}
)
built_packs = st.fixed_dictionaries(
    {"pack": header | values, "questions": st.lists(question, max_size=5) | values}
).map(lambda data: json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"))
"""JSON is YAML: every generated structure written out, escapes and all."""

VALID_DATA: dict[str, Any] = yaml.safe_load(VALID)
FIELDS: list[tuple[str | int, ...]] = [
    ("pack", "id"),
    ("pack", "title"),
    ("pack", "version"),
    ("pack", "author"),
    *(("questions", i, key) for i in range(3) for key in ("id", "prompt", "answer")),
    ("questions", 0, "choices", 1),
    ("questions", 0, "choices", 2),
    ("questions", 1, "accept", 0),
    ("questions", 2, "time_limit"),
    ("questions", 1, "explanation"),
]


def replaced(edits: list[tuple[tuple[str | int, ...], object]]) -> bytes:
    """The valid pack with a few of its values replaced, written as JSON (which is YAML)."""
    data = copy.deepcopy(VALID_DATA)
    for where, value in edits:
        node: Any = data
        for step in where[:-1]:
            node = node[step]
        node[where[-1]] = value
    return json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")


NUMBERS = ["9" * 4301, "9" * 4300, "1" * 10, "0", "-1", "²", "1e400", "NaN", "３０", "30\n"]
"""Hostile spellings of the pack's numbers (version, time_limit)."""
edits = st.tuples(st.sampled_from(FIELDS), scalars | values) | st.tuples(
    st.sampled_from([("pack", "version"), ("questions", 2, "time_limit")]),
    st.sampled_from(NUMBERS) | st.integers(-(10**30), 10**30),
)
nearly_valid_packs = st.lists(edits, min_size=1, max_size=2).map(replaced)
"""Mostly valid packs, so hostile text also reaches the model and the cache."""

splices = st.sampled_from(
    [
        b"\x00",
        b"\xff",
        b"\xef\xbb\xbf",
        b"\t",
        b"\r",
        b"\n---\n",
        b": ",
        b"- ",
        b"&a ",
        b"*a",
        b"!!binary ",
        b"!custom ",
        b'"',
        b"'",
        b'"\\e"',
        b'"\\x1b[2J"',
        b'"\\a"',
        b"[",
        b"{",
        b"#",
        b"|\n",
        b"9" * 4301,
        b"\xc2\xb2",
        b"\xe2\x80\x8b",
        b"\xed\xa0\x80",
        b"   ",
    ]
) | st.binary(max_size=8)
spliced_packs = st.lists(
    st.tuples(st.integers(0, len(VALID.encode())), st.integers(0, 6), splices), max_size=4
).map(lambda edits: splice(VALID.encode("utf-8"), edits))


def splice(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for at, cut, piece in edits:
        at = min(at, len(data))
        data = data[:at] + piece + data[at + cut :]
    return data


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with scratch_folder() as name:
        yield name


def check_one(folder: Path, content: bytes) -> None:
    path = folder / "pack.yaml"
    path.write_bytes(content)
    cache = folder / "cache"
    first = load_pack(path, cache_dir=cache)
    for finding in first.diagnostics:
        assert finding.line >= 0
        assert finding.col >= 0
        assert finding.path == str(path)
        finding.format().encode("utf-8")
    if first.pack is None:
        event("broken pack")
        assert first.errors
    else:
        event("valid pack")
        assert not first.errors
        for q in first.pack.questions:
            for text in (q.prompt, q.answer, *q.choices, *q.accept, q.explanation or ""):
                assert not _ESCAPED_CONTROL.search(text)
    again = load_pack(path, cache_dir=cache)
    assert again.cached
    assert again.pack == first.pack
    assert again.diagnostics == first.diagnostics


@FUZZ
@given(content=built_packs | nearly_valid_packs)
def test_packs_built_from_hostile_values_load_or_are_located(folder: Path, content: bytes) -> None:
    check_one(folder, content)


@FUZZ
@given(content=spliced_packs)
def test_a_valid_pack_with_hostile_bytes_spliced_in(folder: Path, content: bytes) -> None:
    check_one(folder, content)
