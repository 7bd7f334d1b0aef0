"""The files inside a saves folder, and the TinyDB plumbing shared by everything that reads them.

- `index.json`: schema version, the last game folded into the files below, and per-player
  records (games, streaks, recent games). Like every file but the log and `players.json`, it
  is rebuilt from the log if lost.
- `scores/<mode>.json`: the high-score rows of one mode, all tiers.
- `players.json`: players and their settings (not derivable, so kept apart and rarely written).
- `daily/YYYY-MM.json`: daily-challenge rows per date, one file per month.
- `stats/<hash>.json`: one player's per-question stats.
- `games/games-NNNNNN.json`: the append-only game log in segments of `SEGMENT_SIZE` games, so no
  write rewrites more than one segment.
- `.lock`: the writers' file lock.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from boschquiz.store.atomic import atomic_write_bytes, encode_tinydb
from boschquiz.store.jsonfile import TinyDBData

SEGMENT_SIZE = 25
_SEGMENT_NAME = re.compile(r"games-[0-9]{6}\.json")
LEGACY_FILE = "boschquiz.json"
"""Schema 0: everything in one plain TinyDB file (tables `games` and `players`)."""


@dataclass(frozen=True)
class SavesLayout:
    root: Path

    @property
    def index(self) -> Path:
        return self.root / "index.json"

    @property
    def players(self) -> Path:
        return self.root / "players.json"

    @property
    def scores_dir(self) -> Path:
        return self.root / "scores"

    def scores_file(self, mode: str) -> Path:
        """The high-score rows of one mode (every tier)."""
        return self.scores_dir / f"{mode}.json"

    @property
    def daily_dir(self) -> Path:
        return self.root / "daily"

    def daily_file(self, month: str) -> Path:
        """The daily-challenge rows of one month, "YYYY-MM"."""
        return self.daily_dir / f"{month}.json"

    @property
    def stats_dir(self) -> Path:
        return self.root / "stats"

    @property
    def games_dir(self) -> Path:
        return self.root / "games"

    @property
    def lock(self) -> Path:
        return self.root / ".lock"

    @property
    def legacy(self) -> Path:
        return self.root / LEGACY_FILE

    def stats_file(self, player: str) -> Path:
        digest = hashlib.sha256(player.encode("utf-8")).hexdigest()[:20]
        return self.stats_dir / f"{digest}.json"

    def segment(self, game_id: int) -> Path:
        return self.games_dir / f"games-{(game_id - 1) // SEGMENT_SIZE:06d}.json"

    def segments(self) -> list[Path]:
        """Log segments in game order."""
        try:
            names = sorted(os.listdir(self.games_dir))
        except OSError:
            return []
        return [self.games_dir / name for name in names if _SEGMENT_NAME.fullmatch(name)]

    def folders(self) -> tuple[Path, ...]:
        return (self.root, self.stats_dir, self.games_dir, self.daily_dir, self.scores_dir)


class BufferedStorage(Storage):
    """Holds one file's content in memory; TinyDB's writes land here until `commit`.

    Several table updates then become one atomic write, and nothing is written on error.
    """

    def __init__(self, data: TinyDBData | None) -> None:
        super().__init__()
        self.data = data
        self.dirty = False

    def read(self) -> TinyDBData | None:
        return self.data

    def write(self, data: TinyDBData) -> None:
        self.data = data
        self.dirty = True

    def close(self) -> None:
        pass


class TinyFile:
    """A TinyDB view of one file's content, written back atomically by `commit`."""

    def __init__(self, path: Path, data: TinyDBData | None) -> None:
        self.path = path
        self.db = TinyDB(data, storage=BufferedStorage)

    @property
    def _storage(self) -> BufferedStorage:
        storage = self.db.storage
        assert isinstance(storage, BufferedStorage)
        return storage

    def rows(self, table: str) -> list[dict[str, Any]]:
        """The table's documents in id order (what `TinyDB.table(t).all()` gives, as dicts)."""
        data = self._storage.data or {}
        return [dict(doc) for doc in data.get(table, {}).values()]

    def replace(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Make `rows` the table's documents, ids 1.. (one in-memory step, written by commit)."""
        storage = self._storage
        data = storage.data if storage.data is not None else {}
        data[table] = {str(doc_id): row for doc_id, row in enumerate(rows, start=1)}
        storage.write(data)

    def commit(self, *, durable: bool = True) -> None:
        storage = self._storage
        if storage.dirty and storage.data is not None:
            atomic_write_bytes(self.path, encode_tinydb(storage.data), durable=durable)
            storage.dirty = False
