"""No repeats until the bank is spent: the simulation (small), widening, and the daily walk."""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode, QuestionBank, QuestionStats, Show
from boschquiz.game.daily import daily_bank, daily_questions, walk_order
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.round import GameRound
from boschquiz.game.selection import drawing
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_game
from tests.simulation import Figures, shipped_bank, simulate
from tests.unit.test_game_support import PLAYER, TODAY, bank_of, play_through

PLAYERS = 20


@cache
def bank() -> QuestionBank:
    return shipped_bank()


def run(tmp_path: Path, tier: Difficulty) -> Figures:
    """Games narrowed to Ballard (about 140 questions), so 30 games spend the pool."""
    return simulate(
        bank(), PLAYERS, 30, tier=tier, folder=tmp_path, seed=tier.rank, shows=(Show.BALLARD,)
    )


def test_simulated_players_meet_no_avoidable_repeat_and_no_fact_twice(tmp_path: Path) -> None:
    """20 players x 30 medium Ballard games through the real selection and a real store: no
    question is asked again while an unseen one could be, and no game asks two questions on
    one fact; past the pool's size repeats come, as they must."""
    figures = run(tmp_path, Difficulty.MEDIUM)
    assert figures.games == PLAYERS * 30
    assert figures.repeats_before_spent == 0
    assert figures.games_with_one_fact_twice == 0
    assert figures.repeats_after_spent > 0


def test_easy_players_widen_instead_of_repeating(tmp_path: Path) -> None:
    """On easy the easy questions run dry first; the game draws unseen ones from the next tier
    and says so, rather than asking an easy one again."""
    figures = run(tmp_path, Difficulty.EASY)
    assert figures.repeats_before_spent == 0
    assert figures.widened_games > 0


def test_a_dry_tier_widens_and_says_so() -> None:
    """Every easy question seen: an easy game takes unseen medium ones and names the dry tier."""
    questions = bank_of(per_difficulty=12)
    seen = {
        q.id: QuestionStats(q.id, seen=1, last_seen="2026-11-01T10:00:00+00:00")
        for q in questions.questions
        if q.difficulty is Difficulty.EASY
    }
    mix = {Difficulty.EASY: 1.0}
    made = drawing(questions.questions, 10, mix, seen, random.Random(1))
    assert made.widened_from == (Difficulty.EASY,)
    assert all(q.id not in seen for q in made.questions)


def easy_games(count: int, *, told_widening: bool) -> list[GameRound]:
    """`count` ten-question easy games in a row, each played and recorded, on a bank with 12
    questions per tier (so the easy ones run dry)."""
    history = InMemoryHistory()
    clock = FakeClock()
    questions = bank_of(per_difficulty=12)
    games = []
    for seed in range(count):
        settings = GameSettings(tier=Difficulty.EASY, questions=10, player=PLAYER, seed=seed)
        game = start_game(questions, settings, clock, history, TODAY, told_widening=told_widening)
        play_through(game)
        history.record_game(game.result(), clock.now())
        clock.advance(3600)
        games.append(game)
    return games


def test_the_widening_notice_is_shown_once_at_the_start() -> None:
    notices = [game.notice for game in easy_games(3, told_widening=False)]
    assert notices[0] is None
    assert any(n and "you have seen every easy question" in n for n in notices[1:])


def test_the_daily_walks_the_bank_without_repeating_until_the_cycle_is_spent() -> None:
    """Consecutive days ask different questions (and facts) until the walk is spent."""
    walk = walk_order(bank().questions)
    days = len(walk) // 10
    asked: list[str] = []
    for n in range(days):
        day = date(2026, 12, 1) + timedelta(days=n)
        asked.extend(q.family for q in daily_questions(bank().questions, day, 10))
    assert len(asked) == len(set(asked)) == days * 10


def test_the_daily_is_the_same_for_everyone_and_ignores_history() -> None:
    """Two players, one with history, get the same daily questions."""
    fresh = start_game(
        bank(), GameSettings(mode=Mode.DAILY, player="A"), FakeClock(), InMemoryHistory(), TODAY
    )
    seasoned_history = InMemoryHistory()
    clock = FakeClock()
    classic = start_game(bank(), GameSettings(player="B", seed=3), clock, seasoned_history, TODAY)
    play_through(classic)
    seasoned_history.record_game(classic.result(), clock.now())
    seasoned = start_game(
        bank(), GameSettings(mode=Mode.DAILY, player="B"), clock, seasoned_history, TODAY
    )
    asked = play_through(fresh)
    assert asked == play_through(seasoned)
    pool = daily_bank(bank()).questions  # the shipped questions that spoil nothing
    assert asked == [q.id for q in daily_questions(pool, TODAY, 10)]


def test_the_widening_notice_is_not_repeated_once_told() -> None:
    """A player already told (`told_widening`) is not told again; the round says whether it
    told, so the front end can remember."""
    games = easy_games(3, told_widening=True)
    assert [g.notice for g in games] == [None, None, None]
    assert not any(g.tells_widening for g in games)
    assert any(g.tells_widening for g in easy_games(3, told_widening=False))
