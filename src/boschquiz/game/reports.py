"""A player's report on a question (wrong, unclear, too easy, too hard, with an optional note),
and the summary pack authors read (`boschquiz questions --reported`).

The store keeps one report per player and question (a new one replaces the last); this module
owns the rules: the reasons, the note's cleaning and length, the summary.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final


class ReportReason(StrEnum):
    WRONG = "wrong"
    UNCLEAR = "unclear"
    TOO_EASY = "too_easy"
    TOO_HARD = "too_hard"

    @property
    def label(self) -> str:
        return REASON_LABELS[self]


REASON_LABELS: Final = {
    ReportReason.WRONG: "wrong",
    ReportReason.UNCLEAR: "unclear",
    ReportReason.TOO_EASY: "too easy",
    ReportReason.TOO_HARD: "too hard",
}
"""How each reason reads to a player (the TUI's list, plain mode's `!report` words)."""

REASON_WORDS: Final = "wrong, unclear, easy or hard"
"""The shortest words `reason_from_word` reads, as a command's help lists them."""

MAX_NOTE: Final = 280
"""The longest note kept (a tweet's length: room for "the answer is X, see Y")."""


def clean_note(text: str | None) -> str | None:
    """A note as kept: control and format characters dropped (line breaks become spaces:
    the note is one line), spaces collapsed, cut to `MAX_NOTE`; None when nothing is left."""
    if text is None:
        return None
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\t\n\r\u2028\u2029" or category == "Zs":
            kept.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            kept.append(char)
    note = " ".join("".join(kept).split())[:MAX_NOTE].strip()
    return note or None


def reason_from_word(word: str) -> ReportReason | None:
    """A reason typed as a word: "wrong", "unclear", "easy"/"too easy"/"too_easy", "hard"..."""
    key = " ".join(word.casefold().replace("_", " ").replace("-", " ").split())
    for reason in ReportReason:
        if key in (reason.value.replace("_", " "), reason.label, reason.label.removeprefix("too ")):
            return reason
    return None


@dataclass(frozen=True)
class Report:
    """One player's report on one question. `at` is an ISO-8601 timestamp."""

    question_id: str
    reason: ReportReason
    note: str | None
    at: str


@dataclass(frozen=True)
class ReportedQuestion:
    """Every report on one question: how many per reason, and the notes (newest first)."""

    question_id: str
    counts: dict[ReportReason, int] = field(default_factory=dict)
    notes: tuple[tuple[ReportReason, str], ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def summarize(reports: Iterable[Report]) -> list[ReportedQuestion]:
    """Reports grouped by question, the most reported first (ties by id)."""
    counts: dict[str, Counter[ReportReason]] = {}
    notes: dict[str, list[tuple[str, ReportReason, str]]] = {}
    for report in reports:
        counts.setdefault(report.question_id, Counter())[report.reason] += 1
        if report.note:
            notes.setdefault(report.question_id, []).append((report.at, report.reason, report.note))
    summary = [
        ReportedQuestion(
            question_id,
            {reason: counter[reason] for reason in ReportReason if counter[reason]},
            tuple(
                (reason, note)
                for _, reason, note in sorted(notes.get(question_id, []), reverse=True)
            ),
        )
        for question_id, counter in counts.items()
    ]
    summary.sort(key=lambda r: (-r.total, r.question_id))
    return summary
