"""Players renamed and removed: games stay, follow a rename, and a removed name is free."""

from __future__ import annotations

from pathlib import Path

import pytest

from boschquiz.cli import main
from boschquiz.core.model import Difficulty, Mode, Outcome
from boschquiz.store.errors import NoSuchPlayer, PlayerNameTaken
from tests.unit.test_store_support import make_game, open_store

C, W = Outcome.CORRECT, Outcome.WRONG


def test_a_rename_takes_games_settings_and_history_along(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.record_game(make_game("Ann"))
    store.record_game(make_game("Bob"))
    store.save_player_settings("Ann", {"theme": "noir"})
    missed = set(store.question_stats("Ann"))
    assert store.rename_player("Ann", "Annie") == 1
    assert [p.name for p in store.players()] == ["Annie", "Bob"]
    assert store.player_settings("Annie") == {"theme": "noir"}
    assert set(store.question_stats("Annie")) == missed
    assert store.question_stats("Ann") == {}
    rows = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert sorted(r.player for r in rows) == ["Annie", "Bob"]
    assert [record.player for _, record in store.history("Annie")] == ["Annie"]
    assert store.verify() == []


def test_a_rename_to_another_players_name_is_refused(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.record_game(make_game("Ann"))
    store.record_game(make_game("Bob"))
    with pytest.raises(PlayerNameTaken):
        store.rename_player("Ann", "Bob")
    with pytest.raises(NoSuchPlayer):
        store.rename_player("Zed", "Zoe")
    assert sorted(p.name for p in store.players()) == ["Ann", "Bob"]


def test_a_removed_name_starts_afresh_and_the_old_games_stay(tmp_path: Path) -> None:
    """Removing Ann keeps her games under "Ann (removed)"; a new Ann has no history."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann", outcomes=(W, W, C)))
    assert store.remove_player("Ann") == "Ann (removed)"
    assert [p.name for p in store.players()] == []
    assert store.question_stats("Ann") == {}
    assert store.history("Ann") == []
    assert len(store.history("Ann (removed)")) == 1
    (row,) = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert row.player == "Ann (removed)"
    store.record_game(make_game("Ann"))
    assert [p.games for p in store.players()] == [1]
    assert store.remove_player("Ann") == "Ann (removed 2)"


def test_players_command_renames_and_removes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(tmp_path)
    store.record_game(make_game("Ann"))
    saves = ["--saves", str(tmp_path)]
    assert main(["players", "--rename", "Ann", "Annie", *saves]) == 0
    assert "Renamed Ann to Annie (1 games follow)." in capsys.readouterr().out
    assert main(["players", "--rename", "Nobody", "X", *saves]) == 1
    assert "no player called 'Nobody'" in capsys.readouterr().err
    assert main(["players", "--remove", "Annie", *saves]) == 0
    assert "their games stay as Annie (removed)" in capsys.readouterr().out
    assert main(["players", *saves]) == 0
    assert capsys.readouterr().out == "No players yet.\n"
