"""Fault injection: every damage kind applied to every kind of saves file, each followed by
`scores`, `scores --verify`, two deep queries and a finished game.

The assertions, for every case: no traceback, no hang, every game readable before the damage
is still counted (but those in a damaged log segment, which the player is told are gone), the
new game is saved, every file moved aside was announced, nothing outside the saves folder
touched. Most cases run in-process; a sample runs through real processes, and permission
faults run in a user namespace (tests run as root, where chmod binds nothing).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Mode
from boschquiz.core.spoilers import Horizon
from boschquiz.store import Store
from boschquiz.store.codec import game_to_json
from boschquiz.store.layout import SavesLayout
from tests.data.saves.fault_steps import run_steps
from tests.unit.test_store_party import party_of
from tests.unit.test_store_support import make_game, with_score

REPO = Path(__file__).resolve().parents[2]
FAULT_STEPS = REPO / "tests" / "data" / "saves" / "fault_steps.py"
HANG_LIMIT = 60.0
"""Seconds a case may take before it counts as a hang (each takes well under one)."""

FILES = {
    "index": "index.json",
    "players": "players.json",
    "segment-old": "games/games-000000.json",
    "segment-last": "games/games-000001.json",
    "scores": "scores/classic.json",
    "party-scores": "scores/party.json",
    "daily": "daily/2026-11.json",
    "stats": str(SavesLayout(Path()).stats_file("Ann")),
    "legacy": "boschquiz.json",
}
"""Every kind of saves file (the log twice: a full segment, and the one the next game joins)."""

SEGMENT_GAMES = {"segment-old": set(range(1, 26)), "segment-last": {26, 27, 28, 29}}


def build_history(folder: Path) -> None:
    """29 games (two log segments), three players, a daily, a practice game, a party of two,
    settings and a spoiler horizon."""
    store = Store(folder, FakeClock())
    for n in range(20):
        store.record_game(with_score(make_game("Ann", seed=n), 100 + n))
    for n in range(5):
        store.record_game(make_game("Bob", seed=n))
    store.record_game(make_game("Ann", mode=Mode.DAILY, daily_date="2026-11-24"))
    store.record_game(make_game("Ann", mode=Mode.PRACTICE))
    store.record_party(party_of(("Ann", "Cy"), (1, 2)))
    store.save_player_settings("Ann", {"theme": "noir"})
    store.save_player_horizon("Ann", Horizon.parse("bosch:3,legacy:1"))


LEGACY = {
    "games": {"1": {k: v for k, v in game_to_json(make_game("Old")).items() if k != "daily_date"}},
    "players": {"1": {"name": "Old", "created": "2026-01-01T00:00:00", "settings": {}}},
}


# -- damage kinds ----------------------------------------------------------------------------


def _first_number(data: Any, replace: Callable[[Any], Any]) -> bool:
    """Replace the first number (not a bool) found depth-first; False if there is none."""
    items = list(data.items()) if isinstance(data, dict) else list(enumerate(data))
    for key, value in items:
        if type(value) in (int, float):
            data[key] = replace(value)
            return True
        if isinstance(value, dict | list) and _first_number(value, replace):
            return True
    return False


def _poisoned(base: bytes, marker: object, raw: str | None = None) -> bytes:
    """`base` with its first number replaced by `marker` (spelled `raw` if given); a file with
    no number gets a new key holding it in its first document."""
    data = json.loads(base)
    if not _first_number(data, lambda _: marker):
        table = next(iter(data.values()))
        next(iter(table.values()))["x"] = marker
    text = json.dumps(data, allow_nan=True)
    return text.replace('"__MARK__"', raw).encode() if raw else text.encode()


def _crafted(base: bytes, name: str) -> bytes:
    data = json.loads(base)
    if name == "index":
        meta = data["meta"]["1"]
        meta["score_modes"]["../../x"] = 1
        meta["daily_months"]["../../y"] = 1
    else:
        table = next(iter(data.values()))
        table["../../x"] = dict(next(iter(table.values())))
    return json.dumps(data).encode()


def write(path: Path, content: bytes) -> None:
    path.unlink(missing_ok=True)
    path.write_bytes(content)


def _replace_with(path: Path, make: Callable[[Path], None]) -> None:
    path.unlink(missing_ok=True)
    make(path)


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.json").write_text("{}")


DAMAGE: dict[str, Callable[[Path, bytes, str], None]] = {
    "empty": lambda p, b, n: write(p, b""),
    "truncated": lambda p, b, n: write(p, b[: len(b) // 2]),
    "wrong-type": lambda p, b, n: write(p, b"[1, 2]"),
    "type-confusion": lambda p, b, n: write(p, _poisoned(b, "12")),
    "nan": lambda p, b, n: write(p, _poisoned(b, math.nan)),
    "infinity": lambda p, b, n: write(p, _poisoned(b, math.inf)),
    "1e400": lambda p, b, n: write(p, _poisoned(b, "__MARK__", "1e400")),
    "huge-integer": lambda p, b, n: write(p, _poisoned(b, "__MARK__", "9" * 4301)),
    "deep-nesting": lambda p, b, n: write(
        p, _poisoned(b, "__MARK__", "[" * 100_000 + "]" * 100_000)
    ),
    "nesting-40": lambda p, b, n: write(p, _poisoned(b, "__MARK__", "[" * 40 + "]" * 40)),
    "lone-surrogate": lambda p, b, n: write(p, _poisoned(b, "__MARK__", '"\\udcff"')),
    "folder": lambda p, b, n: _replace_with(p, _folder),
    "fifo": lambda p, b, n: _replace_with(p, os.mkfifo),
    "dev-zero": lambda p, b, n: _replace_with(p, lambda q: q.symlink_to("/dev/zero")),
    "dev-null": lambda p, b, n: _replace_with(p, lambda q: q.symlink_to("/dev/null")),
    "symlink-loop": lambda p, b, n: _replace_with(p, lambda q: q.symlink_to(q)),
    "crafted-keys": lambda p, b, n: write(p, _crafted(b, n)),
}


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("history") / "saves"
    build_history(folder)
    return folder


def damaged_copy(history: Path, tmp_path: Path, name: str, damage: str) -> Path:
    folder = tmp_path / "case" / "saves"
    shutil.copytree(history, folder, symlinks=True)
    path = folder / FILES[name]
    base = path.read_bytes() if path.exists() else json.dumps(LEGACY).encode()
    DAMAGE[damage](path, base, name)
    return folder


def expected_games(name: str, damage: str) -> set[int]:
    """The games that must still count: all 29, but those in a damaged log segment."""
    return set(range(1, 30)) - SEGMENT_GAMES.get(name, set())


def check_report(report: dict[str, Any], folder: Path, name: str, damage: str) -> None:
    assert report["tracebacks"] == [], report["tracebacks"][0]
    assert all(code in (0, 1) for code in report["codes"]), report["codes"]
    games = set(report["games"])
    assert expected_games(name, damage) <= games, sorted(expected_games(name, damage) - games)
    assert report["new_game"] in games
    told = "\n".join(report["told"])
    silent = [aside for aside in report["aside"] if aside not in told]
    assert silent == [], f"moved aside without a word: {silent}"
    assert sorted(os.listdir(folder.parent)) == ["saves"], "a file outside the saves folder"


def in_thread(action: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run `action`, failing (not hanging the suite) if it takes longer than `HANG_LIMIT`."""
    result: list[dict[str, Any]] = []
    worker = threading.Thread(target=lambda: result.append(action()), daemon=True)
    worker.start()
    worker.join(HANG_LIMIT)
    assert not worker.is_alive(), f"no answer after {HANG_LIMIT:g} s: a hang"
    return result[0]


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("name", sorted(FILES))
def test_damaged_saves_file_in_process(
    history: Path, tmp_path: Path, name: str, damage: str
) -> None:
    """One damage kind on one kind of saves file: every step runs, no game is lost."""
    folder = damaged_copy(history, tmp_path, name, damage)
    report = in_thread(lambda: run_steps(folder))
    check_report(report, folder, name, damage)


