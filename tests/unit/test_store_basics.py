"""Recording games and reading them back: the table, stats, players, streaks, verify."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from filelock import FileLock

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode, Outcome
from boschquiz.store import InvalidPlayerName, SaveReceipt, Store, UnsavableValue
from boschquiz.store.codec import game_to_json
from boschquiz.store.gamelog import write_log
from boschquiz.store.layout import SavesLayout
from tests.unit.test_store_support import make_game, open_store, with_score


def test_constructor_touches_no_files(tmp_path: Path) -> None:
    """Building a Store does no I/O: the folder does not even get created."""
    Store(tmp_path / "saves", FakeClock())
    assert not (tmp_path / "saves").exists()


def test_recorded_game_appears_in_a_fresh_store(tmp_path: Path) -> None:
    """A game recorded by one Store is read back by another on the same folder."""
    open_store(tmp_path).record_game(make_game("Ann"))
    rows = open_store(tmp_path).top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert [(r.rank, r.player) for r in rows] == [(1, "Ann")]


def test_table_orders_by_score_then_earlier_date(tmp_path: Path) -> None:
    """Higher scores first; an equal score goes to the game played earlier."""
    store = open_store(tmp_path)
    store.record_game(with_score(make_game("Late", started_at="2026-11-24T15:00:00+00:00"), 500))
    store.record_game(with_score(make_game("Early", started_at="2026-11-24T09:00:00+00:00"), 500))
    store.record_game(with_score(make_game("Top"), 900))
    rows = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert [r.player for r in rows] == ["Top", "Early", "Late"]


def test_tie_uses_real_instant_across_time_zones(tmp_path: Path) -> None:
    """09:00 in New York is later than 12:00 in London: the London game ranks first."""
    store = open_store(tmp_path)
    store.record_game(with_score(make_game("NY", started_at="2026-11-24T09:00:00-05:00"), 10))
    store.record_game(with_score(make_game("LDN", started_at="2026-11-24T12:00:00+00:00"), 10))
    assert [r.player for r in store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)] == ["LDN", "NY"]


def test_practice_games_stay_out_of_the_table(tmp_path: Path) -> None:
    """A practice game is logged but never listed as a high score."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann", mode=Mode.PRACTICE))
    assert store.top_scores(Mode.PRACTICE, Difficulty.MEDIUM) == []
    assert [r.mode for r in store.recent_scores("Ann")] == [Mode.PRACTICE]


def test_question_stats_follow_the_answers(tmp_path: Path) -> None:
    """Right and wrong answers land in the player's per-question stats; a miss enters review."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann", outcomes=(Outcome.CORRECT, Outcome.WRONG)))
    stats = store.question_stats("Ann")
    assert (stats["core/q0"].right, stats["core/q1"].wrong, stats["core/q1"].box) == (1, 1, 1)


def test_daily_played_and_day_streak(tmp_path: Path) -> None:
    """Daily games on consecutive days build a day streak; daily_played answers per date."""
    clock = FakeClock()
    store = open_store(tmp_path, clock)
    for day in ("2026-11-22", "2026-11-23", "2026-11-24"):
        store.record_game(make_game("Ann", mode=Mode.DAILY, daily_date=day))
    assert store.daily_played("Ann", "2026-11-23")
    assert not store.daily_played("Ann", "2026-11-21")
    assert store.streak_records("Ann").daily_streak == 3


def test_day_streak_lapses_after_a_missed_day(tmp_path: Path) -> None:
    """Two days after the last daily game the current day streak reads 0, the best stays."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann", mode=Mode.DAILY, daily_date="2026-11-21"))
    streaks = store.streak_records("Ann")
    assert (streaks.daily_streak, streaks.best_daily_streak) == (0, 1)


def test_names_are_trimmed_and_kept_as_typed(tmp_path: Path) -> None:
    """Markup and quotes in a name survive exactly; outer spaces and the escape code go (the
    name rule, `test_store_names.py`)."""
    store = open_store(tmp_path)
    store.record_game(make_game('  [b]Harry[/b] "\x1b[31m '))
    assert [p.name for p in open_store(tmp_path).players()] == ['[b]Harry[/b] "[31m']


def test_overlong_name_is_refused(tmp_path: Path) -> None:
    """A 33-character name is refused with a clear error before anything is written."""
    with pytest.raises(InvalidPlayerName, match="at most 32"):
        open_store(tmp_path / "saves").record_game(make_game("x" * 33))
    assert not (tmp_path / "saves").exists()


