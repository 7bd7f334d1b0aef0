"""`boschquiz questions`: the question bank the game would draw from, readable or as JSON.

Like `play`, `--pack` narrows the bank to the given packs (nothing generated). Broken packs are
skipped, as in the game, and named on standard error. `--stats` shows what play says about
each question (first attempts, success rate, Elo-style rating, a suggested tier; see
`game.calibration`), read from the saves folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from boschquiz.commands import Subparsers, add_horizon_options, horizon_from_args, path_argument
from boschquiz.commands.packs import add_pack_option
from boschquiz.commands.scores import printable
from boschquiz.core.clock import SystemClock
from boschquiz.core.model import Difficulty, Question
from boschquiz.core.paths import AppPaths
from boschquiz.core.spoilers import Horizon
from boschquiz.game.calibration import MIN_ANSWERS, QuestionRating, first_attempts, rate
from boschquiz.game.reports import ReportedQuestion, ReportReason, summarize
from boschquiz.packs.bank import load_bank
from boschquiz.store import Store


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
    p.add_argument(
        "--stats",
        action="store_true",
        help="what play says about each question answered: first attempts, success rate, "
        f"rating and, from {MIN_ANSWERS} answers, a suggested tier",
    )
    p.add_argument(
        "--reported",
        action="store_true",
        help="the questions players reported (wrong, unclear, too easy, too hard), with counts"
        " per reason and their notes",
    )
    p.add_argument(
        "--saves", type=path_argument, default=argparse.SUPPRESS, help="folder for saves"
    )
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
    chosen = listed(load.bank.questions, args)
    if args.stats:
        return print_stats(paths, chosen, load.bank.questions, as_json=args.json)
    if args.reported:
        narrowed = bool(extra) or args.difficulty is not None
        wanted = {q.id for q in chosen} if narrowed else None
        return print_reported(paths, load.bank.by_id(), wanted, as_json=args.json)
    if args.json:
        print(json.dumps([q.to_json() for q in chosen], ensure_ascii=False, indent=2))
    else:
        for question in chosen:
            print(describe(question))
        print(f"{len(chosen)} question{'' if len(chosen) == 1 else 's'}")
    return 0


def listed(questions: Iterable[Question], args: argparse.Namespace) -> list[Question]:
    """The questions `questions` and `questions export` give: of `--difficulty` (when given)
    and spoiling nothing past `--watched`/`--book-spoilers` (everything, books off, when
    neither is given: these commands have no player)."""
    horizon = horizon_from_args(args) or Horizon.everything()
    difficulty = getattr(args, "difficulty", None)
    return [
        q
        for q in questions
        if difficulty in (None, q.difficulty.value) and horizon.allows_texts(q.spoils)
    ]


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


def print_stats(
    paths: AppPaths,
    chosen: list[Question],
    bank: tuple[Question, ...],
    *,
    as_json: bool,
) -> int:
    """`--stats`: every chosen question that has first attempts in the saves folder, the
    ones whose suggested tier differs from their own first. Ratings are computed over the
    whole bank (a player's skill comes from every question they answered)."""
    store = Store(paths.saves, SystemClock())
    for notice in store.notices():
        print(f"boschquiz: {printable(notice)}", file=sys.stderr)
    choices = {q.id: len(q.choices) for q in bank}
    ratings = rate(first_attempts((game for _, game in store.games()), choices))
    rows = [(q, ratings[q.id]) for q in chosen if q.id in ratings]
    rows.sort(key=lambda row: (row[1].suggested_tier in (None, row[0].difficulty), row[0].id))
    if as_json:
        print(json.dumps([stats_json(q, r) for q, r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No question has been answered yet (first attempts are counted from saved games).")
        return 0
    width = max(len(q.id) for q, _ in rows)
    print(f"{'question':<{width}}  answers  right  rating  tier    suggested")
    for q, r in rows:
        suggested = r.suggested_tier.value if r.suggested_tier else f"(needs {MIN_ANSWERS})"
        print(
            f"{q.id:<{width}}  {r.answers:>7,}  {r.success_rate:>5.0%}  {r.rating:>+6.2f}"
            f"  {q.difficulty.value:<6}  {suggested}"
        )
    unanswered = len(chosen) - len(rows)
    print(
        f"{len(rows)} question{'' if len(rows) == 1 else 's'} answered;"
        f" {unanswered} not yet. A suggestion only: the game never changes a tier by itself."
    )
    return 0


def stats_json(question: Question, rating: QuestionRating) -> dict[str, Any]:
    suggested = rating.suggested_tier
    return {
        "id": question.id,
        "answers": rating.answers,
        "right": rating.right,
        "success_rate": round(rating.success_rate, 4),
        "rating": round(rating.rating, 4),
        "tier": question.difficulty.value,
        "suggested_tier": None if suggested is None else suggested.value,
    }


def print_reported(
    paths: AppPaths,
    questions: dict[str, Question],
    wanted: set[str] | None,
    *,
    as_json: bool,
) -> int:
    """`--reported`: the questions players reported, the most reported first, with counts per
    reason and the notes (player text: printed with control characters made visible). A
    question no longer in the bank is still listed (its id is what the author needs)."""
    store = Store(paths.saves, SystemClock())
    for notice in store.notices():
        print(f"boschquiz: {printable(notice)}", file=sys.stderr)
    summary = [
        r
        for r in summarize(report for _, report in store.reports())
        if wanted is None or r.question_id in wanted
    ]
    if as_json:
        rows = [reported_json(r, questions.get(r.question_id)) for r in summary]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not summary:
        print("No question has been reported.")
        return 0
    for reported in summary:
        question = questions.get(reported.question_id)
        counts = ", ".join(f"{reason.label} {n}" for reason, n in reported.counts.items())
        total = reported.total
        print(
            printable(
                f"{reported.question_id}  {total} report{'' if total == 1 else 's'}: {counts}"
            )
        )
        print(printable(f"  {question.prompt if question else '(no longer in the bank)'}"))
        for reason, note in reported.notes:
            print(printable(f"  - {reason.label}: {note}"))
    reports = sum(r.total for r in summary)
    print(
        f"{len(summary)} question{'' if len(summary) == 1 else 's'} reported,"
        f" {reports} report{'' if reports == 1 else 's'}."
    )
    return 0


def reported_json(reported: ReportedQuestion, question: Question | None) -> dict[str, Any]:
    return {
        "id": reported.question_id,
        "prompt": None if question is None else question.prompt,
        "reports": reported.total,
        "counts": {reason.value: reported.counts.get(reason, 0) for reason in ReportReason},
        "notes": [{"reason": reason.value, "note": note} for reason, note in reported.notes],
    }
