"""Layout at every size, and Textual's defaults that do not belong to a game."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette

from boschquiz.core.model import Difficulty, Mode
from boschquiz.game.settings import GameSettings
from boschquiz.tui.screens.feedback import FeedbackScreen
from boschquiz.tui.screens.menu import MENU_ENTRIES
from boschquiz.tui.themes import THEMES
from tests.tui.helpers import (
    CASE_FILES_PACK,
    app_for,
    build_fixture,
    current_question_screen,
    settle,
)
from tests.tui.screen_text import screen_text

PLAYER = "Harry"
DEVELOPER_COMMANDS = {"Keys", "Maximize", "Minimize", "Screenshot"}


def classic() -> GameSettings:
    return GameSettings(mode=Mode.CLASSIC, tier=Difficulty.MEDIUM, questions=3, player=PLAYER)


async def test_the_palette_has_no_developer_commands(tmp_path: Path) -> None:
    """Ctrl+P offers the game's commands, the theme and quit; not Textual's Keys, Maximize
    (offered by Textual whenever a list has focus, as on a question) or Screenshot."""
    app = app_for(build_fixture(tmp_path, player=PLAYER), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Help", "Theme", "Quit"} <= titles
        assert not titles & DEVELOPER_COMMANDS


async def test_the_theme_list_offers_the_games_themes_first(tmp_path: Path) -> None:
    """The theme picker lists boschquiz's own themes at the top, then Textual's."""
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_change_theme()
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        listed = app.screen.query_one(CommandList)
        await pilot.pause()
        names = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert len(names) > len(THEMES)
        assert names[: len(THEMES)] == list(THEMES)


async def test_the_header_has_no_icon(tmp_path: Path) -> None:
    """Textual's ⭘ (a palette button) is not in the game's header."""
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        assert "boschquiz" in top
        assert "⭘" not in top


async def test_the_menu_footer_shows_every_key_whole_at_80_columns(tmp_path: Path) -> None:
    """At 80x24 the menu's nine keys fit (the palette keeps only its key, ^p)."""
    app = app_for(build_fixture(tmp_path, player=PLAYER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        for entry in MENU_ENTRIES:
            assert f"{entry.shortcut} {entry.short}" in footer
        assert "n Player" in footer
        assert "^p" in footer


async def test_a_narrow_footer_drops_whole_keys_in_the_screens_order(tmp_path: Path) -> None:
    """At 60 columns the menu's footer leaves out Help and Packs (both on the menu itself),
    and every key it keeps is whole: Quit is not cut to "Q"."""
    app = app_for(build_fixture(tmp_path, player=PLAYER))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        for kept in ("p Play", "n Player", "q Quit", "^p"):
            assert kept in footer
        assert "h Help" not in footer
        assert "k Packs" not in footer


async def test_the_menu_status_is_not_clipped_at_60x20(tmp_path: Path) -> None:
    """The question count under the menu shows in full at the smallest supported size."""
    app = app_for(build_fixture(tmp_path, player=PLAYER))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert "16 questions in 1 pack" in screen_text(app)


async def test_a_question_plays_at_40x12(tmp_path: Path) -> None:
    """At 40x12 the prompt and every choice are on screen, a key answers, and the feedback
    shows the right answer."""
    app = app_for(build_fixture(tmp_path, player=PLAYER), start=classic())
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        screen = current_question_screen(app)
        shown = screen.game.shown
        text = screen_text(app)
        for word in shown.question.prompt.split():  # the prompt wraps at 40 columns
            assert word in text
        for choice in shown.choices:
            assert choice in text
        right = screen.displayed_choices.index(shown.question.answer)
        await pilot.press(str(right + 1))
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        text = screen_text(app)
        assert "Right" in text
        assert shown.question.answer in text


async def test_the_packs_table_fits_60_columns_with_a_long_title(tmp_path: Path) -> None:
    """A pack with a long title is cut with "…" in the table, so its row still shows its
    status at 60 columns (the whole title is in the detail below)."""
    long_title = "Cast, interviews and what to watch next in the universe"
    pack = CASE_FILES_PACK.replace("title: Case files", f"title: {long_title}")
    app = app_for(build_fixture(tmp_path, packs={"case-files.yaml": pack}))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        row = next(line for line in screen_text(app).splitlines() if "Cast, interviews" in line)
        assert "…" in row
        assert "warning" in row  # the Status column is on screen
        assert screen_text(app).count("universe") == 2  # the header, and the detail's title
