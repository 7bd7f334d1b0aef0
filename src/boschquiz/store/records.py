"""Per-player records derived from the game log: games played, streaks, recent games."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from boschquiz.core.model import Mode

COUNTERS = ("games", "best_streak", "daily_streak", "best_daily_streak")
"""The whole-number fields of a player's record."""

RECENT_KEEP = 20
"""How many recent games each player's record keeps (for `Store.recent_scores`)."""


@dataclass(frozen=True)
class PlayerRecord:
    """A player as the store knows them. `created` is an ISO-8601 timestamp."""

    name: str
    created: str
    games: int = 0
    settings: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StreakRecords:
    """A player's streaks: the best run of right answers in one game (practice excluded), and
    the daily challenge played on consecutive days (`daily_streak` is 0 once a day is missed)."""

    best_game_streak: int = 0
    daily_streak: int = 0
    best_daily_streak: int = 0
    last_daily: str | None = None


@dataclass(frozen=True)
class SaveReceipt:
    """What `Store.record_game` hands back once a game is saved (computed under the saves
    lock, so another copy of the game saving at the same time cannot skew it)."""

    game_id: int
    rank: int | None
    """1-based place in the game's table (its mode and tier; the daily: its date) as of this
    save; None for a game that is not ranked (`game.ranking`), or when deeper than the table
    keeps (`scoretable.KEEP_TOP`, `KEEP_DAILY_TOP`)."""
    previous_best: int | None
    """The player's best ranked score in this mode and tier before this game (dailies of
    every date count); None for a first game there, and for a game that is not ranked."""
    ranked: bool = True
    """Whether the game entered a high-score table (`boschquiz.game.ranking`)."""
    score: int = 0
    table_best: int | None = None
    """The best ranked score in the game's table before it; None when the table was empty
    or the game is not ranked."""
    notices: tuple[str, ...] = ()
    """Notices raised while saving (a damaged file moved aside, tables that will catch up),
    for a front end that showed the earlier ones already."""

    @property
    def new_high_score(self) -> bool:
        """A ranked game that really beats its table: there was a best, and this is higher.
        (The first game of an empty table is not a high score to celebrate.)"""
        return self.ranked and self.table_best is not None and self.score > self.table_best

    @property
    def personal_best(self) -> bool:
        """A ranked game that beats the player's own previous best in its mode and tier."""
        return self.ranked and self.previous_best is not None and self.score > self.previous_best


def new_record(player: str) -> dict[str, Any]:
    return {
        "name": player,
        "games": 0,
        "best_streak": 0,
        "daily_streak": 0,
        "best_daily_streak": 0,
        "last_daily": None,
        "recent": [],
    }


def apply_game(record: dict[str, Any], row: dict[str, Any]) -> None:
    """Fold one finished game (its score-table row) into a player's record, in game order."""
    record["games"] += 1
    if row["mode"] != Mode.PRACTICE.value:
        record["best_streak"] = max(record["best_streak"], int(row["best_streak"]))
    record["recent"] = [*record["recent"], row][-RECENT_KEEP:]
    if row["mode"] == Mode.DAILY.value and row.get("daily_date"):
        _apply_daily(record, date.fromisoformat(row["daily_date"]))


def _apply_daily(record: dict[str, Any], day: date) -> None:
    last = date.fromisoformat(record["last_daily"]) if record["last_daily"] else None
    if last is not None and day <= last:
        return
    if last is not None and day - last == timedelta(days=1):
        record["daily_streak"] += 1
    else:
        record["daily_streak"] = 1
    record["last_daily"] = day.isoformat()
    record["best_daily_streak"] = max(record["best_daily_streak"], record["daily_streak"])


def streaks_as_of(record: Mapping[str, Any] | None, today: date) -> StreakRecords:
    """The player's streaks seen from `today`: a daily streak survives until a day is missed."""
    if record is None:
        return StreakRecords()
    last = date.fromisoformat(record["last_daily"]) if record["last_daily"] else None
    alive = last is not None and today - last <= timedelta(days=1)
    return StreakRecords(
        best_game_streak=int(record["best_streak"]),
        daily_streak=int(record["daily_streak"]) if alive else 0,
        best_daily_streak=int(record["best_daily_streak"]),
        last_daily=record["last_daily"],
    )
