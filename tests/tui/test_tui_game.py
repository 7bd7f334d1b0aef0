"""Playing whole games through the TUI, with real packs, a real store and a fake clock."""

from __future__ import annotations

from pathlib import Path

from boschquiz.core.model import Difficulty, Mode, Outcome
from boschquiz.game.round import Lifeline
from boschquiz.game.settings import GameSettings
from boschquiz.store import Store
from boschquiz.tui.messages import GameSaved
from boschquiz.tui.screens.feedback import FeedbackScreen
from boschquiz.tui.screens.menu import MenuScreen
from boschquiz.tui.screens.question import QuestionScreen
from boschquiz.tui.screens.results import ResultsScreen
from boschquiz.tui.widgets.countdown import CountdownBar
from tests.tui.helpers import (
    advance_clock,
    answer,
    answer_and_continue,
    app_for,
    build_fixture,
    current_question_screen,
    play_through,
    record_game_directly,
    settle,
    skip_ahead,
)
from tests.tui.screen_text import screen_text
from tests.tui.textual_internals import notification_messages

PLAYER = "Tester"


def classic(questions: int = 4, tier: Difficulty = Difficulty.EASY) -> GameSettings:
    return GameSettings(mode=Mode.CLASSIC, tier=tier, questions=questions, player=PLAYER)


async def test_classic_game_plays_to_results_and_saves_the_score(tmp_path: Path) -> None:
    """A whole classic game ends on the results screen and its score is in the real store."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await play_through(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        score = app.screen.result.record.score
        assert score > 0
        assert isinstance(app.screen.saved, GameSaved)
    store = Store(fixture.saves, fixture.clock)
    rows = store.top_scores(Mode.CLASSIC, Difficulty.EASY, custom=True)
    assert [(r.player, r.score, r.correct) for r in rows] == [(PLAYER, score, 4)]
    assert store.top_scores(Mode.CLASSIC, Difficulty.EASY) == []


async def test_a_short_seeded_game_is_saved_but_not_ranked(tmp_path: Path) -> None:
    """A 2-question game replayed from a seed is no "new high score": the results say it is
    a custom game and why."""
    app = app_for(build_fixture(tmp_path), start=classic(questions=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await play_through(pilot)
        await settle(pilot)
        text = screen_text(app)
        assert "NEW HIGH SCORE" not in text
        assert "custom game, not ranked" in text


async def test_question_times_out_when_the_fake_clock_passes_the_deadline(tmp_path: Path) -> None:
    """Moving the injected clock past the deadline shows "time's up" with no sleeping."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        limit = current_question_screen(app).game.shown.time_limit
        assert limit is not None
        await advance_clock(pilot, fixture.clock, limit + 0.5)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.feedback.outcome is Outcome.TIMEOUT
        assert "Time's up" in screen_text(app)


async def test_countdown_turns_urgent_in_the_last_seconds(tmp_path: Path) -> None:
    """With five seconds left the countdown bar carries the urgent class."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(CountdownBar)
        assert not bar.has_class("-urgent")
        limit = current_question_screen(app).game.shown.time_limit
        assert limit is not None
        await advance_clock(pilot, fixture.clock, limit - 4)
        assert bar.has_class("-urgent")
        assert bar.painted is not None
        assert bar.painted[0] == 4


async def test_feedback_continues_by_itself_on_the_clock_in_timed_modes(tmp_path: Path) -> None:
    """After an answer, moving the clock on brings the next question without a key press."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        await advance_clock(pilot, fixture.clock, 11)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.game.shown.index == 2


