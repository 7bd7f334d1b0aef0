"""What players see: every screen at 80x24, from a fixture bank, a fixed seed and a fake clock;
the four screens of a game (menu, question, feedback, results) also at 60x20 and 120x40.

Update after an intended change with `pytest tests/snapshots --snapshot-update`, then look at
the report before committing the new SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from boschquiz.core.model import Difficulty, Mode
from boschquiz.core.spoilers import Horizon
from boschquiz.game.settings import GameSettings
from boschquiz.store import Store
from boschquiz.tui.app import BoschQuizApp
from tests.tui.helpers import (
    BROKEN_PACK,
    Fixture,
    advance_clock,
    answer,
    answer_and_continue,
    app_for,
    build_fixture,
    play_through,
    record_game_directly,
    settle,
    skip_ahead,
    type_name,
)

SIZE = (80, 24)
PLAYER = "Harry"
SnapCompare = Callable[..., bool]
RunBefore = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture
def fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    """The fixture bank with Harry signed in; paths shown relative to the test folder."""
    monkeypatch.chdir(tmp_path)
    built = build_fixture(tmp_path)
    store = Store(built.saves, built.clock)
    store.ensure_player(PLAYER)
    store.save_player_settings(PLAYER, {"last_active": built.clock.now().isoformat()})
    return built


def steps(*actions: Callable[[Pilot[Any]], Awaitable[None]] | str) -> RunBefore:
    """Settle, then run each action (a key name or a coroutine function), settling after each.

    A text cursor blinks on a timer, so inputs are left without focus for the picture.
    """

    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for action in actions:
            if isinstance(action, str):
                await pilot.press(action)
            else:
                await action(pilot)
            await settle(pilot)
        for field in pilot.app.query(Input):
            field.cursor_blink = False
        if isinstance(pilot.app.focused, Input):
            pilot.app.set_focus(None)
        await pilot.pause()

    return run


def classic(**changes: Any) -> GameSettings:
    settings: dict[str, Any] = {
        "mode": Mode.CLASSIC,
        "tier": Difficulty.MEDIUM,
        "questions": 5,
        "player": PLAYER,
    }
    settings.update(changes)
    return GameSettings(**settings)


def started(fixture: Fixture, settings: GameSettings) -> BoschQuizApp:
    return app_for(fixture, start=settings)


async def answer_wrong(pilot: Pilot[Any]) -> None:
    await answer(pilot, right=False)


async def finish(pilot: Pilot[Any]) -> None:
    await skip_ahead(pilot)
    await play_through(pilot)


SIZES = {"60x20": (60, 20), "80x24": SIZE, "120x40": (120, 40)}
"""The smallest size everything must fit, the classic terminal, and a large one to fill."""


@pytest.fixture(params=list(SIZES))
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    """Each of `SIZES`, by its name in the snapshot's id."""
    return SIZES[str(request.param)]


def test_menu(snap_compare: SnapCompare, fixture: Fixture, size: tuple[int, int]) -> None:
    """The title screen with a signed-in player and the daily and review status: centred,
    nothing clipped, and the footer's keys whole."""
    assert snap_compare(app_for(fixture), terminal_size=size, run_before=steps())


