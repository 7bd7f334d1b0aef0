"""The daily game: the same questions for everyone on a date (drawn from the shipped,
spoiler-free bank), and its spoiler-free share line."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date

from boschquiz.core.model import Outcome, Question, QuestionBank
from boschquiz.game.selection import one_per_family

DAILY_EPOCH = date(2026, 1, 1)
"""Day 0 of the walk through the bank."""


def daily_bank(bank: QuestionBank) -> QuestionBank:
    """What the daily draws from: the shipped questions (built-in packs and generated) that
    spoil nothing. A player's own packs and their horizon never change it, so everyone with
    the same version of the game gets the same daily.

    A bank of only the packs given with `--pack` (not `complete`: trying a pack out) has no
    shipped questions; its daily is drawn from those packs' spoiler-free questions, and like
    any game on such a bank it is not the shared daily (it is not ranked)."""
    keep_own = not bank.complete
    return QuestionBank(
        tuple(
            q
            for q in bank.questions
            if not q.spoils and (keep_own or q.pack not in bank.user_packs)
        ),
        complete=bank.complete,
    )


def daily_seed(day: date, bank_hash: str) -> int:
    """A seed every player's machine derives alike from the date and the bank's content."""
    digest = hashlib.sha256(f"boschquiz-daily:{day.isoformat()}:{bank_hash}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def share_line(day: date, outcomes: Iterable[Outcome], best_streak: int) -> str:
    """`boschquiz daily 2026-11-24  7/10  ✅✅❌✅✅✅❌✅✅✅  best streak 5`."""
    marks = [Outcome.CORRECT if o is Outcome.CORRECT else Outcome.WRONG for o in outcomes]
    right = sum(1 for m in marks if m is Outcome.CORRECT)
    squares = "".join("✅" if m is Outcome.CORRECT else "❌" for m in marks)
    return (
        f"boschquiz daily {day.isoformat()}  {right}/{len(marks)}  {squares}"
        f"  best streak {best_streak}"
    )


def _order(text: str) -> bytes:
    return hashlib.sha256(f"boschquiz-daily-order:{text}".encode()).digest()


def walk_order(questions: Sequence[Question]) -> list[Question]:
    """The bank as the daily walks it: one question per fact (family), in an order fixed by
    the ids alone, so every machine with the same bank agrees and a new question slots in
    without reshuffling the others."""
    return one_per_family(sorted(questions, key=lambda q: (_order(q.family), _order(q.id))))


def daily_questions(questions: Sequence[Question], day: date, count: int) -> list[Question]:
    """The day's stretch of the walk: day n takes the n-th run of `count`, so consecutive days
    ask different questions (and facts) until the whole walk has been asked, then it starts
    over. Days before the epoch walk backwards the same way."""
    walk = walk_order(questions)
    if not walk:
        return []
    start = ((day - DAILY_EPOCH).days * count) % len(walk)
    return [walk[(start + i) % len(walk)] for i in range(min(count, len(walk)))]
