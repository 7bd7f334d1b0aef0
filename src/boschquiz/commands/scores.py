"""`boschquiz scores`: the high-score table in the terminal or as JSON, where saves live, and a
check that every saved score matches its answer log."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date

from boschquiz.commands import Subparsers, bounded_int, path_argument, text_argument
from boschquiz.core.clock import SystemClock
from boschquiz.core.diagnostics import UserFacingError
from boschquiz.core.model import Difficulty, Mode
from boschquiz.core.numbers import points
from boschquiz.core.paths import AppPaths
from boschquiz.store import ScoreRow, Store

MAX_LIMIT = 100_000
"""Most rows `--limit` asks for per table."""


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "scores",
        help="show the high-score table",
        description="Show the high-score table (every mode and tier that has scores, unless "
        "narrowed), print where saves live, or check saved scores against their answer logs.",
    )
    p.add_argument("--mode", choices=[m.value for m in Mode], help="only this mode")
    p.add_argument("--tier", choices=[d.value for d in Difficulty], help="only this tier")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="daily challenge of one date")
    p.add_argument("--player", type=text_argument, metavar="NAME", help="only this player's games")
    p.add_argument(
        "--limit", type=bounded_int(MAX_LIMIT), default=10, metavar="N", help="rows per table"
    )
    p.add_argument(
        "--all",
        action="store_true",
        help='also list the games that are not ranked, marked "custom" (a chosen seed, a '
        "filter, another length, --pack, review)",
    )
    p.add_argument("--json", action="store_true", help="print a JSON list of rows")
    p.add_argument(
        "--saves", type=path_argument, default=argparse.SUPPRESS, help="folder for saves"
    )
    p.add_argument("--where", action="store_true", help="print the saves folder and exit")
    p.add_argument(
        "--verify", action="store_true", help="recompute every saved score from its answers"
    )
    p.set_defaults(run=run_scores)


def run_scores(args: argparse.Namespace) -> int:
    store = Store(AppPaths.discover(saves=getattr(args, "saves", None)).saves, SystemClock())
    if args.where:
        print(store.where().absolute())
        return 0
    try:
        return _run(store, args)
    finally:
        # After the work, so damage found while reading (a log segment moved aside during a
        # deep query or --verify) is told too.
        for notice in store.notices():
            print(f"boschquiz: {printable(notice)}", file=sys.stderr)


def _run(store: Store, args: argparse.Namespace) -> int:
    if args.verify:
        return _verify(store)
    if args.date is not None:
        _check_date(args.date)
    rows = _select_rows(store, args)
    if args.json:
        print(json.dumps([row.to_json() for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not store.has_games():
        print(f"No scores yet: no games have been saved in {printable(str(store.where()))}.")
        return 0
    if not rows:
        hint = "" if args.all or not store.score_tables(custom=True) else _custom_hint()
        print(f"No scores match.{hint}")
        return 0
    width = shutil.get_terminal_size((80, 24)).columns
    print("\n".join(render_tables(rows, width, by_date=args.date is not None)))
    return 0


def _custom_hint() -> str:
    return (
        " Custom games (a chosen seed, a filter, another length, --pack) are not ranked:"
        " `boschquiz scores --all` lists them."
    )


def _check_date(text: str) -> None:
    try:
        date.fromisoformat(text)
    except ValueError:
        raise UserFacingError(f"--date {text!r} is not a date like 2026-11-24.") from None


def _select_rows(store: Store, args: argparse.Namespace) -> list[ScoreRow]:
    daily_date = args.date
    mode = Mode.DAILY if daily_date is not None and args.mode is None else args.mode
    kinds = (False, True) if args.all else (False,)
    found = {table for custom in kinds for table in store.score_tables(custom=custom)}
    order = {table: i for custom in kinds for i, table in enumerate(store.score_tables())}
    tables = [
        (table_mode, tier)
        for table_mode, tier in sorted(
            found, key=lambda t: (order.get(t, len(order)), _table_order(t))
        )
        if (mode is None or table_mode.value == mode)
        and (args.tier is None or tier.value == args.tier)
    ]
    if mode is not None and args.tier is not None and not tables:
        tables = [(Mode(mode), Difficulty(args.tier))]
    rows: list[ScoreRow] = []
    for table_mode, tier in tables:
        for custom in kinds:
            rows.extend(
                store.top_scores(
                    table_mode,
                    tier,
                    limit=args.limit,
                    daily_date=daily_date if table_mode is Mode.DAILY else None,
                    player=args.player,
                    custom=custom,
                )
            )
    return rows


def _table_order(table: tuple[Mode, Difficulty]) -> tuple[int, int]:
    return (list(Mode).index(table[0]), table[1].rank)


def _verify(store: Store) -> int:
    problems = store.verify()
    for problem in problems:
        print(printable(problem))
    if problems:
        print(
            f"{len(problems)} problem(s): saved games that could not be read, or whose score "
            "does not match their answers.",
            file=sys.stderr,
        )
        return 1
    print("Every saved score matches its answers.")
    return 0


def printable(text: str) -> str:
    """`text` with control and format characters shown as escapes, so they never act on the
    terminal (an ESC in a player name is printed as `\\x1b`)."""
    out = []
    for char in text:
        if unicodedata.category(char)[0] == "C":
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def display_width(text: str) -> int:
    """Terminal columns `text` takes (wide East Asian characters take two, marks none)."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fit(text: str, width: int) -> str:
    """`text` cut to `width` columns (ending in "…" when cut) and padded to exactly `width`."""
    if display_width(text) > width:
        kept = ""
        for char in text:
            if display_width(kept + char) > width - 1:
                break
            kept += char
        text = kept + "…"
    return text + " " * (width - display_width(text))


