"""The append-only game log: segmented TinyDB files whose document id is the game id.

Segments are read leniently (`jsonfile.read_tinydb_file(lenient=True)`) and each game is held
to `codec.check_game`: a game that fails it is reported (`on_bad_game`) and skipped, and the
other games of its segment still count. The next save into that segment first keeps a copy
of the file as it was (`keep_copy`), then writes the segment back without what failed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from tinydb.table import Document

from boschquiz.store.codec import check_game
from boschquiz.store.jsonfile import TinyDBData, UnreadableFile, read_tinydb_file
from boschquiz.store.layout import SEGMENT_SIZE, SavesLayout, TinyFile

GAMES_TABLE = "games"

GameJSON = dict[str, Any]
SegmentCache = dict[Path, TinyDBData | None]


BadGame = Callable[[Path, int, str], None]
"""Told of a game that fails `check_game`: its segment, its id, why."""


def read_segment(path: Path, cache: SegmentCache | None = None) -> dict[int, GameJSON]:
    """The games in one segment by id, as stored (unchecked); raises `UnreadableFile` when the
    file cannot be read.

    With `cache`, the file's content is remembered (and reused) within one write.
    """
    if cache is not None and path in cache:
        data = cache[path]
    else:
        data = read_tinydb_file(path, lenient=True)
        if cache is not None:
            cache[path] = data
    if data is None:
        return {}
    table = data.get(GAMES_TABLE, {})
    return {int(doc_id): game for doc_id, game in table.items()}


def append_game(
    layout: SavesLayout,
    game_id: int,
    game: GameJSON,
    cache: SegmentCache | None = None,
    keep_copy: Callable[[Path, str], None] | None = None,
) -> None:
    """Write one game into its segment (atomically); see `append_games`."""
    append_games(layout, [(game_id, game)], cache, keep_copy)


def append_games(
    layout: SavesLayout,
    games: Sequence[tuple[int, GameJSON]],
    cache: SegmentCache | None = None,
    keep_copy: Callable[[Path, str], None] | None = None,
) -> None:
    """Write `games` (id, game) into their one segment with one atomic replace, so they land
    all together or not at all (a party: every player's record). They must share a segment
    (`first_id_for`). The caller holds the lock, and `cache` must hold only content read
    under that same lock.

    A segment holding anything the log may not (a game failing `check_game`, another table)
    is first passed to `keep_copy` with the reason, then written back without it."""
    if not games:
        return
    paths = {layout.segment(game_id) for game_id, _ in games}
    if len(paths) != 1:
        raise ValueError("games appended together must share one log segment")
    (path,) = paths
    cache = {} if cache is None else cache
    stored = read_segment(path, cache)
    kept = {doc_id: old for doc_id, old in stored.items() if check_game(old) is None}
    data = cache.get(path)
    extra_tables = bool(data) and set(data or {}) != {GAMES_TABLE}
    if len(kept) < len(stored) or extra_tables:
        dropped = sorted(set(stored) - set(kept))
        reason = (
            f"game {', '.join(map(str, dropped))} could not be read"
            if dropped
            else "it held other tables"
        )
        if keep_copy is None:
            raise UnreadableFile(path, reason)
        keep_copy(path, reason)
    segment = TinyFile(path, {GAMES_TABLE: {str(doc_id): old for doc_id, old in kept.items()}})
    segment.db.table(GAMES_TABLE, cache_size=0).insert_multiple(
        [Document(game, doc_id=game_id) for game_id, game in games]
    )
    segment.commit()


def first_id_for(last: int, count: int) -> int:
    """The first game id for `count` games appended together after game `last`: the next id
    when all fit in its segment, else the first id of the next segment (the ids left between
    stay unused, so a party never spans two files and lands with one replace)."""
    first = last + 1
    if count <= 1 or (first - 1) // SEGMENT_SIZE == (first + count - 2) // SEGMENT_SIZE:
        return first
    if count > SEGMENT_SIZE:
        raise ValueError(f"at most {SEGMENT_SIZE} games can be appended together")
    return ((first - 1) // SEGMENT_SIZE + 1) * SEGMENT_SIZE + 1


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
    on_bad_game: BadGame | None = None,
) -> Iterator[tuple[int, GameJSON]]:
    """Every logged game with an id above `after` that passes `check_game`, in id order.

    From the start, every segment is listed; past `after`, only the segment holding
    `after + 1` and those following it, up to the first missing one, are read.
    An unreadable segment is passed to `on_unreadable` (or raised) and skipped; a game that
    fails the check is passed to `on_bad_game` (or skipped).
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
            if game_id <= after:
                continue
            problem = check_game(games[game_id])
            if problem is None:
                yield game_id, games[game_id]
            elif on_bad_game is not None:
                on_bad_game(path, game_id, problem)


def _segments_from(layout: SavesLayout, game_id: int) -> Iterator[Path]:
    path = layout.segment(game_id)
    while True:
        yield path
        game_id += SEGMENT_SIZE
        path = layout.segment(game_id)
        if not os.path.lexists(path):
            return


def last_game_id(layout: SavesLayout, at_least: int) -> int:
    """The highest game id in the log (games that fail the check included), knowing it is at
    least `at_least` (0: read everything).

    Only the segments from the one holding `at_least + 1` onward are read.
    """
    highest = at_least

    def bad(_path: Path, game_id: int, _problem: str) -> None:
        nonlocal highest
        highest = max(highest, game_id)

    for game_id, _ in iter_games(
        layout, after=at_least, on_unreadable=lambda _: None, on_bad_game=bad
    ):
        highest = max(highest, game_id)
    return highest


__all__ = [
    "GAMES_TABLE",
    "SEGMENT_SIZE",
    "append_game",
    "append_games",
    "first_id_for",
    "iter_games",
    "last_game_id",
    "write_log",
]


def rename_in_log(layout: SavesLayout, old: str, new: str) -> int:
    """Give every logged game of `old` the player `new`, one segment at a time (each replaced
    atomically and fsynced; the caller holds the lock and then rebuilds the derived files).
    A crash half-way leaves every game saved, under one name or the other; renaming again
    finishes the job. Returns how many games were renamed."""
    renamed = 0
    for path in layout.segments():
        data = read_tinydb_file(path, lenient=True)
        if not data:
            continue
        games = data.get(GAMES_TABLE, {})
        mine = [doc_id for doc_id, game in games.items() if game.get("player") == old]
        if not mine:
            continue
        for doc_id in mine:
            games[doc_id] = {**games[doc_id], "player": new}
        segment = TinyFile(path, None)
        segment.db.storage.write({**data, GAMES_TABLE: games})
        segment.commit()
        renamed += len(mine)
    return renamed
