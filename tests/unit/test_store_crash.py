"""Real processes, no mocks: SIGKILL at random instants, two writers at once, SIGTERM/SIGHUP."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from boschquiz.core.clock import FakeClock
from boschquiz.store import Store
from boschquiz.store.atomic import TEMP_SUFFIX
from boschquiz.store.jsonfile import read_tinydb_file
from tests.data.saves.writer import main as writer_main

WRITER = Path(__file__).resolve().parents[1] / "data" / "saves" / "writer.py"
KILL_TRIALS = 100


def start_writer(folder: Path, player: str, count: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(folder), player, str(count), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class ForkedWriter:
    """A writer process forked from this one (a real process, minus the interpreter start-up):
    it records games for `player` and writes each id to a pipe after `record_game` returns."""

    def __init__(self, folder: Path, player: str, count: int) -> None:
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(read_end)
            status = 1
            try:
                writer_main([str(folder), player, str(count)], os.fdopen(write_end, "w", 1))
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        self.output = os.fdopen(read_end)

    def readline(self) -> str:
        return self.output.readline()

    def kill_and_collect(self) -> tuple[int, list[str]]:
        """SIGKILL now; the exit status and every line the writer managed to report."""
        os.kill(self.pid, signal.SIGKILL)
        return self.wait()

    def wait(self) -> tuple[int, list[str]]:
        lines = self.output.read().splitlines()
        self.output.close()
        _, status = os.waitpid(self.pid, 0)
        return status, lines


def reported_ids(lines: Iterator[str] | list[str]) -> set[int]:
    return {int(line) for line in lines if line.strip().isdigit()}


def logged_ids(folder: Path) -> list[int]:
    return [game_id for game_id, _ in Store(folder, FakeClock()).games()]


def every_json_file_loads(folder: Path) -> bool:
    for path in folder.rglob("*.json"):
        read_tinydb_file(path)
    return True


@pytest.mark.slow
def test_sigkill_at_random_instants_never_loses_a_reported_game(tmp_path: Path) -> None:
    """100 writers killed mid-flight: every file still loads and every reported game is there."""
    rng = random.Random(20261124)
    folder = tmp_path / "saves"
    reported: set[int] = set()
    for _ in range(KILL_TRIALS):
        writer = ForkedWriter(folder, rng.choice(["Ann", "Bob", "Cy"]), 10**6)
        seen = [writer.readline() for _ in range(rng.randrange(4))]
        time.sleep(rng.uniform(0, 0.008))
        status, rest = writer.kill_and_collect()
        assert os.WIFSIGNALED(status)
        assert os.WTERMSIG(status) == signal.SIGKILL
        reported |= reported_ids(seen + rest)
        assert every_json_file_loads(folder)
        assert reported <= set(logged_ids(folder))
        assert Store(folder, FakeClock()).notices() == ()
    assert len(reported) >= KILL_TRIALS


@pytest.mark.process
def test_next_writer_cleans_temp_files_and_completes_the_tables(tmp_path: Path) -> None:
    """After a kill, the next writer removes orphaned temp files and folds in every game."""
    folder = tmp_path / "saves"
    writer = start_writer(folder, "Ann", 10**6)
    assert writer.stdout is not None
    writer.stdout.readline()
    writer.kill()
    writer.communicate()
    (folder / f".index.json.999.dead{TEMP_SUFFIX}").write_text("half a write")
    done = subprocess.run(
        [sys.executable, str(WRITER), str(folder), "Bob", "1"], capture_output=True, check=True
    )
    assert done.returncode == 0
    assert not list(folder.rglob(f"*{TEMP_SUFFIX}"))
    index = read_tinydb_file(folder / "index.json")
    assert index is not None
    assert index["meta"]["1"]["applied_through"] == max(logged_ids(folder))


@pytest.mark.slow
def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    """Two processes recording 200 games each at the same time leave 400 distinct games."""
    folder = tmp_path / "saves"
    writers = [ForkedWriter(folder, name, 200) for name in ("Ann", "Bob")]
    results = [w.wait() for w in writers]
    assert [status for status, _ in results] == [0, 0]
    assert sorted(reported_ids(results[0][1] + results[1][1])) == list(range(1, 401))
    ids = logged_ids(folder)
    assert sorted(ids) == list(range(1, 401))
    store = Store(folder, FakeClock())
    assert {p.name: p.games for p in store.players()} == {"Ann": 200, "Bob": 200}


@pytest.mark.process
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_exit_signal_mid_game_exits_cleanly_with_saves_intact(
    tmp_path: Path, sig: signal.Signals
) -> None:
    """SIGTERM or SIGHUP while saving: finally blocks run, exit status 128+n, saves load."""
    folder = tmp_path / "saves"
    writer = start_writer(folder, "Ann", 10**6, "--graceful")
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    for _ in range(3):
        writer.stdout.readline()
    writer.send_signal(sig)
    out, err = writer.communicate(timeout=30)
    lines = out.splitlines()
    assert writer.returncode == 128 + sig, err
    assert lines[-1] == "clean exit"
    assert every_json_file_loads(folder)
    assert reported_ids(lines) <= set(logged_ids(folder))
