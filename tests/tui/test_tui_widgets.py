"""The game's own widgets, each in a tiny harness app."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType

from boschquiz.core.model import Difficulty, Mode
from boschquiz.game.ladder import rung_table
from boschquiz.game.settings import GameSettings
from boschquiz.tui.widgets import WIDGETS_CSS
from boschquiz.tui.widgets.choices import ChoiceList, choice_label
from boschquiz.tui.widgets.countdown import CountdownBar
from boschquiz.tui.widgets.footer import QuizFooter
from boschquiz.tui.widgets.ladder import LadderRungs
from boschquiz.tui.widgets.streak import StreakFlame
from tests.tui.helpers import app_for, build_fixture, current_question_screen, settle
from tests.tui.screen_text import screen_text
from tests.tui.textual_internals import FooterKey

BAR_WIDTH = 40


class Harness(App[None]):
    CSS_PATH = WIDGETS_CSS

    def compose(self) -> ComposeResult:
        yield CountdownBar()
        yield StreakFlame()
        yield LadderRungs(rung_table(Difficulty.MEDIUM))
        yield ChoiceList()


async def test_countdown_repaints_only_when_what_it_shows_changes() -> None:
    """Many calls a second cost one repaint per change of whole second or filled cell."""
    app = Harness()
    async with app.run_test(size=(BAR_WIDTH + 7, 30)) as pilot:
        bar = app.query_one(CountdownBar)
        repaints: list[object] = []
        original = bar.refresh

        def counting_refresh(*args: object, **kwargs: object) -> CountdownBar:
            repaints.append(bar.painted)
            return original()

        bar.show(20.0, 20.0)
        await pilot.pause()
        bar.refresh = counting_refresh  # type: ignore[method-assign]
        for left in (19.999, 19.99, 19.98):
            bar.show(left, 20.0)
        assert repaints == []
        bar.show(19.4, 20.0)
        assert repaints
        assert bar.painted == (20, round((bar.size.width - 7) * 0.97), False)
        await pilot.pause()


async def test_countdown_shows_no_clock_for_untimed_questions() -> None:
    """Without a deadline the bar says there is no clock instead of counting."""
    app = Harness()
    async with app.run_test(size=(60, 30)) as pilot:
        app.query_one(CountdownBar).show(None, None)
        await pilot.pause()
        assert "no clock" in screen_text(app)


@pytest.mark.parametrize(("streak", "hot"), [(0, False), (2, False), (3, True), (9, True)])
async def test_streak_flame_lights_at_three(streak: int, hot: bool) -> None:
    """The flame (and its class) appear from three right answers in a row."""
    app = Harness()
    async with app.run_test(size=(60, 30)) as pilot:
        flame = app.query_one(StreakFlame)
        flame.streak = streak
        await pilot.pause()
        assert flame.has_class("-hot") is hot
        assert ("🔥" in screen_text(app)) is hot


async def test_ladder_marks_havens_climbed_and_current_rungs_in_text() -> None:
    """Rungs 5 and 10 carry ★; climbed rungs ✓ with the score on reaching them; the current
    rung ▶ with what reaching it is worth at least (no colour needed to read any of it)."""
    app = Harness()
    async with app.run_test(size=(60, 30)) as pilot:
        app.query_one(LadderRungs).set_progress(3, (1500, 1600))
        await pilot.pause()
        text = screen_text(app)
        minimum = rung_table(Difficulty.MEDIUM)[2].minimum
        assert " 5 ★ easy" in text
        assert "10 ★ med" in text
        assert "✓ 2   easy   3,100" in text
        assert f"▶ 3   easy {3100 + minimum:>7,}" in text


async def test_a_short_ladder_panel_keeps_the_current_rung_in_view() -> None:
    """With room for six rungs, the panel shows the ones around the current rung (6), not
    the top of the ladder."""
    app = Harness()
    async with app.run_test(size=(60, 30)) as pilot:
        panel = app.query_one(LadderRungs)
        panel.styles.max_height = 8
        panel.set_progress(6, tuple([1000] * 5))
        await pilot.pause()
        text = screen_text(app)
        assert "▶ 6" in text
        assert "✓ 5" in text
        assert "15   hard" not in text
        assert "✓ 1 " not in text


def test_choice_label_keeps_pack_text_literal() -> None:
    """A choice label is its key, its letter and the text exactly as written."""
    assert choice_label(1, "[b]x[/b] $y").plain == "2 B  [b]x[/b] $y"


async def test_game_screens_work_with_no_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With NO_COLOR set the app runs in no-colour mode and still plays."""
    monkeypatch.setenv("NO_COLOR", "1")
    settings = GameSettings(mode=Mode.CLASSIC, tier=Difficulty.EASY, questions=2, player="N")
    app = app_for(build_fixture(tmp_path), start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color
        prompt = current_question_screen(app).game.shown.question.prompt
        assert prompt in screen_text(app)


class FooterHarness(App[None]):
    """Two shown keys; `answer` is available or shown disabled, by `can_answer`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "answer", "Answer"),
        Binding("s", "skip", "Skip"),
    ]
    can_answer = True

    def compose(self) -> ComposeResult:
        yield QuizFooter(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and not self.can_answer:
            return None
        return True

    def action_answer(self) -> None: ...

    def action_skip(self) -> None: ...


async def test_footer_rebuilds_only_when_its_keys_change() -> None:
    """Bindings updates that change nothing keep the same key widgets; a key that becomes
    unavailable is rebuilt and shown disabled."""
    app = FooterHarness()
    async with app.run_test(size=(60, 10)) as pilot:
        footer = app.query_one(QuizFooter)
        for _ in range(20):  # the first build runs after a refresh; a loaded machine needs more
            await pilot.pause()
            if footer.query(FooterKey):
                break
        keys = list(footer.query(FooterKey))
        assert [key.description for key in keys][:2] == ["Answer", "Skip"]
        for _ in range(3):
            app.refresh_bindings()
            await pilot.pause()
        assert list(footer.query(FooterKey)) == keys
        app.can_answer = False
        app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        rebuilt = list(footer.query(FooterKey))
        assert rebuilt != keys
        assert rebuilt[0].has_class("-disabled")
        assert not rebuilt[1].has_class("-disabled")
