"""The screens around the game: menu, new game, packs, themes, saving problems, the palette."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from boschquiz.core.model import Difficulty, Mode
from boschquiz.game.settings import GameSettings
from boschquiz.store import Store
from boschquiz.tui.screens.help import HelpScreen
from boschquiz.tui.screens.horizon import SignInHorizonScreen
from boschquiz.tui.screens.menu import MenuScreen
from boschquiz.tui.screens.new_game import NewGameScreen
from boschquiz.tui.screens.packs import PacksScreen
from boschquiz.tui.screens.question import QuestionScreen
from boschquiz.tui.screens.results import ResultsScreen
from boschquiz.tui.themes import NOIR
from tests.tui.helpers import (
    BROKEN_PACK,
    CASE_FILES_PACK,
    app_for,
    build_fixture,
    play_through,
    settle,
    sign_in,
)
from tests.tui.screen_text import screen_text
from tests.tui.textual_internals import notification_messages, stylesheet_variable
from tests.unit.test_plain_cli import HOSTILE_NAME

PLAYER = "Tester"


async def test_menu_signs_in_the_last_active_player(tmp_path: Path) -> None:
    """The player who signed in last time is signed in again at start."""
    fixture = build_fixture(tmp_path)
    store = Store(fixture.saves, fixture.clock)
    store.ensure_player("Older")
    store.save_player_settings("Older", {"last_active": "2026-11-01T10:00:00+00:00"})
    store.save_player_settings(PLAYER, {"last_active": "2026-11-20T10:00:00+00:00"})
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.player == PLAYER
        assert f"Detective {PLAYER}" in screen_text(app)


async def test_new_player_from_the_menu_is_saved(tmp_path: Path) -> None:
    """Typing a new name in the player dialog creates that player in the store."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await sign_in(pilot, "  Renée Ballard  ")
        assert app.player == "Renée Ballard"
    assert [p.name for p in Store(fixture.saves, fixture.clock).players()] == ["Renée Ballard"]


async def test_typed_name_follows_the_store_rule(tmp_path: Path) -> None:
    """The player dialog cleans a pasted name exactly as `play --player` does (the store's
    rule; see the CLI test with the same name)."""
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#player-name", Input).value = HOSTILE_NAME
        await pilot.press("enter")
        await settle(pilot)
        assert app.player == "Ann[31m Lee"


async def test_play_without_a_player_asks_for_a_name_first(tmp_path: Path) -> None:
    """Pressing p with nobody signed in opens the player dialog, then (a new player) how far
    they have watched, then the new-game screen."""
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert "Who is playing?" in screen_text(app)
        await pilot.press(*PLAYER, "enter")
        await settle(pilot)
        assert isinstance(app.screen, SignInHorizonScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, NewGameScreen)


async def test_new_game_counts_matching_questions_and_starts(tmp_path: Path) -> None:
    """The form shows how many questions match its filters; Ctrl+S starts that game."""
    fixture = build_fixture(tmp_path, player=PLAYER)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, NewGameScreen)
        assert "16 questions match" in screen_text(app)
        categories = app.screen.query_one("#new-game-categories")
        categories.focus()
        await pilot.press("a", "space")  # untick all, then tick the first: books
        await settle(pilot)
        assert "1 question matches (fewer than 10: all will be played)" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.game.settings.categories == ("books",)


async def test_new_game_shows_a_two_digit_count_while_typing(tmp_path: Path) -> None:
    """Typing 12 into the focused question count shows "12" on screen, not a clipped "2"."""
    fixture = build_fixture(tmp_path, player=PLAYER)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        count = app.screen.query_one("#new-game-count")
        count.focus()
        await pilot.press("end", "backspace", "backspace", "1", "2")
        await settle(pilot)
        row = next(line for line in screen_text(app).splitlines() if "Questions" in line)
        assert " 12 " in row


async def test_new_game_remembers_the_last_choices(tmp_path: Path) -> None:
    """The choices of the last game started are saved and pre-fill the form next time."""
    fixture = build_fixture(tmp_path)
    store = Store(fixture.saves, fixture.clock)
    store.save_player_settings(
        PLAYER, {"last_game": {"mode": "ladder", "tier": "hard", "steady": True, "questions": 7}}
    )
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, NewGameScreen)
        settings = app.screen.settings()
        assert (settings.mode, settings.tier, settings.steady) == (
            Mode.LADDER,
            Difficulty.HARD,
            True,
        )


