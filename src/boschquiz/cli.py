"""The `boschquiz` command: parse arguments and call into the commands. No game logic here."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from boschquiz import __version__
from boschquiz.commands import generate, menu, packs, play, questions, scores
from boschquiz.core.diagnostics import UserFacingError

COMMANDS = (play, packs, questions, generate, scores)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boschquiz",
        description="A trivia game about the Bosch universe. With no command, opens the menu.",
    )
    parser.add_argument("--version", action="version", version=f"boschquiz {__version__}")
    play.add_common_options(parser)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", menu.run_menu)
    try:
        return int(run(args))
    except UserFacingError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
        print(f"boschquiz: error: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("boschquiz: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return reader_went_away()


EXIT_READER_GONE = 141
"""128 + SIGPIPE, what a shell reports for a program whose reader left (`| head`)."""


def reader_went_away() -> int:
    """The reader of our output left early: end quietly, with no traceback at shutdown."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_READER_GONE
