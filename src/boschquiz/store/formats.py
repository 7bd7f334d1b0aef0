"""The derived files' formats and the checks that a file read back has the shape written.

Each `parse` takes a file's TinyDB content (None: no file) and returns the file as data, or
raises `WrongShape` saying in a few words what is wrong; the store then moves the file aside
and rebuilds it from the game log (see `store.py`).

- `SavesIndex`: `index.json`, the saves index (schema, the last game folded in, the stamp each
  score and daily file must carry, per-player records).
- `PartFile`: one file of a table split by `Part`: the high scores by mode (`SCORES`), the
  daily-challenge rows by month (`DAILY`).
- `StatsFile`: one player's per-question history.
- `parse_players`: `players.json`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from boschquiz.core.model import Difficulty, Mode, QuestionStats
from boschquiz.game.reports import Report, ReportReason, clean_note
from boschquiz.store import records, scoretable
from boschquiz.store.codec import (
    MAX_COUNT,
    MAX_WHOLE,
    check_daily_date,
    check_time,
    stats_from_row,
    stats_to_row,
)
from boschquiz.store.jsonfile import TinyDBData, UnreadableFile, read_tinydb_file
from boschquiz.store.layout import SavesLayout, TinyFile
from boschquiz.store.stats import apply_answers

Row = dict[str, Any]


class WrongShape(Exception):
    """A file that is valid JSON of tables but whose entries do not have the shape we write."""


# -- the saves index ---------------------------------------------------------------------------


class SavesIndex:
    """`index.json` as data: schema, the last game folded in, which parts of the split tables
    exist (score modes, daily months), and the player records."""

    def __init__(
        self, applied: int, records: dict[str, Row], parts: dict[str, dict[str, int]] | None = None
    ) -> None:
        self.applied = applied
        self.records = records
        self.parts: dict[str, dict[str, int]] = {part.name: {} for part in PARTS} | (parts or {})
        """Per split table, the parts that exist and the stamp each file must carry."""

    @classmethod
    def parse(cls, data: TinyDBData | None) -> SavesIndex:
        if data is None:
            return cls(0, {})
        file = TinyFile(Path(), data)
        metas = file.rows("meta")
        meta = metas[0] if metas else {}
        applied = meta.get("applied_through", 0)
        parts: dict[str, Any] = {part.name: meta.get(part.name, {}) for part in PARTS}
        records = file.rows("records")
        if not _count(applied, MAX_GAME_ID):
            raise WrongShape("has a malformed header")
        for part in PARTS:
            stamps = parts[part.name]
            if not isinstance(stamps, dict) or not all(
                part.valid_key(key) and _count(stamp, applied) for key, stamp in stamps.items()
            ):
                raise WrongShape(f"has a malformed list of {part.what}s")
        if not all(is_player_record(record, applied) for record in records):
            raise WrongShape("has player records of the wrong shape")
        return cls(applied, {rec["name"]: rec for rec in records}, parts)

    def write(self, path: Path, schema: int, last_game: int) -> None:
        index = TinyFile(path, None)
        meta: Row = {"schema": schema, "applied_through": last_game}
        meta |= {name: dict(sorted(stamps.items())) for name, stamps in self.parts.items()}
        index.replace("meta", [meta])
        index.replace("records", list(self.records.values()))
        index.commit(durable=False)


_MODES = frozenset(mode.value for mode in Mode)
_TIERS = frozenset(tier.value for tier in Difficulty)


MAX_GAME_ID = MAX_COUNT
"""The highest game id (log segment names have six digits, `layout.segment`), and the bound of
every counter of a player's record: a game's own streak is held to it too (`check_game`)."""


def _count(value: object, most: int) -> bool:
    return type(value) is int and 0 <= value <= most


def _whole(value: object) -> bool:
    return type(value) is int and abs(value) <= MAX_WHOLE


def is_score_row(row: Row) -> bool:
    """A high-score table row as `scoretable.row_from_game` makes it from a checked game."""
    try:
        return (
            _count(row["game"], MAX_GAME_ID)
            and _whole(row["score"])
            and _whole(row["correct"])
            and _whole(row["answered"])
            and _whole(row["best_streak"])
            and type(row["player"]) is str
            and type(row["at"]) is str
            and type(row["date"]) is str
            and type(row["steady"]) is bool
            and row["mode"] in _MODES
            and row["tier"] in _TIERS
            and (row["daily_date"] is None or check_daily_date(row["daily_date"]))
            and type(row["ranked"]) is bool
            and type(row["legacy"]) is bool
            and isinstance(row["custom"], list)
            and all(type(reason) is str for reason in row["custom"])
        )
    except (KeyError, TypeError):
        return False


def is_player_record(record: Row, applied: int = MAX_GAME_ID) -> bool:
    """A player's record in the saves index (`records.new_record` plus what games add)."""
    last_daily = record.get("last_daily")
    recent = record.get("recent")
    return (
        isinstance(record.get("name"), str)
        and all(_count(record.get(k), MAX_GAME_ID) for k in records.COUNTERS)
        and _count(record.get("stats_through", 0), applied)
        and (last_daily is None or check_daily_date(last_daily))
        and isinstance(recent, list)
        and len(recent) <= records.RECENT_KEEP
        and all(isinstance(row, dict) and is_score_row(row) for row in recent)
    )


