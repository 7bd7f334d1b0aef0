"""Derived files are not fsynced; one that a power cut rolled back is noticed and rebuilt.

A power cut can undo a rename that was not fsynced, leaving the previous version of a file.
These tests put the previous version back by hand, exactly that state, and check the store
rebuilds the file from the (fsynced) game log instead of trusting it.
"""

from __future__ import annotations

from pathlib import Path

from boschquiz.core.model import Difficulty, Mode, Outcome
from tests.unit.test_store_support import make_game, open_store, with_score


def test_rolled_back_stats_file_is_rebuilt(tmp_path: Path) -> None:
    """Stats older than the index says they must be are replayed from the log."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann", outcomes=(Outcome.CORRECT,)))
    (stats_file,) = (tmp_path / "stats").glob("*.json")
    previous = stats_file.read_bytes()
    store.record_game(make_game("Ann", outcomes=(Outcome.WRONG,)))
    expected = open_store(tmp_path).question_stats("Ann")
    stats_file.write_bytes(previous)
    assert open_store(tmp_path).question_stats("Ann") == expected
    assert expected["core/q0"].seen == 2


def test_rolled_back_scores_file_is_rebuilt(tmp_path: Path) -> None:
    """A mode's score file missing the latest game is rebuilt, so the game is listed."""
    store = open_store(tmp_path)
    store.record_game(with_score(make_game("Ann"), 10))
    scores_file = tmp_path / "scores" / "classic.json"
    previous = scores_file.read_bytes()
    store.record_game(with_score(make_game("Bob"), 20))
    scores_file.write_bytes(previous)
    rows = open_store(tmp_path).top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert [r.player for r in rows] == ["Bob", "Ann"]


def test_rolled_back_index_is_completed_from_the_log(tmp_path: Path) -> None:
    """An index that lost its last update is brought up to date by the next save."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann"))
    previous = (tmp_path / "index.json").read_bytes()
    store.record_game(make_game("Ann"))
    (tmp_path / "index.json").write_bytes(previous)
    later = open_store(tmp_path)
    later.record_game(make_game("Ann"))
    assert [p.games for p in later.players()] == [3]
    assert len(later.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)) == 3
