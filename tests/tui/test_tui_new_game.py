"""New game: what each choice means, read from the one table, and filters that read the right
way round (every box ticked, unticking excludes) with or without colour."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Button, Select

from boschquiz.core.model import GENERATED_PACK_TITLE, Difficulty, Mode
from boschquiz.game.modes import MODES
from boschquiz.game.scoring import STEADY_FACTOR
from boschquiz.game.tiers import TIERS
from boschquiz.tui.app import BoschQuizApp
from boschquiz.tui.screens.new_game import NewGameScreen
from boschquiz.tui.screens.packs import PacksScreen
from tests.tui.helpers import Fixture, app_for, build_fixture, settle
from tests.tui.screen_text import screen_text

PLAYER = "Harry"
SMALL_FACTS = Path(__file__).parent.parent / "data" / "facts" / "valid" / "small.yaml"


@pytest.fixture(autouse=True)
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test here runs as a player with NO_COLOR set would; `screen_text` reads the
    screen with no colour at all, so a state told by colour alone cannot pass."""
    monkeypatch.setenv("NO_COLOR", "1")


async def open_new_game(app: BoschQuizApp, pilot: object) -> NewGameScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, NewGameScreen)
    return screen


def line_with(text: str, app: BoschQuizApp) -> str:
    shown = screen_text(app)
    lines = [line for line in shown.splitlines() if text in line]
    assert lines, f"{text!r} is not on screen:\n{shown}"
    return lines[0]


async def test_each_tier_says_its_seconds_choices_and_multiplier(tmp_path: Path) -> None:
    """The tier list and its note read the tier table: seconds, choices shown, multiplier."""
    app = app_for(build_fixture(tmp_path, player=PLAYER))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_new_game(app, pilot)
        for tier, rules in TIERS.items():
            screen.query_one("#new-game-tier", Select).value = tier
            await settle(pilot)
            text = screen_text(app)
            choices = f"{rules.choices_shown} choices" if rules.choices_shown else "all choices"
            assert f"{rules.seconds} s · {choices} · ×{rules.multiplier:g}" in text
            assert f"{rules.seconds} seconds a question" in text


@pytest.mark.parametrize("mode", [m for m, r in MODES.items() if r.choice_label is not None])
async def test_the_question_count_shows_only_where_the_mode_uses_it(
    tmp_path: Path, mode: Mode
) -> None:
    """Blitz and the ladder set their own length: no Questions field for them."""
    app = app_for(build_fixture(tmp_path, player=PLAYER))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_new_game(app, pilot)
        screen.query_one("#new-game-mode", Select).value = mode
        await settle(pilot)
        shown = "Questions" in screen_text(app)
        assert shown == MODES[mode].player_sets_count
        assert MODES[mode].summary.split()[0] in screen_text(app)


async def test_steady_says_on_or_off_in_letters(tmp_path: Path) -> None:
    """Steady's state reads without colour ("Steady: off" / "Steady: on", a blank or an X in
    its box) and it says what it does, with the share read from the scoring rule."""
    app = app_for(build_fixture(tmp_path, player=PLAYER))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_new_game(app, pilot)
        assert "▐ ▌ Steady: off" in line_with("Steady", app)
        screen.query_one("#new-game-steady").focus()
        await pilot.press("space")
        await settle(pilot)
        assert "▐X▌ Steady: on" in line_with("Steady", app)
        assert f"earns {STEADY_FACTOR:.0%}" in screen_text(app)
        assert screen.settings().steady


async def test_every_filter_box_starts_ticked_and_the_game_is_the_whole_bank(
    tmp_path: Path,
) -> None:
    """With nothing chosen before, every box is ticked (an X in each, no colour needed) and
    the game is the whole bank: no filter, so it can be ranked."""
    app = app_for(build_fixture(tmp_path, player=PLAYER))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_new_game(app, pilot)
        for name in ("Case files", "Ballard", "production"):
            assert f"▐X▌ {name}" in line_with(name, app)
        assert screen_text(app).count("all ticked") == 3
        settings = screen.settings()
        assert (settings.packs, settings.shows, settings.categories) == ((), (), ())
        assert "16 questions match" in screen_text(app)


async def test_unticking_a_category_leaves_it_out(tmp_path: Path) -> None:
    """Space on a ticked category unticks it (a blank box), the count drops by its questions,
    and the game is every other category."""
    app = app_for(build_fixture(tmp_path, player=PLAYER))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_new_game(app, pilot)
        screen.query_one("#new-game-categories").focus()
        await pilot.press("space")  # books: the one typed question about the author
        await settle(pilot)
        assert "▐ ▌ books" in line_with("▌ books", app)  # not the "books off" spoiler line
        assert "▐X▌ cast" in line_with("cast", app)
        assert "4/5 ticked" in screen_text(app)
        assert "15 questions match" in screen_text(app)
        assert "books" not in screen.settings().categories
        assert set(screen.settings().categories) == {"cast", "lapd", "production", "story"}


async def test_nothing_ticked_matches_nothing(tmp_path: Path) -> None:
    """Unticking every show leaves no question: the screen says so and Start is off."""
    app = app_for(build_fixture(tmp_path, player=PLAYER))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_new_game(app, pilot)
        screen.query_one("#new-game-shows").focus()
        await pilot.press("a")
        await settle(pilot)
        assert "Nothing ticked in Shows" in screen_text(app)
        assert "none ticked" in screen_text(app)
        assert screen.query_one("#new-game-start", Button).disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("a")
        await settle(pilot)
        assert "16 questions match" in screen_text(app)


def with_facts(tmp_path: Path) -> Fixture:
    fixture = build_fixture(tmp_path, player=PLAYER)
    shutil.copy(SMALL_FACTS, fixture.root / "questions" / "facts" / "small.yaml")
    return fixture


async def test_the_generated_pack_is_a_pack_everywhere(tmp_path: Path) -> None:
    """The questions generated from the facts base are one more installed pack: counted on the
    menu, listed on the Packs screen and offered in New game's pack filter."""
    app = app_for(with_facts(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.bank is not None
        installed = app.bank.installed
        assert [p.title for p in installed] == ["Case files", GENERATED_PACK_TITLE]
        questions = len(app.bank.bank.questions)
        assert f"{questions} questions in 2 packs" in screen_text(app)
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, PacksScreen)
        generated = line_with(GENERATED_PACK_TITLE[:20], app)
        assert str(len(installed[1].questions)) in generated
        await pilot.press("escape")
        await settle(pilot)
        await open_new_game(app, pilot)
        assert f"▐X▌ {GENERATED_PACK_TITLE[:10]}" in screen_text(app)


async def test_a_remembered_filter_ticks_only_its_boxes(tmp_path: Path) -> None:
    """A last game played on two shows comes back with those two ticked, the rest blank."""
    fixture = build_fixture(tmp_path, player=PLAYER)
    from boschquiz.store import Store

    Store(fixture.saves, fixture.clock).save_player_settings(
        PLAYER,
        {"last_game": {"mode": "classic", "tier": "easy", "shows": ["bosch", "ballard"]}},
    )
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_new_game(app, pilot)
        assert "▐ ▌ General" in line_with("General", app)
        assert "▐X▌ Ballard" in line_with("Ballard", app)
        assert {s.value for s in screen.settings().shows} == {"bosch", "ballard"}
        assert screen.settings().tier is Difficulty.EASY
