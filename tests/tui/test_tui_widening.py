"""The tier-widening notice in the TUI: told in the first game that widens, then remembered
in the player's settings and not told again (issue 13)."""

from __future__ import annotations

from pathlib import Path

from boschquiz.core.model import Difficulty, Mode
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import WIDENING_TOLD
from boschquiz.store import Store
from tests.tui.helpers import app_for, build_fixture, record_game_directly, settle
from tests.tui.textual_internals import notification_messages

PLAYER = "Tester"
NOTICE = "You have seen every easy question"


def easy(questions: int) -> GameSettings:
    return GameSettings(mode=Mode.CLASSIC, tier=Difficulty.EASY, questions=questions, player=PLAYER)


async def test_the_widening_notice_is_told_once_per_player(tmp_path: Path) -> None:
    fixture = build_fixture(tmp_path, player=PLAYER)
    record_game_directly(fixture, easy(8))
    notices = []
    for _ in range(2):
        fixture.clock.advance(3600)
        app = app_for(fixture, start=easy(4))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            notices.append([m for m in notification_messages(app) if NOTICE in m])
    assert [len(n) for n in notices] == [1, 0]
    assert Store(fixture.saves, fixture.clock).player_settings(PLAYER)[WIDENING_TOLD] is True
