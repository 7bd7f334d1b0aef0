"""Loading a 10,000-question pack: the first time, and again with the file unchanged.

A pack of QUESTIONS questions (all three types, every optional field) is written to a temporary
folder. Figures, each next to a floor measured in the same run on the same file:
- cold: `load_pack` with an empty cache (guarded parse, schema and rule checks, warnings, model,
  cache write) vs PyYAML's C loader (`yaml.load(..., CSafeLoader)`) with the collector paused.
  Target: at most 1.2x.
- warm: `load_pack` of the unchanged file from the cache (read, hash, verify, rebuild the model)
  vs `json.load` of the same data as JSON. Target: at most 2x.
Each figure and its floor run alternately, so a busy machine slows both alike. Raw figures
for the C loader with the collector running and for PyYAML's pure loader follow.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from bench._report import report, timed
from boschquiz.packs import load_pack

QUESTIONS = 10_000
COLD_RATIO = 1.2
WARM_RATIO = 2.0


def pack_text(count: int) -> str:
    lines = [
        "# yaml-language-server: $schema=../schema/pack.schema.json",
        "pack:",
        "  id: bench",
        "  title: Benchmark pack",
        "  version: 1",
        "  author: bench",
        "  default_difficulty: medium",
        "questions:",
    ]
    for i in range(count):
        kind = ("choice", "true_false", "typed")[i % 3]
        lines += [
            f"  - id: q{i}",
            f"    type: {kind}",
            f"    prompt: Question {i}, about a detail of the series that only fans recall?",
        ]
        if kind == "choice":
            choices = [f"Option {c} {i}" for c in "ABCD"]
            lines += [f"    choices: [{', '.join(choices)}]", f"    answer: {choices[i % 4]}"]
        elif kind == "true_false":
            lines.append(f"    answer: {'true' if i % 2 else 'false'}")
        else:
            lines += [f"    answer: Typed answer {i}", f"    accept: [typed {i}, answer {i}]"]
        lines += [
            f"    difficulty: {('easy', 'medium', 'hard')[i % 3]}",
            "    category: cast",
            "    show: bosch",
            f"    explanation: Explained in paragraph {i} of the source, with a detail or two.",
            "    source: Franchise article, 2025-07-07",
            "    time_limit: 20",
        ]
    return "\n".join(lines) + "\n"


def c_loader(text: str) -> object:
    gc.disable()
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    finally:
        gc.enable()


def interleaved(
    floor: Callable[[], object], figure: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Median times of `floor` and `figure`, run alternately so a busy machine slows both alike."""
    floors: list[float] = []
    figures: list[float] = []
    for _ in range(rounds):
        floors.append(timed(floor, repeat=1))
        figures.append(timed(figure, repeat=1))
    return statistics.median(floors), statistics.median(figures)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        pack = root / "bench.yaml"
        text = pack_text(QUESTIONS)
        pack.write_text(text, encoding="utf-8")
        as_json = root / "bench.json"
        as_json.write_text(json.dumps(c_loader(text), default=str), encoding="utf-8")
        caches = iter(range(1000))

        def cold() -> None:
            result = load_pack(pack, cache_dir=root / f"cache-{next(caches)}")
            assert result.pack is not None
            assert not result.cached

        warm_cache = root / "warm-cache"
        load_pack(pack, cache_dir=warm_cache)

        def warm() -> None:
            result = load_pack(pack, cache_dir=warm_cache)
            assert result.cached

        def json_floor() -> None:
            with as_json.open(encoding="utf-8") as handle:
                json.load(handle)

        size = pack.stat().st_size / 1e6
        print(f"pack: {QUESTIONS:,} questions, {size:.1f} MB of YAML")
        c_time, cold_time = interleaved(lambda: c_loader(text), cold, rounds=5)
        json_time, warm_time = interleaved(json_floor, warm, rounds=15)
        ok = report("cold load", cold_time, "C loader, gc paused", c_time, COLD_RATIO)
        ok &= report("warm load", warm_time, "json.load", json_time, WARM_RATIO)
        gc_running = timed(lambda: yaml.load(text, Loader=yaml.CSafeLoader), repeat=3)
        pure = timed(lambda: yaml.load(text, Loader=yaml.SafeLoader), repeat=1)
        print(f"raw: C loader with gc running {gc_running * 1000:.0f} ms;", end=" ")
        print(f"pure-Python loader {pure * 1000:.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
