"""Pack content that is valid YAML but hostile: huge numbers, ids with a newline, look-alike
choices, terminal escapes. Each is a located error, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.core.giveaways import COMMON_WORDS, distinctive_words, words
from boschquiz.packs import load_pack
from boschquiz.packs.checks import FORMAT_CHARACTERS, compared_part, normalise
from boschquiz.packs.loader import MAX_FINDINGS
from boschquiz.yamlsafe.guards import _NOT_ALLOWED, _clean_ascii
from boschquiz.yamlsafe.schema import MAX_SCHEMA_ERRORS, json_pattern
from tests.unit.test_packs_loading import write

HEAD = "pack:\n  id: hostile\n  title: Hostile\n"
ONE_TYPED = "questions:\n  - {id: q, type: typed, prompt: Say it, answer: it}\n"


def only_error(text: str, tmp_path: Path) -> str:
    result = load_pack(write(tmp_path, text))
    assert result.pack is None
    assert len(result.errors) == 1, [d.format() for d in result.errors]
    return result.errors[0].format().replace(f"{tmp_path}/", "")


@pytest.mark.parametrize("digits", [10, 4300, 4301, 100_000])
def test_a_huge_version_is_a_located_error(digits: int, tmp_path: Path) -> None:
    text = HEAD + f"  version: {'9' * digits}\n" + ONE_TYPED
    assert only_error(text, tmp_path) == (
        "pack.yaml:4:12: error: pack.version: must be a whole number from 1 to 999999999"
    )


def test_the_largest_version_loads(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path, HEAD + "  version: 999999999\n" + ONE_TYPED)).pack
    assert pack is not None
    assert pack.info.version == 999_999_999


@pytest.mark.parametrize(
    "written",
    ['"hostile\\n"', "|\n    hostile", "'hostile\n\n    '"],
    ids=["escape", "block-scalar", "folded-quote"],
)
def test_an_id_ending_in_a_newline_is_refused(written: str, tmp_path: Path) -> None:
    text = f"pack:\n  id: {written}\n  title: Hostile\n" + ONE_TYPED
    assert only_error(text, tmp_path).endswith(
        "error: pack.id: use only lowercase letters, digits and '-'"
    )


def test_a_question_id_ending_in_a_newline_is_refused(tmp_path: Path) -> None:
    text = HEAD + 'questions:\n  - {id: "q\\n", type: typed, prompt: Say it, answer: it}\n'
    assert "questions[0].id: use only lowercase" in only_error(text, tmp_path)


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        ("^[a-z]+$", "abc", True),
        ("^[a-z]+$", "abc\n", False),
        ("^[$a]+$", "$a", True),
        (r"^\$$", "$", True),
        (r"^a$|^b$", "b\n", False),
    ],
)
def test_json_patterns_end_only_at_the_end(pattern: str, text: str, matches: bool) -> None:
    """`$` means the end of the text, as in ECMA-262, not "before a final newline"."""
    assert (json_pattern(pattern).search(text) is not None) is matches


@pytest.mark.parametrize(
    ("choice", "hint"),
    [
        ("Rene\\u0301e", "written once with combining accents"),
        ("Ren\\u200bée", "invisible character U+200B"),
        ("Re\\u00adnée", "invisible character U+00AD"),
        ("Ｒｅｎéｅ", "make every choice different"),
    ],
    ids=["nfd", "zero-width-space", "soft-hyphen", "fullwidth"],
)
def test_choices_that_look_identical_are_refused(choice: str, hint: str, tmp_path: Path) -> None:
    text = HEAD + (
        "questions:\n  - id: q\n    type: choice\n    prompt: Who?\n"
        f'    choices: ["Ren\\u00e9e", "{choice}", "Harry"]\n    answer: Harry\n'
    )
    found = only_error(text, tmp_path)
    assert "look the same to a player" in found
    assert hint in found


@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\e]0;owned\\a", "001B"), ("\\x1b[2J", "001B"), ("\\a", "0007"), ("\\x9b2J", "009B")],
)
def test_terminal_escapes_in_text_are_located_errors(
    escape: str, code: str, tmp_path: Path
) -> None:
    text = HEAD + f'questions:\n  - {{id: q, type: typed, prompt: "Say {escape} it", answer: it}}\n'
    assert only_error(text, tmp_path) == (
        f"pack.yaml:5:34: error: control character U+{code} (written as an escape) is not "
        "allowed (hint: remove it: only \\n and \\t escapes are allowed in text the game shows)"
    )


def test_tab_and_newline_escapes_stay_allowed(tmp_path: Path) -> None:
    text = HEAD + 'questions:\n  - {id: q, type: typed, prompt: "Say\\tit\\nnow", answer: it}\n'
    pack = load_pack(write(tmp_path, text)).pack
    assert pack is not None
    assert pack.questions[0].prompt == "Say\tit\nnow"


@pytest.mark.process
@pytest.mark.parametrize("command", ["play", "packs list", "questions", "packs validate"])
def test_a_huge_version_in_the_packs_folder_is_no_traceback(
    command: str, isolated_folders: Path
) -> None:
    """Finding 5 as reported: one user pack with a 4,301-digit version, every command."""
    (isolated_folders / "packs" / "big.yaml").write_text(
        HEAD + f"  version: {'9' * 4301}\n" + ONE_TYPED, encoding="utf-8"
    )
    args = command.split()
    args += [str(isolated_folders / "packs")] if command == "packs validate" else []
    args += ["--plain", "--questions", "1", "--seed", "1"] if command == "play" else []
    done = subprocess.run(
        [sys.executable, "-m", "boschquiz", *args],
        input="1\n" * 20,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1)
    assert "must be a whole number from 1 to 999999999" in done.stdout + done.stderr or (
        "big.yaml" in done.stdout + done.stderr
    )


def test_schema_errors_stop_at_the_cap_and_count_the_rest(tmp_path: Path) -> None:
    """1,000 empty questions: 100 errors worded, then one finding counting the rest."""
    result = load_pack(write(tmp_path, HEAD + "questions:\n" + "  - {}\n" * 1000))
    assert len(result.errors) == MAX_SCHEMA_ERRORS + 1
    summary = result.errors[-1]
    assert summary.message == (
        f"only the first {MAX_SCHEMA_ERRORS} schema errors are listed; "
        "975 more entries of 'questions' have errors too"
    )
    assert (summary.line, summary.col) == (30, 5)


def test_fuzzy_prompt_comparison_reads_both_ends_only() -> None:
    """Two 1 MB prompts are compared on their first and last characters, not as a whole."""
    middle = "x" * 1_000_000
    assert compared_part("start " + middle + " end") == ("start " + "x" * 44) + ("x" * 46 + " end")
    assert compared_part("short") == "short"


def test_format_characters_match_unicodes_category_cf() -> None:
    """`FORMAT_CHARACTERS` holds every Cf character of this Python's Unicode database."""
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf" and not FORMAT_CHARACTERS.match(chr(code))
    ]
    assert missing == []


