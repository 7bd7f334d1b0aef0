"""Schema versions of a saves folder, and the path from every earlier one to the current.

- Schema 0 (no version anywhere): everything in one plain TinyDB file, `boschquiz.json`, with a
  `games` table of game records and a `players` table. This is what TinyDB's default storage
  gives a naive implementation; it is imported into the game log and kept, renamed.
- Schema 1: the segmented layout described in `layout.py`; the version is `index.json`'s
  `meta.schema`. Per-question stats were one TinyDB document per question.
- Schema 2: a player's stats file is one document mapping question ids to
  `[seen, right, wrong, last_seen, box, due]` (a third of the bytes to write per game).
- Schema 3: the high-score rows move out of `index.json` into `scores/<mode>.json`, so a save
  rewrites one mode's rows and the top 10 reads only them.
- Schema 4: derived files are written without fsync and carry the last game they include;
  `index.json` keeps the stamp each should have, so a file a power cut left behind is rebuilt.
- Schema 5: games record what they were played with (`terms`: seeded, filters, own packs,
  length) and every score row says whether it is ranked (`game.ranking`); a game logged
  before has no `terms` and keeps the standing it had. The derived files are rebuilt.
- Schema 6: a player's row in `players.json` may carry `daily_begun`, the date of the last
  daily challenge they started (the try counts from its first question, so a game killed
  before its end still used it). Nothing derived changes: moving from 5 to 6 only records the
  new schema, and a copy of the game from before it refuses the folder as too new rather
  than hand out a second try.
- Schema 7: each answer in the log may carry `shown` (the prompt, the choices in the order
  shown and the right answer, as the player saw them), so an old game's recap stays true after
  a pack changes; games logged before have none and their recaps read the current bank.
  Nothing derived changes: moving from 5 or 6 only records the new schema.
- Schema 8: a player's row in `players.json` may carry `reports`, their reports on questions
  (`{question id: {"reason", "note", "at"}}`, `boschquiz questions --reported`). Nothing
  derived changes; a copy of the game from before refuses the folder as too new rather than
  write the players file without them.
- Schema 9: party games (mode `party`) and the `party` seat linking the records of one party
  (its id, the player's place, the party's size); a party's records are appended together in
  one segment, so the game ids just before a party may stay unused. Nothing derived changes:
  moving from 5 to 8 only records the new schema, and a copy of the game from before it
  refuses the folder as too new rather than drop the party games it cannot read.

Only the game log and `players.json` hold anything that cannot be recomputed; every other file
is derived from the log, so moving from schema 1 to 2 drops the derived files and replays the
log into the new shapes.
"""

from __future__ import annotations

import os
from typing import Any

from boschquiz.store import gamelog
from boschquiz.store.atomic import fsync_dir
from boschquiz.store.codec import check_game
from boschquiz.store.jsonfile import (
    MAX_DEPTH,
    TinyDBData,
    UnreadableFile,
    json_problem,
    read_tinydb_file,
)
from boschquiz.store.layout import SavesLayout, TinyFile

CURRENT_SCHEMA = 9
DERIVED_SHAPES_SCHEMA = 5
"""The last schema that changed a derived file's shape; older folders rebuild them all."""
MIGRATED_SUFFIX = ".migrated-v0"


def schema_of(index: TinyDBData | None) -> int:
    """The schema recorded in `index.json` (0 when there is none, or no index)."""
    if not index:
        return 0
    meta = index.get("meta", {})
    for doc in meta.values():
        value = doc.get("schema")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return 0


def upgrade(layout: SavesLayout, schema: int | None, notices: list[str]) -> None:
    """Bring a folder at `schema` (None: no index) to the shape `CURRENT_SCHEMA` expects;
    the caller holds the lock and then replays the log (`Store._sync`)."""
    if layout.legacy.exists():
        import_legacy(layout, notices)
    if schema is not None and schema < DERIVED_SHAPES_SCHEMA:
        drop_derived_files(layout)
    elif schema is not None and schema < CURRENT_SCHEMA:
        record_schema(layout)


def record_schema(layout: SavesLayout) -> None:
    """Schema 5 onwards (6 to 9): nothing to rebuild, only the index's schema to bring up to
    date."""
    index = TinyFile(layout.index, read_tinydb_file(layout.index))
    meta = index.rows("meta")
    for doc in meta:
        doc["schema"] = CURRENT_SCHEMA
    index.replace("meta", meta)
    index.commit()


def drop_derived_files(layout: SavesLayout) -> None:
    """Remove what the log can rebuild; the index goes last, so a crash half-way leaves an old
    index that triggers the same upgrade again."""
    for folder in (layout.stats_dir, layout.daily_dir, layout.scores_dir):
        for path in folder.glob("*.json"):
            path.unlink()
        fsync_dir(folder)
    layout.index.unlink(missing_ok=True)
    fsync_dir(layout.root)


def import_legacy(layout: SavesLayout, notices: list[str]) -> int:
    """Schema 0 to 1: append the legacy file's games to the log, keep its players, then rename
    it. Safe to repeat after a crash: games already imported (by legacy id) are skipped.
    The caller holds the lock. Returns how many games were imported."""
    legacy = layout.legacy
    try:
        data = read_tinydb_file(legacy, lenient=True)
    except UnreadableFile as exc:
        notices.append(
            f"Your old save file {legacy} could not be read ({exc.reason}); it was left as it is."
        )
        return 0
    if data is None:
        return 0
    imported = {
        game.get("legacy_id") for _, game in gamelog.iter_games(layout, on_unreadable=_ignore)
    }
    last = gamelog.last_game_id(layout, 0)
    count = skipped = 0
    games = data.get("games", {})
    for doc_id in sorted(games, key=int):
        if int(doc_id) in imported:
            continue
        game: dict[str, Any] = {"daily_date": None, **games[doc_id], "legacy_id": int(doc_id)}
        if check_game(game) is not None:
            skipped += 1
            continue
        last += 1
        gamelog.append_game(layout, last, game)
        count += 1
    players = TinyFile(layout.players, read_tinydb_file(layout.players))
    rows = {row["name"]: row for row in players.rows("players")}
    for player in data.get("players", {}).values():
        name, settings = player.get("name"), player.get("settings")
        if not isinstance(settings, dict) or json_problem(settings, depth=MAX_DEPTH - 3):
            settings = {}
        if isinstance(name, str) and not json_problem(name) and name not in rows:
            created = player.get("created")
            rows[name] = {
                "name": name,
                "created": created if isinstance(created, str) else "",
                "settings": settings,
            }
    players.replace("players", list(rows.values()))
    players.commit()
    renamed = legacy.with_name(legacy.name + MIGRATED_SUFFIX)
    os.replace(legacy, renamed)
    fsync_dir(layout.root)
    unread = f"; {skipped} could not be read and are only in the old file" if skipped else ""
    notices.append(
        f"Your saves were updated to the current format ({count} games{unread}); "
        f"the old file was kept as {renamed}."
    )
    return count


def _ignore(_: UnreadableFile) -> None:
    pass
