"""The daily counts from its first question (bug 2 of issue 10): the store records the try
when it begins, so a game never finished (killed, left, the terminal closed) still used it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode
from boschquiz.store import CURRENT_SCHEMA, Store
from boschquiz.store.jsonfile import read_tinydb_file
from boschquiz.store.migrations import schema_of
from tests.unit.test_store_support import make_game

DAY = date(2026, 11, 24)


def test_a_begun_daily_counts_as_played_that_day(tmp_path: Path) -> None:
    """After `begin_daily`, `daily_played` is true for that player and day, in any process."""
    Store(tmp_path, FakeClock()).begin_daily("Renée", DAY)
    store = Store(tmp_path, FakeClock())
    assert store.daily_played("Renée", DAY)
    assert store.daily_played(" Renée ", DAY.isoformat())


def test_a_begun_daily_is_that_day_and_that_player_only(tmp_path: Path) -> None:
    """Another day, or another player, is still free to play."""
    store = Store(tmp_path, FakeClock())
    store.begin_daily("Renée", DAY)
    assert not store.daily_played("Renée", date(2026, 11, 25))
    assert not store.daily_played("Harry", DAY)


def test_a_schema_5_folder_reaches_the_current_schema_keeping_its_games(tmp_path: Path) -> None:
    """A folder written before the daily mark (schema 5) opens at the current schema with
    its games, scores and daily marks as they were."""
    store = Store(tmp_path, FakeClock())
    classic = store.record_game(make_game("Harry"))
    store.record_game(make_game("Harry", mode=Mode.DAILY, daily_date=DAY.isoformat(), seed=8))
    index_path = tmp_path / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for doc in index["meta"].values():
        doc["schema"] = 5
    index_path.write_text(json.dumps(index), encoding="utf-8")

    reopened = Store(tmp_path, FakeClock())
    rows = reopened.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert [r.game_id for r in rows] == [classic.game_id]
    assert reopened.daily_played("Harry", DAY)
    assert reopened.verify() == []
    assert schema_of(read_tinydb_file(index_path)) == CURRENT_SCHEMA >= 6
