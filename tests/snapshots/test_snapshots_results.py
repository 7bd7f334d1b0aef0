"""What players see after a game and on the ladder (issue 11): the results with the recap of
every question, the ladder's rung panel, its fall, and "final answer?"; at 80x24 and 60x20.

Update after an intended change with `pytest tests/snapshots --snapshot-update`, then look at
the report before committing the new SVGs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from boschquiz.core.model import Mode
from boschquiz.game.settings import GameSettings
from tests.snapshots.test_snapshots import PLAYER, SnapCompare, classic, started, steps
from tests.tui.helpers import (
    Fixture,
    answer,
    answer_and_continue,
    app_for,
    build_fixture,
    skip_ahead,
)
from tests.tui.test_tui_results import save_games

SIZE = (80, 24)
SMALL = (60, 20)


@pytest.fixture
def fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    """The fixture bank with Harry in the store; paths shown relative to the test folder."""
    monkeypatch.chdir(tmp_path)
    return build_fixture(tmp_path, player=PLAYER)


async def mixed_game(pilot: Pilot[Any]) -> None:
    """Five questions: right, wrong, right, wrong, right."""
    for right in (True, False, True, False, True):
        await answer_and_continue(pilot, right=right)


async def climb_six(pilot: Pilot[Any]) -> None:
    for _ in range(6):
        await answer_and_continue(pilot)


async def miss(pilot: Pilot[Any]) -> None:
    await answer(pilot, right=False)


async def to_rung_11(pilot: Pilot[Any]) -> None:
    await skip_ahead(pilot, keep=5)


def ladder(**changes: Any) -> GameSettings:
    return GameSettings(mode=Mode.LADDER, player=PLAYER, **changes)


def test_results_recap(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """The heading of a middling game, its figures, the save notice, and the recap: every
    question marked, the cursor on the first miss."""
    app = started(fixture, classic())
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(mixed_game))


def test_results_recap_explained_small(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """At 60x20, a fallen ladder's results with the first question's explanation unfolded
    (`e`) in the recap."""
    app = started(fixture, ladder())
    run = steps(climb_six, miss, "enter", "home", "e")
    assert snap_compare(app, terminal_size=SMALL, run_before=run)


def test_results_ladder_fell(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """A ladder that fell at rung 7: caught by the haven, the fall named, the recap."""
    app = started(fixture, ladder())
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(climb_six, miss, "enter"))


def test_ladder_panel(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """Rung 7: climbed rungs ✓, the current ▶, havens ★, each rung's difficulty and value,
    and what walking away keeps now."""
    app = started(fixture, ladder())
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(climb_six))


def test_ladder_panel_small(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """The same ladder at 60x20."""
    app = started(fixture, ladder())
    assert snap_compare(app, terminal_size=SMALL, run_before=steps(climb_six))


def test_ladder_fall_feedback(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """A miss at rung 7: the fall back to the haven at 5, told above the question."""
    app = started(fixture, ladder())
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(climb_six, miss))


def test_ladder_final_answer(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """Rung 11 with the lock-in on: "is that your final answer?" over the question."""
    app = started(fixture, ladder(final_answer=True))
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(to_rung_11, "1"))


def test_high_scores_all_games(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """High scores after `a`: the ranked games, the one recorded before the rules marked so,
    and the custom game after them, marked "custom"."""
    store = save_games(fixture)
    store.save_player_settings(PLAYER, {"last_active": fixture.clock.now().isoformat()})
    assert snap_compare(app_for(fixture), terminal_size=SIZE, run_before=steps("s", "a"))