def test_value_json_cannot_hold_is_refused_and_later_saves_work(tmp_path: Path) -> None:
    """A NaN duration is refused before the disk; the next good game saves normally."""
    store = open_store(tmp_path)
    bad = make_game("Ann")
    bad = type(bad)(**{**bad.__dict__, "duration": float("nan")})
    with pytest.raises(UnsavableValue):
        store.record_game(bad)
    store.record_game(make_game("Ann"))
    assert len(store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)) == 1


def test_settings_merge_and_survive(tmp_path: Path) -> None:
    """Saved settings merge key by key and are read back by a fresh store."""
    store = open_store(tmp_path)
    store.save_player_settings("Ann", {"theme": "noir", "steady": True})
    store.save_player_settings("Ann", {"steady": False})
    assert open_store(tmp_path).player_settings("Ann") == {"theme": "noir", "steady": False}


def test_verify_finds_a_tampered_score(tmp_path: Path) -> None:
    """A game whose saved score differs from its recomputed log is reported; honest ones not."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann"))
    store.record_game(with_score(make_game("Bob"), 99999))
    problems = store.verify()
    assert len(problems) == 1
    assert "Bob" in problems[0]


def test_a_log_written_whole_is_folded_into_the_tables(tmp_path: Path) -> None:
    """`write_log` (for large histories) leaves a log the store builds its tables from."""
    games = [game_to_json(make_game(f"P{i % 3}")) for i in range(60)]
    assert write_log(SavesLayout(tmp_path), games) == 60
    store = open_store(tmp_path)
    assert sorted(p.games for p in store.players()) == [20, 20, 20]
    assert [game_id for game_id, _ in store.games()] == list(range(1, 61))


def test_record_game_returns_id_rank_and_previous_best(tmp_path: Path) -> None:
    """The receipt says where the game landed and what the player's best was before it."""
    store = open_store(tmp_path)
    first = store.record_game(with_score(make_game("Ann"), 300))
    assert first == SaveReceipt(game_id=1, rank=1, previous_best=None, score=300)
    second = store.record_game(with_score(make_game("Bob"), 500))
    assert second == SaveReceipt(2, 1, None, score=500, table_best=300)
    third = store.record_game(with_score(make_game("Ann"), 400))
    assert third == SaveReceipt(3, 2, 300, score=400, table_best=500)
    rows = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert [(r.rank, r.game_id) for r in rows] == [(1, 2), (2, 3), (3, 1)]


def test_receipt_ranks_a_daily_within_its_date_and_practice_nowhere(tmp_path: Path) -> None:
    """A daily is ranked among that date's games; its previous best counts every date.
    Practice is never ranked and has no best."""
    store = open_store(tmp_path)
    store.record_game(with_score(make_game("Bob", mode=Mode.DAILY, daily_date="2026-11-23"), 900))
    store.record_game(with_score(make_game("Ann", mode=Mode.DAILY, daily_date="2026-11-23"), 100))
    receipt = store.record_game(
        with_score(make_game("Ann", mode=Mode.DAILY, daily_date="2026-11-24"), 50)
    )
    assert (receipt.rank, receipt.previous_best) == (1, 100)
    practice = store.record_game(make_game("Ann", mode=Mode.PRACTICE))
    assert (practice.rank, practice.previous_best) == (None, None)


def test_reads_do_not_wait_for_another_copy_holding_the_lock(tmp_path: Path) -> None:
    """Everything a front end reads before a game answers while another copy of the game
    holds the saves lock (so a UI worker never hangs on it)."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann", mode=Mode.DAILY, daily_date="2026-11-24"))
    store.save_player_settings("Ann", {"theme": "noir"})
    reader = open_store(tmp_path)
    answers: list[object] = []

    def read_everything() -> None:
        answers.append(reader.players())
        answers.append(reader.player_settings("Ann"))
        answers.append(reader.question_stats("Ann"))
        answers.append(reader.daily_played("Ann", "2026-11-24"))
        answers.append(reader.top_scores(Mode.DAILY, Difficulty.MEDIUM))
        answers.append(reader.streak_records("Ann"))
        answers.append(reader.recent_scores("Ann"))

    with FileLock(str(tmp_path / ".lock"), timeout=0):
        worker = threading.Thread(target=read_everything, daemon=True)
        worker.start()
        worker.join(timeout=5.0)
        assert not worker.is_alive()
    assert len(answers) == 7
    assert answers[3] is True


def test_saves_from_several_threads_get_distinct_ids(tmp_path: Path) -> None:
    """One Store shared by worker threads: every save lands, each under its own id."""
    store = open_store(tmp_path)
    ids: list[int] = []

    def save_five(player: str) -> None:
        for _ in range(5):
            ids.append(store.record_game(make_game(player)).game_id)
            store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)

    workers = [threading.Thread(target=save_five, args=(f"P{i}",)) for i in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(ids) == list(range(1, 21))
    assert len(store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM, limit=50)) == 20
