"""Folding logged games into the derived files: the saves index, the split score and daily
tables, and the players' question histories.

The updater works in memory and writes on `commit`, the saves index last (so a write cut short
is completed by the next one). What it reads it asks of a `DerivedReader`: the current files
(moved aside and counted as missing when damaged or older than their stamp) and the log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from typing import Any, Protocol

from boschquiz.core.model import Mode
from boschquiz.store import records, scoretable
from boschquiz.store.errors import StoreError
from boschquiz.store.formats import DAILY, PARTS, SCORES, Part, PartFile, SavesIndex, StatsFile
from boschquiz.store.jsonfile import TinyDBData
from boschquiz.store.layout import SavesLayout, TinyFile
from boschquiz.store.migrations import CURRENT_SCHEMA

Row = dict[str, Any]

TRIM_EVERY = 2000
"""While replaying many games, trim the score tables whenever they grow past this many rows."""


class DerivedReader(Protocol):
    """What the updater reads: the saves' files as they are now, damage already handled."""

    @property
    def layout(self) -> SavesLayout: ...

    def current_stats(self, player: str, index: SavesIndex) -> tuple[bool, StatsFile]:
        """The player's question history; (False, empty) when missing or older than its stamp."""
        ...

    def current_part(self, part: Part, key: str, index: SavesIndex) -> tuple[bool, list[Row]]:
        """One part's rows; (False, []) when missing or older than its stamp."""
        ...

    def logged_games(self) -> Iterator[tuple[int, Row]]:
        """Every game in the log that can be read, oldest first (damage told to the player)."""
        ...

    def rows_from_log(self, wanted: Callable[[Mapping[str, Any]], bool]) -> list[Row]:
        """The score-table rows of every logged game (practice excluded) that `wanted` keeps."""
        ...

    def load_players(self) -> TinyDBData | None:
        """`players.json` (None when missing, or damaged and moved aside)."""
        ...


class Updater:
    """Folds logged games into the derived files in memory; `commit` writes them, index last."""

    def __init__(self, reader: DerivedReader, index: SavesIndex) -> None:
        self._reader = reader
        self._layout = reader.layout
        self._index = index
        self._stats: dict[str, StatsFile] = {}
        self._parts: dict[tuple[Part, str], list[Row]] = {}
        self._players: TinyFile | None = None
        self._player_rows: dict[str, Row] = {}
        self._players_changed = False
        self._touched = False

    def apply(self, game_id: int, game: Row) -> None:
        try:
            player = str(game["player"])
            row = scoretable.row_from_game(game_id, game)
            stats = self.stats_for(player, game_id)
            if game_id > stats.applied:
                stats.apply(game)
        except (KeyError, ValueError, TypeError, StoreError):
            return
        self._touched = True
        self._register(player, game["started_at"])
        record = self._index.records.setdefault(player, records.new_record(player))
        records.apply_game(record, row)
        for part in PARTS:
            key = part.key_of(row)
            if key is None:
                continue
            rows = self.part_rows(part, key)
            rows.append(row)
            if len(rows) > TRIM_EVERY:
                self._parts[part, key] = part.trim(rows)
            self._index.parts[part.name].setdefault(key, 0)

    def commit(self, last_game: int, *, force: bool = False) -> None:
        if not (force or self._touched or self._index.applied != last_game):
            return
        for player, stats in self._stats.items():
            stats.write(self._layout.stats_file(player), last_game)
            record = self._index.records.setdefault(player, records.new_record(player))
            record["stats_through"] = last_game
        for (part, key), rows in self._parts.items():
            PartFile(last_game, part.trim(rows)).write(part.path(self._layout, key))
            self._index.parts[part.name][key] = last_game
        if self._players is not None and self._players_changed:
            self._players.replace("players", list(self._player_rows.values()))
            self._players.commit()
        self._index.write(self._layout.index, CURRENT_SCHEMA, last_game)

    def best_scores(self, game: Mapping[str, Any]) -> tuple[int | None, int | None]:
        """The best ranked score in `game`'s table (its mode and tier; the daily: its date)
        among the games folded in so far, and the best of `game`'s player in its mode and
        tier (dailies of every date); (None, None) for a game that is not ranked."""
        try:
            row = scoretable.row_from_game(0, game)
            key = SCORES.key_of(row)
            if key is None or not scoretable.is_ranked_row(row):
                return None, None
            mine = [
                other
                for other in self.part_rows(SCORES, key)
                if scoretable.is_ranked_row(other) and other["tier"] == game["tier"]
            ]
            if row["mode"] == Mode.DAILY.value and row["daily_date"]:
                month = DAILY.key_of(row)
                assert month is not None
                table = [
                    other
                    for other in self.part_rows(DAILY, month)
                    if scoretable.daily_key(other) == scoretable.daily_key(row)
                ]
            else:
                table = mine
            table_best = max((int(other["score"]) for other in table), default=None)
            player = [int(other["score"]) for other in mine if other["player"] == game["player"]]
        except (KeyError, TypeError, ValueError, StoreError):
            return None, None
        return table_best, max(player, default=None)

    def rank_of(self, game_id: int, game: Mapping[str, Any]) -> int | None:
        """The place of a game already applied in its table (its mode and tier; the daily:
        its date); None for a game that is not ranked, or deeper than the table keeps."""
        try:
            row = scoretable.row_from_game(game_id, game)
        except (KeyError, ValueError, TypeError, StoreError):
            return None
        if not scoretable.is_ranked_row(row):
            return None
        if row["mode"] == Mode.DAILY.value and row["daily_date"]:
            part, table, kept = DAILY, scoretable.daily_key, scoretable.KEEP_DAILY_TOP
        else:
            part, table, kept = SCORES, scoretable.trim_key, scoretable.KEEP_TOP
        key = part.key_of(row)
        if key is None:
            return None
        mine = scoretable.rank_key(row)
        ahead = {
            other["game"]
            for other in self.part_rows(part, key)
            if table(other) == table(row) and scoretable.rank_key(other) < mine
        }
        rank = len(ahead) + 1
        return rank if rank <= kept else None

    def stats_for(self, player: str, game_id: int) -> StatsFile:
        """The player's stats file, ready for `game_id`. A lost one is replayed from the log
        up to what the index already holds (later games arrive through `apply`)."""
        stats = self._stats.get(player)
        if stats is not None:
            return stats
        found, stats = self._reader.current_stats(player, self._index)
        known = self._index.records.get(player)
        if not found and known and known["games"] > 0:
            until = min(self._index.applied, game_id - 1)
            for old_id, old_game in self._reader.logged_games():
                if old_id > until:
                    break
                if old_game.get("player") == player:
                    with suppress(KeyError, ValueError, TypeError):
                        stats.apply(old_game)
            stats.applied = until
        self._stats[player] = stats
        return stats

    def part_rows(self, part: Part, key: str) -> list[Row]:
        """One part's rows being updated; a lost part is replayed from the log."""
        if (part, key) in self._parts:
            return self._parts[part, key]
        found, rows = self._reader.current_part(part, key, self._index)
        if not found and key in self._index.parts[part.name]:
            applied = self._index.applied
            rows = self._reader.rows_from_log(
                lambda row: part.key_of(row) == key and row["game"] <= applied
            )
        self._parts[part, key] = rows
        return rows

    def _register(self, player: str, first_seen: str) -> None:
        if self._players is None:
            self._players = TinyFile(self._layout.players, self._reader.load_players())
            self._player_rows = {row["name"]: row for row in self._players.rows("players")}
        if player not in self._player_rows:
            self._player_rows[player] = {"name": player, "created": first_seen, "settings": {}}
            self._players_changed = True
