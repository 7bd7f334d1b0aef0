"""Checking hostile packs costs at most a few times parsing them (issue 16, finding 13).

Each shape below is written to a temporary folder, then checked with `load_pack` (no cache:
guarded parse, schema, rules, warnings, model) and parsed alone with PyYAML's C loader
(`yaml.load(..., CSafeLoader)`, the collector paused), the floor, on the same bytes. Figure
and floor run alternately and are timed in CPU seconds (a busy machine's other processes do
not count). Target: at most 4x the floor.

Shapes (each the worst of its kind that the checks once made quadratic):
- two questions with 1 MB prompts, nearly the same, and two with unrelated 1 MB prompts;
- 300 questions with 19 KB prompts (5.7 MB), and 300 with 100-character prompts (the most
  fuzzy comparison per byte);
- 25,000 empty questions (100,000 schema errors);
- 20 choice questions whose 100 KB answer is not among its 100 KB choices ("did you mean");
- a facts file (checked by `validate_facts_file`, as `packs validate` does) of 3,000 entities
  and 3,000 facts naming unknown entities ("did you mean" against every entity);
- with `--full`: 16 MiB of empty questions and a valid pack near the 16 MiB limit.
"""

from __future__ import annotations

import argparse
import gc
import random
import string
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from bench._report import report
from boschquiz.facts import validate_facts_file
from boschquiz.packs import load_pack
from boschquiz.yamlsafe import MAX_BYTES

MAX_RATIO = 4.0
FACTS_SHAPE = "facts: 3,000 unknown entity references"
HEAD = "pack:\n  id: bench\n  title: Bench\nquestions:\n"


def words(rng: random.Random, length: int) -> str:
    """Random lowercase words, `length` characters in all."""
    out: list[str] = []
    size = 0
    while size < length:
        word = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:length]


def typed(i: int, prompt: str) -> str:
    return f'  - id: q{i}\n    type: typed\n    prompt: "{prompt}"\n    answer: answer {i}\n'


def shapes(full: bool) -> dict[str, Callable[[], str]]:
    rng = random.Random(16)
    big = words(rng, 1_000_000)

    def choice(i: int) -> str:
        a, b, c = (words(rng, 100_000) for _ in range(3))
        return (
            f'  - id: c{i}\n    type: choice\n    prompt: Pick {i}\n    choices: ["{a}", "{b}"]\n'
            f'    answer: "{c}"\n'
        )

    found: dict[str, Callable[[], str]] = {
        "2 x 1 MB prompts, nearly the same": lambda: (
            HEAD + typed(1, big) + typed(2, big[:-5] + "zzzzz")
        ),
        "2 x 1 MB prompts, unrelated": lambda: HEAD + typed(1, big) + typed(2, words(rng, 10**6)),
        "300 x 19 KB prompts (5.7 MB)": lambda: (
            HEAD + "".join(typed(i, words(rng, 19_000)) for i in range(300))
        ),
        "300 x 100-character prompts": lambda: (
            HEAD + "".join(typed(i, words(rng, 100)) for i in range(300))
        ),
        "25,000 empty questions (100,000 errors)": lambda: HEAD + "  - {}\n" * 25_000,
        "20 x 100 KB answers not among choices": lambda: (
            HEAD + "".join(choice(i) for i in range(20))
        ),
    }

    def facts() -> str:
        lines = ["sources:", "  - {id: src, title: T, date: '2025-07-07', cite_as: the source}"]
        lines.append("entities:")
        lines += [f"  - {{id: person-{i}, type: person, name: Person {i}}}" for i in range(3000)]
        lines.append("facts:")
        lines += [
            f"  - {{id: f-{i}, subject: nobody-{i}, relation: played_by, object: persn-{i},"
            " sources: [src], canon: real}"
            for i in range(3000)
        ]
        return "\n".join(lines) + "\n"

    found[FACTS_SHAPE] = facts
    if full:
        found["16 MiB of empty questions"] = lambda: HEAD + "  - {}\n" * (MAX_BYTES // 7 - 10)
        found["valid pack near 16 MiB"] = lambda: (
            HEAD
            + "".join(
                typed(i, f"Question {i}: " + words(rng, 300)) for i in range(MAX_BYTES // 400)
            )
        )
    return found


def c_parse(text: str) -> object:
    """The floor: PyYAML's C loader over the same text, the collector paused."""
    gc.disable()
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    finally:
        gc.enable()


def interleaved(
    figure: Callable[[], object], floor: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Best CPU times of `figure` and `floor`, run alternately `repeat` times.

    CPU time, not wall time: both are single-threaded, and on a shared machine the wall clock
    mostly measures the other processes (ratios swung from 2x to 7x between runs)."""
    best_figure = best_floor = float("inf")
    for _ in range(repeat):
        for fn, is_figure in ((figure, True), (floor, False)):
            gc.collect()
            start = time.process_time()
            fn()
            took = time.process_time() - start
            if is_figure:
                best_figure = min(best_figure, took)
            else:
                best_floor = min(best_floor, took)
    return best_figure, best_floor


def warm_up(folder: Path) -> None:
    """Pay the once-per-process costs (compiling the schema, building jsonschema's validator,
    first imports) before anything is timed: every shape is then measured alike."""
    good = folder / "good.yaml"
    good.write_text(HEAD + typed(1, "A warm-up question?"), encoding="utf-8")
    broken = folder / "broken.yaml"
    broken.write_text(HEAD + "  - {}\n", encoding="utf-8")
    facts = folder / "facts" / "warm.yaml"
    facts.parent.mkdir()
    facts.write_text("facts:\n  - {id: x}\n", encoding="utf-8")
    load_pack(good)
    load_pack(broken)
    validate_facts_file(facts)
    facts.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also the 16 MiB shapes (slow)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ok = True
    worst = ("", 0.0, 0.0)
    with tempfile.TemporaryDirectory() as folder:
        warm_up(Path(folder))
        for name, make in shapes(args.full).items():
            is_facts = name == FACTS_SHAPE
            path = Path(folder) / ("facts" if is_facts else "") / "pack.yaml"
            path.parent.mkdir(exist_ok=True)
            path.write_text(make(), encoding="utf-8")
            text = path.read_text(encoding="utf-8")

            figure, floor = interleaved(
                (lambda path=path: validate_facts_file(path))  # type: ignore[misc]
                if is_facts
                else (lambda path=path: load_pack(path)),  # type: ignore[misc]
                lambda text=text: c_parse(text),  # type: ignore[misc]
                args.repeat,
            )
            size = f"{path.stat().st_size / 1e6:.1f} MB"
            ok &= report(f"check {name} ({size})", figure, "C parse", floor, MAX_RATIO)
            if figure / floor > worst[1] / max(worst[2], 1e-9):
                worst = (name, figure, floor)
    name, figure, floor = worst
    print(f"slowest check for its size: {name}: {figure:.3f} s, {figure / floor:.2f}x its parse")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
