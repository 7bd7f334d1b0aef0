"""The guarded YAML loader: plain data, exact text, and a located error for every bad input."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.yamlsafe import MAX_DEPTH, LoadedYaml, load_yaml


def write(tmp_path: Path, text: str | bytes, name: str = "file.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def only_error(loaded: LoadedYaml) -> str:
    errors = [d for d in loaded.diagnostics if d.is_error]
    assert len(errors) == 1, loaded.diagnostics
    assert loaded.data is None
    return errors[0].format()


def test_mapping_loads_to_plain_dicts_and_lists(tmp_path: Path) -> None:
    """A normal file becomes dicts, lists and strings."""
    loaded = load_yaml(write(tmp_path, "a: x\nb: [1, two]\nc:\n  d: e\n"))
    assert loaded.ok
    assert loaded.data == {"a": "x", "b": ["1", "two"], "c": {"d": "e"}}


@pytest.mark.parametrize(
    "written",
    ["yes", "no", "on", "off", "y", "n", "Yes", "True", "NO", "null", "Null", "~", "NULL"],
)
def test_yaml11_booleans_and_nulls_stay_text(tmp_path: Path, written: str) -> None:
    """Only lowercase true/false are booleans; yes/no/on/off/null and friends stay text."""
    loaded = load_yaml(write(tmp_path, f"answer: {written}\n"))
    assert loaded.data == {"answer": written}


@pytest.mark.parametrize(
    "written",
    ["2021", "1.10", "3.10", "007", "010", "0o17", "0x1F", "12:30", "1:30:00", "2025-07-09",
     "2025-07-09T10:00:00Z", ".inf", "-.nan", "1e3", "1_000", "+12"],
)  # fmt: skip
def test_numbers_dates_times_and_octal_stay_exact_text(tmp_path: Path, written: str) -> None:
    """Numbers, dates, times and octal-looking values keep the exact text written."""
    loaded = load_yaml(write(tmp_path, f"answer: {written}\nchoices: [{written}, x]\n"))
    assert loaded.data == {"answer": written, "choices": [written, "x"]}


def test_true_and_false_become_booleans(tmp_path: Path) -> None:
    """Lowercase, unquoted true/false are the only booleans."""
    loaded = load_yaml(write(tmp_path, "a: true\nb: false\nc: 'true'\n"))
    assert loaded.data == {"a": True, "b": False, "c": "true"}


def test_empty_value_becomes_none(tmp_path: Path) -> None:
    """A key with nothing after it has the value None."""
    loaded = load_yaml(write(tmp_path, "a:\nb: ''\n"))
    assert loaded.data == {"a": None, "b": ""}


def test_location_points_at_the_value(tmp_path: Path) -> None:
    """`location` gives the 1-based line and column where a nested value was written."""
    loaded = load_yaml(write(tmp_path, "questions:\n  - id: a\n  - id: b\n    answer: Maggie Q\n"))
    assert loaded.location(("questions", 1, "answer")) == (4, 13)
    assert loaded.key_location(("questions", 1, "answer")) == (4, 5)


def test_location_falls_back_to_nearest_parent(tmp_path: Path) -> None:
    """A path that does not exist is located at its deepest existing parent."""
    loaded = load_yaml(write(tmp_path, "questions:\n  - id: a\n"))
    assert loaded.location(("questions", 0, "answer")) == (2, 5)


def test_duplicate_keys_are_errors_not_overwrites(tmp_path: Path) -> None:
    """Every repeated key is reported at the repeat, naming the first line."""
    loaded = load_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\nb: 4\n"))
    messages = [d.format() for d in loaded.diagnostics]
    assert len(messages) == 2
    assert messages[0].endswith(
        ":3:1: error: duplicate key 'a' (first written at line 1) "
        "(hint: remove one of them; YAML would silently keep only the last)"
    )
    assert ":4:1: error: duplicate key 'b'" in messages[1]
    assert loaded.data is None


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    """An empty (or blank) file gets a clear error."""
    assert "error: file is empty" in only_error(load_yaml(write(tmp_path, "  \n\n")))


def test_comments_only_file_is_an_error(tmp_path: Path) -> None:
    """A file of comments only has no content."""
    loaded = load_yaml(write(tmp_path, "# just a comment\n"))
    assert "no content" in only_error(loaded)


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    """A byte that is not UTF-8 is reported at its line and column."""
    message = only_error(load_yaml(write(tmp_path, b"a: ok\nb: caf\xe9\n")))
    assert ":2:7: error: invalid UTF-8 (byte 0xe9)" in message


def test_utf16_file_is_named(tmp_path: Path) -> None:
    """A UTF-16 file is recognised and the author told to save as UTF-8."""
    message = only_error(load_yaml(write(tmp_path, "a: b\n".encode("utf-16"))))
    assert "UTF-16" in message
    assert "save the file as UTF-8" in message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    """Editors that write a UTF-8 byte-order mark still load."""
    loaded = load_yaml(write(tmp_path, "\ufeffa: b\n"))
    assert loaded.data == {"a": "b"}


def test_binary_garbage_is_an_error(tmp_path: Path) -> None:
    """Binary data is refused before parsing."""
    message = only_error(load_yaml(write(tmp_path, bytes(range(256)) * 4, "x.yaml")))
    assert "binary data" in message


def test_control_character_is_an_error(tmp_path: Path) -> None:
    """Control characters YAML forbids are located."""
    message = only_error(load_yaml(write(tmp_path, "a: b\nc: d\x07\n")))
    assert ":2:5: error: character U+0007 is not allowed" in message


def test_tab_indentation_is_explained(tmp_path: Path) -> None:
    """A tab used for indentation says so, with a hint."""
    message = only_error(load_yaml(write(tmp_path, "a:\n\tb: 2\n")))
    assert "tab character where YAML expects spaces" in message
    assert "indent with spaces only" in message


def test_unclosed_quote_points_at_its_start(tmp_path: Path) -> None:
    """An unclosed quote is reported where the quoted text starts."""
    message = only_error(load_yaml(write(tmp_path, 'a: 1\nb: "never closed\nc: 2\n')))
    assert ":2:4: error: unclosed quote" in message


def test_other_syntax_errors_are_located(tmp_path: Path) -> None:
    """Any other syntax error still comes back as a located diagnostic."""
    message = only_error(load_yaml(write(tmp_path, "a: [1, 2\nb: 3\n")))
    assert "error: invalid YAML" in message


def test_colon_in_plain_value_gets_a_quoting_hint(tmp_path: Path) -> None:
    """The commonest author mistake, ': ' inside an unquoted value, says to quote it."""
    message = only_error(load_yaml(write(tmp_path, "prompt: Who leads Bosch: Legacy?\n")))
    assert ":1:24: error: invalid YAML: mapping values are not allowed" in message
    assert "a value containing ': ' must be quoted" in message


def test_unclosed_bracket_gets_a_hint(tmp_path: Path) -> None:
    """A list opened with '[' and never closed says how to fix it."""
    message = only_error(load_yaml(write(tmp_path, "a: [1, 2\nb: 3\n")))
    assert "close the list with ']'" in message


def test_deep_flow_nesting_is_refused_without_crashing(tmp_path: Path) -> None:
    """30,000 nested brackets (which crash the C composer) give the nesting error, located at
    the limit or, where libyaml's scanner refuses them first (PyYAML 6.0.4 and later: at a
    thousand levels, before any event reaches the loader), where the scanner stopped."""
    message = only_error(load_yaml(write(tmp_path, "[" * 30_000 + "]" * 30_000)))
    found = re.search(r":1:(\d+): error: nesting is deeper than (\d+) levels", message)
    assert found is not None, message
    assert MAX_DEPTH < int(found.group(1)) <= 1001
    assert int(found.group(2)) == MAX_DEPTH
    assert "flatten the structure" in message


def test_deep_block_nesting_is_refused(tmp_path: Path) -> None:
    """Deep indentation-based nesting is refused too."""
    text = "".join("  " * level + "k:\n" for level in range(600))
    assert "nesting is deeper" in only_error(load_yaml(write(tmp_path, text)))


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    """A 'billion laughs' alias bomb is stopped while reading, not after expanding."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    message = only_error(load_yaml(write(tmp_path, "\n".join(lines) + "\n")))
    assert "aliases expand to more than" in message
    assert "billion laughs" in message


