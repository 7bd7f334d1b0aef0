"""The JSON shapes of what the store keeps, and the one rule for what a logged game may hold.

`check_game` is that rule. The writer (`game_to_json`) applies it before anything touches the
disk, and the log reader applies it to every game it reads, so the reader accepts exactly what
the writer writes: a game refused on reading (edited by hand, written by a foreign tool, or
damaged) is left where it is, not counted, and the player is told.

Limits (also in docs/saves.md): whole numbers within +-`MAX_WHOLE` (2^64 - 1, 20 digits: a
daily seed takes 64 bits); times in seconds finite and within +-`MAX_SECONDS`; the start an
ISO-8601 time, it and its end (start + duration) in the years 1900-8999; the daily date
`YYYY-MM-DD`; a party seat's id 1-`MAX_PARTY_ID` characters, its size 2-`MAX_PARTY_PLAYERS`
and its place 1 to that size; text holds no lone surrogate (the writer replaces one with
U+FFFD, as a UTF-8 decoder does); nothing nested deeper than `jsonfile.MAX_DEPTH` counting
from the file's top.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from boschquiz.core.model import (
    AnswerRecord,
    Difficulty,
    GameRecord,
    GameTerms,
    Mode,
    Outcome,
    PartySeat,
    QuestionStats,
    ShownText,
)
from boschquiz.game.review import MAX_BOX
from boschquiz.store.errors import UnsavableValue
from boschquiz.store.jsonfile import MAX_DEPTH, json_problem

MAX_WHOLE: Final = 2**64 - 1
"""The largest whole number saved (20 digits; a daily seed takes 64 bits)."""
MAX_COUNT: Final = 25 * 10**6 - 1
"""The largest count saved: a game's streak, and every counter of a player's record in the
saves index (which also numbers games up to it: segment names have six digits)."""
MAX_SECONDS: Final = 10_000_000.0
"""About 115 days: longer than any game or answer, far inside what a date can add."""
YEARS: Final = range(1900, 9000)
"""The years a saved time may fall in."""
MAX_SHOWN_TEXT: Final = 1_000
"""The longest prompt, choice or answer kept as shown with an answer; longer text is cut
(ending in "…"). A prompt a player can read is far shorter."""
MAX_SHOWN_CHOICES: Final = 12
"""The most choices kept as shown with an answer (a pack has at most 6)."""
MAX_PARTY_ID: Final = 64
"""The longest party id saved (ours are 16 hex digits)."""
MAX_PARTY_PLAYERS: Final = 6
"""The most players a saved party may have (`game.party.MAX_PLAYERS`)."""
GAME_DEPTH: Final = MAX_DEPTH - 2
"""A game sits two levels down in its log segment (`{"games": {"<id>": game}}`)."""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MODES = frozenset(mode.value for mode in Mode)
_TIERS = frozenset(tier.value for tier in Difficulty)
_OUTCOMES = frozenset(outcome.value for outcome in Outcome)


def ensure_json_safe(value: object, what: str) -> None:
    """Raise `UnsavableValue` unless `value` survives a JSON round trip unchanged in kind and
    reads back (`jsonfile.read_tinydb_file`) as written.

    Called before anything touches the disk, so a bad value never blocks later saves.
    """
    try:
        json.dumps(value, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise UnsavableValue(f"The {what} could not be saved: {exc}.") from None
    problem = json_problem(value, depth=MAX_DEPTH - 3)
    if problem is not None:
        raise UnsavableValue(f"The {what} could not be saved: it holds {problem}.")


def replace_surrogates(text: str) -> str:
    """`text` with each lone surrogate (from bytes that were not UTF-8) replaced by U+FFFD."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


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
    return replace_surrogates(value)


def _opt_str(value: object, what: str) -> str | None:
    return None if value is None else _str(value, what)


def _cut(text: str) -> str:
    text = replace_surrogates(text)
    return text if len(text) <= MAX_SHOWN_TEXT else text[: MAX_SHOWN_TEXT - 1] + "…"


def shown_to_json(shown: ShownText) -> dict[str, Any]:
    """The question as shown, with each text cut to `MAX_SHOWN_TEXT` and the choices to
    `MAX_SHOWN_CHOICES` (a record stays small whatever a pack holds)."""
    return {
        "prompt": _cut(_str(shown.prompt, "a prompt")),
        "choices": [_cut(_str(c, "a choice")) for c in shown.choices[:MAX_SHOWN_CHOICES]],
        "answer": _cut(_str(shown.answer, "a right answer")),
    }


def shown_from_json(data: object) -> ShownText | None:
    """An answer's `shown` back, or None when there is none or it is not what the writer
    writes (damaged or edited: the recap then falls back to the bank; the game still counts)."""
    if type(data) is not dict:
        return None
    prompt, choices, answer = data.get("prompt"), data.get("choices"), data.get("answer")
    if type(choices) is not list or len(choices) > MAX_SHOWN_CHOICES:
        return None
    texts = [prompt, answer, *choices]
    if not all(type(t) is str and len(t) <= MAX_SHOWN_TEXT for t in texts):
        return None
    return ShownText(str(prompt), tuple(str(c) for c in choices), str(answer))