def test_player_dialog(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """Choosing or creating a player."""
    assert snap_compare(app_for(fixture), terminal_size=SIZE, run_before=steps("n"))


def test_new_game(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """The new-game form with its filters and the matching count."""
    assert snap_compare(app_for(fixture), terminal_size=SIZE, run_before=steps("p"))


def test_horizon_asked_at_sign_in(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """A new player is asked how far they have watched (Esc skips: every season)."""

    async def new_player(pilot: Pilot[Any]) -> None:
        await type_name(pilot, "Renée")

    assert snap_compare(app_for(fixture), terminal_size=SIZE, run_before=steps(new_player))


def test_horizon_changed_from_new_game(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """New game's `w`: the saved horizon, ready to change (Esc goes back unchanged)."""
    horizon = Horizon.parse("bosch:7,legacy:2,ballard:0", books=True)
    Store(fixture.saves, fixture.clock).save_player_horizon(PLAYER, horizon)
    assert snap_compare(app_for(fixture), terminal_size=SIZE, run_before=steps("p", "w"))


def test_question_with_choices(
    snap_compare: SnapCompare, fixture: Fixture, size: tuple[int, int]
) -> None:
    """A multiple-choice question with its countdown, score and streak (in the middle of a
    large screen)."""
    app = started(fixture, classic())
    assert snap_compare(app, terminal_size=size, run_before=steps())


def test_question_typed(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """A typed-answer question."""
    app = started(fixture, classic(categories=("books",), questions=1))
    assert snap_compare(app, terminal_size=SIZE, run_before=steps())


def test_question_countdown_urgent(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """The countdown in its last seconds."""
    app = started(fixture, classic())

    async def late(pilot: Pilot[Any]) -> None:
        await advance_clock(pilot, fixture.clock, 17)

    assert snap_compare(app, terminal_size=SIZE, run_before=steps(late))


def test_question_ladder_after_fifty_fifty(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """The ladder: rungs, safe havens, lifelines, a 50:50 struck out and the streak flame."""
    app = started(fixture, GameSettings(mode=Mode.LADDER, player=PLAYER))
    climb = [answer_and_continue] * 3
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*climb, "f5"))


def test_help_over_a_ranked_question(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """Help (F1) over a ranked question (the daily: ranked, yet the same questions on every
    run): the clock runs on, and a notice says so."""
    app = started(fixture, GameSettings(mode=Mode.DAILY, player=PLAYER))
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("f1"))


def test_feedback_right(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """A right answer with its points breakdown and explanation."""
    app = started(fixture, classic())
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(answer))


def test_feedback_wrong(snap_compare: SnapCompare, fixture: Fixture, size: tuple[int, int]) -> None:
    """A wrong answer: the pick struck out, the right one highlighted."""
    app = started(fixture, classic())
    assert snap_compare(app, terminal_size=size, run_before=steps(answer_wrong))


def test_report_dialog(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """`r` on the feedback: the question, the four reasons, the note and the footer's keys."""
    app = started(fixture, classic())
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(answer, "r"))


def test_leave_game_dialog(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """Leaving mid-game asks first."""
    app = started(fixture, classic())
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("escape"))


def test_results_custom_game(
    snap_compare: SnapCompare, fixture: Fixture, size: tuple[int, int]
) -> None:
    """The results of a short seeded game: saved, not ranked, and why; the panel whole."""
    app = started(fixture, classic())
    assert snap_compare(app, terminal_size=size, run_before=steps(finish))


def test_results_daily_share_line(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """The daily results with the share line."""
    app = started(fixture, GameSettings(mode=Mode.DAILY, player=PLAYER))
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(finish))


def saved_games(fixture: Fixture) -> None:
    """Three saved games: two by Harry (one with misses), one by Renée."""
    record_game_directly(fixture, classic(seed=1))
    record_game_directly(fixture, classic(seed=2), right=False)
    record_game_directly(fixture, classic(seed=3, player="Renée"))


def test_high_scores(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """The high-score table, the player's rows marked."""
    saved_games(fixture)
    assert snap_compare(app_for(fixture), terminal_size=SIZE, run_before=steps("s"))


def test_high_scores_with_long_and_wide_names(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """Names of 32 CJK characters (64 columns) and of emoji sequences, cut with "…" to the
    player column: the columns after them stay in line."""
    for name in ("渡辺さくら渡辺さくら渡辺さくら渡辺さくら渡辺さくら渡辺", "🚓" * 15 + "🕵️‍♀️" * 3):
        Store(fixture.saves, fixture.clock).ensure_player(name)
        record_game_directly(fixture, classic(seed=4, player=name))
    assert snap_compare(app_for(fixture), terminal_size=SIZE, run_before=steps("s"))


def test_stats(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """Stats: accuracy per category and show, recent scores, streaks."""
    saved_games(fixture)
    assert snap_compare(app_for(fixture), terminal_size=SIZE, run_before=steps("t"))


def test_packs_with_a_broken_pack(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """The packs screen showing the broken pack's error with file:line."""
    (fixture.root / "user-packs" / "broken.yaml").write_text(BROKEN_PACK, encoding="utf-8")
    assert snap_compare(app_for(fixture), terminal_size=SIZE, run_before=steps("k", "down"))


def test_help(snap_compare: SnapCompare, fixture: Fixture) -> None:
    """Rules, scoring and keys."""
    assert snap_compare(app_for(fixture), terminal_size=SIZE, run_before=steps("h"))
