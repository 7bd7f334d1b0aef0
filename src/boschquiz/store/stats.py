"""Per-question stats: updating them from a game, and summing them per category and show."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from boschquiz.core.model import Outcome, Question, QuestionStats
from boschquiz.game.review import schedule


@dataclass(frozen=True)
class GroupStats:
    """What a player has done with one category or one show (`kind` is "category" or "show")."""

    kind: str
    name: str
    questions: int
    seen: int
    right: int
    wrong: int

    @property
    def accuracy(self) -> float | None:
        """Right answers out of right and wrong ones; None before any."""
        judged = self.right + self.wrong
        return self.right / judged if judged else None


def game_end_time(game: Mapping[str, Any]) -> datetime:
    """When a logged game ended: the moment its answers are scheduled from."""
    return datetime.fromisoformat(game["started_at"]) + timedelta(seconds=float(game["duration"]))


def apply_answers(stats: dict[str, QuestionStats], game: Mapping[str, Any]) -> None:
    """Fold a logged game's answers into `stats` with the engine's review schedule."""
    now = game_end_time(game)
    for answer in game["answers"]:
        question_id = answer["question_id"]
        stats[question_id] = schedule(
            stats.get(question_id),
            question_id,
            Outcome(answer["outcome"]),
            float(answer["seconds"]),
            None if answer["time_limit"] is None else float(answer["time_limit"]),
            now,
        )


def group_stats(
    stats: Mapping[str, QuestionStats], questions: Iterable[Question]
) -> list[GroupStats]:
    """Totals per category, then per show, over `questions` (ids not in the bank are left out)."""
    totals: dict[tuple[str, str], list[int]] = {}
    for question in questions:
        entry = stats.get(question.id)
        groups = []
        if question.category:
            groups.append(("category", question.category))
        if question.show is not None:
            groups.append(("show", question.show.value))
        for group in groups:
            total = totals.setdefault(group, [0, 0, 0, 0])
            total[0] += 1
            if entry is not None:
                total[1] += entry.seen
                total[2] += entry.right
                total[3] += entry.wrong
    return [
        GroupStats(kind, name, *values)
        for (kind, name), values in sorted(totals.items(), key=lambda item: item[0])
    ]
