"""Damaged save files are moved aside (never overwritten), the player is told, play goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boschquiz.core.model import Difficulty, Mode
from boschquiz.store import SavesTooNew
from tests.unit.test_store_support import make_game, open_store

DAMAGED_SHAPES = {
    "zero-bytes": b"",
    "null": b"null",
    "a-list": b"[1, 2]",
    "corrupt-json": b'{"meta": {"1": {"schema": 1',
    "trailing-garbage": b'{"meta": {}}\x00\x00garbage',
    "not-utf8": b"\xff\xfe{}",
    "table-not-object": b'{"records": [1, 2]}',
    "row-wrong-shape": b'{"records": {"1": {"name": "Ann", "games": "lots"}}}',
}


def saved_once(folder: Path) -> None:
    store = open_store(folder)
    store.record_game(make_game("Ann"))
    store.record_game(make_game("Ann", mode=Mode.DAILY, daily_date="2026-11-24"))
    store.save_player_settings("Ann", {"theme": "noir"})


def moved_aside(folder: Path, name: str) -> list[Path]:
    stem, suffix = name.rsplit(".", 1)
    return sorted(folder.glob(f"{stem}.corrupt-*.{suffix}"))


@pytest.mark.parametrize("shape", sorted(DAMAGED_SHAPES))
def test_damaged_index_is_moved_aside_and_rebuilt(tmp_path: Path, shape: str) -> None:
    """The saves index in any broken shape is kept aside byte for byte, the player told
    where, and the table rebuilt from the game log."""
    saved_once(tmp_path)
    (tmp_path / "index.json").write_bytes(DAMAGED_SHAPES[shape])
    store = open_store(tmp_path)
    rows = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    (aside,) = moved_aside(tmp_path, "index.json")
    assert aside.read_bytes() == DAMAGED_SHAPES[shape]
    assert [r.player for r in rows] == ["Ann"]
    (notice,) = store.notices()
    assert str(aside) in notice


@pytest.mark.parametrize("shape", ["zero-bytes", "null", "corrupt-json", "a-list"])
def test_damaged_players_file_is_moved_aside_and_games_survive(tmp_path: Path, shape: str) -> None:
    """A broken players file goes aside; settings start afresh but no game is lost."""
    saved_once(tmp_path)
    (tmp_path / "players.json").write_bytes(DAMAGED_SHAPES[shape])
    store = open_store(tmp_path)
    assert store.player_settings("Ann") == {}
    assert len(moved_aside(tmp_path, "players.json")) == 1
    assert "players file" in store.notices()[0]
    store.record_game(make_game("Ann"))
    assert [p.games for p in store.players()] == [3]


def test_damaged_stats_file_is_rebuilt_from_the_log(tmp_path: Path) -> None:
    """A player's broken question history is moved aside and replayed from their games."""
    saved_once(tmp_path)
    before = open_store(tmp_path).question_stats("Ann")
    (stats_file,) = (tmp_path / "stats").glob("*.json")
    stats_file.write_bytes(b"{oops")
    store = open_store(tmp_path)
    assert store.question_stats("Ann") == before
    assert len(list((tmp_path / "stats").glob("*.corrupt-*.json"))) == 1


@pytest.mark.parametrize(
    "content", [b"null", b'{"rows": {"1": {"oops"', b'{"rows": {"1": {"player": "Ann"}}}']
)
def test_damaged_mode_scores_are_moved_aside_and_rebuilt(tmp_path: Path, content: bytes) -> None:
    """A broken scores/<mode>.json goes aside and the mode's table is replayed from the log."""
    saved_once(tmp_path)
    (tmp_path / "scores" / "classic.json").write_bytes(content)
    store = open_store(tmp_path)
    assert [r.player for r in store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)] == ["Ann"]
    assert len(moved_aside(tmp_path / "scores", "classic.json")) == 1


def test_damaged_daily_file_still_knows_the_day_was_played(tmp_path: Path) -> None:
    """With the month's daily file broken the daily mark is rebuilt: no replaying the day."""
    saved_once(tmp_path)
    (tmp_path / "daily" / "2026-11.json").write_bytes(b"null")
    assert open_store(tmp_path).daily_played("Ann", "2026-11-24")


def test_damaged_log_segment_is_set_aside_and_saving_continues(tmp_path: Path) -> None:
    """A broken game-log segment is moved aside with a notice; new games still save."""
    saved_once(tmp_path)
    (segment,) = (tmp_path / "games").glob("games-*.json")
    segment.write_bytes(b"[]")
    store = open_store(tmp_path)
    assert list(store.games()) == []
    store.record_game(make_game("Bob"))
    assert [record.player for _, record in open_store(tmp_path).games()] == ["Bob"]
    assert any("game history file" in n for n in store.notices())


def test_two_damages_in_one_second_keep_both_copies(tmp_path: Path) -> None:
    """A second damaged file at the same timestamp gets its own name; nothing is overwritten."""
    saved_once(tmp_path)
    for content in (b"null", b"[]"):
        (tmp_path / "index.json").write_bytes(content)
        open_store(tmp_path).top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    contents = {p.read_bytes() for p in moved_aside(tmp_path, "index.json")}
    assert contents == {b"null", b"[]"}


def newer_schema(folder: Path) -> bytes:
    saved_once(folder)
    index = json.loads((folder / "index.json").read_text())
    index["meta"]["1"]["schema"] = 99
    raw = json.dumps(index).encode()
    (folder / "index.json").write_bytes(raw)
    return raw


def test_newer_schema_is_read_but_never_changed(tmp_path: Path) -> None:
    """Saves from a newer version are shown, refused for writing, and left byte for byte."""
    raw = newer_schema(tmp_path)
    store = open_store(tmp_path)
    assert [r.player for r in store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)] == ["Ann"]
    with pytest.raises(SavesTooNew, match="newer boschquiz"):
        store.record_game(make_game("Ann"))
    assert (tmp_path / "index.json").read_bytes() == raw
    assert store.read_only


def test_newer_schema_is_not_moved_aside(tmp_path: Path) -> None:
    """A newer-schema index is never treated as damage: no .corrupt copy is made."""
    newer_schema(tmp_path)
    store = open_store(tmp_path)
    store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert moved_aside(tmp_path, "index.json") == []
    assert "newer boschquiz" in store.notices()[0]
