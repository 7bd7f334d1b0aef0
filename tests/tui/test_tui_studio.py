"""The pack studio: a pack watched on disk, re-checked on every save, previewed as played."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import OptionList

from boschquiz.cli import main
from boschquiz.core.model import Mode
from boschquiz.store import Store
from boschquiz.tui.screens.packs import PacksScreen
from boschquiz.tui.screens.results import ResultsScreen
from boschquiz.tui.screens.studio import StudioScreen, editor_command
from boschquiz.tui.widgets.choices import ChoiceList
from tests.tui.helpers import (
    app_for,
    build_fixture,
    current_question_screen,
    play_through,
    settle,
)
from tests.tui.screen_text import screen_text
from tests.tui.textual_internals import notification_messages

WAIT_SECONDS = 20.0
"""An upper bound on waiting for the watcher, not a sleep: each wait ends when the re-check
is shown."""


async def open_studio(app: App[Any], path: Path) -> StudioScreen:
    """Push the studio on `path` and wait (not sleep) until its first check is shown."""
    screen = StudioScreen(path)
    await app.push_screen(screen)
    await asyncio.wait_for(screen.wait_checked(1), WAIT_SECONDS)
    return screen


@pytest.fixture
def draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "authoring"
    folder.mkdir()
    path = folder / "draft.yaml"
    assert main(["packs", "new", str(path), "--title", "Draft [b]pack[/b]"]) == 0
    capsys.readouterr()
    return path


async def test_studio_lists_questions_and_previews_the_first(tmp_path: Path, draft: Path) -> None:
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_studio(app, draft)
        await pilot.pause()
        text = screen_text(app)
        assert "Draft [b]pack[/b] · 3 of 3 questions playable · 0 errors · 0 warnings" in text
        assert "✔ who-plays-ballard" in text
        assert "choice · easy · 30 s · ballard · cast" in text
        assert "Who plays Renée Ballard in Ballard?" in text
        choices = screen.query_one("#preview-choices", ChoiceList)
        assert choices.option_count == 3


async def test_a_save_that_breaks_a_question_shows_its_error_and_keeps_the_rest(
    tmp_path: Path, draft: Path
) -> None:
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_studio(app, draft)
        draft.write_text(draft.read_text().replace("answer: Maggie Q", "answer: Maggie"))
        await asyncio.wait_for(screen.wait_checked(2), WAIT_SECONDS)
        await pilot.pause()
        text = screen_text(app)
        assert "2 of 3 questions playable · 1 error" in text
        assert "✘ who-plays-ballard" in text
        assert "answer 'Maggie' is not among the choices" in text


@pytest.mark.parametrize(
    "content", [b"", b"this: is: not yaml: [", b"\x00\x01binary", b"- a\n- list\n"]
)
async def test_the_studio_survives_files_that_are_not_packs(
    tmp_path: Path, draft: Path, content: bytes
) -> None:
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_studio(app, draft)
        draft.write_bytes(content)
        await asyncio.wait_for(screen.wait_checked(2), WAIT_SECONDS)
        await pilot.pause()
        assert screen.inspection is not None
        assert screen.inspection.errors
        assert "0 of 0 questions playable" in screen_text(app)
        assert screen.query_one("#studio-questions", OptionList).option_count == 0
        assert app.screen is screen


async def test_a_file_deleted_and_created_again_is_followed(tmp_path: Path, draft: Path) -> None:
    """Editors that save by writing a new file and renaming it over the old one."""
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_studio(app, draft)
        text = draft.read_text()
        draft.unlink()
        await asyncio.wait_for(screen.wait_checked(2), WAIT_SECONDS)
        assert screen.inspection is not None
        assert [d.message for d in screen.inspection.diagnostics] == ["no such file"]
        replacement = draft.with_suffix(".tmp")
        replacement.write_text(text.replace("Bosch ended in 2021.", "Bosch ran for seven seasons."))
        replacement.replace(draft)
        await asyncio.wait_for(screen.wait_checked(3), WAIT_SECONDS)
        await pilot.pause()
        assert screen.inspection is not None
        assert len(screen.inspection.playable) == 3
        assert "Bosch ran for seven seasons." in [q.prompt for q in screen.inspection.playable]


async def test_stats_show_balance(tmp_path: Path, draft: Path) -> None:
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await open_studio(app, draft)
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert "By type: choice 1, true_false 1, typed 1" in text
        assert "True/false answers: 1 true, 0 false" in text


def test_editor_command_puts_the_line_where_each_editor_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    assert editor_command(path, 12, {"EDITOR": "nano"}) == ["nano", "+12", str(path)]
    assert editor_command(path, 3, {"VISUAL": "vim -p", "EDITOR": "nano"}) == [
        "vim",
        "-p",
        "+3",
        str(path),
    ]
    assert editor_command(path, 7, {"EDITOR": "code --wait"}) == [
        "code",
        "--wait",
        "-g",
        f"{path}:7",
    ]
    assert editor_command(path, 0, {"EDITOR": "vi"}) == ["vi", "+1", str(path)]
    assert editor_command(path, 5, {}) is None


@pytest.mark.parametrize("served", [False, True])
async def test_edit_says_how_to_set_an_editor_and_is_absent_when_served(
    tmp_path: Path, draft: Path, monkeypatch: pytest.MonkeyPatch, served: bool
) -> None:
    """Edit with no $EDITOR says how to set one; in a game served to a browser, Edit (which
    runs a program) is neither shown nor run."""
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    if served:
        monkeypatch.setenv("BOSCHQUIZ_SERVED", "1")
    else:
        monkeypatch.delenv("BOSCHQUIZ_SERVED", raising=False)
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_studio(app, draft)
        await pilot.press("e")
        await pilot.pause()
        told = any("Set $EDITOR" in m for m in notification_messages(app))
        assert ("Edit at line" in screen_text(app)) is not served
        assert told is not served


async def test_play_test_a_question_then_back_to_the_studio_with_nothing_saved(
    tmp_path: Path, draft: Path
) -> None:
    """From the studio: p plays the highlighted question as practice; its results say it was
    not saved, Esc goes back to the studio, and the saves hold no game."""
    fixture = build_fixture(tmp_path)
    app = app_for(fixture)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_studio(app, draft)
        await pilot.press("p")
        await settle(pilot)
        question = current_question_screen(app)
        assert question.game.shown.question.id == "draft/who-plays-ballard"
        assert question.game.settings.mode is Mode.PRACTICE
        await play_through(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Play-test: not saved" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        back: object = app.screen
        assert back is screen
        assert not Store(fixture.saves, fixture.clock).has_games()


async def test_play_the_whole_pack_asks_every_playable_question(
    tmp_path: Path, draft: Path
) -> None:
    app = app_for(build_fixture(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_studio(app, draft)
        await pilot.press("P")
        await settle(pilot)
        game = current_question_screen(app).game
        assert game.total == 3
        await play_through(pilot)
        assert isinstance(app.screen, ResultsScreen)


async def test_the_packs_screen_opens_the_studio_on_the_highlighted_pack(tmp_path: Path) -> None:
    fixture = build_fixture(tmp_path)
    app = app_for(fixture)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, PacksScreen)
        await pilot.press("s")
        await pilot.pause()
        studio = app.screen
        assert isinstance(studio, StudioScreen)
        assert studio.path.name == "case-files.yaml"
        await asyncio.wait_for(studio.wait_checked(1), WAIT_SECONDS)
        await pilot.pause()
        assert "Case files · " in screen_text(app)
        assert " questions playable · 0 errors" in screen_text(app)


def test_packs_studio_needs_a_terminal(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Run without a terminal (as under pytest), the studio says so instead of drawing."""
    code = main(["packs", "studio", str(draft)])
    _, err = capsys.readouterr()
    assert code != 0
    assert "terminal" in err
