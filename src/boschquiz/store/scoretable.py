"""The high-score table: which rows are kept, in what order, and how they are handed out.

Every logged game but practice has a row; a row is *ranked* (in the table) or *custom* (listed
by `scores --all` only), as `boschquiz.game.ranking` decides from the game's terms. Ranked
and custom rows are kept and trimmed separately, so custom games never push ranked ones out.

The table is kept small so it loads fast however long the history grows: per mode and tier the
best `KEEP_TOP` games overall plus each player's best `KEEP_PER_PLAYER`; per daily date the best
`KEEP_DAILY_TOP` plus each player's best. Anything deeper is answered from the game log.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from boschquiz.core.model import Difficulty, Mode
from boschquiz.game.ranking import custom_reasons
from boschquiz.store.codec import party_from_json, terms_from_json
from boschquiz.store.errors import UnsavableValue

KEEP_TOP = 50
KEEP_PER_PLAYER = 10
KEEP_DAILY_TOP = 20
KEEP_DAILY_PER_PLAYER = 1

Row = dict[str, Any]


@dataclass(frozen=True)
class ScoreRow:
    """One line of the high-score table. `date` is the game's ISO-8601 start time."""

    rank: int
    player: str
    score: int
    correct: int
    answered: int
    best_streak: int
    date: str
    mode: Mode
    tier: Difficulty
    steady: bool
    daily_date: str | None = None
    game_id: int = 0
    ranked: bool = True
    custom: tuple[str, ...] = ()
    """Why the game is not ranked (empty when it is)."""
    before_rules: bool = False
    """Recorded before the ranking rules: it keeps the standing it had."""

    def to_json(self) -> dict[str, object]:
        return {
            "rank": self.rank,
            "player": self.player,
            "score": self.score,
            "correct": self.correct,
            "answered": self.answered,
            "best_streak": self.best_streak,
            "date": self.date,
            "mode": self.mode.value,
            "tier": self.tier.value,
            "steady": self.steady,
            "daily_date": self.daily_date,
            "game_id": self.game_id,
            "ranked": self.ranked,
            "custom": list(self.custom),
            "recorded_before_rules": self.before_rules,
        }


def utc_sort_time(started_at: str) -> str:
    """`started_at` as a UTC timestamp that sorts as text; raises `UnsavableValue` if not ISO."""
    try:
        moment = datetime.fromisoformat(started_at)
    except ValueError:
        raise UnsavableValue(
            f"The game could not be saved: its start time {started_at!r} is not ISO-8601."
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds")


def row_from_game(game_id: int, game: Mapping[str, Any]) -> Row:
    """The table row for a logged game (the JSON shape from `codec.game_to_json`)."""
    mode = Mode(game["mode"])
    try:
        terms, party = terms_from_json(game.get("terms")), party_from_json(game.get("party"))
        custom = list(custom_reasons(mode, terms, party))
    except (KeyError, ValueError, TypeError):
        custom = ["terms unreadable"]
    return {
        "game": game_id,
        "player": game["player"],
        "mode": game["mode"],
        "tier": game["tier"],
        "score": game["score"],
        "correct": game["correct"],
        "answered": game["answered"],
        "best_streak": game["best_streak"],
        "date": game["started_at"],
        "at": utc_sort_time(game["started_at"]),
        "steady": game["steady"],
        "daily_date": game.get("daily_date"),
        "ranked": not custom,
        "custom": custom,
        "legacy": game.get("terms") is None,
    }


def rank_key(row: Mapping[str, Any]) -> tuple[int, str, int]:
    """Higher score first; on a tie the earlier game, then the one logged first."""
    return (-int(row["score"]), str(row["at"]), int(row["game"]))


def trim(rows: Iterable[Row], keep_top: int, keep_per_player: int) -> list[Row]:
    """The rows worth keeping from one table (one mode and tier, or one daily date), ranked."""
    ranked = sorted(rows, key=rank_key)
    per_player: dict[str, int] = defaultdict(int)
    kept: list[Row] = []
    for position, row in enumerate(ranked):
        per_player[row["player"]] += 1
        if position < keep_top or per_player[row["player"]] <= keep_per_player:
            kept.append(row)
    return kept


def is_ranked_row(row: Mapping[str, Any]) -> bool:
    return row.get("ranked") is True


def ranked_rows(rows: Iterable[Mapping[str, Any]], limit: int) -> list[ScoreRow]:
    """`ScoreRow`s ranked 1.. from already filtered table rows."""
    ordered = sorted(rows, key=rank_key)[: max(limit, 0)]
    return [
        ScoreRow(
            rank=position,
            player=str(row["player"]),
            score=int(row["score"]),
            correct=int(row["correct"]),
            answered=int(row["answered"]),
            best_streak=int(row["best_streak"]),
            date=str(row["date"]),
            mode=Mode(row["mode"]),
            tier=Difficulty(row["tier"]),
            steady=bool(row["steady"]),
            daily_date=None if row.get("daily_date") is None else str(row["daily_date"]),
            game_id=int(row["game"]),
            ranked=is_ranked_row(row),
            custom=tuple(str(reason) for reason in row.get("custom", ())),
            before_rules=row.get("legacy") is True,
        )
        for position, row in enumerate(ordered, start=1)
    ]


def standing(row: Mapping[str, Any]) -> str:
    return "ranked" if is_ranked_row(row) else "custom"


def table_key(row: Mapping[str, Any]) -> tuple[str, str]:
    """The table a row is listed in (its mode and tier), ranked or custom alike."""
    return (str(row["mode"]), str(row["tier"]))


def trim_key(row: Mapping[str, Any]) -> tuple[str, ...]:
    """The rows trimmed together: one table's ranked rows, or its custom rows."""
    return (str(row["mode"]), str(row["tier"]), standing(row))


def daily_key(row: Mapping[str, Any]) -> tuple[str, ...]:
    return (str(row["daily_date"]), str(row["tier"]), standing(row))
