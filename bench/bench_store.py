"""The store at 100,000 finished games: recording one, the top 10 from a fresh process, memory.

Targets (issue 5), each printed next to a floor measured in the same run:
- recording a finished game (atomic, fsynced, locked): median at most 20 ms
  (floors: one fsynced append of the same game as a JSON line; SQLite insert + commit);
- the top 10 of a high-score table in a fresh process, from opening the store to having the
  rows: at most 50 ms (floor: a naive TinyDB scan of the same games' summaries);
- peak memory of opening the store and reading the top 10 does not grow with history
  (tracemalloc in fresh processes). The tables fill up over the first few thousand games
  (each keeps the best 50 per tier plus each player's best 10), so the target compares
  100,000 games with 10,000 (at most 1.1x); 1,000 games are printed for scale.

The game log is written in whole segments with the store's own layout and codec (recording
100,000 games one by one would take many minutes); the store then builds its tables from the
log when first opened, exactly as it does after losing `index.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._history import finished_game
from bench._report import report_absolute
from boschquiz.core.clock import SystemClock
from boschquiz.core.model import AnswerRecord, Difficulty, GameRecord, Mode, Outcome
from boschquiz.store import Store
from boschquiz.store.codec import game_to_json
from boschquiz.store.gamelog import write_log
from boschquiz.store.layout import SavesLayout

PLAYERS = ("Harry", "Renée", "Maddie", "J. Edgar", "Honey", "Jerry", "Lt. Billets", "Crate")
MODES = (Mode.CLASSIC, Mode.BLITZ, Mode.LADDER, Mode.DAILY, Mode.REVIEW, Mode.PRACTICE)
QUESTIONS = [f"pack/q{i:04d}" for i in range(1500)]
START = datetime(2024, 1, 1, 20, 0, tzinfo=UTC)
RECORD_LIMIT = 0.020
TOP10_LIMIT = 0.050
MEMORY_RATIO = 1.1

TOP10_SCRIPT = """
import sys, time
t0 = time.perf_counter()
from boschquiz.core.clock import SystemClock
from boschquiz.core.model import Difficulty, Mode
from boschquiz.store import Store
t1 = time.perf_counter()
rows = Store(sys.argv[1], SystemClock()).top_scores(Mode.CLASSIC, Difficulty.MEDIUM, limit=10)
t2 = time.perf_counter()
assert len(rows) == 10, rows
print(t2 - t1, t1 - t0)
"""

NAIVE_SCRIPT = """
import sys, time
t0 = time.perf_counter()
from tinydb import TinyDB, Query
t1 = time.perf_counter()
db = TinyDB(sys.argv[1])
q = Query()
rows = db.table("games").search((q.mode == "classic") & (q.tier == "medium"))
rows.sort(key=lambda r: (-r["score"], r["started_at"]))
top = rows[:10]
t2 = time.perf_counter()
assert len(top) == 10
print(t2 - t1, t1 - t0)
"""

MEMORY_SCRIPT = """
import sys, tracemalloc
from boschquiz.core.clock import SystemClock
from boschquiz.core.model import Difficulty, Mode
from boschquiz.store import Store
tracemalloc.start()
rows = Store(sys.argv[1], SystemClock()).top_scores(Mode.CLASSIC, Difficulty.MEDIUM, limit=10)
assert len(rows) == 10
print(tracemalloc.get_traced_memory()[1])
"""


def bench_game(number: int, rng: random.Random) -> GameRecord:
    mode = MODES[number % len(MODES)]
    answers = tuple(
        AnswerRecord(
            question_id=rng.choice(QUESTIONS),
            given="An answer",
            outcome=rng.choice((Outcome.CORRECT, Outcome.CORRECT, Outcome.WRONG, Outcome.TIMEOUT)),
            seconds=round(rng.uniform(1, 20), 2),
            time_limit=20.0,
            base_points=500,
            speed_points=rng.randrange(500),
            streak_bonus=0,
        )
        for _ in range(10)
    )
    return finished_game(
        number=number,
        player=PLAYERS[number % len(PLAYERS)],
        mode=mode,
        tier=(Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD)[number // 7 % 3],
        started=START + timedelta(minutes=17 * number),
        answers=answers,
        packs=("core", "legacy"),
        duration=140.0,
        best_streak=rng.randrange(8),
    )


def build_store(saves: Path, games: int) -> None:
    """The game log written segment by segment; the store then builds its tables from it."""
    rng = random.Random(games)
    write_log(SavesLayout(saves), (game_to_json(bench_game(i, rng)) for i in range(1, games + 1)))
    store = Store(saves, SystemClock())
    assert sum(p.games for p in store.players()) == games


def build_naive(path: Path, games: int) -> None:
    """The same games' summaries in one plain TinyDB file (what a naive store would scan)."""
    rng = random.Random(games)
    table = {}
    for i in range(1, games + 1):
        game = game_to_json(bench_game(i, rng))
        game.pop("answers")
        table[str(i)] = game
    path.write_text(json.dumps({"games": table}))


