"""Plain mode on input that is not clean UTF-8 text: no crash; a line naming no choice asks
again, and the game plays to the end and is saved."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from boschquiz.core.model import Mode
from boschquiz.plain.lines import MAX_LINE, choice_number, player_text, read_line
from tests.unit.test_plain_process import REPO, play_args, saved_games
from tests.unit.test_plain_runner import play

NOT_UTF8 = b"\xff\xfe caf\xe9 \xed\xa0\x80\n"
"""Bytes no UTF-8 decoder accepts: a stray 0xff, Latin-1 and an encoded lone surrogate."""


def run_bytes(
    args: list[str | bytes], stdin: bytes, **env: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "boschquiz", *args],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


@pytest.mark.process
@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "utf-8"}, {"LC_ALL": "C.UTF-8"}, {"LC_ALL": "C"}],
    ids=["strict-utf8", "utf8-locale", "c-locale"],
)
def test_answers_that_are_not_utf8_play_to_the_end_and_save(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """Every other answer line is undecodable bytes: each asks again (it names no choice),
    the game ends, exit 0, and the game is saved."""
    run = run_bytes([*play_args(tmp_path, "classic")], (NOT_UTF8 + b"1\n") * 40, **env)
    assert b"Traceback" not in run.stderr, run.stderr.decode(errors="replace")
    assert run.returncode == 0
    assert b"is none of the choices" in run.stdout
    assert b"Game over." in run.stdout
    assert saved_games(tmp_path) == 1


@pytest.mark.process
def test_player_name_that_is_not_utf8_is_a_usage_error(tmp_path: Path) -> None:
    """`--player` given as bytes that are not UTF-8: one sentence, exit 2, nothing saved."""
    args: list[str | bytes] = [*play_args(tmp_path, "classic")]
    args[args.index("--player") + 1] = b"Ren\xe9e"
    run = run_bytes(args, b"1\n" * 40, PYTHONIOENCODING="utf-8")
    assert run.returncode == 2
    assert b"Traceback" not in run.stderr
    assert b"--player: not valid UTF-8 text (byte 0xe9)" in run.stderr
    assert saved_games(tmp_path) == 0


def test_superscript_digits_are_typed_answers_not_a_crash(tmp_path: Path) -> None:
    """`²` is a digit to `str.isdigit` but not to `int`: it is text naming no choice, so the
    question is asked again (never a crash, never counted)."""
    code, out = play(tmp_path / "saves", Mode.CLASSIC, "²\n¹\n³\n1\n" * 10)
    assert code == 0
    assert "'²' is none of the choices" in out
    assert "Game over." in out
    assert out.count("Right!") + out.count("Wrong.") == 10


def test_lone_surrogates_from_a_stream_are_replaced_and_saved(tmp_path: Path) -> None:
    """A stream handing over surrogate escapes (Python's surrogateescape) still saves."""
    code, out = play(tmp_path / "saves", Mode.CLASSIC, "\udcff\udcfe\n1\n" * 10)
    assert code == 0
    assert "Saved in" in out


@pytest.mark.parametrize(
    ("text", "number"),
    [("1", 0), ("3", 2), ("4", None), ("0", None), ("²", None), ("1" * 5000, None), ("٢", 1)],
)
def test_choice_number_reads_only_short_decimal_numbers(text: str, number: int | None) -> None:
    """Decimal digits up to three long name a choice; anything else is a typed answer."""
    assert choice_number(text, 3) == number


def test_player_text_replaces_lone_surrogates() -> None:
    assert player_text("  a\udcffb\ud800 \n") == "a\ufffdb\ufffd"


def test_endless_line_keeps_its_start_and_skips_the_rest() -> None:
    """A line far longer than any answer costs no more memory than `MAX_LINE` characters."""
    stream = io.StringIO("x" * (MAX_LINE * 50) + "\nnext\n")
    assert read_line(stream) == "x" * MAX_LINE
    assert read_line(stream) == "next\n"
    assert read_line(stream) is None
