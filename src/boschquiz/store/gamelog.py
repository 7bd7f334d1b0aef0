"""The append-only game log: segmented TinyDB files whose document id is the game id."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from tinydb.table import Document

from boschquiz.store.atomic import TinyDBData, UnreadableFile, read_tinydb_file
from boschquiz.store.layout import SEGMENT_SIZE, SavesLayout, TinyFile

GAMES_TABLE = "games"

GameJSON = dict[str, Any]
SegmentCache = dict[Path, TinyDBData | None]


def read_segment(path: Path, cache: SegmentCache | None = None) -> dict[int, GameJSON]:
    """The games in one segment by id; raises `UnreadableFile` when it cannot be read.

    With `cache`, the file's content is remembered for `append_game` in the same write.
    """
    data = read_tinydb_file(path)
    if cache is not None:
        cache[path] = data
    if data is None:
        return {}
    table = data.get(GAMES_TABLE, {})
    return {int(doc_id): game for doc_id, game in table.items()}


def append_game(
    layout: SavesLayout, game_id: int, game: GameJSON, cache: SegmentCache | None = None
) -> None:
    """Write one game into its segment (atomically); the caller holds the lock, and `cache`
    must hold only content read under that same lock."""
    path = layout.segment(game_id)
    data = cache[path] if cache is not None and path in cache else read_tinydb_file(path)
    segment = TinyFile(path, data)
    segment.db.table(GAMES_TABLE, cache_size=0).insert(Document(game, doc_id=game_id))
    segment.commit()


def write_log(layout: SavesLayout, games: Iterable[GameJSON]) -> int:
    """Write `games` as a fresh log, ids 1.., a whole segment at a time; how many were written.

    For building large histories quickly (benchmarks): the store builds its other files from
    the log when next opened, as it does after losing `index.json`.
    """
    layout.games_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    numbered = enumerate(games, start=1)
    for path, batch in groupby(numbered, key=lambda item: layout.segment(item[0])):
        docs = [Document(game, doc_id=game_id) for game_id, game in batch]
        segment = TinyFile(path, None)
        segment.db.table(GAMES_TABLE, cache_size=0).insert_multiple(docs)
        segment.commit()
        count += len(docs)
    return count


def iter_games(
    layout: SavesLayout,
    after: int = 0,
    on_unreadable: Callable[[UnreadableFile], None] | None = None,
    cache: SegmentCache | None = None,
) -> Iterator[tuple[int, GameJSON]]:
    """Every logged game with an id above `after`, in id order.

    From the start, every segment is listed; past `after`, only the segment holding
    `after + 1` and those following it, up to the first missing one, are read.
    An unreadable segment is passed to `on_unreadable` (or raised) and skipped.
    """
    paths = layout.segments() if after == 0 else _segments_from(layout, after + 1)
    for path in paths:
        try:
            games = read_segment(path, cache)
        except UnreadableFile as exc:
            if on_unreadable is None:
                raise
            on_unreadable(exc)
            continue
        for game_id in sorted(games):
            if game_id > after:
                yield game_id, games[game_id]


def _segments_from(layout: SavesLayout, game_id: int) -> Iterator[Path]:
    path = layout.segment(game_id)
    while True:
        yield path
        game_id += SEGMENT_SIZE
        path = layout.segment(game_id)
        if not path.exists():
            return


def last_game_id(layout: SavesLayout, at_least: int) -> int:
    """The highest game id in the log, knowing it is at least `at_least` (0: read everything).

    Only the segments from the one holding `at_least + 1` onward are read.
    """
    highest = at_least
    for game_id, _ in iter_games(layout, after=at_least, on_unreadable=lambda _: None):
        highest = max(highest, game_id)
    return highest


__all__ = [
    "GAMES_TABLE",
    "SEGMENT_SIZE",
    "append_game",
    "iter_games",
    "last_game_id",
    "write_log",
]
