"""Issue 11 in the TUI: the blitz game clock on feedback, practice without points, the
ladder's safe havens and falls told on feedback."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from boschquiz.core.model import Difficulty, Mode
from boschquiz.game.settings import GameSettings
from boschquiz.tui.screens.feedback import FeedbackScreen
from boschquiz.tui.screens.question import QuestionScreen
from boschquiz.tui.screens.results import ResultsScreen
from tests.tui.helpers import (
    advance_clock,
    answer,
    answer_and_continue,
    app_for,
    build_fixture,
    settle,
)
from tests.tui.screen_text import screen_text

PLAYER = "Tester"
NO_POINTS = re.compile(r"\b0 points\b|score\s+0\b|\+0\b")


async def test_blitz_feedback_counts_the_game_clock_down_from_its_deadline(
    tmp_path: Path,
) -> None:
    """Blitz's one clock shows on the feedback too: a wrong answer's 5 s penalty at once,
    then the seconds going down as the (fake) clock moves, read by the screen's own timer."""
    fixture = build_fixture(tmp_path)
    settings = GameSettings(mode=Mode.BLITZ, tier=Difficulty.EASY, player=PLAYER)
    app = app_for(fixture, start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        fixture.clock.advance(10)
        await answer(pilot, right=False)
        assert isinstance(app.screen, FeedbackScreen)
        assert "game clock 45 s" in screen_text(app)
        await advance_clock(pilot, fixture.clock, 1.5)
        assert isinstance(app.screen, FeedbackScreen)
        assert "game clock 44 s" in screen_text(app)


async def test_classic_feedback_has_no_game_clock(tmp_path: Path) -> None:
    """Only blitz has a game clock: a classic feedback shows none."""
    settings = GameSettings(mode=Mode.CLASSIC, questions=3, player=PLAYER)
    app = app_for(build_fixture(tmp_path), start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert "game clock" not in screen_text(app)


async def test_practice_shows_no_points_on_any_screen(tmp_path: Path) -> None:
    """Practice scores nothing, so no question, feedback or results screen says "0 points"
    or "score 0"."""
    settings = GameSettings(mode=Mode.PRACTICE, questions=2, player=PLAYER)
    app = app_for(build_fixture(tmp_path), start=settings)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(2):
            assert isinstance(app.screen, QuestionScreen)
            seen.append(screen_text(app))
            await answer(pilot, right=False)
            assert isinstance(app.screen, FeedbackScreen)
            seen.append(screen_text(app))
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        seen.append(screen_text(app))
    for text in seen:
        assert NO_POINTS.search(text) is None, text
    assert "practice: no points" in seen[1]


def ladder(*, final_answer: bool = False) -> GameSettings:
    return GameSettings(mode=Mode.LADDER, player=PLAYER, final_answer=final_answer)


async def climb(pilot: Pilot[Any], rungs: int) -> None:
    """Settle the first screen, then answer `rungs` rungs right, each feedback left."""
    await settle(pilot)
    for _ in range(rungs):
        await answer_and_continue(pilot)


async def test_ladder_feedback_celebrates_reaching_a_safe_haven(tmp_path: Path) -> None:
    """A right answer on rung 5 says the haven is reached and what is banked."""
    app = app_for(build_fixture(tmp_path), start=ladder())
    async with app.run_test(size=(80, 24)) as pilot:
        await climb(pilot, 4)
        await answer(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        banked = app.screen.game.banked
        text = screen_text(app)
        assert f"★ Safe haven! Rung 5 reached: {banked:,} points are banked" in text


async def test_ladder_feedback_tells_the_fall_back_to_the_haven(tmp_path: Path) -> None:
    """A miss on rung 7 tells the fall from rung 6 back to the haven at 5, with the points."""
    app = app_for(build_fixture(tmp_path), start=ladder())
    async with app.run_test(size=(80, 24)) as pilot:
        await climb(pilot, 6)
        await answer(pilot, right=False)
        assert isinstance(app.screen, FeedbackScreen)
        game = app.screen.game
        at_six = sum(a.points for a in game.answers[:6])
        at_five = sum(a.points for a in game.answers[:5])
        text = " ".join(screen_text(app).split())
        assert (
            f"↓ You fall from rung 6 ({at_six:,}) back to the safe haven at 5 ({at_five:,});"
            f" the ladder ends with {at_five:,} points." in text
        )
        assert "Safe haven!" not in text
