"""`boschquiz play --plain` as a real process, on a real pack file, with piped input."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from boschquiz.core.clock import FakeClock
from boschquiz.store import Store

REPO = Path(__file__).resolve().parents[2]
PLAYER = "Piped"


def write_pack(folder: Path) -> Path:
    """A pack of 18 choice questions (6 per difficulty) and one typed question."""
    lines = ["pack:", "  id: piped", "  title: Piped input", "questions:"]
    for level in ("easy", "medium", "hard"):
        for i in range(6):
            lines += [
                f"  - id: {level}-{i}",
                "    type: choice",
                f"    prompt: Which badge number belongs to case {level} {i}?",
                f"    choices: [Badge {i}A, Badge {i}B, Badge {i}C, Badge {i}D]",
                f"    answer: Badge {i}B",
                f"    difficulty: {level}",
                "    show: bosch",
            ]
    lines += [
        "  - id: partner",
        "    type: typed",
        "    prompt: Name the detective's long-time partner.",
        "    answer: Jerry Edgar",
    ]
    path = folder / "piped.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def boschquiz(args: list[str], stdin: str | int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "boschquiz", *args],
        input=stdin if isinstance(stdin, str) else None,
        stdin=stdin if isinstance(stdin, int) else None,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )


def play_args(tmp_path: Path, mode: str, *extra: str) -> list[str]:
    pack = write_pack(tmp_path)
    return [
        "play",
        "--plain",
        "--mode",
        mode,
        "--tier",
        "easy",
        "--seed",
        "1",
        "--player",
        PLAYER,
        "--pack",
        str(pack),
        "--saves",
        str(tmp_path / "saves"),
        *extra,
    ]


def saved_games(tmp_path: Path) -> int:
    return sum(1 for _ in Store(tmp_path / "saves", FakeClock()).games())


@pytest.mark.process
@pytest.mark.parametrize("mode", ["classic", "blitz", "ladder", "daily", "practice"])
def test_piped_ones_finish_every_mode_and_save(tmp_path: Path, mode: str) -> None:
    """Piped 1s play each mode to its result, exit 0, and the game is saved."""
    run = boschquiz(play_args(tmp_path, mode), "1\n" * 500)
    assert run.returncode == 0, run.stderr
    assert "Game over." in run.stdout
    assert "Traceback" not in run.stderr
    assert saved_games(tmp_path) == 1


@pytest.mark.process
def test_yes_pipe_plays_review_after_misses(tmp_path: Path) -> None:
    """`yes 1` from a real pipe: a classic game, then a review of what it missed."""
    for mode in ("classic", "review"):
        yes = subprocess.Popen(["yes", "1"], stdout=subprocess.PIPE)
        assert yes.stdout is not None
        run = boschquiz(play_args(tmp_path, mode), yes.stdout.fileno())
        yes.kill()
        yes.wait()
        assert run.returncode == 0, run.stderr
        assert "Game over." in run.stdout
    assert saved_games(tmp_path) == 2


@pytest.mark.process
def test_review_with_nothing_missed_exits_zero(tmp_path: Path) -> None:
    """A first-time player's review says there is nothing to review and exits 0."""
    run = boschquiz(play_args(tmp_path, "review"), "1\n" * 50)
    assert run.returncode == 0
    assert run.stdout.startswith("Nothing to review for Piped")


@pytest.mark.process
def test_input_ending_mid_game_exits_three_and_saves_nothing(tmp_path: Path) -> None:
    """Two answers into ten questions: a short message, exit 3, no game saved."""
    run = boschquiz(play_args(tmp_path, "classic"), "1\n1\n")
    assert run.returncode == 3
    assert run.stdout.endswith("Input ended before the game was over; nothing was saved.\n")
    assert saved_games(tmp_path) == 0


@pytest.mark.process
def test_second_daily_is_refused(tmp_path: Path) -> None:
    """The daily counts once per player per day: the second attempt exits 1 with a reason."""
    assert boschquiz(play_args(tmp_path, "daily"), "1\n" * 50).returncode == 0
    again = boschquiz(play_args(tmp_path, "daily"), "1\n" * 50)
    assert again.returncode == 1
    assert "already played the daily" in again.stderr
    assert "Traceback" not in again.stderr


@pytest.mark.process
def test_broken_pack_is_refused_with_located_errors(tmp_path: Path) -> None:
    """A --pack with an error prints path:line:col diagnostics and exits 1, no traceback."""
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "pack:\n  id: broken\n  title: Broken\nquestions:\n"
        "  - id: q\n    type: choice\n    prompt: Which?\n    choices: [A, B]\n    answer: C\n",
        encoding="utf-8",
    )
    run = boschquiz(
        ["play", "--plain", "--pack", str(broken), "--saves", str(tmp_path / "saves")], "1\n"
    )
    assert run.returncode == 1
    assert f"{broken}:" in run.stderr
    assert ": error: " in run.stderr
    assert "Traceback" not in run.stderr
    assert saved_games(tmp_path) == 0


@pytest.mark.process
def test_same_seed_same_game_across_processes(tmp_path: Path) -> None:
    """The same seed and pack give the same transcript in two separate processes."""
    first = boschquiz(play_args(tmp_path, "practice", "--saves", str(tmp_path / "a")), "1\n" * 50)
    second = boschquiz(play_args(tmp_path, "practice", "--saves", str(tmp_path / "b")), "1\n" * 50)
    assert first.returncode == second.returncode == 0
    assert _without_timing(first.stdout) == _without_timing(second.stdout)


_SECONDS = re.compile(r"\b\d+(?:\.\d+)? s\b")


def _without_timing(transcript: str) -> list[str]:
    """The transcript without what depends on the pipe's speed: the recap's answer times
    ("0.2 s") and the saves folder."""
    return [
        _SECONDS.sub("_ s", line)
        for line in transcript.splitlines()
        if not line.startswith("Saved in")
    ]
