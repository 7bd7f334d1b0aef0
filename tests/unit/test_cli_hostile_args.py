"""Hostile command lines: each gets one sentence and exit 1 or 2, never a traceback or a hang."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from boschquiz.cli import main
from tests.unit.test_plain_hostile_input import run_bytes

TOO_LONG = "a" * 300 + ".yaml"
"""A file name longer than any file system allows for one name (255 bytes)."""


def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    "argv",
    [
        ["play", "--plain", "--pack", TOO_LONG],
        ["play", "--plain", "--saves", f"/tmp/{TOO_LONG}"],
        ["questions", "--pack", TOO_LONG],
        ["packs", "validate", TOO_LONG],
        ["packs", "list", "--pack", TOO_LONG],
        ["generate", "--facts", TOO_LONG],
        ["generate", "-o", TOO_LONG],
        ["scores", "--saves", TOO_LONG],
    ],
)
def test_a_name_too_long_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert "is longer than the system allows" in usage_error(argv, capsys)


@pytest.mark.parametrize("digits", [4300, 4301])
def test_a_huge_question_count_is_a_usage_error(
    digits: int, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(["play", "--plain", "--questions", "9" * digits], capsys)
    assert "--questions: must be at most 1,000" in err


def test_a_huge_scores_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert "--limit: must be at most" in usage_error(["scores", "--limit", "9" * 4300], capsys)


def test_pack_on_a_symlink_loop_is_one_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    code = main(["play", "--plain", "--pack", str(tmp_path / "a.yaml")])
    err = capsys.readouterr().err
    assert code == 1
    assert "a.yaml:1:1: error: cannot read the file: symbolic links point at each other" in err


def run(args: list[str | bytes], **env: str) -> subprocess.CompletedProcess[bytes]:
    return run_bytes(args, b"", **env)


@pytest.mark.process
@pytest.mark.parametrize(
    "args",
    [["packs", "validate"], ["play", "--plain", "--pack"]],
    ids=["validate", "play"],
)
def test_a_fifo_is_refused_at_once(tmp_path: Path, args: list[str | bytes]) -> None:
    """A named pipe with no writer would block a plain open for ever: refused, no hang."""
    fifo = tmp_path / "pack.yaml"
    os.mkfifo(fifo)
    done = run([*args, str(fifo)])
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    assert b"is a named pipe (FIFO), not a regular file" in done.stdout + done.stderr


@pytest.mark.process
def test_questions_skips_a_fifo_as_a_broken_pack(tmp_path: Path) -> None:
    """`questions` skips broken packs (exit 0) and names them; a FIFO is one of them."""
    fifo = tmp_path / "pack.yaml"
    os.mkfifo(fifo)
    done = run(["questions", "--pack", str(fifo)])
    assert done.returncode == 0
    assert b"Traceback" not in done.stderr
    assert b"skipped" in done.stderr
    assert done.stdout.endswith(b"0 questions\n")


@pytest.mark.process
def test_a_pack_whose_name_is_not_utf8_is_listed(tmp_path: Path) -> None:
    """A file name that is not UTF-8 is printed escaped, even on a strict UTF-8 stdout."""
    pack = os.fsencode(tmp_path) + b"/\xff.yaml"
    with open(pack, "w", encoding="utf-8") as handle:
        handle.write("pack: {id: x, title: X}\nquestions:\n")
        handle.write("  - {id: q, type: typed, prompt: Say hello now, answer: hello}\n")
    for args in (["packs", "validate"], ["packs", "list", "--pack"]):
        done = run([*args, pack], PYTHONIOENCODING="utf-8")
        assert done.returncode == 0, done.stderr
        assert b"\\udcff.yaml" in done.stdout
