"""The daily game: the same questions for everyone on a date, and its spoiler-free share line."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from boschquiz.core.model import Outcome


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
