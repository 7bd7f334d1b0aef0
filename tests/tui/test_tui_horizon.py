"""How far a player has watched, in the TUI: asked once when a new player signs in
(skippable: every season), shown and changed on New game, kept with the player, and used to
draw their games' questions (unless `play --watched` chose one for that game)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import Select

from boschquiz.core.model import Mode
from boschquiz.core.spoilers import Horizon
from boschquiz.game.settings import GameSettings
from boschquiz.store import Store
from boschquiz.tui.screens.horizon import HorizonScreen, SignInHorizonScreen
from boschquiz.tui.screens.menu import MenuScreen
from boschquiz.tui.screens.new_game import NewGameScreen
from boschquiz.tui.screens.question import QuestionScreen
from boschquiz.tui.widgets.toggles import MarkedCheckbox
from tests.tui.helpers import (
    HOSTILE_NAME,
    Fixture,
    app_for,
    build_fixture,
    play_through,
    settle,
    sign_in,
    type_name,
)
from tests.tui.screen_text import screen_text
from tests.tui.textual_internals import notification_messages

PLAYER = "Ballard"


def tagged_question(qid: str, spoils: str | None) -> str:
    tag = f"\n    spoils: {spoils}" if spoils else ""
    return f"""
  - id: {qid}
    type: choice
    prompt: Which answer is {qid}?
    choices: [{qid}, Not this, Nor this, Neither this]
    answer: {qid}
    difficulty: medium
    category: story
    show: bosch{tag}"""


FREE = ("free-1", "free-2", "free-3", "free-4")
TAGGED = {"bosch2-1": "bosch:2", "bosch2-2": "bosch:2", "legacy3-1": "legacy:3"}
TAGGED |= {"ballard1-1": "ballard:1", "book-1": "novel:novel-the-late-show"}
TAGGED_PACK = (
    "pack:\n  id: tagged\n  title: Tagged\n  version: 1\n  default_difficulty: medium\n"
    "questions:"
    + "".join(tagged_question(q, None) for q in FREE)
    + "".join(tagged_question(q, tag) for q, tag in TAGGED.items())
    + "\n"
)


def tagged_fixture(
    tmp_path: Path, *, player: str | None = None, horizon: Horizon | None = None
) -> Fixture:
    """The tagged pack; with `player`, that player exists, and with `horizon` has it saved."""
    built = build_fixture(tmp_path, packs={"tagged.yaml": TAGGED_PACK}, player=player)
    if player is not None and horizon is not None:
        Store(built.saves, built.clock).save_player_horizon(player, horizon)
    return built


BOSCH_1 = Horizon.parse("bosch:1")


def saved(fixture: Fixture, player: str = PLAYER) -> Horizon | None:
    """The horizon saved with `player` (None: they never answered)."""
    found = Store(fixture.saves, fixture.clock).player_horizon(player)
    return found.horizon if found.answered else None


def books_line(app: App[Any]) -> str:
    """The screen's "Book spoilers" line, as a player without colour reads it."""
    return next(line for line in screen_text(app).splitlines() if "Book spoilers" in line)


async def test_a_new_player_is_asked_once_and_the_answer_is_kept(tmp_path: Path) -> None:
    """After signing in a new name, the player says how far they have watched (Bosch 2, no
    Legacy, Ballard 1, books on); it is saved with them and not asked at the next sign-in."""
    fixture = tagged_fixture(tmp_path)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_name(pilot, PLAYER)
        screen = app.screen
        assert isinstance(screen, SignInHorizonScreen)
        assert f"How far has {PLAYER} watched?" in screen_text(app)
        assert "Skip" in screen_text(app)
        screen.query_one("#horizon-bosch", Select).value = 2
        screen.query_one("#horizon-legacy", Select).value = 0
        screen.query_one("#horizon-ballard", Select).value = 1
        assert "▐ ▌" in books_line(app)  # off reads without colour: an empty box
        screen.query_one("#horizon-books", MarkedCheckbox).value = True
        await pilot.pause()
        assert "▐X▌" in books_line(app)
        assert "Spoilers: up to Bosch 2 · Legacy 0 · Ballard 1 · books on" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        chosen = Horizon.parse("bosch:2,ballard:1", books=True)
        assert app.player_horizon == chosen
        assert saved(fixture) == chosen
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")  # the player list: Ballard, highlighted
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)


async def test_skipping_the_question_keeps_every_season_and_is_not_asked_again(
    tmp_path: Path,
) -> None:
    """Esc skips: every season, books off, saved as answered; a second sign-in goes straight
    on; New game says so."""
    fixture = tagged_fixture(tmp_path)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_name(pilot, PLAYER, key="p")
        assert isinstance(app.screen, SignInHorizonScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, NewGameScreen)
        assert "Spoilers: everything · books off" in screen_text(app)
        assert saved(fixture) == Horizon.everything()
    again = app_for(fixture)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_name(pilot, "Someone else")
        assert isinstance(again.screen, SignInHorizonScreen)  # new: asked
        await pilot.press("escape")
        await settle(pilot)
        await type_name(pilot, PLAYER)
        assert isinstance(again.screen, MenuScreen)  # answered before: not asked


