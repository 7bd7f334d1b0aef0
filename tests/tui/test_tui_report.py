"""Reporting a question from the feedback screen (issue 13): `r` opens a small modal, the
report is saved with the player's data by a worker, the note stays literal text."""

from __future__ import annotations

from pathlib import Path

from boschquiz.core.model import Difficulty, Mode
from boschquiz.game.reports import ReportReason
from boschquiz.game.settings import GameSettings
from boschquiz.store import Store
from boschquiz.tui.screens.feedback import FeedbackScreen
from boschquiz.tui.screens.question import QuestionScreen
from boschquiz.tui.screens.report import ReportScreen
from tests.tui.helpers import answer, app_for, build_fixture, settle
from tests.tui.screen_text import screen_text

PLAYER = "Tester"
HOSTILE = "[b]bold[/b] [ @click=app.quit]"


def classic() -> GameSettings:
    return GameSettings(mode=Mode.CLASSIC, tier=Difficulty.EASY, questions=3, player=PLAYER)


async def test_r_on_the_feedback_screen_reports_the_question(tmp_path: Path) -> None:
    """`r` (shown in the footer) opens the report modal; a reason picked with the arrows and a
    note typed with markup in it are saved as typed, the countdown to the next question
    stops, and Enter then moves on."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=classic())
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await answer(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        question = app.screen.feedback.question
        assert "Report" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert question.prompt in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.press(*HOSTILE, "enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        fixture.clock.advance(60)
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen), "the countdown should have stopped"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
    [(player, report)] = Store(fixture.saves, fixture.clock).reports()
    assert (player, report.question_id) == (PLAYER, question.id)
    assert (report.reason, report.note) == (ReportReason.UNCLEAR, HOSTILE)


async def test_escape_cancels_the_report(tmp_path: Path) -> None:
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=classic())
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await answer(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
    assert Store(fixture.saves, fixture.clock).reports() == []
