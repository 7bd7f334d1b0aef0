"""`boschquiz players`: list, rename and remove players (their games stay)."""

from __future__ import annotations

import argparse
import json

from boschquiz.commands import Subparsers, path_argument, text_argument
from boschquiz.commands.scores import printable
from boschquiz.core.clock import SystemClock
from boschquiz.core.paths import AppPaths
from boschquiz.store import Store


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
    p.add_argument("--json", action="store_true", help="list the players as JSON")
    p.set_defaults(run=run_players)


def run_players(args: argparse.Namespace) -> int:
    store = Store(AppPaths.discover(saves=getattr(args, "saves", None)).saves, SystemClock())
    if args.rename:
        old, new = args.rename
        moved = store.rename_player(old, new)
        print(f"Renamed {printable(old)} to {printable(new)} ({moved} games follow).")
        return 0
    if args.remove:
        retired = store.remove_player(args.remove)
        print(f"Removed {printable(args.remove)}; their games stay as {printable(retired)}.")
        return 0
    players = store.players()
    if args.json:
        rows = [{"name": p.name, "created": p.created, "games": p.games} for p in players]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not players:
        print("No players yet.")
    for player in players:
        print(f"{printable(player.name)}  ({player.games} games)")
    return 0
