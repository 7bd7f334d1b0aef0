"""The game flow as a new player meets it: each test pins one bug of issue 10 (named in its
docstring) so it cannot come back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.pilot import Pilot

from boschquiz.core.model import Difficulty, Mode, Outcome
from boschquiz.game.round import Lifeline
from boschquiz.game.settings import GameSettings
from boschquiz.store import Store
from boschquiz.tui.app import BoschQuizApp
from boschquiz.tui.screens.feedback import FeedbackScreen
from boschquiz.tui.screens.help import HelpScreen
from boschquiz.tui.screens.menu import MenuScreen
from boschquiz.tui.screens.question import QuestionScreen
from boschquiz.tui.screens.results import ResultsScreen
from boschquiz.tui.widgets.footer import QuizFooter
from tests.tui.helpers import (
    answer,
    answer_and_continue,
    app_for,
    build_fixture,
    current_question_screen,
    settle,
)
from tests.tui.screen_text import screen_text
from tests.tui.textual_internals import notification_messages

PLAYER = "Tester"

WIDE_PACK = """\
pack:
  id: wide
  title: Six choices and typed answers
  version: 1
  default_difficulty: medium
questions:
  - id: six-choices
    type: choice
    prompt: Which of these is the fifth choice?
    choices: [One, Two, Three, Four, Five, Six]
    answer: Two
  - id: typed-one
    type: typed
    prompt: Type the word one.
    answer: one
  - id: typed-two
    type: typed
    prompt: Type the word two.
    answer: two
