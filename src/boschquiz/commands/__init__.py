"""One module per `boschquiz` sub-command; each has `register(subparsers)`.

A command sets `run=<function(args) -> int>` as its parser default.
"""

from __future__ import annotations

import argparse
import errno
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from boschquiz.core.spoilers import Horizon

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

EXIT_USAGE = 2
"""A command's exit status for arguments it cannot act on (argparse's own status for usage)."""


def add_common_options(parser: argparse.ArgumentParser, *, inherit: bool = False) -> None:
    """--saves and --pack. With `inherit` (on a sub-command) an option left out keeps the
    value given before the sub-command (`boschquiz --saves DIR play`)."""
    parser.add_argument(
        "--saves",
        type=path_argument,
        default=argparse.SUPPRESS if inherit else None,
        help="folder for saves",
    )
    parser.add_argument(
        "--pack",
        action="append",
        type=path_argument,
        default=argparse.SUPPRESS if inherit else [],
        metavar="PATH",
        help="play only this pack (repeatable)",
    )


def add_horizon_options(parser: argparse.ArgumentParser, *, inherit: bool = False) -> None:
    """--watched and --book-spoilers: how far the player has watched (`horizon`). With
    `inherit` (on a sub-command) an option left out keeps the value given before it
    (`boschquiz questions --watched bosch:3 export ...`)."""
    parser.add_argument(
        "--watched",
        type=watched,
        default=argparse.SUPPRESS if inherit else None,
        metavar="SHOW:SEASON,...",
        help="only questions that spoil nothing past this: bosch:7,legacy:2,ballard:0 "
        "(a show left out counts as not watched) or all (the default)",
    )
    parser.add_argument(
        "--book-spoilers",
        action="store_true",
        default=argparse.SUPPRESS if inherit else False,
        help="also questions that spoil the novels (off by default)",
    )


def horizon_from_args(args: argparse.Namespace) -> Horizon | None:
    """The horizon `--watched` and `--book-spoilers` describe; None when neither was given
    (the caller decides: the player's saved horizon, or everything)."""
    from boschquiz.core.spoilers import Horizon

    given: Horizon | None = getattr(args, "watched", None)
    books = bool(getattr(args, "book_spoilers", False))
    if given is None and not books:
        return None
    base = given if given is not None else Horizon.everything()
    return replace(base, books=books)


def watched(text: str) -> Horizon:
    """An argparse type for --watched: `bosch:7,legacy:2,ballard:0` or `all`. (Imported
    here: the bare `boschquiz` opens the menu without loading the model.)"""
    from boschquiz.core.spoilers import Horizon, SpoilerError

    try:
        return Horizon.parse(text)
    except SpoilerError as problem:
        hint = f" ({problem.hint})" if problem.hint else ""
        raise argparse.ArgumentTypeError(f"{problem.message}{hint}") from None


def positive_int(text: str) -> int:
    """An argparse type for counts such as --questions and --limit."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def bounded_int(maximum: int) -> Callable[[str], int]:
    """An argparse type for a count from 1 to `maximum` (a 4,000-digit number is refused in
    one sentence, before anything tries to use it)."""

    def parse(text: str) -> int:
        digits = text.strip().lstrip("+")
        if len(digits) > len(str(maximum)) and digits.isdecimal():
            raise argparse.ArgumentTypeError(f"must be at most {maximum:,}")
        value = positive_int(text)
        if value > maximum:
            raise argparse.ArgumentTypeError(f"must be at most {maximum:,}, not {value:,}")
        return value

    return parse


def path_argument(text: str) -> Path:
    """An argparse type for file and folder names: one the system could never open (longer
    than it allows) is a usage error in one sentence, not a traceback later."""
    try:
        os.stat(text)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise argparse.ArgumentTypeError(
                f"the name {_shortened(text)} is longer than the system allows"
            ) from None
    except ValueError:  # a NUL byte cannot reach argv, but a caller may pass one
        raise argparse.ArgumentTypeError("a file name cannot contain a NUL character") from None
    return Path(text)


def text_argument(text: str) -> str:
    """An argparse type for names and words: bytes that are not UTF-8 (which Python hands over
    as lone surrogates) are a usage error, never a name that cannot be saved."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = ord(text[exc.start])
        byte = f"byte 0x{bad - 0xDC00:02x}" if 0xDC80 <= bad <= 0xDCFF else f"U+{bad:04X}"
        raise argparse.ArgumentTypeError(
            f"not valid UTF-8 text ({byte}); type it in a UTF-8 terminal"
        ) from None
    return text


def _shortened(text: str, keep: int = 40) -> str:
    return repr(text) if len(text) <= keep else f"{text[:keep]!r}... ({len(text):,} characters)"