@pytest.mark.parametrize(
    "text", ["a  b", " a\tb\n", "a\u3000b", "A\u2028B", "a\x1cb", "a\u00a0\u00a0b", "a - b", "ab"]
)
def test_normalise_folds_every_kind_of_space_as_split_does(text: str) -> None:
    folded = unicodedata.normalize("NFKC", text).casefold().replace("-", " ")
    assert normalise(text) == " ".join(folded.split())


def test_findings_past_the_cap_are_counted_in_one_line(tmp_path: Path) -> None:
    """A file of 1,000 forbidden tags lists `MAX_FINDINGS` of them and counts the rest."""
    result = load_pack(write(tmp_path, HEAD + "questions:\n" + "  - !!str a\n" * 1000))
    assert len(result.diagnostics) == MAX_FINDINGS + 1
    last = result.diagnostics[-1]
    assert last.is_error
    assert (
        last.message == f"{1000 - MAX_FINDINGS:,} more errors not listed (only the first 200 are)"
    )


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40).filter(bytes.isascii))
def test_the_fast_ascii_check_agrees_with_the_full_one(data: bytes) -> None:
    """`_clean_ascii` (C speed) never passes a file the full forbidden-character check fails."""
    if _clean_ascii(data):
        assert _NOT_ALLOWED.search(data.decode("ascii")) is None
    else:
        assert _NOT_ALLOWED.search(data.decode("ascii")) is not None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab _é'sS’-1xÉ\u0301", max_size=30))
def test_distinctive_words_are_the_long_uncommon_words(text: str) -> None:
    """Found by one regular expression, the same as filtering `words` one by one."""
    expected = {w for w in words(text) if len(w) >= 3 and w not in COMMON_WORDS}
    assert distinctive_words(text) == expected
