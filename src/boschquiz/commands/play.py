"""`boschquiz play` and the bare `boschquiz` (the menu)."""

from __future__ import annotations

import argparse
from pathlib import Path

from boschquiz.commands import Subparsers


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--saves", type=Path, default=None, help="folder for saves")
    parser.add_argument(
        "--pack", action="append", type=Path, default=[], metavar="PATH", help="extra pack"
    )


def register(sub: Subparsers) -> None:
    p = sub.add_parser("play", help="play a game")
    add_common_options(p)
    p.set_defaults(run=run_menu)


def run_menu(args: argparse.Namespace) -> int:
    from boschquiz.tui.app import make_app

    make_app().run()
    return 0
