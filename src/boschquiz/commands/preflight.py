"""Checks made before the full-screen game opens, so a problem is a line on stderr, not a toast.

Only the standard library and `core` are imported at the top: the menu's start-up pays for
nothing else (the pack check imports the loaders only when `--pack` is given)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from boschquiz.core.diagnostics import UserFacingError
from boschquiz.core.served import is_served
from boschquiz.services import Services


def refuse_broken_packs(services: Services) -> None:
    """Before the full screen opens: a `--pack` that is missing or broken stops here, with
    its diagnostics (`path:line:col: error: ...`) on stderr and status 1, as in plain mode."""
    if not services.extra_packs:
        return
    from boschquiz.packs.discovery import discover

    results = discover(services.paths, services.extra_packs, installed=False)
    broken = [result for result in results if result.errors]
    if broken:
        names = ", ".join(str(result.path) for result in broken)
        raise UserFacingError(
            f"cannot play {names}: fix the errors above and try again",
            tuple(d for result in broken for d in result.errors),
        )
    if not any(result.pack is not None and result.pack.questions for result in results):
        names = ", ".join(str(path) for path in services.extra_packs)
        raise UserFacingError(f"cannot play {names}: no questions in it")


EXIT_NO_TERMINAL = 2
"""The full-screen game was asked for where there is no terminal to draw it on."""


def terminal_problem(stdin: TextIO, stdout: TextIO, environ: Mapping[str, str]) -> str | None:
    """Why the full-screen game cannot run here, or None when it can.

    It needs a terminal on both standard input and output, and one that is not `TERM=dumb`.
    A game served to a browser runs over pipes but draws somewhere real, so it counts as a
    terminal: `core.served.is_served` knows it (textual-serve names its web driver in
    `TEXTUAL_DRIVER`; `boschquiz serve` also sets `BOSCHQUIZ_SERVED=1`).
    """
    if is_served(environ):
        return None
    if environ.get("TERM") == "dumb":
        return "the terminal is TERM=dumb, which cannot show the full-screen game"
    if not _is_terminal(stdout):
        return "standard output is not a terminal"
    if not _is_terminal(stdin):
        return "standard input is not a terminal"
    return None


def refuse_without_terminal(stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int | None:
    """Print why the full-screen game cannot start here and return its exit status."""
    import os

    problem = terminal_problem(stdin, stdout, os.environ)
    if problem is None:
        return None
    stderr.write(
        f"boschquiz: error: {problem}; play line by line with `boschquiz play --plain`"
        " (see `boschquiz play --help`)\n"
    )
    return EXIT_NO_TERMINAL


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a real stream
        return False