def test_small_aliases_are_allowed(tmp_path: Path) -> None:
    """An honest anchor and alias still load."""
    loaded = load_yaml(write(tmp_path, "a: &x [1, 2]\nb: *x\n"))
    assert loaded.data == {"a": ["1", "2"], "b": ["1", "2"]}


def test_self_referencing_alias_is_an_error(tmp_path: Path) -> None:
    """An anchor that contains itself is refused (no recursive structures)."""
    assert "refers to no finished anchor" in only_error(load_yaml(write(tmp_path, "a: &x [*x]\n")))


def test_file_over_size_limit_is_refused_without_parsing(tmp_path: Path) -> None:
    """A file over the limit is refused by size, with a hint."""
    path = write(tmp_path, "a: " + "x" * 2000 + "\n")
    message = only_error(load_yaml(path, max_bytes=1024))
    assert "larger than the" in message
    assert "split it into several packs" in message


def test_several_documents_are_an_error(tmp_path: Path) -> None:
    """A second `---` document is reported where it starts."""
    message = only_error(load_yaml(write(tmp_path, "a: 1\n---\nb: 2\n")))
    assert ":2:1: error: several documents in one file" in message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a: !!python/object/apply:os.system [ls]\n", "!!python/object/apply:os.system"),
        ("a: !!binary aGVsbG8=\n", "!!binary"),
        ("a: !!set {x, y}\n", "!!set"),
        ("a: !custom x\n", "!custom"),
        ("a: !!str x\n", "!!str"),
    ],
)
def test_tags_are_errors(tmp_path: Path, text: str, shown: str) -> None:
    """Every explicit tag is refused and named; nothing is ever constructed from one."""
    message = only_error(load_yaml(write(tmp_path, text)))
    assert f":1:4: error: tag '{shown}' is not allowed" in message


