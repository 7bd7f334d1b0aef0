"""The `boschquiz` command: parse arguments and call into the commands. No game logic here.

Each sub-command's module is imported only when that command runs (or for `--help`): the bare
`boschquiz` opens the menu without paying for YAML, JSON Schema and the store at start-up.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from boschquiz import __version__
from boschquiz.commands import add_common_options
from boschquiz.core.diagnostics import UserFacingError
from boschquiz.plain.lines import tolerant_streams

COMMANDS = (
    "play",
    "packs",
    "questions",
    "generate",
    "scores",
    "history",
    "report",
    "players",
    "serve",
)
"""Sub-commands, each a module of `boschquiz.commands` with `register(subparsers)`."""

EXIT_READER_GONE = 141
"""128 + SIGPIPE, what a shell reports for a program whose reader left (`| head`)."""


def build_parser(commands: Sequence[str] = COMMANDS) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="boschquiz",
        description="A trivia game about the Bosch universe. With no command, opens the menu.",
    )
    parser.add_argument("--version", action="version", version=f"boschquiz {__version__}")
    add_common_options(parser)
    if commands:
        sub = parser.add_subparsers(title="commands", metavar="COMMAND")
        for name in commands:
            importlib.import_module(f"boschquiz.commands.{name}").register(sub)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Arguments for the menu with no sub-command imported; anything else gets the full parser."""
    if not any(arg in COMMANDS or arg.startswith("-h") or arg == "--help" for arg in argv):
        args, extra = build_parser(commands=()).parse_known_args(argv)
        if not extra:
            return args
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    tolerant_streams(sys.stdin, sys.stdout)
    args = parse(sys.argv[1:] if argv is None else argv)
    run = getattr(args, "run", None)
    try:
        if run is None:
            from boschquiz.commands.menu import run_menu

            return run_menu(args)
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


def reader_went_away() -> int:
    """The reader of our output left early: end quietly, with no traceback at shutdown."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_READER_GONE
