"""Stress: writer processes killed with SIGKILL at random instants, many more times than the suite.

Each trial starts a fresh interpreter running `tests/data/saves/writer.py` (it prints a game id
only after `record_game` returned), lets it report 0-5 saves, waits a random 0-20 ms, kills it,
and then checks that every file in the folder still loads and that every reported game is in
the log. Every `--pair-every` trials two writers run at once and are killed together. At the
end one more writer must save normally and every saved score must match its log. Not run
by `make test` or `make bench` (its name does not start with `bench_`).

    .venv/bin/python bench/stress_store_kill.py --trials 1000
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from boschquiz.core.clock import SystemClock
from boschquiz.store import Store
from boschquiz.store.jsonfile import UnreadableFile, read_tinydb_file

WRITER = Path(__file__).resolve().parent.parent / "tests" / "data" / "saves" / "writer.py"


def start(folder: Path, player: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(folder), player, str(10**6)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def kill_after(writers: list[subprocess.Popen[str]], rng: random.Random) -> set[int]:
    """Let the first writer report a few saves, kill them all; every id they reported."""
    lead = writers[0]
    assert lead.stdout is not None
    seen = [lead.stdout.readline() for _ in range(rng.randrange(6))]
    time.sleep(rng.uniform(0, 0.02))
    for writer in writers:
        writer.send_signal(signal.SIGKILL)
    lines = list(seen)
    for writer in writers:
        out, _ = writer.communicate()
        lines += out.splitlines()
    return {int(line) for line in lines if line.strip().isdigit()}


def broken_files(folder: Path) -> list[str]:
    broken = []
    for path in folder.rglob("*.json"):
        try:
            read_tinydb_file(path)
        except UnreadableFile as exc:
            broken.append(str(exc))
    return broken


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--pair-every", type=int, default=10, help="every Nth trial: 2 writers")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)
    reported: set[int] = set()
    lost: set[int] = set()
    broken: list[str] = []
    notices: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="stress-store-") as tmp:
        folder = Path(tmp) / "saves"
        for trial in range(1, args.trials + 1):
            pair = args.pair_every > 0 and trial % args.pair_every == 0
            players = ["Ann", "Bob"] if pair else [rng.choice(["Ann", "Bob", "Cy"])]
            reported |= kill_after([start(folder, p) for p in players], rng)
            broken += broken_files(folder)
            store = Store(folder, SystemClock())
            logged = {game_id for game_id, _ in store.games()}
            lost |= reported - logged
            notices += store.notices()
            if trial % 100 == 0:
                print(f"  {trial} trials, {len(reported)} games reported saved", flush=True)
        final = [sys.executable, str(WRITER), str(folder), "Final", "1"]
        subprocess.run(final, check=True, stdout=subprocess.DEVNULL)
        problems = Store(folder, SystemClock()).verify()
    elapsed = time.perf_counter() - started
    ok = not lost and not broken and not notices and not problems
    print(
        f"{'PASS' if ok else 'FAIL'} {args.trials} kill trials (seed {seed}) in {elapsed:.0f} s:"
        f" {len(reported)} games reported saved, {len(lost)} lost, {len(broken)} unreadable"
        f" files, {len(notices)} damage notices, {len(problems)} scores not matching their log"
    )
    for line in (sorted(lost)[:10], broken[:10], notices[:10], problems[:10]):
        if line:
            print("   ", line)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