# -- players -----------------------------------------------------------------------------------


DAILY_BEGUN = "daily_begun"
"""A player row's key: the date (YYYY-MM-DD) of the last daily challenge the player began."""

REPORTS = "reports"
"""A player row's key: the player's reports on questions, `{question id: {"reason", "note",
"at"}}`, one per question (a new report replaces the last)."""
MAX_REPORTS: Final = 2_000
"""Reports kept per player (more than the shipped bank has questions); past it the oldest go."""
MAX_REPORTED_ID: Final = 300
"""The longest question id a report is kept for (a pack's ids are far shorter)."""


def report_to_json(report: Report) -> dict[str, Any]:
    return {"reason": report.reason.value, "note": report.note, "at": report.at}


def report_from_json(question_id: object, data: object) -> Report | None:
    """A stored report, or None when it is not one the store writes (damaged or edited: it is
    left out, never a reason to set the players file aside)."""
    if type(question_id) is not str or not 0 < len(question_id) <= MAX_REPORTED_ID:
        return None
    if type(data) is not dict:
        return None
    reason, note, at = data.get("reason"), data.get("note"), data.get("at")
    if type(reason) is not str or reason not in REPORT_REASONS or not check_time(at):
        return None
    if note is not None and (type(note) is not str or clean_note(note) != note):
        return None
    assert isinstance(at, str)
    return Report(question_id, ReportReason(reason), note, at)


def reports_of(row: Mapping[str, Any]) -> list[Report]:
    """Every readable report of a player row (a row without any, or with a damaged table: [])."""
    table = row.get(REPORTS)
    if type(table) is not dict:
        return []
    reports = (report_from_json(qid, data) for qid, data in table.items())
    return [report for report in reports if report is not None]


REPORT_REASONS: Final = frozenset(reason.value for reason in ReportReason)


def parse_players(data: TinyDBData | None) -> TinyDBData | None:
    """`players.json` checked: every row has a text name and a settings object."""
    for row in (data or {}).get("players", {}).values():
        if not isinstance(row.get("name"), str) or not isinstance(row.get("settings"), dict):
            raise WrongShape("has entries of the wrong shape")
    return data


# -- a player's question history ---------------------------------------------------------------

STATS_TABLE = "stats"


class StatsFile:
    """One player's `stats/<hash>.json`: one TinyDB document holding the player, the last game
    folded in, and per question id `[seen, right, wrong, last_seen, box, due]`.

    Rows stay as stored; only the questions a game touches are converted and rescheduled, and
    a malformed row counts as a question never seen (checking all of them would cost a save
    more than everything else in it).
    """

    def __init__(self, player: str, applied: int, rows: dict[str, list[Any]]) -> None:
        self.player = player
        self.applied = applied
        self.rows = rows

    @classmethod
    def parse(cls, data: TinyDBData | None, player: str) -> StatsFile:
        if data is None:
            return cls(player, 0, {})
        docs = TinyFile(Path(), data).rows(STATS_TABLE)
        if not docs:
            return cls(player, 0, {})
        applied: Any = docs[0].get("applied_through")
        rows = docs[0].get("questions")
        if not _count(applied, MAX_GAME_ID) or not isinstance(rows, dict):
            raise WrongShape("is not a question history")
        return cls(player, applied, rows)

    @property
    def stats(self) -> dict[str, QuestionStats]:
        """Every entry that reads as `QuestionStats` (a malformed one counts as never seen)."""
        stats = {}
        for question_id, row in self.rows.items():
            with suppress(ValueError, TypeError):
                stats[question_id] = stats_from_row(question_id, row)
        return stats

    def apply(self, game: Row) -> None:
        touched: dict[str, QuestionStats] = {}
        for answer in game["answers"]:
            question_id = answer["question_id"]
            if question_id in self.rows:
                with suppress(ValueError, TypeError):
                    touched[question_id] = stats_from_row(question_id, self.rows[question_id])
        apply_answers(touched, game)
        self.rows.update((qid, stats_to_row(entry)) for qid, entry in touched.items())

    def write(self, path: Path, applied: int) -> None:
        file = TinyFile(path, None)
        doc = {"player": self.player, "applied_through": applied, "questions": self.rows}
        file.replace(STATS_TABLE, [doc])
        file.commit(durable=False)