_COLUMNS: Sequence[tuple[str, int, bool]] = (
    ("#", 3, True),
    ("Player", 0, False),
    ("Score", 7, True),
    ("Right", 7, True),
    ("Streak", 6, True),
    ("Date", 10, False),
)
"""(heading, width, right-aligned); width 0 takes what is left of the terminal."""

_MIN_PLAYER_WIDTH = 8


def render_tables(rows: Sequence[ScoreRow], width: int, *, by_date: bool = False) -> list[str]:
    """The rows as one titled table per mode and tier (and daily date when `by_date`), each
    line at most `width` columns (a narrow terminal drops the date, then the streak column)."""
    lines: list[str] = []
    columns = list(_COLUMNS)
    while len(columns) > 3 and _fixed_width(columns) + _MIN_PLAYER_WIDTH > width:
        columns.pop()
    player_width = max(_MIN_PLAYER_WIDTH, width - _fixed_width(columns))
    current: tuple[Mode, Difficulty, str | None, bool] | None = None
    for row in rows:
        key = (row.mode, row.tier, row.daily_date if by_date else None, row.ranked)
        if key != current:
            if lines:
                lines.append("")
            current = key
            title = f"{row.mode.value.title()} · {row.tier.value}"
            if key[2]:
                title += f" · {key[2]}"
            if not row.ranked:
                title += " · custom (not ranked)"
            lines.append(fit(title, width).rstrip())
            lines.append(_line([h for h, _, _ in columns], columns, player_width))
        cells = [
            str(row.rank),
            printable(row.player),
            points(row.score),
            f"{row.correct}/{row.answered}",
            str(row.best_streak),
            row.date[:10],
        ]
        lines.append(_line(cells[: len(columns)], columns, player_width))
    return lines


def _fixed_width(columns: Sequence[tuple[str, int, bool]]) -> int:
    return sum(w for _, w, _ in columns) + len(columns) - 1


def _line(cells: Sequence[str], columns: Sequence[tuple[str, int, bool]], player: int) -> str:
    parts = []
    for cell, (_, width, right_aligned) in zip(cells, columns, strict=True):
        width = width or player
        room = width - display_width(cell)
        parts.append(" " * room + cell if right_aligned and room >= 0 else fit(cell, width))
    return " ".join(parts).rstrip()
