"""Every earlier saves format reaches the current one, losing nothing (fixtures in
tests/data/saves/v0 to v4, written by the code of their time)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from boschquiz.core.model import Difficulty, Mode
from boschquiz.store import CURRENT_SCHEMA
from boschquiz.store.jsonfile import read_tinydb_file
from boschquiz.store.migrations import MIGRATED_SUFFIX, schema_of
from tests.unit.test_store_support import open_store

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "saves"


def copy_fixture(version: str, tmp_path: Path) -> Path:
    folder = tmp_path / version
    shutil.copytree(FIXTURES / version, folder)
    return folder


@pytest.mark.parametrize("version", ["v0", "v1", "v2", "v3", "v4"])
def test_old_saves_reach_the_current_schema(tmp_path: Path, version: str) -> None:
    """Opening an old folder leaves it at the current schema with every score verified."""
    folder = copy_fixture(version, tmp_path)
    store = open_store(folder)
    assert store.verify() == []
    assert schema_of(read_tinydb_file(folder / "index.json")) == CURRENT_SCHEMA


@pytest.mark.parametrize("version", ["v0", "v1", "v2", "v3", "v4"])
def test_old_saves_keep_games_players_and_settings(tmp_path: Path, version: str) -> None:
    """Scores, daily marks and a player's settings survive the upgrade."""
    store = open_store(copy_fixture(version, tmp_path))
    rows = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert sorted({r.player for r in rows}) == ["Harry", "Renée"]
    assert store.daily_played("Harry", "2026-11-24")
    assert store.player_settings("Harry")["theme"] == "noir"


def test_v0_file_is_kept_renamed_byte_for_byte(tmp_path: Path) -> None:
    """The single-file saves of schema 0 are imported and kept, renamed, unchanged."""
    folder = copy_fixture("v0", tmp_path)
    original = (folder / "boschquiz.json").read_bytes()
    store = open_store(folder)
    store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert (folder / f"boschquiz.json{MIGRATED_SUFFIX}").read_bytes() == original
    assert not (folder / "boschquiz.json").exists()
    assert "updated to the current format" in store.notices()[0]


def test_v0_import_interrupted_before_the_rename_does_not_duplicate(tmp_path: Path) -> None:
    """If the old file is still there after its games were imported (a crash before the
    rename), importing again adds no second copy of any game."""
    folder = copy_fixture("v0", tmp_path)
    open_store(folder).top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    shutil.copy(FIXTURES / "v0" / "boschquiz.json", folder / "boschquiz.json")
    store = open_store(folder)
    assert len(list(store.games())) == 3


def test_v1_question_history_is_carried_into_the_new_shape(tmp_path: Path) -> None:
    """Per-question stats read from schema 1 files equal those replayed into schema 2."""
    folder = copy_fixture("v1", tmp_path)
    v1_rows = {}
    for path in (folder / "stats").glob("*.json"):
        data = json.loads(path.read_text())
        player = data["meta"]["1"]["player"]
        v1_rows[player] = {row["question_id"]: row for row in data["questions"].values()}
    store = open_store(folder)
    for player, rows in v1_rows.items():
        stats = store.question_stats(player)
        assert {qid: (s.seen, s.right, s.wrong, s.box, s.due) for qid, s in stats.items()} == {
            qid: (r["seen"], r["right"], r["wrong"], r["box"], r["due"]) for qid, r in rows.items()
        }


def test_unversioned_index_is_rebuilt_from_the_log(tmp_path: Path) -> None:
    """An index.json without a schema (an early development shape) is replaced by a current
    one built from the game log; nothing is reported as damaged."""
    folder = copy_fixture("v1", tmp_path)
    (folder / "index.json").write_text('{"scores": {}}')
    store = open_store(folder)
    assert len(store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)) == 2
    assert store.notices() == ()
