"""Plain mode driven from a real shell pipeline, as a script or a screen reader user would."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.e2e.commands import boschquiz_command, play_command, scores_json

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
    """Three piped answers finish the game, exit 0, and the game (custom: three questions, a
    chosen seed, its own pack) is listed by `scores --all`."""
    saves = tmp_path / "plain-saves"
    done = play_plain_from_yes(saves, "Piper")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("Your answer") == 3
    summary = re.search(r"Game over\. (\d) of 3 right\. Score ([\d,]+)\.", done.stdout)
    assert summary is not None, done.stdout

    assert scores_json(saves) == []
    [row] = scores_json(saves, "--all")
    assert row["ranked"] is False
    assert (row["player"], row["mode"], row["answered"]) == ("Piper", "classic", 3)
    assert (row["correct"], row["score"]) == (
        int(summary.group(1)),
        int(summary.group(2).replace(",", "")),
    )


def test_a_standard_game_from_a_pipe_is_ranked_and_in_history(tmp_path: Path) -> None:
    """Ten questions on the installed bank with no seed and no filter: ranked, in `scores`;
    `history --json` gives its ten answers, each "1" as given."""
    saves = tmp_path / "plain-saves"
    command = [*boschquiz_command(), "play", "--plain", "--saves", str(saves), "--player", "Rita"]
    done = subprocess.run(
        ["sh", "-c", f"yes 1 | {shlex.join(command)}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = scores_json(saves)
    assert (row["player"], row["ranked"], row["answered"]) == ("Rita", True, 10)
    history = subprocess.run(
        [*boschquiz_command(), "history", "--json", "--player", "Rita", "--saves", str(saves)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    [game] = json.loads(history.stdout)
    assert (game["ranked"], game["score"], len(game["answers"])) == (True, row["score"], 10)
    assert all(answer["prompt"] for answer in game["answers"])


def questions_and_verdicts(output: str) -> list[str]:
    """The lines that depend only on the seed: question headers, prompts, choices, verdicts.

    Points and scores are left out: the speed bonus depends on how fast the pipe answered.
    """
    keep = re.compile(r"^(Question \d|\d\. |Right!|Wrong\.|Who |How |Which )")
    unscored = (
        re.sub(r"(\+[\d,]+ points| Score [\d,]+\.).*", "", line) for line in output.splitlines()
    )
    return [line for line in unscored if keep.match(line)]


def test_same_seed_asks_the_same_game_in_another_process(tmp_path: Path) -> None:
    """Two processes with one seed ask the same questions and choices in the same order."""
    first = play_plain_from_yes(tmp_path / "a", "Piper")
    second = play_plain_from_yes(tmp_path / "b", "Piper")
    assert first.returncode == second.returncode == 0
    asked = questions_and_verdicts(first.stdout)
    assert len(asked) >= 9
    assert asked == questions_and_verdicts(second.stdout)
