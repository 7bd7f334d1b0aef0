"""Start-up: launch to an interactive main menu, next to a minimal Textual app with buttons.

Both run the same way in an 80x24 pseudo-terminal, alternating, several runs each; the figure is
the median. "Painted" is when the menu's text has been written to the terminal; "interactive" is
when, after that, Ctrl+P (the command palette, offered by every Textual app) has been answered by
the palette showing. boschquiz runs with the shipped packs (cache warmed by an unmeasured first
run) and a store of STORE_GAMES finished games. Target: at most 1.25x the minimal app.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._pty import ProgramTimeout, PtyProgram
from bench._report import report
from bench._tui import REPO_ROOT, bench_home, bench_parser, boschquiz_command, write_script

MAX_RATIO = 1.25
STORE_GAMES = 10_000
CTRL_P = b"\x10"
PALETTE_TEXT = "Search for commands"

MENU_TEXT = "High scores"
"""Text that is on boschquiz's main menu once it is painted."""

FLOOR_TEXT = "Leave"
FLOOR_APP = """\
from textual.app import App, ComposeResult
from textual.widgets import Button, Footer, Header


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        for label in ("Start", "Scores", "Settings", "Leave"):
            yield Button(label)
        yield Footer()


MinimalApp().run()
"""


@dataclass(frozen=True)
class Startup:
    painted: float
    interactive: float


def measure(argv: list[str], env: dict[str, str], ready_text: str) -> Startup:
    """One launch: seconds until `ready_text` is painted, and until a key sent then is answered."""
    with PtyProgram(argv, env, cwd=REPO_ROOT) as program:
        painted = program.wait_for_text(ready_text)
        seen = len(program.text)
        program.send(CTRL_P)
        interactive = program.wait_for_text(PALETTE_TEXT, after=seen)
    return Startup(painted, interactive)


def build_store(saves: Path, games: int) -> int:
    """Fill `saves` with `games` finished games; how many were written (0 until the store lands)."""
    del saves, games
    return 0


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--runs", type=int, default=7, help="measured launches of each app")
    args = parser.parse_args()

    with bench_home("bench-tui-startup-") as (root, env):
        floor_argv = write_script(root, "minimal_app.py", FLOOR_APP)
        app_argv = boschquiz_command()
        stored = build_store(Path(env["BOSCHQUIZ_SAVES"]), STORE_GAMES)
        print(f"setup: shipped packs, store of {stored} games, {args.runs} runs each, 80x24 pty")

        app_runs: list[Startup] = []
        floor_runs: list[Startup] = []
        try:
            measure(app_argv, env, MENU_TEXT)
            measure(floor_argv, env, FLOOR_TEXT)
            for _ in range(args.runs):
                floor_runs.append(measure(floor_argv, env, FLOOR_TEXT))
                app_runs.append(measure(app_argv, env, MENU_TEXT))
        except ProgramTimeout as exc:
            print(f"NOT MEASURED boschquiz start-up: {exc}")
            return 1

    ok = report(
        "boschquiz main menu painted",
        statistics.median(run.painted for run in app_runs),
        "minimal Textual app painted",
        statistics.median(run.painted for run in floor_runs),
        MAX_RATIO,
    )
    ok &= report(
        "boschquiz main menu interactive",
        statistics.median(run.interactive for run in app_runs),
        "minimal Textual app interactive",
        statistics.median(run.interactive for run in floor_runs),
        MAX_RATIO,
    )
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