"""


def classic(questions: int = 4) -> GameSettings:
    return GameSettings(mode=Mode.CLASSIC, tier=Difficulty.EASY, questions=questions, player=PLAYER)


def footer_keys(app: object) -> dict[str, bool]:
    """What the footer shows now: each key with whether it is enabled."""
    from boschquiz.tui.app import BoschQuizApp

    assert isinstance(app, BoschQuizApp)
    footer = app.screen.query_one(QuizFooter)
    return {key: enabled for key, _desc, _action, enabled, _tip in footer.keys_shown()}


async def test_a_second_enter_after_feedback_does_not_answer_the_next_question(
    tmp_path: Path,
) -> None:
    """Bug 1: Enter, Enter on the feedback shows the next question and leaves it unanswered."""
    app = app_for(build_fixture(tmp_path), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = current_question_screen(app)
        assert screen.game.shown.index == 2
        assert len(screen.game.answers) == 1


async def test_leaving_a_daily_scores_what_was_answered(tmp_path: Path) -> None:
    """Bug 2: leaving the daily says it counts, then saves it scored on what was answered."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=GameSettings(mode=Mode.DAILY, player=PLAYER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_and_continue(pilot)
        await answer_and_continue(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "counts as today's try" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.result.left_early
        assert "You left the daily" in screen_text(app)
    store = Store(fixture.saves, fixture.clock)
    assert store.daily_played(PLAYER, fixture.clock.now().date())
    ((_, saved),) = list(store.games())
    assert (saved.mode, saved.answered) == (Mode.DAILY, 2)


async def test_a_daily_counts_from_its_first_question(tmp_path: Path) -> None:
    """Bug 2: once the daily's first question is shown its try is in the store, so a program
    ended right there (killed: no dialog, no save) leaves the daily played for today."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=GameSettings(mode=Mode.DAILY, player=PLAYER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
    store = Store(fixture.saves, fixture.clock)
    assert store.daily_played(PLAYER, fixture.clock.now().date())
    assert not store.has_games()


async def test_leaving_another_game_still_saves_nothing(tmp_path: Path) -> None:
    """Bug 2's other half: only the daily is scored when left; a classic game is dropped."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_and_continue(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "It will not be scored" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
    assert not Store(fixture.saves, fixture.clock).has_games()


async def test_the_palette_mid_game_offers_no_other_screen(tmp_path: Path) -> None:
    """Bug 3: mid-game the palette has no Play, Daily, Scores...; choosing one starts nothing."""
    app = app_for(build_fixture(tmp_path), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        question = app.screen
        titles = [command.title for command in app.get_system_commands(question)]
        assert "Help" in titles
        assert not {"Play", "Daily challenge", "Review my misses", "High scores"} & set(titles)
        app.open_screen("daily")
        await settle(pilot)
        assert app.screen is question
        assert len(app.screen_stack) == 2


async def test_help_over_a_ranked_question_leaves_its_clock_running(tmp_path: Path) -> None:
    """Bug 4 (ranked): F1 covers the question but buys no time; the time-out shows after."""
    fixture = build_fixture(tmp_path, seed=None)
    settings = GameSettings(mode=Mode.CLASSIC, tier=Difficulty.EASY, player=PLAYER)
    app = app_for(fixture, start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        game = current_question_screen(app).game
        assert game.ranked
        limit = game.shown.time_limit
        assert limit is not None
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert any("clock keeps running" in m for m in notification_messages(app))
        fixture.clock.advance(limit + 1)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.feedback.outcome is Outcome.TIMEOUT


async def test_help_over_an_unranked_timed_question_holds_its_clock(tmp_path: Path) -> None:
    """Bug 4 (unranked): a custom game (here four questions and a chosen seed) is timed but
    not ranked, so an overlay over its question stops the clock."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture, start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = current_question_screen(app)
        assert not screen.game.ranked
        before = screen.game.seconds_left()
        assert before is not None
        await pilot.press("f1")
        await pilot.pause()
        fixture.clock.advance(before + 100)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert screen.game.seconds_left() == before


async def test_a_typed_question_shows_only_keys_that_act(tmp_path: Path) -> None:
    """Bug 5: on a typed ladder question the footer shows F5-F8, none that would type, and
    F7 works from inside the answer box."""
    fixture = build_fixture(tmp_path, packs={"wide.yaml": WIDE_PACK})
    settings = GameSettings(mode=Mode.LADDER, tier=Difficulty.MEDIUM, player=PLAYER)
    app = app_for(fixture, start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        while current_question_screen(app).game.shown.question.type.value != "typed":
            await answer_and_continue(pilot)
        keys = footer_keys(app)
        assert {"f5", "f6", "f7", "f8"} <= set(keys)
        assert not {"5", "s", "plus", "w", "space"} & set(keys)
        game = current_question_screen(app).game
        left = game.seconds_left()
        assert left is not None
        await pilot.press("f7")
        await pilot.pause()
        after = game.seconds_left()
        assert after is not None
        assert after >= left + 14.9
        assert Lifeline.EXTRA_TIME not in game.lifelines


def wide_ladder(tmp_path: Path) -> BoschQuizApp:
    """A ladder game on a pack with six-choice questions (bug 6's tests)."""
    fixture = build_fixture(tmp_path, packs={"wide.yaml": WIDE_PACK})
    settings = GameSettings(mode=Mode.LADDER, tier=Difficulty.MEDIUM, player=PLAYER)
    return app_for(fixture, start=settings)


async def reach_six_choices(pilot: Pilot[int], app: BoschQuizApp) -> None:
    """Answer on until the question on screen has six choices."""
    await settle(pilot)
    while len(current_question_screen(app).game.shown.choices) != 6:
        await answer_and_continue(pilot)


async def test_five_answers_the_fifth_choice_and_f5_is_fifty_fifty(tmp_path: Path) -> None:
    """Bug 6: on a six-choice question `5` answers choice 5; 50:50 is F5 only."""
    app = wide_ladder(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_six_choices(pilot, app)
        screen = current_question_screen(app)
        fifth = screen.displayed_choices[4]
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.feedback.given == fifth


async def test_f5_strikes_two_choices_on_a_six_choice_question(tmp_path: Path) -> None:
    """Bug 6: F5 is the 50:50 and answers nothing."""
    app = wide_ladder(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_six_choices(pilot, app)
        game = current_question_screen(app).game
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert len(game.shown.choices) == 2
        assert Lifeline.FIFTY_FIFTY not in game.lifelines


def test_no_key_on_the_question_screen_does_two_things() -> None:
    """Bug 6: every key of the question screen is bound to one action only (`5` answers
    choice 5; the 50:50 is F5)."""
    keys = [
        key.strip()
        for binding in QuestionScreen.BINDINGS
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    ]
    assert sorted(keys) == sorted(set(keys))


@pytest.mark.parametrize("key", ["B", "b"])
async def test_letters_answer_in_either_case(tmp_path: Path, key: str) -> None:
    """Bug 7: `B` (Shift or Caps Lock) answers choice 2 like `b`."""
    app = app_for(build_fixture(tmp_path), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        second = current_question_screen(app).displayed_choices[1]
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.feedback.given == second


async def test_ctrl_c_at_the_menu_quits(tmp_path: Path) -> None:
    """Bug 8: Ctrl+C quits like Ctrl+Q (Textual's 'press Ctrl+Q' toast no more)."""
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_ctrl_c_mid_game_asks_first(tmp_path: Path) -> None:
    """Bug 8: mid-game, Ctrl+C asks before quitting, as Ctrl+Q does."""
    app = app_for(build_fixture(tmp_path), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert "Quit boschquiz?" in screen_text(app)


async def test_escape_at_the_menu_does_not_quit(tmp_path: Path) -> None:
    """Bug 8: Esc at the menu leaves the game running."""
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, MenuScreen)


async def test_first_run_footer_enables_play_once_the_questions_load(tmp_path: Path) -> None:
    """Bug 11: with no player yet, Play, Daily and Review are enabled without a key press."""
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.player is None
        keys = footer_keys(app)
        assert keys["p"] is True
        assert keys["d"] is True
