"""The entry point's promises: no traceback reaches a user."""

from __future__ import annotations

import subprocess
import sys


def test_reader_leaving_early_ends_quietly() -> None:
    """`boschquiz questions --json | head -1` (over 64 KB) ends with no traceback."""
    result = subprocess.run(
        f"{sys.executable} -m boschquiz questions --json | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() != ""
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr


def test_help_lists_every_command() -> None:
    """`boschquiz --help` names each sub-command."""
    out = subprocess.run(
        [sys.executable, "-m", "boschquiz", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("play", "packs", "questions", "generate", "scores"):
        assert command in out