# -- tables split into small files -------------------------------------------------------------

ROWS_TABLE = "rows"


@dataclass(frozen=True)
class PartFile:
    """One part of a split table: its rows and the last game folded into them."""

    applied: int
    rows: list[Row]

    @classmethod
    def parse(cls, data: TinyDBData | None) -> PartFile:
        if data is None:
            return cls(0, [])
        file = TinyFile(Path(), data)
        metas = file.rows("meta")
        applied = metas[0].get("applied_through", 0) if metas else 0
        rows = file.rows(ROWS_TABLE)
        if not _count(applied, MAX_GAME_ID) or not all(map(is_score_row, rows)):
            raise WrongShape("has entries of the wrong shape")
        return cls(applied, rows)

    def write(self, path: Path) -> None:
        file = TinyFile(path, None)
        file.replace("meta", [{"applied_through": self.applied}])
        file.replace(ROWS_TABLE, self.rows)
        file.commit(durable=False)


def _trim_grouped(
    rows: list[Row], key: Callable[[Row], tuple[str, ...]], keep_top: int, keep_per_player: int
) -> list[Row]:
    """Each group's rows worth keeping, ranked; a game present twice (a save replayed after a
    crash) counts once."""
    groups: dict[tuple[str, ...], dict[int, Row]] = {}
    for row in rows:
        groups.setdefault(key(row), {})[int(row["game"])] = row
    kept: list[Row] = []
    for group in sorted(groups):
        kept.extend(scoretable.trim(groups[group].values(), keep_top, keep_per_player))
    return kept


def _trim_scores(rows: list[Row]) -> list[Row]:
    return _trim_grouped(rows, scoretable.trim_key, scoretable.KEEP_TOP, scoretable.KEEP_PER_PLAYER)


def _trim_daily(rows: list[Row]) -> list[Row]:
    return _trim_grouped(
        rows, scoretable.daily_key, scoretable.KEEP_DAILY_TOP, scoretable.KEEP_DAILY_PER_PLAYER
    )


@dataclass(frozen=True)
class Part:
    """A table split into small files: the high scores by mode, the daily rows by month."""

    name: str
    """Its key in the saves index's meta: the list of parts that exist."""
    what: str
    """What the player is told the file is."""
    path: Callable[[SavesLayout, str], Path]
    key_of: Callable[[Mapping[str, Any]], str | None]
    """Which part a table row belongs to (None: not in this table)."""
    trim: Callable[[list[Row]], list[Row]]
    key_pattern: re.Pattern[str]
    """What a part's key (and so its file name) may be."""

    def valid_key(self, key: str) -> bool:
        return bool(self.key_pattern.fullmatch(key))


def _score_mode(row: Mapping[str, Any]) -> str | None:
    return None if row["mode"] == Mode.PRACTICE.value else str(row["mode"])


def _daily_month(row: Mapping[str, Any]) -> str | None:
    if row["mode"] != Mode.DAILY.value or not row["daily_date"]:
        return None
    return str(row["daily_date"])[:7]


_SCORE_MODES = re.compile("|".join(m.value for m in Mode if m is not Mode.PRACTICE))
_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
SCORES = Part(
    "score_modes",
    "high-score file",
    SavesLayout.scores_file,
    _score_mode,
    _trim_scores,
    _SCORE_MODES,
)
DAILY = Part(
    "daily_months",
    "daily-challenge file",
    SavesLayout.daily_file,
    _daily_month,
    _trim_daily,
    _MONTH,
)
PARTS = (SCORES, DAILY)


# -- checking ----------------------------------------------------------------------------------


def parses(path: Path, parse: Callable[[TinyDBData | None], object]) -> bool:
    """Whether the file at `path` reads and has the shape `parse` expects."""
    try:
        return parses_as(read_tinydb_file(path), parse)
    except UnreadableFile:
        return False


def parses_as(data: TinyDBData | None, parse: Callable[[TinyDBData | None], object]) -> bool:
    try:
        parse(data)
    except WrongShape:
        return False
    return True