def test_every_tag_in_a_file_is_reported(tmp_path: Path) -> None:
    """Several tags give one error each, not just the first."""
    loaded = load_yaml(write(tmp_path, "a: !!binary aGk=\nb: !!set {x}\nc: [!!python/none '']\n"))
    assert loaded.data is None
    assert [(d.line, d.message) for d in loaded.diagnostics] == [
        (1, "tag '!!binary' is not allowed"),
        (2, "tag '!!set' is not allowed"),
        (3, "tag '!!python/none' is not allowed"),
    ]


@settings(max_examples=80, deadline=None)
@given(st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9.:_+/-]{0,10}[A-Za-z0-9])?", fullmatch=True))
def test_any_plain_word_keeps_its_exact_text(word: str) -> None:
    """A plain value of letters, digits and . : _ + / - is loaded as exactly that text."""
    loaded = load_in_fresh_folder(f"answer: {word}\nchoices: [{word}, x]\n".encode())
    expected: object = {"true": True, "false": False}.get(word, word)
    assert loaded.data == {"answer": expected, "choices": [expected, "x"]}


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn")), max_size=40))
def test_any_double_quoted_text_round_trips(text: str) -> None:
    """Any text written as a double-quoted (JSON-escaped) string loads back unchanged."""
    loaded = load_in_fresh_folder(f"answer: {json.dumps(text, ensure_ascii=False)}\n".encode())
    assert loaded.data == {"answer": text}


def test_missing_file_is_a_diagnostic(tmp_path: Path) -> None:
    """A path that does not exist is a diagnostic, not an exception."""
    assert "no such file" in only_error(load_yaml(tmp_path / "absent.yaml"))


def test_folder_is_a_diagnostic(tmp_path: Path) -> None:
    """A folder given as a file is a diagnostic."""
    assert "is a folder" in only_error(load_yaml(tmp_path))


def test_complex_key_is_an_error(tmp_path: Path) -> None:
    """A list used as a mapping key is refused."""
    assert "must be plain text" in only_error(load_yaml(write(tmp_path, "? [a, b]\n: c\n")))


def load_in_fresh_folder(data: bytes) -> LoadedYaml:
    """Hypothesis runs many examples per test, so each gets its own temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        return load_yaml(write(Path(folder), data))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    """Whatever bytes a file holds, loading returns a result and never raises."""
    loaded = load_in_fresh_folder(data)
    assert loaded.ok == (loaded.data is not None)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab:-[]{}&*!'\"# \n\t,?|>", max_size=80))
def test_arbitrary_yaml_punctuation_never_raises(text: str) -> None:
    """Random YAML punctuation loads or fails with diagnostics, never an exception."""
    loaded = load_in_fresh_folder(text.encode())
    assert loaded.ok == (loaded.data is not None)
    assert all(d.line >= 0 and d.col >= 0 for d in loaded.diagnostics)
