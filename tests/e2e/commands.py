"""How the end-to-end tests invoke boschquiz: the console script, a seeded game, the scores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

E2E_PACK = Path(__file__).with_name("packs") / "e2e-round.yaml"
E2E_QUESTIONS = 3


def boschquiz_command() -> list[str]:
    """The venv's `boschquiz` console script, or `python -m boschquiz` when it is missing."""
    script = Path(sys.executable).parent / "boschquiz"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "boschquiz"]


def play_command(mode: str, saves: Path, *extra: str) -> list[str]:
    """`boschquiz play` on the e2e pack only: easy tier, three questions, seed 7."""
    return [
        *boschquiz_command(),
        *("play", "--mode", mode, "--tier", "easy", "--questions", str(E2E_QUESTIONS)),
        *("--seed", "7", "--pack", str(E2E_PACK), "--saves", str(saves), *extra),
    ]


def cli_json(saves: Path, command: str, *extra: str) -> list[dict[str, object]]:
    """The rows `boschquiz COMMAND --json --saves DIR` (plus `extra`) prints, run as a
    separate process."""
    done = subprocess.run(
        [*boschquiz_command(), command, "--json", "--saves", str(saves), *extra],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert isinstance(rows, list)
    return rows


def scores_json(saves: Path, *extra: str) -> list[dict[str, object]]:
    """The rows of `boschquiz scores --json --saves DIR` (plus `extra`, e.g. `--all`)."""
    return cli_json(saves, "scores", *extra)


def players_json(saves: Path) -> list[dict[str, object]]:
    """The rows of `boschquiz players --json --saves DIR`."""
    return cli_json(saves, "players")
