"""Plain mode driven from a real shell pipeline, as a script or a screen reader user would."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.e2e.commands import play_command, scores_json

pytestmark = pytest.mark.e2e


def play_plain_from_yes(saves: Path, player: str) -> subprocess.CompletedProcess[str]:
    """`yes 1 | boschquiz play --plain ...` in sh: every question is answered "1"."""
    command = play_command("classic", saves, "--plain", "--player", player)
    return subprocess.run(
        ["sh", "-c", f"yes 1 | {shlex.join(command)}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=os.environ.copy(),
    )


def test_piped_answers_play_a_whole_game_and_save_it(tmp_path: Path) -> None:
    """Three piped answers finish the game, exit 0, and the game tops the JSON score table."""
    saves = tmp_path / "plain-saves"
    done = play_plain_from_yes(saves, "Piper")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("Your answer") == 3
    summary = re.search(r"Game over\. (\d) of 3 right\. Score (\d+)\.", done.stdout)
    assert summary is not None, done.stdout

    [row] = scores_json(saves)
    assert (row["player"], row["mode"], row["answered"]) == ("Piper", "classic", 3)
    assert (row["correct"], row["score"]) == (int(summary.group(1)), int(summary.group(2)))


def questions_and_verdicts(output: str) -> list[str]:
    """The lines that depend only on the seed: question headers, prompts, choices, verdicts.

    Points are left out: the speed bonus depends on how fast the pipe answered.
    """
    keep = re.compile(r"^(Question \d|\d\. |Right!|Wrong\.|Who |How |Which )")
    return [re.sub(r"\+\d+ points.*", "", line) for line in output.splitlines() if keep.match(line)]


def test_same_seed_asks_the_same_game_in_another_process(tmp_path: Path) -> None:
    """Two processes with one seed ask the same questions and choices in the same order."""
    first = play_plain_from_yes(tmp_path / "a", "Piper")
    second = play_plain_from_yes(tmp_path / "b", "Piper")
    assert first.returncode == second.returncode == 0
    asked = questions_and_verdicts(first.stdout)
    assert len(asked) >= 9
    assert asked == questions_and_verdicts(second.stdout)