def in_fresh_process(script: str, *args: str) -> list[float]:
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    ).stdout
    return [float(x) for x in out.split()]


def median_of_runs(script: str, target: str, runs: int) -> float:
    return statistics.median(in_fresh_process(script, target)[0] for _ in range(runs))


def write_times(saves: Path, folder: Path, runs: int) -> dict[str, list[float]]:
    """Per run, one game recorded by the store, one fsynced append and one SQLite commit,
    interleaved so that all three meet the same disk (a busy disk slows every fsync)."""
    store = Store(saves, SystemClock())
    store.open()
    rng = random.Random(1)
    append_path = folder / "append.jsonl"
    db = sqlite3.connect(folder / "floor.sqlite3")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE games (id INTEGER PRIMARY KEY, body TEXT)")
    db.commit()
    times: dict[str, list[float]] = {"store": [], "append": [], "sqlite": []}
    for i in range(runs):
        game = bench_game(1_000_000 + i, rng)
        body = json.dumps(game_to_json(game))

        start = time.perf_counter()
        store.record_game(game)
        times["store"].append(time.perf_counter() - start)

        start = time.perf_counter()
        fd = os.open(append_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.write(fd, (body + "\n").encode())
        os.fsync(fd)
        os.close(fd)
        times["append"].append(time.perf_counter() - start)

        start = time.perf_counter()
        db.execute("INSERT INTO games (body) VALUES (?)", (body,))
        db.commit()
        times["sqlite"].append(time.perf_counter() - start)
    db.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=100_000, help="history size")
    parser.add_argument("--mid", type=int, default=10_000, help="history size for memory")
    parser.add_argument("--small", type=int, default=1_000, help="history size for scale")
    parser.add_argument("--runs", type=int, default=30, help="measured records / launches")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        for name, size in (("big", args.games), ("mid", args.mid), ("small", args.small)):
            build_store(root / name, size)
        build_naive(root / "naive.json", args.games)
        os.sync()  # flush the build's writes so they do not slow the fsyncs measured below
        print(
            f"built stores of {args.games:,}, {args.mid:,} and {args.small:,} games and the"
            f" naive file in {time.perf_counter() - started:.1f} s"
        )

        writes = write_times(root / "big", root, args.runs)
        record, append, sqlite = (statistics.median(writes[k]) for k in writes)
        ok = report_absolute(
            f"record a game, {args.games:,} saved (median of {args.runs})",
            record,
            RECORD_LIMIT,
            "one fsynced append",
            append,
        )
        print(f"     also next to floor (SQLite insert + commit): {sqlite * 1000:.2f} ms")

        launches = max(5, args.runs // 3)
        top10 = median_of_runs(TOP10_SCRIPT, str(root / "big"), launches)
        naive = median_of_runs(NAIVE_SCRIPT, str(root / "naive.json"), launches)
        ok &= report_absolute(
            f"top 10 in a fresh process, {args.games:,} saved (median of {launches})",
            top10,
            TOP10_LIMIT,
            "naive TinyDB scan",
            naive,
        )

        peaks = {
            name: statistics.median(
                in_fresh_process(MEMORY_SCRIPT, str(root / name))[0] for _ in range(3)
            )
            for name in ("big", "mid", "small")
        }
        ratio = peaks["big"] / peaks["mid"]
        memory_ok = ratio <= MEMORY_RATIO
        ok &= memory_ok
        print(
            f"{'PASS' if memory_ok else 'MISS'} peak memory opening the store + top 10:"
            f" {peaks['big'] / 1024:.0f} KiB at {args.games:,} games | floor (same at"
            f" {args.mid:,} games): {peaks['mid'] / 1024:.0f} KiB | ratio {ratio:.2f}x"
            f" (target <= {MEMORY_RATIO:g}x); at {args.small:,} games:"
            f" {peaks['small'] / 1024:.0f} KiB"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
