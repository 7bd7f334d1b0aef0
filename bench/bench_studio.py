"""The pack studio's re-check and repaint of a 1,000-question pack after a save.

Figure: in the studio (the real app, headless), from asking for a re-check to the screen
showing it: the file read and checked in a thread worker, the question list, findings,
statistics and preview rebuilt, and the next frame drawn. Floor, in the same run on the same
file: `packs validate` of that file in-process (`validate_paths`, with an empty cache so that,
as after an edit, nothing comes from the cache). Target: at most 1.5x, in CPU time of the
whole process (every thread), so that other work on a loaded machine does not count as ours;
wall-clock figures are printed too (about 150 ms is what a writer should feel).
For information: save-to-screen latency through the file watcher (the watcher's own wait for
the file to go quiet included).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._report import report
from bench.bench_pack_load import pack_text
from boschquiz.commands.packs import validate_paths
from boschquiz.core.paths import AppPaths
from boschquiz.services import Services
from boschquiz.tui.app import make_app
from boschquiz.tui.screens.studio import StudioScreen

QUESTIONS = 1_000
RATIO = 1.5
ROUNDS = 9


Rounds = tuple[list[float], list[float], list[float], list[float], list[float]]


async def measure(root: Path, pack: Path) -> Rounds:
    paths = AppPaths(
        builtin_questions=root / "questions",
        user_packs=root / "user-packs",
        saves=root / "saves",
        cache=root / "cache",
    )
    for folder in (paths.builtin_questions / "packs", paths.user_packs):
        folder.mkdir(parents=True, exist_ok=True)
    app = make_app(Services(paths=paths))
    floors: list[float] = []
    figures: list[float] = []
    floors_wall: list[float] = []
    figures_wall: list[float] = []
    saves: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        screen = StudioScreen(pack)
        await app.push_screen(screen)
        await asyncio.wait_for(screen.wait_checked(1), 60)
        for round_number in range(ROUNDS):
            start, cpu = time.perf_counter(), time.process_time()
            checked, findings = validate_paths([pack], root / f"cache-{round_number}")
            floors.append(time.process_time() - cpu)
            floors_wall.append(time.perf_counter() - start)
            assert checked == 1
            assert not any(f.is_error for f in findings)

            start, cpu = time.perf_counter(), time.process_time()
            screen.action_recheck()
            await asyncio.wait_for(screen.wait_checked(screen.checks + 1), 60)
            await pilot.pause()
            figures.append(time.process_time() - cpu)
            figures_wall.append(time.perf_counter() - start)

            text = pack.read_text(encoding="utf-8")
            count = screen.checks
            start = time.perf_counter()
            pack.write_text(text.replace("Question 0,", f"Question 0 ({round_number}),", 1))
            await asyncio.wait_for(screen.wait_checked(count + 1), 60)
            await pilot.pause()
            saves.append(time.perf_counter() - start)
    return floors, figures, floors_wall, figures_wall, saves


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        pack = root / "studio.yaml"
        pack.write_text(pack_text(QUESTIONS), encoding="utf-8")
        floors, figures, floors_wall, figures_wall, saves = asyncio.run(measure(root, pack))
    print(f"pack: {QUESTIONS:,} questions; {ROUNDS} rounds, medians")
    ok = report(
        "studio re-check and repaint (CPU)",
        statistics.median(figures),
        "packs validate in-process (CPU)",
        statistics.median(floors),
        RATIO,
    )
    wall, floor_wall = statistics.median(figures_wall), statistics.median(floors_wall)
    print(
        f"wall clock: studio {wall * 1000:.0f} ms, packs validate {floor_wall * 1000:.0f} ms"
        f" ({wall / floor_wall:.2f}x)"
    )
    print(f"save to screen, through the watcher: {statistics.median(saves) * 1000:.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
