"""The `Store`: players, finished games, question stats, streaks and the high-score table.

Every write takes the saves folder's file lock, re-reads what it changes (TinyDB caches next
ids, so no TinyDB object outlives a lock), appends the game to the log first and then brings
the small derived files up to date from the log. The derived files remember the last game they
include, so a write cut short is completed by the next one, and a lost derived file is rebuilt
from the log. Reads take no lock: every file is replaced atomically.

Only the log and `players.json` are fsynced: a save is durable once its game is in the log.
The derived files (stats, scores, daily, index) are replaced atomically but not fsynced, which
keeps a save fast; `index.json` records, per derived file, the last game it must include
(its stamp), so one that a power cut rolled back or emptied is detected and rebuilt from the
log. They are written only after the log entry is on disk, so none can get ahead of the log.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout

from boschquiz.core import signals
from boschquiz.core.clock import Clock
from boschquiz.core.files import describe_os_error
from boschquiz.core.model import Difficulty, GameRecord, Mode, Question, QuestionStats
from boschquiz.core.spoilers import Horizon
from boschquiz.game.reports import Report, ReportReason, clean_note
from boschquiz.game.selection import timestamp
from boschquiz.store import gamelog, migrations, records, scoretable
from boschquiz.store.atomic import fsync_dir, remove_orphaned_temp_files
from boschquiz.store.codec import (
    ensure_json_safe,
    game_from_json,
    game_to_json,
    replace_surrogates,
)
from boschquiz.store.errors import (
    INDEX_FILE,
    PLAYERS_FILE,
    PLAYERS_LOST,
    REBUILT,
    SEGMENT_FILE,
    SEGMENT_LOST,
    NoSuchPlayer,
    PlayerNameTaken,
    SavesTooNew,
    StoreError,
    UnsavableValue,
    cannot_move_aside,
    game_unreadable,
    index_ahead,
    lock_timeout,
    moved_aside,
    save_failed,
    segment_copied,
    stats_file_name,
    tables_behind,
    too_new,
)
from boschquiz.store.formats import (
    DAILY,
    DAILY_BEGUN,
    MAX_REPORTED_ID,
    MAX_REPORTS,
    REPORTS,
    SCORES,
    Part,
    PartFile,
    SavesIndex,
    StatsFile,
    WrongShape,
    parse_players,
    parses,
    parses_as,
    report_to_json,
    reports_of,
)
from boschquiz.store.horizon import (
    HORIZON_KEY,
    SavedHorizon,
    horizon_from_settings,
    horizon_to_settings,
)
from boschquiz.store.jsonfile import TinyDBData, UnreadableFile, read_tinydb_file
from boschquiz.store.layout import SavesLayout, TinyFile
from boschquiz.store.names import MAX_NAME_LENGTH, clean_player_name, normalize_player_name
from boschquiz.store.records import PlayerRecord, SaveReceipt, StreakRecords
from boschquiz.store.scoretable import ScoreRow
from boschquiz.store.stats import GroupStats, group_stats
from boschquiz.store.updater import Updater

CURRENT_SCHEMA = migrations.CURRENT_SCHEMA
LOCK_TIMEOUT = 10.0
LOCK_POLL_INTERVAL = 0.002
Row = dict[str, Any]
_Parsed = TypeVar("_Parsed")


class Store:
    """A saves folder. The constructor does no I/O; the folder is opened on first use.

    `open()` may be called ahead (e.g. in a worker) to take that cost off the critical path.
    Every method may be called from any thread (a UI calls them from workers): writes are
    serialised, reads take no lock while the files are sound (only repairing a damaged or
    stale file waits for another copy of the game that holds the saves lock).
    """

    def __init__(self, saves_dir: Path, clock: Clock) -> None:
        self._layout = SavesLayout(Path(saves_dir))
        self._clock = clock
        self._mutex = threading.RLock()
        self._opened = False
        self._frozen: str | None = None
        self._notices: list[str] = []
        self._file_lock: FileLock | None = None
        self._cleaned = False

    # -- opening ---------------------------------------------------------------------------

    def where(self) -> Path:
        """The saves folder."""
        return self._layout.root

    @property
    def layout(self) -> SavesLayout:
        """Where each file of the saves folder lives."""
        return self._layout

    def open(self) -> None:
        """Check the folder once: set damaged files aside, migrate old saves, clean up temp
        files of killed writes, refuse (read-only) saves from a newer version."""
        with self._mutex:
            if self._opened:
                return
            self._opened = True
            if not self._layout.root.is_dir():
                return
            self._clean_orphans_if_free()
            index = self._load(self._layout.index, INDEX_FILE, REBUILT)
            schema = migrations.schema_of(index)
            if schema > CURRENT_SCHEMA:
                self._frozen = too_new(self._layout.root, schema)
                self._notices.append(self._frozen)
                return
            older = 0 < schema < CURRENT_SCHEMA  # its own shape; the upgrade drops it
            if index is not None and not older and not parses_as(index, SavesIndex.parse):
                problem = UnreadableFile(self._layout.index, "has entries of the wrong shape")
                if self._set_aside(problem, INDEX_FILE, REBUILT, SavesIndex.parse):
                    index = None
            needs_work = (
                self._layout.legacy.exists()
                or (index is None and bool(self._layout.segments()))
                or (index is not None and schema < CURRENT_SCHEMA)
            )
            if needs_work:
                try:
                    with self._writing():
                        found = schema if index is not None else None
                        migrations.upgrade(self._layout, found, self._notices)
                        self._sync()
                except StoreError as exc:
                    self._notices.append(exc.message)

    def notices(self) -> tuple[str, ...]:
        """One-sentence messages for the player, oldest first, gathered since this store was
        built: a damaged file moved aside, saves from a newer version, a save whose tables
        will catch up later. A front end shows the ones it has not shown yet."""
        self.open()
        return tuple(self._notices)

    @property
    def read_only(self) -> bool:
        """True when nothing will be saved (saves from a newer version, or an unmovable
        damaged file); the reason is in `notices()`."""
        self.open()
        return self._frozen is not None

    def close(self) -> None:
        """Wait for a save in flight in another thread; call before the process exits."""
        with self._mutex:
            pass

    # -- writing ---------------------------------------------------------------------------

    def record_game(self, record: GameRecord) -> SaveReceipt:
        """Save a finished game (atomically, fsynced, under the lock) and everything derived
        from it; return its id, its rank and the player's previous best. Practice games are
        logged and teach the question stats but never enter the high-score table or the
        streak records."""
        game = game_to_json(record)
        game["player"] = normalize_player_name(record.player)
        self.open()
        with self._writing():
            return self._append(game)

    def record_party(self, party: Sequence[GameRecord]) -> tuple[SaveReceipt, ...]:
        """Save every player's game of one party in one atomic write of one log segment: all
        of them land, or none does (a crash or an error at any step leaves the log as it was,
        or holding all of them). The records must share one party id. Each player's game goes
        to their own history; the receipts come in the order given."""
        if not party:
            return ()
        ids = {record.party.id if record.party is not None else None for record in party}
        if len(ids) != 1 or None in ids:
            raise ValueError("a party's records must all carry the same party id")
        games = []
        for record in party:
            game = game_to_json(record)
            game["player"] = normalize_player_name(record.player)
            games.append(game)
        self.open()
        with self._writing():
            return self._append_all(games)

    def ensure_player(self, name: str) -> PlayerRecord:
        """The player called `name` (trimmed), created now if new."""
        name = normalize_player_name(name)
        existing = self._player_rows().get(name)
        if existing is not None:
            return self._player_record(existing)
        self.open()
        with self._writing():
            players = TinyFile(self._layout.players, self.load_players())
            rows = {row["name"]: row for row in players.rows("players")}
            if name not in rows:
                rows[name] = self._new_player_row(name)
                players.replace("players", list(rows.values()))
                players.commit()
            return self._player_record(rows[name])

    def player_settings(self, name: str) -> dict[str, Any]:
        """The player's saved settings (theme, steady, last choices...); {} when none."""
        row = self._player_rows().get(normalize_player_name(name))
        return dict(row["settings"]) if row else {}

    def save_player_settings(self, name: str, settings: Mapping[str, Any]) -> None:
        """Merge `settings` into the player's saved settings (a value of None removes a key);
        the player is created if new. Values must be JSON (checked before anything is written)."""
        name = normalize_player_name(name)
        ensure_json_safe(dict(settings), "settings")
        self.open()
        with self._writing():
            players = TinyFile(self._layout.players, self.load_players())
            rows = {row["name"]: row for row in players.rows("players")}
            row = rows.setdefault(name, self._new_player_row(name))
            merged = {**row["settings"], **settings}
            row["settings"] = {key: value for key, value in merged.items() if value is not None}
            players.replace("players", list(rows.values()))
            players.commit()

    def player_horizon(self, name: str) -> SavedHorizon:
        """How far the player has watched (`store/horizon.py`): everything when they never
        said, or when what is saved cannot be read (then with the problem to tell them)."""
        return horizon_from_settings(self.player_settings(name))

    def save_player_horizon(self, name: str, horizon: Horizon) -> None:
        """Keep `horizon` with the player (created if new); it is theirs from the next game."""
        self.save_player_settings(name, {HORIZON_KEY: horizon_to_settings(horizon)})

    def rename_player(self, old: str, new: str) -> int:
        """Rename a player: their games (log and tables), settings and history follow. Refused
        when `old` is unknown or `new` is another player's. Returns how many games moved."""
        old, new = normalize_player_name(old), normalize_player_name(new)
        self.open()
        with self._writing():
            players = TinyFile(self._layout.players, self.load_players())
            rows = {row["name"]: row for row in players.rows("players")}
            if old not in rows and not self._logged(old):
                raise NoSuchPlayer(f"There is no player called {old!r} to rename.")
            if new != old and (new in rows or self._logged(new)):
                raise PlayerNameTaken(
                    f"The name {new!r} is already another player's; choose another one."
                )
            return self._move_games(players, rows, old, new, removed=False)

    def remove_player(self, name: str) -> str:
        """Remove a player: they leave the player list, and a new player who later takes the
        name starts with no history. Their games stay (in the log, the tables and the
        stats) under a retired name, "NAME (removed)", which is returned."""
        name = normalize_player_name(name)
        self.open()
        with self._writing():
            players = TinyFile(self._layout.players, self.load_players())
            rows = {row["name"]: row for row in players.rows("players")}
            if name not in rows and not self._logged(name):
                raise NoSuchPlayer(f"There is no player called {name!r} to remove.")
            retired = self._retired_name(name, rows)
            self._move_games(players, rows, name, retired, removed=True)
            return retired

    def _retired_name(self, name: str, rows: Mapping[str, Row]) -> str:
        for count in range(1, 1000):
            suffix = " (removed)" if count == 1 else f" (removed {count})"
            candidate = name[: MAX_NAME_LENGTH - len(suffix)] + suffix
            if candidate not in rows and not self._logged(candidate):
                return candidate
        raise PlayerNameTaken(f"Too many removed players called {name!r}.")

    def _logged(self, name: str) -> bool:
        return name in self._saves_index(repair=False).records

    def _move_games(
        self, players: TinyFile, rows: dict[str, Row], old: str, new: str, *, removed: bool
    ) -> int:
        """Under the lock: the log first (every game stays saved whatever happens), then the
        players file, then the derived files rebuilt from the log."""
        moved = gamelog.rename_in_log(self._layout, old, new)
        row = rows.pop(old, None) or self._new_player_row(old)
        if removed:
            rows[new] = {**self._new_player_row(new), "removed": True}
            if REPORTS in row:  # a removed player's reports still tell pack authors
                rows[new][REPORTS] = row[REPORTS]
        else:
            rows[new] = {**row, "name": new}
        players.replace("players", list(rows.values()))
        players.commit()
        migrations.drop_derived_files(self._layout)
        self._sync()
        return moved

    def begin_daily(self, player: str, day: date) -> None:
        """Record that `player` has begun the daily challenge for `day`. Their one try counts
        from its first question: from now on `daily_played` is true for that day, even if the
        game is never finished (left, killed, the terminal closed). Written to `players.json`
        (fsynced) under the lock; the player is created if new."""
        name = normalize_player_name(player)
        self.open()
        with self._writing():
            players = TinyFile(self._layout.players, self.load_players())
            rows = {row["name"]: row for row in players.rows("players")}
            row = rows.setdefault(name, self._new_player_row(name))
            row[DAILY_BEGUN] = day.isoformat()
            players.replace("players", list(rows.values()))
            players.commit()

    def add_report(
        self, player: str, question_id: str, reason: ReportReason, note: str | None = None
    ) -> Report:
        """Save `player`'s report on a question, stamped now, replacing their earlier report
        on it; returns it as saved. Written to `players.json` (fsynced) under the lock; the
        player is created if new. The note is cleaned and cut (`game.reports.clean_note`);
        past `MAX_REPORTS` a player's oldest reports go, and damaged ones are dropped. An id
        too long to be a question's raises `UnsavableValue` before anything is written."""
        name = normalize_player_name(player)
        question_id = replace_surrogates(question_id)
        if not 0 < len(question_id) <= MAX_REPORTED_ID:
            raise UnsavableValue("The report could not be saved: that is not a question id.")
        report = Report(
            question_id, ReportReason(reason), clean_note(note), self._clock.now().isoformat()
        )
        entry = report_to_json(report)
        ensure_json_safe(entry, "report")
        self.open()
        with self._writing():
            players = TinyFile(self._layout.players, self.load_players())
            rows = {row["name"]: row for row in players.rows("players")}
            row = rows.setdefault(name, self._new_player_row(name))
            kept = [r for r in reports_of(row) if r.question_id != question_id]
            kept.sort(key=lambda r: timestamp(r.at))
            table = {r.question_id: report_to_json(r) for r in kept[-(MAX_REPORTS - 1) :]}
            table[question_id] = entry
            row[REPORTS] = table
            players.replace("players", list(rows.values()))
            players.commit()
        return report

    def reports(self) -> list[tuple[str, Report]]:
        """Every player's reports, removed players' included, as `(player, report)`; a
        damaged report is left out (for pack authors: `boschquiz questions --reported`)."""
        return [
            (name, report)
            for name, row in self._player_rows().items()
            for report in reports_of(row)
        ]

    def _new_player_row(self, name: str) -> Row:
        return {"name": name, "created": self._clock.now().isoformat(), "settings": {}}

    # -- reading ---------------------------------------------------------------------------

    def players(self) -> list[PlayerRecord]:
        """Every player, by name."""
        games = {name: int(rec["games"]) for name, rec in self._saves_index().records.items()}
        rows = self._player_rows()
        return [
            self._player_record(rows[name], games.get(name, 0))
            for name in sorted(rows, key=str.casefold)
            if rows[name].get("removed") is not True
        ]

    def question_stats(self, player: str) -> Mapping[str, QuestionStats]:
        """Per question id, what `player` has done with it (the engine's `HistorySource`)."""
        name = clean_player_name(player)
        found, stats = self.current_stats(name, self._saves_index())
        if not found and self._has_history(name):
            self._repair(lambda: self._rebuild(stats_of=name))
            found, stats = self.current_stats(name, self._saves_index())
        return stats.stats

    def daily_played(self, player: str, day: date | str) -> bool:
        """Whether `player` has used their daily challenge for `day`: begun it
        (`begin_daily`), or saved a daily game for it."""
        day_text = day.isoformat() if isinstance(day, date) else day
        name = clean_player_name(player)
        row = self._player_rows().get(name)
        if row is not None and row.get(DAILY_BEGUN) == day_text:
            return True
        return any(
            row["player"] == name and row["daily_date"] == day_text
            for row in self._part_rows(DAILY, day_text[:7])
        )

    def top_scores(
        self,
        mode: Mode,
        tier: Difficulty,
        *,
        limit: int = 10,
        daily_date: str | None = None,
        player: str | None = None,
        custom: bool = False,
    ) -> list[ScoreRow]:
        """The best ranked games for a mode and tier (daily: optionally one date), best first;
        ties go to the earlier game. `player` narrows the table to one player's games.
        `custom=True` gives the games that are not ranked instead (`game.ranking`), ranked
        among themselves the same way."""
        name = clean_player_name(player) if player is not None else None
        mode, tier = Mode(mode), Difficulty(tier)

        def wanted(row: Mapping[str, Any]) -> bool:
            return (
                row["mode"] == mode.value
                and row["tier"] == tier.value
                and scoretable.is_ranked_row(row) is not custom
                and (daily_date is None or row["daily_date"] == daily_date)
                and (name is None or row["player"] == name)
            )

        if daily_date is not None:
            source, kept = self._part_rows(DAILY, daily_date[:7]), scoretable.KEEP_DAILY_TOP
            per_player = scoretable.KEEP_DAILY_PER_PLAYER
        else:
            source, kept = self._part_rows(SCORES, mode.value), scoretable.KEEP_TOP
            per_player = scoretable.KEEP_PER_PLAYER
        if limit > (per_player if name is not None else kept):
            source = self.rows_from_log(wanted)
        return scoretable.ranked_rows((row for row in source if wanted(row)), limit)

    def score_tables(self, *, custom: bool = False) -> list[tuple[Mode, Difficulty]]:
        """The (mode, tier) tables that have at least one ranked score (with `custom`: at
        least one game that is not ranked), in a stable order."""
        keys = {
            scoretable.table_key(row)
            for row in self._all_scores()
            if scoretable.is_ranked_row(row) is not custom
        }
        order = {mode.value: i for i, mode in enumerate(Mode)}
        return [
            (Mode(mode), Difficulty(tier))
            for mode, tier in sorted(keys, key=lambda k: (order[k[0]], Difficulty(k[1]).rank))
        ]

    def has_games(self) -> bool:
        """Whether any game has been saved here."""
        return self._saves_index().applied > 0 or bool(self._layout.segments())

    def personal_bests(self, player: str) -> list[ScoreRow]:
        """The player's best ranked game in each mode and tier they have played."""
        name = clean_player_name(player)
        best: dict[tuple[str, str], Row] = {}
        for row in self._all_scores():
            if row["player"] != name or not scoretable.is_ranked_row(row):
                continue
            key = scoretable.table_key(row)
            if key not in best or scoretable.rank_key(row) < scoretable.rank_key(best[key]):
                best[key] = row
        ordered = [best[key] for key in sorted(best)]
        return [scoretable.ranked_rows([row], 1)[0] for row in ordered]

    def streak_records(self, player: str) -> StreakRecords:
        """Best in-game streak ever and the daily-challenge day streak, as of today."""
        record = self._saves_index().records.get(clean_player_name(player))
        return records.streaks_as_of(record, self._clock.now().date())

    def recent_scores(self, player: str, n: int = 10) -> list[ScoreRow]:
        """The player's last `n` games (practice included), newest first; `rank` is the
        position in that list."""
        record = self._saves_index().records.get(clean_player_name(player))
        recent = list(reversed(record["recent"]))[: max(n, 0)] if record else []
        rows = []
        for position, row in enumerate(recent, start=1):
            (ranked,) = scoretable.ranked_rows([row], 1)
            rows.append(replace(ranked, rank=position))
        return rows

    def question_groups(self, player: str, questions: Mapping[str, Question]) -> list[GroupStats]:
        """The player's stats summed per category and per show, over the given questions."""
        return group_stats(self.question_stats(player), questions.values())

    def games(self) -> Iterator[tuple[int, GameRecord]]:
        """Every saved game with its id, oldest first (reads the whole log: not for the UI)."""
        self.open()
        for game_id, game in self.logged_games():
            yield game_id, game_from_json(game)

    def history(self, player: str, limit: int | None = None) -> list[tuple[int, GameRecord]]:
        """`player`'s games with their ids, newest first (practice included), at most `limit`.
        Reads the whole log: for `boschquiz history`, not for a screen that repaints."""
        name = clean_player_name(player)
        games = [(game_id, record) for game_id, record in self.games() if record.player == name]
        games.reverse()
        return games if limit is None else games[: max(limit, 0)]

    def verify(self) -> list[str]:
        """Recompute every saved score from its answer log; one line per mismatch, and one per
        game or log file that could not be read (so those are never taken for a match)."""
        from boschquiz.game.scoring import recompute_score

        problems: list[str] = []
        self.open()
        for game_id, game in self.logged_games(report=problems.append):
            record = game_from_json(game)
            expected = recompute_score(record)
            if expected != record.score:
                problems.append(
                    f"game {game_id} ({record.player}, {record.mode.value}, {record.started_at}):"
                    f" saved score {record.score}, recomputed {expected}"
                )
        return problems

    # -- internals: reading ----------------------------------------------------------------

    def _saves_index(self, *, repair: bool = True) -> SavesIndex:
        """The saves index (`index.json`); a lost or damaged one is rebuilt from the log
        (unless `repair` is False: the caller is rebuilding it)."""
        found, index = self._read(self._layout.index, INDEX_FILE, SavesIndex.parse)
        if not found and repair and self._frozen is None and self._layout.segments():
            self._repair(self._sync)
            found, index = self._read(self._layout.index, INDEX_FILE, SavesIndex.parse)
        return index

    def _stats_file(self, player: str) -> tuple[bool, StatsFile]:
        return self._read(
            self._layout.stats_file(player),
            stats_file_name(player),
            lambda data: StatsFile.parse(data, player),
        )

    def current_stats(self, player: str, index: SavesIndex) -> tuple[bool, StatsFile]:
        """The player's stats file, counted as missing when older than its stamp."""
        found, stats = self._stats_file(player)
        record = index.records.get(player)
        if found and record is not None and stats.applied < record.get("stats_through", 0):
            return False, StatsFile(player, 0, {})
        return found, stats

    def _has_history(self, player: str) -> bool:
        record = self._saves_index().records.get(player)
        return self._frozen is None and record is not None and int(record["games"]) > 0

    def _part_rows(self, part: Part, key: str) -> list[Row]:
        """The rows of one part of a split table, rebuilt from the log if lost."""
        found, rows = self.current_part(part, key, self._saves_index())
        if not found and key in self._saves_index().parts[part.name]:
            self._repair(lambda: self._rebuild(part=(part, key)))
            found, rows = self.current_part(part, key, self._saves_index())
        return rows

    def current_part(self, part: Part, key: str, index: SavesIndex) -> tuple[bool, list[Row]]:
        """One part's rows, counted as missing when its file is older than its stamp."""
        found, file = self._read(part.path(self._layout, key), part.what, PartFile.parse)
        if found and file.applied < index.parts[part.name].get(key, 0):
            return False, []
        return found, file.rows

    def _all_scores(self) -> list[Row]:
        keys = self._saves_index().parts[SCORES.name]
        return [row for key in keys for row in self._part_rows(SCORES, key)]

    def _read(
        self,
        path: Path,
        what: str,
        parse: Callable[[TinyDBData | None], _Parsed],
        remedy: str = REBUILT,
    ) -> tuple[bool, _Parsed]:
        """A file parsed; (False, parse(None)) when missing, or damaged and moved aside."""
        self.open()
        data = self._load(path, what, remedy)
        try:
            return data is not None, parse(data)
        except WrongShape as exc:
            self._set_aside(UnreadableFile(path, str(exc)), what, remedy, parse)
            return False, parse(None)

    def _repair(self, action: Callable[[], object]) -> None:
        """Rebuild a derived file now, under the lock; if saving fails, tell the player."""
        try:
            with self._writing():
                action()
        except StoreError as exc:
            if exc.message not in self._notices:
                self._notices.append(exc.message)

    def _rebuild(
        self, *, stats_of: str | None = None, part: tuple[Part, str] | None = None
    ) -> None:
        """Under the lock: rewrite one player's stats or one part of a table from the log."""
        index = self._saves_index(repair=False)
        updater = Updater(self, index)
        if stats_of is not None:
            updater.stats_for(stats_of, index.applied + 1)
        if part is not None:
            updater.part_rows(*part)
        updater.commit(index.applied, force=True)

    def _player_rows(self) -> dict[str, Row]:
        self.open()
        data = self.load_players()
        return {row["name"]: row for row in TinyFile(self._layout.players, data).rows("players")}

    def load_players(self) -> TinyDBData | None:
        return self._read(self._layout.players, PLAYERS_FILE, parse_players, PLAYERS_LOST)[1]

    def _player_record(self, row: Mapping[str, Any], games: int | None = None) -> PlayerRecord:
        if games is None:
            record = self._saves_index().records.get(row["name"])
            games = int(record["games"]) if record else 0
        return PlayerRecord(
            name=row["name"],
            created=str(row.get("created", "")),
            games=games,
            settings=dict(row["settings"]),
        )

    def rows_from_log(self, wanted: Callable[[Mapping[str, Any]], bool]) -> list[Row]:
        rows = []
        for game_id, game in self.logged_games():
            if game["mode"] == Mode.PRACTICE.value:
                continue
            row = scoretable.row_from_game(game_id, game)
            if wanted(row):
                rows.append(row)
        return rows

    def logged_games(
        self,
        after: int = 0,
        *,
        cache: gamelog.SegmentCache | None = None,
        report: Callable[[str], None] | None = None,
    ) -> Iterator[tuple[int, Row]]:
        """Every game in the log past `after` that can be read, oldest first. A damaged
        segment is moved aside and a game that cannot be read skipped, the player told of
        each (and `report` given one line for each)."""

        def lost(problem: UnreadableFile) -> None:
            self._segment_lost(problem)
            if report is not None:
                report(
                    f"{problem.path}: could not be read ({problem.reason}); "
                    "its games were not checked"
                )

        def bad(path: Path, game_id: int, reason: str) -> None:
            self._game_unreadable(path, game_id, reason)
            if report is not None:
                report(f"game {game_id} in {path}: cannot be read ({reason})")

        yield from gamelog.iter_games(
            self._layout, after=after, on_unreadable=lost, cache=cache, on_bad_game=bad
        )

    def _load(self, path: Path, what: str, remedy: str) -> TinyDBData | None:
        """A file's content; a damaged one is moved aside (the player told) and None returned."""
        for _ in range(3):
            try:
                return read_tinydb_file(path)
            except UnreadableFile as exc:
                if self._set_aside(exc, what, remedy):
                    return None
        return None

    def _set_aside(
        self,
        problem: UnreadableFile,
        what: str,
        remedy: str,
        parse: Callable[[TinyDBData | None], object] = lambda data: data,
    ) -> bool:
        """Move a damaged file aside under the lock. False if it turned out readable (and
        `parse`-able) after all: another process replaced it meanwhile."""
        path = problem.path
        if self._frozen is not None:
            return True
        try:
            with self._locked():
                if parses(path, parse):
                    return False
                aside = _aside_path(path, self._clock.now().strftime("%Y%m%d-%H%M%S"))
                os.replace(path, aside)
                fsync_dir(path.parent)
        except (OSError, StoreError) as exc:
            reason = exc.message if isinstance(exc, StoreError) else describe_os_error(exc)
            self._frozen = cannot_move_aside(what, path, problem.reason, reason)
            self._notices.append(self._frozen)
            return True
        self._notices.append(moved_aside(what, path, problem.reason, aside, remedy))
        return True

    def _segment_lost(self, problem: UnreadableFile) -> None:
        self._set_aside(problem, SEGMENT_FILE, SEGMENT_LOST)

    def _game_unreadable(self, path: Path, game_id: int, reason: str) -> None:
        self._tell(game_unreadable(game_id, path, reason))

    def _tell(self, notice: str) -> None:
        """Add a notice for the player, once."""
        if notice not in self._notices:
            self._notices.append(notice)

    def _keep_copy(self, path: Path, reason: str) -> None:
        """Under the lock: keep a segment as it is before it is written back without what
        could not be read."""
        copy = _aside_path(path, self._clock.now().strftime("%Y%m%d-%H%M%S"))
        shutil.copyfile(path, copy)
        fsync_dir(path.parent)
        self._tell(segment_copied(path, reason, copy))

    # -- internals: writing ----------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self._mutex:
            if self._file_lock is None:
                self._file_lock = FileLock(str(self._layout.lock), timeout=LOCK_TIMEOUT)
            try:
                self._file_lock.acquire(poll_interval=LOCK_POLL_INTERVAL)
            except Timeout:
                raise lock_timeout(LOCK_TIMEOUT) from None
            try:
                yield
            finally:
                self._file_lock.release()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the lock (and any exit signal) for a write; OS errors become `SaveFailed`."""
        if self._frozen is not None:
            raise SavesTooNew(self._frozen)
        try:
            with signals.deferred():
                for folder in self._layout.folders():
                    folder.mkdir(parents=True, exist_ok=True)
                with self._locked():
                    if not self._cleaned:
                        self._clean_orphans()
                    yield
        except OSError as exc:
            raise save_failed(self._layout.root, exc) from None

    def _clean_orphans(self) -> None:
        for folder in self._layout.folders():
            remove_orphaned_temp_files(folder)
        self._cleaned = True

    def _clean_orphans_if_free(self) -> None:
        """On opening: remove temp files of killed writes, unless another writer is busy."""
        lock = FileLock(str(self._layout.lock), timeout=0)
        with suppress(Timeout, OSError), lock:
            self._clean_orphans()

    def _sync(self) -> None:
        """Under the lock: bring the derived files up to date with the log."""
        updater, last, _ = self._catch_up()
        updater.commit(last)

    def _append(self, game: Row) -> SaveReceipt:
        """Under the lock: append `game` to the log (the moment it counts as saved), then bring
        the derived files up to date with it."""
        (receipt,) = self._append_all([game])
        return receipt

    def _append_all(self, games: Sequence[Row]) -> tuple[SaveReceipt, ...]:
        """Under the lock: append `games` to the log in one write of one segment (the moment
        they count as saved, all together), then bring the derived files up to date."""
        told = len(self._notices)
        updater, last, segments = self._catch_up()
        first = gamelog.first_id_for(last, len(games))
        numbered = list(enumerate(games, start=first))
        gamelog.append_games(self._layout, numbered, segments, self._keep_copy)
        found = [
            (
                game_id,
                game,
                *updater.best_scores(game),
                scoretable.is_ranked_row(scoretable.row_from_game(game_id, game)),
            )
            for game_id, game in numbered
        ]
        for game_id, game in numbered:
            updater.apply(game_id, game)
        ranks = [updater.rank_of(game_id, game) for game_id, game, *_ in found]
        try:
            updater.commit(numbered[-1][0])
        except OSError as exc:
            self._notices.append(tables_behind(exc))
        notices = tuple(self._notices[told:])
        return tuple(
            SaveReceipt(
                game_id,
                rank,
                previous,
                ranked=ranked,
                score=int(game["score"]),
                table_best=table_best,
                notices=notices,
            )
            for (game_id, game, table_best, previous, ranked), rank in zip(
                found, ranks, strict=True
            )
        )

    def _catch_up(self) -> tuple[Updater, int, gamelog.SegmentCache]:
        """Under the lock: fold into an updater every logged game the derived files lack.
        Returns it, the id of the last game in the log, and the segments read."""
        index = self._saves_index(repair=False)
        segments: gamelog.SegmentCache = {}
        if index.applied and not self._log_holds(index.applied, segments):
            self._tell(index_ahead(self._layout.index, index.applied))
            index = SavesIndex.parse(None)
        updater = Updater(self, index)
        last = index.applied

        def bad(path: Path, game_id: int, reason: str) -> None:
            nonlocal last
            last = max(last, game_id)
            self._game_unreadable(path, game_id, reason)

        for game_id, game in gamelog.iter_games(
            self._layout,
            after=index.applied,
            on_unreadable=self._segment_lost,
            cache=segments,
            on_bad_game=bad,
        ):
            updater.apply(game_id, game)
            last = max(last, game_id)
        return updater, last, segments

    def _log_holds(self, game_id: int, segments: gamelog.SegmentCache) -> bool:
        """Whether the log holds game `game_id` (read or not); a damaged segment does not."""
        try:
            return game_id in gamelog.read_segment(self._layout.segment(game_id), segments)
        except UnreadableFile:
            return False


def _aside_path(path: Path, stamp: str) -> Path:
    candidate = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.corrupt-{stamp}-{counter}{path.suffix}")
        counter += 1
    return candidate
