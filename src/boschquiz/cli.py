"""The `boschquiz` command: parse arguments and call into the commands. No game logic here."""

from __future__ import annotations

import argparse
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
