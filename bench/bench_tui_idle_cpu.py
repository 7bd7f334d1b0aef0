"""CPU while a question waits for an answer with its countdown running, as % of one core.

boschquiz starts straight into a classic game (`boschquiz play --mode classic ...`) in an 80x24
pseudo-terminal; once the question is painted and a settling moment has passed, the child's CPU
time (utime + stime from /proc, all threads) is read over WINDOW seconds of wall time while its
output is drained. Floors measured the same way in the same run: a Textual app doing nothing on a
10 Hz timer, and one repainting a label ten times a second. Target: at most 1.5% of one core.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._pty import ProgramTimeout, PtyProgram
from bench._tui import REPO_ROOT, bench_home, bench_parser, boschquiz_command, write_script

LIMIT_PERCENT = 1.5
SETTLE = 1.0
"""Seconds after the screen is painted before measuring, so start-up work is not counted."""

GAME_ARGS = ["play", "--mode", "classic", "--tier", "easy", "--seed", "1", "--player", "bench"]
QUESTION_TEXT = "question 1 of"
"""Text on the question screen once a question is shown ("question 1 of n")."""

READY_TEXT = "ready-marker"
TIMER_APP = """\
from textual.app import App, ComposeResult
from textual.widgets import Label


class TimerApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("ready-marker")

    def on_mount(self) -> None:
        self.set_interval(0.1, self.tick)

    def tick(self) -> None:
        pass


TimerApp().run()
"""
REPAINT_APP = """\
from textual.app import App, ComposeResult
from textual.widgets import Label


class RepaintApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("ready-marker")
        yield Label("", id="count")

    def on_mount(self) -> None:
        self.ticks = 0
        self.set_interval(0.1, self.tick)

    def tick(self) -> None:
        self.ticks += 1
        self.query_one("#count", Label).update(f"tick {self.ticks}")


RepaintApp().run()
"""


def idle_percent(argv: list[str], env: dict[str, str], ready_text: str, window: float) -> float:
    """% of one core the program uses over `window` seconds once `ready_text` is painted."""
    with PtyProgram(argv, env, cwd=REPO_ROOT) as program:
        program.wait_for_text(ready_text)
        program.pump(SETTLE)
        cpu_start, wall_start = program.cpu_seconds(), time.perf_counter()
        program.pump(window)
        cpu_end, wall_end = program.cpu_seconds(), time.perf_counter()
    return 100 * (cpu_end - cpu_start) / (wall_end - wall_start)


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--window", type=float, default=8.0, help="seconds measured per app")
    args = parser.parse_args()

    with bench_home("bench-tui-idle-") as (root, env):
        timer = idle_percent(
            write_script(root, "timer_app.py", TIMER_APP), env, READY_TEXT, args.window
        )
        repaint = idle_percent(
            write_script(root, "repaint_app.py", REPAINT_APP), env, READY_TEXT, args.window
        )
        try:
            game = idle_percent(boschquiz_command() + GAME_ARGS, env, QUESTION_TEXT, args.window)
        except ProgramTimeout as exc:
            print(f"NOT MEASURED boschquiz idle on a question: {exc}")
            return 1

    ok = game <= LIMIT_PERCENT
    print(
        f"{'PASS' if ok else 'MISS'} boschquiz idle on a question (countdown running):"
        f" {game:.2f}% of one core (target <= {LIMIT_PERCENT:g}%)"
        f" | floors: do-nothing 10 Hz timer {timer:.2f}%, label repainted 10/s {repaint:.2f}%"
        f" | {args.window:g} s window each"
    )
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