def answer_to_json(answer: AnswerRecord) -> dict[str, Any]:
    data: dict[str, Any] = {
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
    if answer.shown is not None:
        data["shown"] = shown_to_json(answer.shown)
    return data


def game_to_json(record: GameRecord) -> dict[str, Any]:
    """The log entry for a finished game; raises `UnsavableValue` for anything the log may
    not hold (`check_game`). Lone surrogates in text become U+FFFD."""
    data: dict[str, Any] = {
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
    if record.terms is not None:
        data["terms"] = terms_to_json(record.terms)
    if record.party is not None:
        data["party"] = party_to_json(record.party)
    problem = check_game(data)
    if problem is not None:
        raise UnsavableValue(f"The game could not be saved: {problem}.")
    ensure_json_safe(data, "game")
    return data


class _Bad(Exception):
    pass


def _whole(game: Mapping[str, Any], key: str, what: str) -> None:
    value = game[key]
    if type(value) is not int:
        raise _Bad(f"{what} is {value!r}, not a whole number")
    if abs(value) > MAX_WHOLE:
        raise _Bad(f"{what} is larger than {MAX_WHOLE}")


def _seconds(game: Mapping[str, Any], key: str, what: str, *, optional: bool = False) -> None:
    value = game[key]
    if optional and value is None:
        return
    if type(value) not in (int, float) or not math.isfinite(value):
        raise _Bad(f"{what} is {value!r}, not a number")
    if abs(value) > MAX_SECONDS:
        raise _Bad(f"{what} is {value!r} seconds, more than {MAX_SECONDS:g}")


def _text(game: Mapping[str, Any], key: str, what: str, *, optional: bool = False) -> None:
    value = game[key]
    if optional and value is None:
        return
    if type(value) is not str:
        raise _Bad(f"{what} is {value!r}, not text")


def _one_of(game: Mapping[str, Any], key: str, allowed: frozenset[str]) -> None:
    value = game[key]
    if type(value) is not str or value not in allowed:
        raise _Bad(f"the {key} {value!r} is not one of {', '.join(sorted(allowed))}")


def check_time(text: object, seconds: float = 0.0) -> bool:
    """Whether `text` is an ISO-8601 time that, and `seconds` after it, lie within
    `YEARS` (so a review date computed from it is a real date too)."""
    if type(text) is not str:
        return False
    try:
        start = datetime.fromisoformat(text)
        end = start + timedelta(seconds=seconds)
        moments = [m.astimezone(UTC) if m.tzinfo is not None else m for m in (start, end)]
    except (ValueError, OverflowError):
        return False
    return all(m.year in YEARS for m in moments)


def check_daily_date(value: object) -> bool:
    """Whether `value` is a daily date as the store writes it (`YYYY-MM-DD`, a real day)."""
    if type(value) is not str or not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_game(game: object) -> str | None:
    """Why `game` (a log entry as JSON data) cannot be kept or used, or None when it can."""
    if type(game) is not dict:
        return f"it is {type(game).__name__}, not a game"
    try:
        _check_game(game)
    except _Bad as exc:
        return str(exc)
    except KeyError as exc:
        return f"it has no {exc.args[0]!r}"
    return json_problem(game, depth=GAME_DEPTH)


def _check_game(game: dict[str, Any]) -> None:
    _text(game, "player", "the player name")
    _one_of(game, "mode", _MODES)
    _one_of(game, "tier", _TIERS)
    if type(game["steady"]) is not bool:
        raise _Bad(f"steady is {game['steady']!r}, not true or false")
    _whole(game, "seed", "the seed")
    packs = game["packs"]
    if type(packs) is not list or not all(type(p) is str for p in packs):
        raise _Bad("the packs are not a list of pack ids")
    _text(game, "bank_hash", "the bank hash")
    _text(game, "started_at", "the start time")
    _seconds(game, "duration", "the duration")
    if not check_time(game["started_at"], game["duration"]):
        raise _Bad(f"the start time {game['started_at']!r} is not an ISO-8601 time")
    for key, what in (
        ("score", "the score"),
        ("correct", "the number correct"),
        ("answered", "the number answered"),
        ("best_streak", "the best streak"),
    ):
        _whole(game, key, what)
    if not 0 <= game["best_streak"] <= MAX_COUNT:
        raise _Bad(f"the best streak {game['best_streak']} is out of range (0 to {MAX_COUNT:,})")
    daily = game.get("daily_date")
    if daily is not None and not check_daily_date(daily):
        raise _Bad(f"the daily date {daily!r} is not a date (YYYY-MM-DD)")
    if "legacy_id" in game:
        _whole(game, "legacy_id", "the old game id")
    try:
        terms_from_json(game.get("terms"))
    except (KeyError, TypeError) as exc:
        raise _Bad(f"its terms cannot be read ({exc})") from None
    try:
        party_from_json(game.get("party"))
    except (KeyError, TypeError, ValueError) as exc:
        raise _Bad(f"its party cannot be read ({exc})") from None
    answers = game["answers"]
    if type(answers) is not list:
        raise _Bad("the answers are not a list")
    for answer in answers:
        if type(answer) is not dict:
            raise _Bad("an answer is not an object")
        _text(answer, "question_id", "a question id")
        _text(answer, "given", "an answer given", optional=True)
        _one_of(answer, "outcome", _OUTCOMES)
        _seconds(answer, "seconds", "an answer time")
        _seconds(answer, "time_limit", "a time limit", optional=True)
        for key, what in (
            ("base_points", "base points"),
            ("speed_points", "speed points"),
            ("streak_bonus", "a streak bonus"),
        ):
            _whole(answer, key, what)


def terms_to_json(terms: GameTerms) -> dict[str, Any]:
    """What a game was played with (`GameRecord.terms`), as the log keeps it."""
    return {
        "seeded": bool(terms.seeded),
        "packs": [_str(p, "a pack filter") for p in terms.packs],
        "shows": [_str(s, "a show filter") for s in terms.shows],
        "categories": [_str(c, "a category filter") for c in terms.categories],
        "own_bank": bool(terms.own_bank),
        "length": None if terms.length is None else _int(terms.length, "the game's length"),
    }


def terms_from_json(data: object) -> GameTerms | None:
    """A log entry's `terms` (None: recorded before the ranking rules); raises
    KeyError/TypeError when malformed. Anything but `false` counts as seeded and own packs,
    so a hostile entry can never rank a game."""
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise TypeError(f"{data!r} is not a game's terms")
    length = data["length"]
    if length is not None and (isinstance(length, bool) or not isinstance(length, int)):
        raise TypeError(f"{length!r} is not a game's length")
    lists = {}
    for key in ("packs", "shows", "categories"):
        items = data[key]
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise TypeError(f"{items!r} is not a list of {key}")
        lists[key] = tuple(items)
    return GameTerms(
        seeded=data["seeded"] is not False,
        packs=lists["packs"],
        shows=lists["shows"],
        categories=lists["categories"],
        own_bank=data["own_bank"] is not False,
        length=length,
    )


def party_to_json(party: PartySeat) -> dict[str, Any]:
    """A party game's seat (`GameRecord.party`), as the log keeps it."""
    return {
        "id": _str(party.id, "the party id"),
        "place": _int(party.place, "the place in the party"),
        "players": _int(party.players, "the party's size"),
    }


def party_from_json(data: object) -> PartySeat | None:
    """A log entry's `party` (None: not a party game); raises KeyError/TypeError/ValueError
    when malformed or out of range."""
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise TypeError(f"{data!r} is not a party seat")
    party_id, place, players = data["id"], data["place"], data["players"]
    if type(party_id) is not str or not 1 <= len(party_id) <= MAX_PARTY_ID:
        raise ValueError(f"the party id {party_id!r} is not 1 to {MAX_PARTY_ID} characters")
    if type(players) is not int or not 2 <= players <= MAX_PARTY_PLAYERS:
        raise ValueError(f"a party of {players!r} players is not 2 to {MAX_PARTY_PLAYERS}")
    if type(place) is not int or not 1 <= place <= players:
        raise ValueError(f"the place {place!r} is not 1 to {players}")
    return PartySeat(party_id, place, players)


def game_from_json(data: Mapping[str, Any]) -> GameRecord:
    """A log entry back as a `GameRecord`; raises KeyError/ValueError/TypeError when malformed
    (never for a game `check_game` accepts)."""
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
                shown=shown_from_json(a.get("shown")),
            )
            for a in data["answers"]
        ),
        daily_date=None if data.get("daily_date") is None else str(data["daily_date"]),
        terms=terms_from_json(data.get("terms")),
        party=party_from_json(data.get("party")),
    )


def stats_to_row(stats: QuestionStats) -> list[Any]:
    """A question's stats as stored: `[seen, right, wrong, last_seen, box, due]`."""
    return [stats.seen, stats.right, stats.wrong, stats.last_seen, stats.box, stats.due]


def stats_from_row(question_id: str, row: Any) -> QuestionStats:
    """The stored list back as `QuestionStats`; raises ValueError/TypeError when malformed."""
    seen, right, wrong, last_seen, box, due = row
    for number in (seen, right, wrong, box):
        if type(number) is not int or not 0 <= number <= MAX_WHOLE:
            raise TypeError(f"{number!r} is not a count")
    if box > MAX_BOX:
        raise ValueError(f"box {box} is past the last box ({MAX_BOX})")
    for stamp in (last_seen, due):
        if stamp is not None and not check_time(stamp):
            raise ValueError(f"{stamp!r} is not a timestamp")
    return QuestionStats(question_id, seen, right, wrong, last_seen, box, due)
