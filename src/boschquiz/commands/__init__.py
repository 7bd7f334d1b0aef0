"""One module per `boschquiz` sub-command; each has `register(subparsers)`.

A command sets `run=<function(args) -> int>` as its parser default.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeAlias

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_common_options(parser: argparse.ArgumentParser, *, inherit: bool = False) -> None:
    """--saves and --pack. With `inherit` (on a sub-command) an option left out keeps the
    value given before the sub-command (`boschquiz --saves DIR play`)."""
    parser.add_argument(
        "--saves",
        type=Path,
        default=argparse.SUPPRESS if inherit else None,
        help="folder for saves",
    )
    parser.add_argument(
        "--pack",
        action="append",
        type=Path,
        default=argparse.SUPPRESS if inherit else [],
        metavar="PATH",
        help="play only this pack (repeatable)",
    )


def positive_int(text: str) -> int:
    """An argparse type for counts such as --questions and --limit."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value