async def test_packs_screen_shows_a_broken_packs_errors_with_file_and_line(
    tmp_path: Path,
) -> None:
    """A broken pack is listed as broken, and its error reads path:line:col."""
    fixture = build_fixture(
        tmp_path, packs={"case-files.yaml": CASE_FILES_PACK, "broken.yaml": BROKEN_PACK}
    )
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, PacksScreen)
        text = screen_text(app)
        assert "✘ 1 error" in text
        assert "broken.yaml:11:13: error: answer 'Three' is not among the" in text


async def test_packs_reload_picks_up_a_fixed_pack(tmp_path: Path) -> None:
    """Fixing a broken pack on disk and pressing r shows it as valid and adds its questions."""
    fixture = build_fixture(
        tmp_path, packs={"case-files.yaml": CASE_FILES_PACK, "broken.yaml": BROKEN_PACK}
    )
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.bank is not None
        before = len(app.bank.bank.questions)
        await pilot.press("k")
        await settle(pilot)
        fixed = BROKEN_PACK.replace("answer: Three", "answer: Two")
        (tmp_path / "questions" / "packs" / "broken.yaml").write_text(fixed, encoding="utf-8")
        await pilot.press("r")
        await settle(pilot)
        assert len(app.bank.bank.questions) == before + 1
        assert "✘" not in screen_text(app)


async def test_the_game_theme_is_on_from_the_first_frame(tmp_path: Path) -> None:
    """boschquiz-noir's colours are the stylesheet's from the start, though Textual builds the
    stylesheet before the app registers its themes; the theme is offered with the built-in
    ones."""
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.current_theme is NOIR
        assert stylesheet_variable(app, "background") == NOIR.background
        await settle(pilot)
        assert {"boschquiz-noir", "gruvbox", "textual-dark"} <= set(app.available_themes)


async def test_theme_choice_is_remembered_for_the_player(tmp_path: Path) -> None:
    """A theme picked while signed in is saved and comes back at the next start."""
    fixture = build_fixture(tmp_path, player=PLAYER)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "boschquiz-noir"
        app.theme = "gruvbox"
        await settle(pilot)
    again = app_for(fixture)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "gruvbox"


async def test_a_save_that_fails_is_a_notification_not_a_crash(tmp_path: Path) -> None:
    """With the saves folder blocked by a file, the game ends normally and says it was not saved."""
    fixture = build_fixture(tmp_path)
    fixture.saves.write_text("not a folder", encoding="utf-8")
    settings = GameSettings(mode=Mode.CLASSIC, tier=Difficulty.EASY, questions=2, player=PLAYER)
    app = app_for(fixture, start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await play_through(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Not saved" in screen_text(app)
        assert any("could not be saved" in m for m in notification_messages(app))
    assert fixture.saves.read_text(encoding="utf-8") == "not a folder"


async def test_a_damaged_save_file_is_reported_in_a_notification(tmp_path: Path) -> None:
    """A save file that cannot be read is moved aside by the store and the player is told."""
    fixture = build_fixture(tmp_path)
    store = Store(fixture.saves, fixture.clock)
    store.ensure_player(PLAYER)
    damaged = [p for p in fixture.saves.rglob("*.json") if p.stat().st_size > 0]
    assert damaged
    damaged[0].write_text("{ this is not json", encoding="utf-8")
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert notification_messages(app)
        assert isinstance(app.screen, MenuScreen)


async def test_command_palette_offers_the_main_actions(tmp_path: Path) -> None:
    """The palette's system commands include the menu's actions, and one opens its screen."""
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in ("Play", "Daily challenge", "High scores", "Packs", "Help"):
            assert title in titles
        help_command = next(c for c in app.get_system_commands(app.screen) if c.title == "Help")
        help_command.callback()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_escape_goes_back_from_every_menu_screen(tmp_path: Path) -> None:
    """Scores, stats, packs and help each return to the menu on Escape."""
    fixture = build_fixture(tmp_path, player=PLAYER)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("s", "t", "k", "h"):
            await pilot.press(key)
            await settle(pilot)
            assert not isinstance(app.screen, MenuScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, MenuScreen)
