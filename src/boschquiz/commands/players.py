"""`boschquiz players`: list, rename and remove players (their games stay), and set how far
a player has watched (`--watched NAME SPEC`: the spoiler horizon their games keep to)."""

from __future__ import annotations

import argparse
import json
import sys

from boschquiz.commands import EXIT_USAGE, Subparsers, path_argument, text_argument
from boschquiz.commands.scores import printable
from boschquiz.core.clock import SystemClock
from boschquiz.core.paths import AppPaths
from boschquiz.core.spoilers import Horizon, SpoilerError
from boschquiz.store import (
    InvalidPlayerName,
    SavedHorizon,
    Store,
    horizon_from_settings,
    normalize_player_name,
)


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "players",
        help="list, rename or remove players",
        description="List the players; rename one (their games follow) or remove one (their "
        'games stay under "NAME (removed)", and a new player taking the name starts afresh).',
    )
    p.add_argument(
        "--saves", type=path_argument, default=argparse.SUPPRESS, help="folder for saves"
    )
    actions = p.add_mutually_exclusive_group()
    actions.add_argument(
        "--rename", nargs=2, type=text_argument, metavar=("OLD", "NEW"), help="rename a player"
    )
    actions.add_argument("--remove", type=text_argument, metavar="NAME", help="remove a player")
    actions.add_argument(
        "--watched",
        nargs=2,
        type=text_argument,
        metavar=("NAME", "SHOW:SEASON,..."),
        help="keep with NAME how far they have watched: bosch:7,legacy:2,ballard:0 (a show "
        "left out counts as not watched) or all; their games leave out what comes later",
    )
    p.add_argument(
        "--book-spoilers",
        action="store_true",
        help="with --watched: also questions that spoil the novels (off when not given)",
    )
    p.add_argument("--json", action="store_true", help="list the players as JSON")
    p.set_defaults(run=run_players)


def run_players(args: argparse.Namespace) -> int:
    store = Store(AppPaths.discover(saves=getattr(args, "saves", None)).saves, SystemClock())
    if args.rename:
        old, new = args.rename
        moved = store.rename_player(old, new)
        print(f"Renamed {printable(old)} to {printable(new)} ({moved} games follow).")
        return 0
    if args.watched:
        return _set_horizon(store, *args.watched, books=bool(args.book_spoilers))
    if args.book_spoilers:
        print(
            "boschquiz players: error: --book-spoilers goes with --watched NAME SPEC",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.remove:
        retired = store.remove_player(args.remove)
        print(f"Removed {printable(args.remove)}; their games stay as {printable(retired)}.")
        return 0
    players = store.players()
    horizons = {p.name: horizon_from_settings(p.settings) for p in players}
    if args.json:
        rows = [
            {
                "name": p.name,
                "created": p.created,
                "games": p.games,
                "horizon": _horizon_json(horizons[p.name]),
            }
            for p in players
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not players:
        print("No players yet.")
    for player in players:
        saved = horizons[player.name]
        print(f"{printable(player.name)}  ({player.games} games; spoilers: {_summary(saved)})")
    return 0


def _set_horizon(store: Store, name: str, spec: str, *, books: bool) -> int:
    try:
        player = normalize_player_name(name)
        horizon = Horizon.parse(spec, books=books)
    except InvalidPlayerName as exc:
        print(f"boschquiz players: error: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except SpoilerError as exc:
        hint = f" ({exc.hint})" if exc.hint else ""
        print(f"boschquiz players: error: --watched: {exc.message}{hint}", file=sys.stderr)
        return EXIT_USAGE
    store.save_player_horizon(player, horizon)
    print(f"{printable(player)} plays with spoilers: {horizon.describe()}.")
    return 0


def _summary(saved: SavedHorizon) -> str:
    if saved.problem is not None:
        return "unreadable, so everything"
    return saved.horizon.describe() if saved.answered else "everything (not set)"


def _horizon_json(saved: SavedHorizon) -> dict[str, object] | None:
    """The saved horizon (None when the player never set one; everything when unreadable)."""
    if not saved.answered:
        return None
    return {"watched": saved.horizon.watched_text, "books": saved.horizon.books}
