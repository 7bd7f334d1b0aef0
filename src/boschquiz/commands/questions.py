"""`boschquiz questions`: the question bank the game would draw from, readable or as JSON.

Like `play`, `--pack` narrows the bank to the given packs (nothing generated). Broken packs are
skipped, as in the game, and named on standard error.
"""

from __future__ import annotations

import argparse
import json
import sys

from boschquiz.commands import Subparsers, add_horizon_options, horizon_from_args
from boschquiz.commands.packs import add_pack_option
from boschquiz.core.model import Difficulty, Question
from boschquiz.core.paths import AppPaths
from boschquiz.packs.bank import load_bank


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "questions",
        help="list the question bank",
        description="List every question the game would draw from: the packs and the generated "
        "questions, or only the packs given with --pack.",
    )
    add_pack_option(p, "only this pack file or folder (repeatable)")
    p.add_argument(
        "--difficulty",
        choices=[d.value for d in Difficulty],
        default=None,
        metavar="TIER",
        help="only questions of this difficulty: easy, medium or hard",
    )
    add_horizon_options(p)
    p.add_argument("--json", action="store_true", help="one JSON object per question, in a list")
    p.set_defaults(run=run_questions)

    from boschquiz.commands.authoring import register_export

    register_export(p)


def run_questions(args: argparse.Namespace) -> int:
    paths = AppPaths.discover(saves=getattr(args, "saves", None))
    extra = tuple(getattr(args, "pack", []))
    load = load_bank(paths, extra, only_extra=bool(extra))
    for broken in load.broken_packs:
        print(
            f"boschquiz: skipped {broken.path}: {len(broken.errors)} error(s); "
            f"see boschquiz packs validate {broken.path}",
            file=sys.stderr,
        )
    for finding in load.facts_diagnostics:
        print(finding.format(), file=sys.stderr)
    horizon = horizon_from_args(args)
    chosen = [
        q
        for q in load.bank.questions
        if args.difficulty in (None, q.difficulty.value) and horizon.allows_texts(q.spoils)
    ]
    if args.json:
        print(json.dumps([q.to_json() for q in chosen], ensure_ascii=False, indent=2))
    else:
        for question in chosen:
            print(describe(question))
        print(f"{len(chosen)} question{'' if len(chosen) == 1 else 's'}")
    return 0


def describe(question: Question) -> str:
    """A question as a few readable lines."""
    tags = [question.type.value, question.difficulty.value]
    tags += [t for t in (question.show and question.show.value, question.category) if t]
    tags += [f"spoils {t}" for t in question.spoils]
    lines = [f"{question.id}  [{' · '.join(tags)}]", f"  {question.prompt}"]
    if question.choices:
        lines.append(f"  choices: {' | '.join(question.choices)}")
    lines.append(f"  answer: {question.answer}")
    if question.accept:
        lines.append(f"  also accepted: {' | '.join(question.accept)}")
    return "\n".join(lines)
