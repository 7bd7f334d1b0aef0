"""`boschquiz play` (to be built by the engine issue)."""

from __future__ import annotations

import argparse
from pathlib import Path

from boschquiz.commands import Subparsers, menu


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--saves", type=Path, default=None, help="folder for saves")
    parser.add_argument(
        "--pack", action="append", type=Path, default=[], metavar="PATH", help="extra pack"
    )


def register(sub: Subparsers) -> None:
    p = sub.add_parser("play", help="play a game")
    add_common_options(p)
    p.set_defaults(run=menu.run_menu)
