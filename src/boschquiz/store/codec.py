"""The JSON shapes of what the store keeps, and the check that a value can be kept at all."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from boschquiz.core.model import (
    AnswerRecord,
    Difficulty,
    GameRecord,
    Mode,
    Outcome,
    QuestionStats,
)
from boschquiz.store.errors import UnsavableValue


def ensure_json_safe(value: object, what: str) -> None:
    """Raise `UnsavableValue` unless `value` survives a JSON round trip unchanged in kind.

    Called before anything touches the disk, so a bad value never blocks later saves.
    """
    try:
        json.dumps(value, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise UnsavableValue(f"The {what} could not be saved: {exc}.") from None


def _finite(value: float, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UnsavableValue(f"The game could not be saved: {what} is {value!r}, not a number.")
    return float(value)


def _int(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise UnsavableValue(
            f"The game could not be saved: {what} is {value!r}, not a whole number."
        )
    return value


def _str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise UnsavableValue(f"The game could not be saved: {what} is {value!r}, not text.")
    return value


def _opt_str(value: object, what: str) -> str | None:
    return None if value is None else _str(value, what)


def answer_to_json(answer: AnswerRecord) -> dict[str, Any]:
    return {
        "question_id": _str(answer.question_id, "a question id"),
        "given": _opt_str(answer.given, "an answer given"),
        "outcome": Outcome(answer.outcome).value,
        "seconds": _finite(answer.seconds, "an answer time"),
        "time_limit": None
        if answer.time_limit is None
        else _finite(answer.time_limit, "a time limit"),
        "base_points": _int(answer.base_points, "base points"),
        "speed_points": _int(answer.speed_points, "speed points"),
        "streak_bonus": _int(answer.streak_bonus, "a streak bonus"),
    }


def game_to_json(record: GameRecord) -> dict[str, Any]:
    """The log entry for a finished game; raises `UnsavableValue` for anything JSON cannot hold."""
    data = {
        "player": _str(record.player, "the player name"),
        "mode": Mode(record.mode).value,
        "tier": Difficulty(record.tier).value,
        "steady": bool(record.steady),
        "seed": _int(record.seed, "the seed"),
        "packs": [_str(p, "a pack id") for p in record.packs],
        "bank_hash": _str(record.bank_hash, "the bank hash"),
        "started_at": _str(record.started_at, "the start time"),
        "duration": _finite(record.duration, "the duration"),
        "score": _int(record.score, "the score"),
        "correct": _int(record.correct, "the number correct"),
        "answered": _int(record.answered, "the number answered"),
        "best_streak": _int(record.best_streak, "the best streak"),
        "answers": [answer_to_json(a) for a in record.answers],
        "daily_date": _opt_str(record.daily_date, "the daily date"),
    }
    ensure_json_safe(data, "game")
    return data


def game_from_json(data: Mapping[str, Any]) -> GameRecord:
    """A log entry back as a `GameRecord`; raises KeyError/ValueError/TypeError when malformed."""
    return GameRecord(
        player=str(data["player"]),
        mode=Mode(data["mode"]),
        tier=Difficulty(data["tier"]),
        steady=bool(data["steady"]),
        seed=int(data["seed"]),
        packs=tuple(str(p) for p in data["packs"]),
        bank_hash=str(data["bank_hash"]),
        started_at=str(data["started_at"]),
        duration=float(data["duration"]),
        score=int(data["score"]),
        correct=int(data["correct"]),
        answered=int(data["answered"]),
        best_streak=int(data["best_streak"]),
        answers=tuple(
            AnswerRecord(
                question_id=str(a["question_id"]),
                given=None if a["given"] is None else str(a["given"]),
                outcome=Outcome(a["outcome"]),
                seconds=float(a["seconds"]),
                time_limit=None if a["time_limit"] is None else float(a["time_limit"]),
                base_points=int(a["base_points"]),
                speed_points=int(a["speed_points"]),
                streak_bonus=int(a["streak_bonus"]),
            )
            for a in data["answers"]
        ),
        daily_date=None if data.get("daily_date") is None else str(data["daily_date"]),
    )


def stats_to_row(stats: QuestionStats) -> list[Any]:
    """A question's stats as stored: `[seen, right, wrong, last_seen, box, due]`."""
    return [stats.seen, stats.right, stats.wrong, stats.last_seen, stats.box, stats.due]


def stats_from_row(question_id: str, row: Any) -> QuestionStats:
    """The stored list back as `QuestionStats`; raises ValueError/TypeError when malformed."""
    seen, right, wrong, last_seen, box, due = row
    for number in (seen, right, wrong, box):
        if isinstance(number, bool) or not isinstance(number, int):
            raise TypeError(f"{number!r} is not a whole number")
    for stamp in (last_seen, due):
        if stamp is not None and not isinstance(stamp, str):
            raise TypeError(f"{stamp!r} is not a timestamp")
    return QuestionStats(question_id, seen, right, wrong, last_seen, box, due)