async def test_ladder_lifelines_each_work_once(tmp_path: Path) -> None:
    """50:50 strikes two choices, +15 s adds time, skip climbs a rung; each is then spent."""
    fixture = build_fixture(tmp_path)
    settings = GameSettings(mode=Mode.LADDER, tier=Difficulty.MEDIUM, player=PLAYER)
    app = app_for(fixture, start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        game = current_question_screen(app).game
        while len(game.shown.choices) <= 2:
            await answer_and_continue(pilot)
        await pilot.press("f5")
        await pilot.pause()
        assert len(game.shown.choices) == 2
        assert Lifeline.FIFTY_FIFTY not in game.lifelines
        left = game.seconds_left()
        assert left is not None
        await pilot.press("f7")
        await pilot.pause()
        after = game.seconds_left()
        assert after is not None
        assert after >= left + 14.9
        rung = game.shown.index
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.feedback.outcome is Outcome.SKIPPED
        await pilot.press("enter")
        await pilot.pause()
        assert current_question_screen(app).game.shown.index == rung + 1
        assert game.lifelines == frozenset()


async def test_ladder_walk_away_keeps_the_score(tmp_path: Path) -> None:
    """Walking away (and confirming) ends the ladder on the results screen with the score kept."""
    fixture = build_fixture(tmp_path)
    settings = GameSettings(mode=Mode.LADDER, tier=Difficulty.MEDIUM, player=PLAYER)
    app = app_for(fixture, start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_and_continue(pilot)
        score = current_question_screen(app).game.score
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.result.walked_away
        assert app.screen.result.record.score == score > 0


async def test_blitz_ends_when_its_clock_runs_out(tmp_path: Path) -> None:
    """Blitz ends on its 60-second game clock, whatever the question."""
    fixture = build_fixture(tmp_path)
    settings = GameSettings(mode=Mode.BLITZ, tier=Difficulty.EASY, player=PLAYER)
    app = app_for(fixture, start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_and_continue(pilot)
        await advance_clock(pilot, fixture.clock, 61)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.feedback.game_over
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.result.record.answered == 2


async def test_daily_challenge_plays_to_a_share_line(tmp_path: Path) -> None:
    """The daily game ends with the spoiler-free share line on the results screen."""
    app = app_for(build_fixture(tmp_path), start=GameSettings(mode=Mode.DAILY, player=PLAYER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await skip_ahead(pilot, keep=2)
        await play_through(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        share = app.screen.result.share_line
        assert share is not None
        assert share.startswith("boschquiz daily 2026-11-24  10/10")
        assert share in screen_text(app).replace("\n", "")


async def test_daily_challenge_refuses_a_second_scored_attempt(tmp_path: Path) -> None:
    """With today's daily saved, the menu says it is done and pressing d starts no game."""
    fixture = build_fixture(tmp_path)
    record_game_directly(fixture, GameSettings(mode=Mode.DAILY, player=PLAYER))
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.player == PLAYER
        assert "done today" in screen_text(app)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert any("already played" in m for m in notification_messages(app))


async def test_review_draws_only_the_missed_questions(tmp_path: Path) -> None:
    """A game with misses, then review: every review question is one that was missed."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=classic(questions=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        missed: set[str] = set()
        for index in range(3):
            screen = current_question_screen(app)
            if index != 1:
                missed.add(screen.game.shown.question.id)
            await answer_and_continue(pilot, right=index == 1)
        await settle(pilot)
        fixture.clock.advance(11 * 60)
        await pilot.press("escape")
        await settle(pilot)
        assert "2 due" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        asked: set[str] = set()
        for _ in range(10):
            if not isinstance(app.screen, QuestionScreen):
                break
            asked.add(app.screen.game.shown.question.id)
            assert app.screen.game.settings.mode is Mode.REVIEW
            await answer_and_continue(pilot)
        assert asked == missed


async def test_leaving_a_game_asks_first_and_scores_nothing(tmp_path: Path) -> None:
    """Escape mid-question asks; confirming returns to the menu and saves no game."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "not be scored" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
    assert Store(fixture.saves, fixture.clock).top_scores(Mode.CLASSIC, Difficulty.EASY) == []


async def test_ctrl_q_mid_game_asks_before_quitting(tmp_path: Path) -> None:
    """Ctrl+Q during a question opens the confirmation instead of quitting at once."""
    app = app_for(build_fixture(tmp_path), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert "Quit boschquiz?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_question_survives_resizing(tmp_path: Path) -> None:
    """Shrinking and growing the terminal mid-question keeps the prompt on screen."""
    app = app_for(build_fixture(tmp_path), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        prompt = current_question_screen(app).game.shown.question.prompt
        for size in ((60, 20), (120, 40), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            text = screen_text(app)
            assert prompt.split()[0] in text
            assert prompt.split()[-1] in text
        assert isinstance(app.screen, QuestionScreen)
