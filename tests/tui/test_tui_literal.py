"""Pack text and player names are shown exactly as written: never markup, never an action."""

from __future__ import annotations

from pathlib import Path

from boschquiz.core.model import Difficulty, Mode, QuestionType
from boschquiz.game.settings import GameSettings
from boschquiz.store import Store
from boschquiz.tui.screens.feedback import FeedbackScreen
from boschquiz.tui.screens.packs import PacksScreen
from tests.tui.helpers import (
    HOSTILE_NAME,
    HOSTILE_PACK,
    PAYLOADS,
    Fixture,
    answer,
    answer_and_continue,
    app_for,
    build_fixture,
    current_question_screen,
    play_through,
    record_game_directly,
    settle,
    sign_in,
)
from tests.tui.screen_text import screen_text
from tests.tui.textual_internals import notification_messages


def hostile_fixture(tmp_path: Path) -> Fixture:
    return build_fixture(tmp_path, packs={"hostile.yaml": HOSTILE_PACK})


def one_question(kind: QuestionType) -> GameSettings:
    category = "[0] $x"
    seed = 1 if kind is QuestionType.CHOICE else 2
    return GameSettings(
        mode=Mode.PRACTICE,
        tier=Difficulty.MEDIUM,
        questions=2,
        player=HOSTILE_NAME,
        categories=(category,),
        seed=seed,
    )


async def test_prompt_and_choices_render_literally_and_clicking_runs_nothing(
    tmp_path: Path,
) -> None:
    """The prompt and every choice show their brackets; clicking them does not quit."""
    app = app_for(hostile_fixture(tmp_path), start=one_question(QuestionType.CHOICE))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = current_question_screen(app)
        if screen.game.shown.question.type is not QuestionType.CHOICE:
            await answer_and_continue(pilot)
            screen = current_question_screen(app)
        text = screen_text(app)
        assert "Prompt [/] [b] [ @click=app.quit] [ link=https://x] [0] $x" in text
        for choice in screen.game.shown.choices:
            assert choice in text
        await pilot.click("#prompt")
        await pilot.click("#choices", offset=(6, 0))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


async def test_feedback_shows_explanation_source_and_answers_literally(tmp_path: Path) -> None:
    """Explanation, source and the marked answers keep their brackets on the feedback screen."""
    app = app_for(hostile_fixture(tmp_path), start=one_question(QuestionType.CHOICE))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        while current_question_screen(app).game.shown.question.type is not (QuestionType.CHOICE):
            await answer_and_continue(pilot)
        await answer(pilot, right=False)
        assert isinstance(app.screen, FeedbackScreen)
        text = screen_text(app)
        assert "Explained [/] [b] [ @click=app.quit] $x" in text
        assert "Source: Source [ link=https://x] [0]" in text
        assert "✔ [ @click=app.quit]" in text
        await pilot.click("#explanation")
        await pilot.pause()
        assert app.is_running


async def test_typed_answer_is_echoed_literally(tmp_path: Path) -> None:
    """A typed answer full of brackets comes back on the feedback screen as typed."""
    app = app_for(hostile_fixture(tmp_path), start=one_question(QuestionType.TYPED))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        while current_question_screen(app).game.shown.question.type is not (QuestionType.TYPED):
            await answer_and_continue(pilot)
        await pilot.press(*"[/][ @click=app.quit]", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "You said: [/][ @click=app.quit]" in text
        assert "Answer: [b]bold[/b]" in text


async def test_player_name_renders_literally_on_the_menu(tmp_path: Path) -> None:
    """A player name made of markup shows exactly as typed in the menu."""
    fixture = hostile_fixture(tmp_path)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await sign_in(pilot, HOSTILE_NAME)
        assert f"Detective {HOSTILE_NAME}" in screen_text(app)
        assert app.is_running
    assert [p.name for p in Store(fixture.saves, fixture.clock).players()] == [HOSTILE_NAME]


async def test_player_name_renders_literally_in_the_high_score_table(tmp_path: Path) -> None:
    """The high-score table shows a markup-looking name as typed."""
    fixture = hostile_fixture(tmp_path)
    settings = GameSettings(
        mode=Mode.CLASSIC, tier=Difficulty.MEDIUM, questions=2, player=HOSTILE_NAME
    )
    record_game_directly(fixture, settings)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert HOSTILE_NAME in screen_text(app)


async def test_notifications_show_engine_messages_literally(tmp_path: Path) -> None:
    """A refusal naming the player (daily already played) is a notification shown as text."""
    fixture = hostile_fixture(tmp_path)
    app = app_for(fixture, start=GameSettings(mode=Mode.DAILY, player=HOSTILE_NAME))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await play_through(pilot)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        app.clear_notifications()
        await pilot.press("d")
        await settle(pilot)
        messages = notification_messages(app)
        assert len(messages) == 1
        assert messages[0].startswith(f"{HOSTILE_NAME} has already played")
        assert HOSTILE_NAME in screen_text(app)


async def test_pack_title_and_findings_render_literally_on_the_packs_screen(
    tmp_path: Path,
) -> None:
    """The packs table and its findings panel show pack text as written."""
    broken = HOSTILE_PACK.replace("answer: '[ @click=app.quit]'", "answer: '[ link=https://x'")
    fixture = build_fixture(
        tmp_path,
        packs={
            "hostile.yaml": HOSTILE_PACK,
            "zz-broken.yaml": broken.replace("id: hostile\n", "id: hostile-two\n"),
        },
    )
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, PacksScreen)
        assert "Title [b] [/] [ @click=app.quit] $x" in screen_text(app)
        await pilot.press("down")
        await settle(pilot)
        panel = " ".join(screen_text(app).replace("│", " ").split())
        """The findings panel's text with its border and line wrapping folded away: a long
        temporary path can wrap a finding anywhere."""
        assert "'[ link=https://x'" in panel


def test_payload_list_covers_the_issue() -> None:
    """Guards the tests above against quietly dropping a payload."""
    assert set(PAYLOADS) == {"[/]", "[b]", "[ @click=app.quit]", "[ link=https://x]", "[0]", "$x"}