async def test_everything_is_one_key(tmp_path: Path) -> None:
    """`e` on the question answers "every season" at once."""
    fixture = tagged_fixture(tmp_path)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_name(pilot, PLAYER)
        assert isinstance(app.screen, SignInHorizonScreen)
        app.screen.query_one("#horizon-bosch", Select).value = 1
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert saved(fixture) == Horizon.everything()


async def test_a_player_with_games_is_not_asked(tmp_path: Path) -> None:
    """A player from before horizons existed, with games saved, is not interrupted: they play
    every season until they change it on New game."""
    from tests.tui.helpers import record_game_directly

    fixture = tagged_fixture(tmp_path, player=PLAYER)
    record_game_directly(fixture, GameSettings(questions=2, player=PLAYER))
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert saved(fixture) is None


async def test_new_game_shows_the_horizon_and_draws_within_it(tmp_path: Path) -> None:
    """A player who saved "Bosch 1, nothing else": New game says so, counts only the four
    questions that spoil nothing, and the game plays only those."""
    fixture = tagged_fixture(tmp_path, player=PLAYER, horizon=BOSCH_1)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, NewGameScreen)
        text = screen_text(app)
        assert "Spoilers: up to Bosch 1 · Legacy 0 · Ballard 0 · books off" in text
        assert "4 questions match" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        game = screen.game
        await play_through(pilot)
    played = {a.question_id for a in game.result().answers}
    assert played == {f"tagged/{q}" for q in FREE}


async def test_w_on_new_game_changes_the_horizon_and_keeps_it(tmp_path: Path) -> None:
    """`w` opens the question; Esc goes back unchanged; a new answer is saved, shown, and
    the count follows it."""
    fixture = tagged_fixture(tmp_path, player=PLAYER, horizon=BOSCH_1)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert "Watched" in screen_text(app)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, HorizonScreen)
        assert not isinstance(app.screen, SignInHorizonScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, NewGameScreen)
        assert saved(fixture) == BOSCH_1
        await pilot.press("w")
        await settle(pilot)
        app.screen.query_one("#horizon-bosch", Select).value = 7
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NewGameScreen)
        text = screen_text(app)
        assert "Spoilers: up to Bosch 7 · Legacy 0 · Ballard 0 · books off" in text
        assert "6 questions match" in text
    assert saved(fixture) == Horizon.parse("bosch:7")


async def test_play_watched_overrides_for_that_game_and_saves_nothing(tmp_path: Path) -> None:
    """`play --watched ...` (the start settings' horizon) wins over the saved one for that
    game, and the saved one stays."""
    fixture = tagged_fixture(tmp_path, player=PLAYER, horizon=BOSCH_1)
    override = Horizon.everything(books=True)
    start = GameSettings(mode=Mode.PRACTICE, questions=9, player=PLAYER, horizon=override)
    app = app_for(fixture, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.game.settings.horizon == override
        assert screen.game.total == 9
    assert saved(fixture) == BOSCH_1


async def test_play_without_watched_uses_the_saved_horizon(tmp_path: Path) -> None:
    """`play` with no `--watched` (horizon None) plays within the player's saved one."""
    fixture = tagged_fixture(tmp_path, player=PLAYER, horizon=BOSCH_1)
    app = app_for(fixture, start=GameSettings(mode=Mode.PRACTICE, player=PLAYER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.game.settings.horizon == BOSCH_1
        assert screen.game.total == len(FREE)


async def test_a_hostile_saved_horizon_is_everything_with_a_notice(tmp_path: Path) -> None:
    """A horizon edited by hand into nonsense: a notification says so, games draw from every
    season, New game shows "everything", nothing crashes."""
    fixture = tagged_fixture(tmp_path, player=PLAYER)
    Store(fixture.saves, fixture.clock).save_player_settings(
        PLAYER, {"horizon": {"watched": "[b]bosch:99", "books": "[/]"}}
    )
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any("could not be read" in m for m in notification_messages(app))
        await pilot.press("p")
        await settle(pilot)
        assert "Spoilers: everything · books off" in screen_text(app)
        assert "8 questions match" in screen_text(app)  # all but the book spoiler


async def test_the_question_shows_a_markup_name_literally(tmp_path: Path) -> None:
    """The question names the player; a name made of markup shows as typed."""
    app = app_for(tagged_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_name(pilot, HOSTILE_NAME)
        assert isinstance(app.screen, SignInHorizonScreen)
        assert f"How far has {HOSTILE_NAME} watched?" in screen_text(app)
        assert app.is_running


async def test_sign_in_helper_skips_the_question(tmp_path: Path) -> None:
    """The tests' `sign_in` helper leaves a new player on the menu, every season kept."""
    fixture = tagged_fixture(tmp_path)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await sign_in(pilot, PLAYER)
        assert isinstance(app.screen, MenuScreen)
    assert saved(fixture) == Horizon.everything()
