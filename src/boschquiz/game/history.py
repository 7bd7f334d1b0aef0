"""What the engine needs to know about a player's past: the `HistorySource` protocol.

The store implements it; tests and store-less front ends use `InMemoryHistory`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Protocol

from boschquiz.core.model import GameRecord, Mode, QuestionStats
from boschquiz.game.review import schedule


class HistorySource(Protocol):
    def question_stats(self, player: str) -> Mapping[str, QuestionStats]:
        """Per question id, what `player` has done with it (missing ids: never seen)."""
        ...

    def daily_played(self, player: str, day: date) -> bool:
        """Whether `player` already has a scored daily game for `day`."""
        ...


class InMemoryHistory:
    """A `HistorySource` kept in memory: for tests, and for games played without a store."""

    def __init__(self) -> None:
        self._stats: dict[str, dict[str, QuestionStats]] = {}
        self._dailies: set[tuple[str, str]] = set()

    def question_stats(self, player: str) -> Mapping[str, QuestionStats]:
        return dict(self._stats.get(player, {}))

    def daily_played(self, player: str, day: date) -> bool:
        return (player, day.isoformat()) in self._dailies

    def set_stats(self, player: str, stats: QuestionStats) -> None:
        self._stats.setdefault(player, {})[stats.question_id] = stats

    def record_game(self, record: GameRecord, now: datetime) -> None:
        """Apply a finished game the way the store does: stats per answer, the daily mark."""
        player_stats = self._stats.setdefault(record.player, {})
        for answer in record.answers:
            player_stats[answer.question_id] = schedule(
                player_stats.get(answer.question_id),
                answer.question_id,
                answer.outcome,
                answer.seconds,
                answer.time_limit,
                now,
            )
        if record.mode is Mode.DAILY and record.daily_date:
            self._dailies.add((record.player, record.daily_date))
