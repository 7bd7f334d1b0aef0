"""`boschquiz report NUMBER REASON [NOTE]`: report a question of the player's last game after
it ended, by its number in the recap.

Plain mode reads nothing after the last feedback (a piped game ends with its last answer), so
`!report` cannot reach a game's last question; this command can, and any other question of
the game too. It saves the same report as the feedback screen's `r` and plain `!report`.
"""

from __future__ import annotations

import argparse
import sys

from boschquiz.commands import EXIT_USAGE, Subparsers, path_argument, text_argument
from boschquiz.commands.scores import printable
from boschquiz.core.clock import SystemClock
from boschquiz.core.paths import AppPaths
from boschquiz.game.reports import REASON_WORDS, reason_from_word
from boschquiz.game.settings import DEFAULT_PLAYER
from boschquiz.store import Store


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "report",
        help="report a question of your last game as wrong, unclear, too easy or too hard",
        description="Report a question of the player's last game by its number in the recap "
        "(1 is the first question). Pack authors see reports in 'questions --reported'.",
    )
    p.add_argument("number", type=int, metavar="NUMBER", help="the question's number in the recap")
    p.add_argument("reason", metavar="REASON", help=f"one of: {REASON_WORDS}")
    p.add_argument("note", nargs="*", metavar="NOTE", help="what is wrong, in a few words")
    p.add_argument(
        "--player",
        type=text_argument,
        default=DEFAULT_PLAYER,
        metavar="NAME",
        help=f"whose last game (default {DEFAULT_PLAYER})",
    )
    p.add_argument(
        "--saves", type=path_argument, default=argparse.SUPPRESS, help="folder for saves"
    )
    p.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    reason = reason_from_word(args.reason)
    if reason is None:
        return _usage(f"no reason {args.reason!r}: give one of {REASON_WORDS}")
    store = Store(AppPaths.discover(saves=getattr(args, "saves", None)).saves, SystemClock())
    for notice in store.notices():
        print(f"boschquiz: {printable(notice)}", file=sys.stderr)
    games = store.history(args.player, 1)
    if not games:
        return _usage(f"{printable(args.player)} has no saved game to report a question of")
    game_id, record = games[0]
    count = len(record.answers)
    if not 1 <= args.number <= count:
        return _usage(f"game {game_id} has questions 1 to {count}; there is no {args.number}")
    answer = record.answers[args.number - 1]
    if store.read_only:
        print(
            "boschquiz report: error: the saves folder is read-only; nothing was saved",
            file=sys.stderr,
        )
        return 1
    store.add_report(args.player, answer.question_id, reason, " ".join(args.note) or None)
    print(
        f"Reported question {args.number} of game {game_id} ({answer.question_id}) as"
        f" {reason.label}; thank you. Pack authors see it in questions --reported."
    )
    return 0


def _usage(message: str) -> int:
    print(f"boschquiz report: error: {message}", file=sys.stderr)
    return EXIT_USAGE
