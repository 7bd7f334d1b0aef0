"""Start-up: launch to an interactive main menu, next to a minimal Textual app with buttons.

Both run the same way in an 80x24 pseudo-terminal, alternating, several runs each; the figure is
the median. "Painted" is when the menu's text has been written to the terminal; "interactive" is
when, after that, Ctrl+P (the command palette, offered by every Textual app) has been answered by
the palette showing. boschquiz runs with the shipped packs (cache warmed by an unmeasured first
run) and a store of STORE_GAMES finished games. Target: at most 1.25x the minimal app.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._history import finished_game
from bench._pty import ProgramTimeout, PtyProgram
from bench._report import Startup, report_startup, timed
from bench._tui import REPO_ROOT, bench_home, bench_parser, boschquiz_command, write_script
from boschquiz.core.clock import SystemClock
from boschquiz.core.model import AnswerRecord, Difficulty, GameRecord, Mode, Outcome
from boschquiz.core.paths import AppPaths
from boschquiz.packs.bank import load_bank
from boschquiz.store import Store
from boschquiz.store.codec import game_to_json
from boschquiz.store.gamelog import write_log
from boschquiz.store.layout import SavesLayout

MAX_RATIO = 1.25
PLAYERS = ("Harry", "Renée", "Maddie", "J. Edgar", "Honey")
SCORED_MODES = (Mode.CLASSIC, Mode.BLITZ, Mode.LADDER, Mode.DAILY, Mode.REVIEW)
HISTORY_START = datetime(2025, 7, 9, 20, 0, tzinfo=UTC)
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


def measure(argv: list[str], env: dict[str, str], ready_text: str) -> Startup:
    """One launch: seconds until `ready_text` is painted, and until a key sent then is answered."""
    with PtyProgram(argv, env, cwd=REPO_ROOT) as program:
        painted = program.wait_for_text(ready_text)
        seen = len(program.text)
        program.send(CTRL_P)
        interactive = program.wait_for_text(PALETTE_TEXT, after=seen)
    return Startup(painted, interactive)


def bench_game(number: int, question_ids: Sequence[str]) -> GameRecord:
    """The `number`th of a varied history: five players, every scored mode and tier, answers
    to the shipped questions (so review, stats and no-repeat selection have real work)."""
    answers = tuple(
        AnswerRecord(
            question_id=question_ids[(number * 7 + k) % len(question_ids)],
            given="x",
            outcome=Outcome.CORRECT if (number + k) % 4 else Outcome.WRONG,
            seconds=2.0 + k % 9,
            time_limit=20.0,
            base_points=100 if (number + k) % 4 else 0,
            speed_points=40 if (number + k) % 4 else 0,
            streak_bonus=0,
        )
        for k in range(10)
    )
    return finished_game(
        number=number,
        player=PLAYERS[number % len(PLAYERS)],
        mode=SCORED_MODES[number % len(SCORED_MODES)],
        tier=list(Difficulty)[number // len(SCORED_MODES) % 3],
        started=HISTORY_START + timedelta(minutes=37 * number),
        answers=answers,
        packs=("bench",),
        duration=95.0,
        best_streak=3,
    )


def build_store(saves: Path, games: int, env: Mapping[str, str]) -> int:
    """Fill `saves` with `games` finished games; how many the store then reports.

    Recording 10,000 games one by one (each atomic and fsynced) takes minutes, so the game log
    is written in whole segments with the store's own layout and codec, and the store builds
    its index from the log when first opened, as it does after losing `index.json`.
    """
    question_ids = [q.id for q in load_bank(AppPaths.discover(saves=saves, env=env)).bank.questions]
    write_log(
        SavesLayout(saves),
        (game_to_json(bench_game(i, question_ids)) for i in range(1, games + 1)),
    )
    store = Store(saves, SystemClock())
    for player in PLAYERS:
        store.ensure_player(player)
    return sum(player.games for player in store.players())


def import_seconds(module: str, repeat: int = 5) -> float:
    """Median wall time of a fresh interpreter importing `module` (nothing when empty)."""
    code = f"import {module}" if module else "pass"
    return timed(lambda: subprocess.run([sys.executable, "-c", code], check=True), repeat)


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--runs", type=int, default=31, help="measured launches of each app")
    args = parser.parse_args()

    with bench_home("bench-tui-startup-") as (root, env):
        floor_argv = write_script(root, "minimal_app.py", FLOOR_APP)
        app_argv = boschquiz_command()
        stored = build_store(Path(env["BOSCHQUIZ_SAVES"]), STORE_GAMES, env)
        app_runs: list[Startup] = []
        floor_runs: list[Startup] = []
        try:
            measure(app_argv, env, MENU_TEXT)
            measure(floor_argv, env, FLOOR_TEXT)
            cached = sum(1 for p in Path(env["BOSCHQUIZ_CACHE"]).rglob("*") if p.is_file())
            print(
                f"setup: game byte-compiled, shipped packs ({cached} files in the cache after the"
                f" warm-up launch), store of {stored} games, {args.runs} runs each, 80x24 pty"
            )
            for _ in range(args.runs):
                floor_runs.append(measure(floor_argv, env, FLOOR_TEXT))
                app_runs.append(measure(app_argv, env, MENU_TEXT))
        except ProgramTimeout as exc:
            print(f"NOT MEASURED boschquiz start-up: {exc}")
            return 1

    ok = report_startup(
        "boschquiz main menu", app_runs, "minimal Textual app", floor_runs, MAX_RATIO
    )
    print(
        "where the time goes (median wall time of a fresh `python -c`):"
        f" import boschquiz.cli {import_seconds('boschquiz.cli') * 1000:.0f} ms,"
        f" import textual.app {import_seconds('textual.app') * 1000:.0f} ms,"
        f" bare interpreter {import_seconds('') * 1000:.0f} ms"
    )
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