def run_in_process(folder: Path, prefix: list[str] | None = None) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [*(prefix or []), sys.executable, str(FAULT_STEPS), str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=HANG_LIMIT,
    )
    assert "Traceback" not in done.stderr, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


PROCESS_SAMPLE = [
    ("index", "fifo"),
    ("segment-last", "truncated"),
    ("segment-old", "nan"),
    ("stats", "deep-nesting"),
    ("players", "dev-zero"),
    ("scores", "crafted-keys"),
]


@pytest.mark.process
@pytest.mark.slow
@pytest.mark.parametrize(("name", "damage"), PROCESS_SAMPLE)
def test_damaged_saves_file_in_a_real_process(
    history: Path, tmp_path: Path, name: str, damage: str
) -> None:
    """A sample of the cases above through a real `python` process each."""
    folder = damaged_copy(history, tmp_path, name, damage)
    check_report(run_in_process(folder), folder, name, damage)


def can_drop_root() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-U", "--map-user=1000", "true"], capture_output=True, check=False
    )
    return probe.returncode == 0


@pytest.mark.process
@pytest.mark.slow
@pytest.mark.skipif(
    not can_drop_root(), reason="needs unshare -U (a user namespace) for chmod to bind"
)
@pytest.mark.parametrize("name", sorted(set(FILES) - {"legacy"}))
def test_unreadable_saves_file_in_a_user_namespace(
    history: Path, tmp_path: Path, name: str
) -> None:
    """A saves file with no permissions at all (chmod 000, as a non-root user sees it) is
    moved aside with a notice; every other game still counts and the new game is saved."""
    folder = tmp_path / "case" / "saves"
    shutil.copytree(history, folder, symlinks=True)
    (folder / FILES[name]).chmod(0o000)
    report = run_in_process(folder, ["unshare", "-U", "--map-user=1000"])
    check_report(report, folder, name, "permissions")
    assert report["aside"], "the unreadable file was not moved aside"
