"""The party in the TUI, through the real flow: each player's keys answer for them, answers
stay hidden until everyone has answered, the reveal and standings, leaving, the podium and
the one save for every player."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from boschquiz.core.model import Mode
from boschquiz.game.party import PartyRound
from boschquiz.game.settings import GameSettings
from boschquiz.store import Store
from boschquiz.tui.app import BoschQuizApp
from boschquiz.tui.party_keys import DEFAULT_KEY_BLOCKS
from boschquiz.tui.screens.confirm import ConfirmScreen
from boschquiz.tui.screens.menu import MenuScreen
from boschquiz.tui.screens.party import PartyScreen
from boschquiz.tui.screens.party_setup import PartySetupScreen
from boschquiz.tui.screens.podium import PodiumScreen
from tests.tui.helpers import Fixture, advance_clock, app_for, build_fixture, settle
from tests.tui.screen_text import screen_text

THREE = ("Ana", "Ben", "Cy")


def party_app(fixture: Fixture, players: tuple[str, ...] = THREE) -> BoschQuizApp:
    return app_for(fixture, GameSettings(mode=Mode.PARTY, players=players))


def party_screen(app: BoschQuizApp) -> PartyScreen:
    screen = app.screen
    assert isinstance(screen, PartyScreen), f"expected the party, got {screen!r}"
    return screen


def key(game: PartyRound, seat: int, *, right: bool) -> str:
    """The key seat `seat` presses for a right (or a wrong) answer."""
    answer = game.shown.question.answer
    slot = next(i for i, c in enumerate(game.shown.choices) if (c == answer) == right)
    return DEFAULT_KEY_BLOCKS[seat][slot]


async def start(pilot: Pilot[Any]) -> PartyRound:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, BoschQuizApp)
    return party_screen(app).game


async def test_answers_stay_hidden_until_all_have_answered_then_the_reveal(
    tmp_path: Path,
) -> None:
    app = party_app(build_fixture(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        game = await start(pilot)
        text = screen_text(app)
        assert "[1 2 3 4]" in text
        assert "[q w e r]" in text
        assert "[a s d f]" in text
        await pilot.press(key(game, 0, right=True), key(game, 1, right=False))
        await pilot.pause()
        text = screen_text(app)
        assert text.count("answered") == 2
        assert "✔" not in text
        assert "✘" not in text
        assert game.revealed is None
        await pilot.press(key(game, 2, right=True).upper())
        await pilot.pause()
        text = screen_text(app)
        assert game.revealed is not None
        assert f"Answer: {game.shown.question.answer}" in text
        assert "✘" in text
        ben = [line for line in text.splitlines() if "Ben" in line]
        assert ben
        assert "▼" in ben[0]


async def test_a_second_key_from_the_same_player_changes_nothing(tmp_path: Path) -> None:
    app = party_app(build_fixture(tmp_path), ("Ana", "Ben"))
    async with app.run_test(size=(80, 24)) as pilot:
        game = await start(pilot)
        await pilot.press(key(game, 0, right=False), key(game, 0, right=True))
        await pilot.press(key(game, 1, right=True))
        await pilot.pause()
        assert game.revealed is not None
        assert [r.outcome.value for r in game.revealed.results] == ["wrong", "correct"]


async def test_single_letter_bindings_are_off_in_a_party(tmp_path: Path) -> None:
    """Every letter that is not a player's key goes nowhere: no screen opens, no answer."""
    app = party_app(build_fixture(tmp_path), ("Ana", "Ben"))
    async with app.run_test(size=(80, 24)) as pilot:
        game = await start(pilot)
        screen = app.screen
        players_keys = set(DEFAULT_KEY_BLOCKS[0] + DEFAULT_KEY_BLOCKS[1])
        others = [c for c in "abcdefghijklmnopqrstuvwxyz?" if c not in players_keys]
        await pilot.press(*others)
        await pilot.pause()
        assert app.screen is screen
        assert not game.has_answered(0)
        assert not game.has_answered(1)
        single = [k for k in app.active_bindings if len(k) == 1 and k not in players_keys]
        assert single == []


async def test_the_clock_reveals_when_a_player_never_answers(tmp_path: Path) -> None:
    fixture = build_fixture(tmp_path)
    app = party_app(fixture, ("Ana", "Ben"))
    async with app.run_test(size=(80, 24)) as pilot:
        game = await start(pilot)
        await pilot.press(key(game, 0, right=True))
        await advance_clock(pilot, fixture.clock, game.shown.time_limit + 0.1)
        assert game.revealed is not None
        assert "⌛" in screen_text(app)


async def test_escape_asks_before_leaving_and_nothing_is_saved(tmp_path: Path) -> None:
    fixture = build_fixture(tmp_path)
    app = party_app(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        game = await start(pilot)
        await pilot.press(key(game, 0, right=True))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Nobody's game will be saved" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        party_screen(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#confirm-yes")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
    assert list(Store(fixture.saves, fixture.clock).games()) == []


async def play_party(pilot: Pilot[Any], winner: int = 0) -> PartyRound:
    """Every question: `winner` right, the others wrong, then Enter, until the podium."""
    app = pilot.app
    assert isinstance(app, BoschQuizApp)
    game = party_screen(app).game
    for _ in range(game.total):
        for seat in range(len(game.players)):
            await pilot.press(key(game, seat, right=seat == winner))
        await pilot.pause()
        assert game.revealed is not None
        await pilot.press("enter")
        await pilot.pause()
    return game


async def test_a_party_ends_on_the_podium_and_saves_every_player_at_once(
    tmp_path: Path,
) -> None:
    fixture = build_fixture(tmp_path, seed=None)
    app = party_app(fixture)
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        game = await play_party(pilot, winner=1)
        await settle(pilot)
        assert isinstance(app.screen, PodiumScreen)
        text = screen_text(app)
        assert "🥇 1. Ben" in text
        assert "Saved: every player's game" in text
        assert f"Ben  {game.total} of {game.total} right" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MenuScreen)
    store = Store(fixture.saves, fixture.clock)
    games = [record for _, record in store.games()]
    assert sorted(g.player for g in games) == sorted(THREE)
    assert len({g.party.id for g in games if g.party is not None}) == 1
    assert [r.player for r in store.top_scores(Mode.PARTY, game.tier)] == ["Ben"]


async def test_new_game_party_opens_the_set_up_with_new_and_existing_players(
    tmp_path: Path,
) -> None:
    fixture = build_fixture(tmp_path, player="Ana")
    app = app_for(fixture, GameSettings(mode=Mode.PARTY))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PartySetupScreen)
        await pilot.press(*"Ben", "enter")
        await pilot.pause()
        assert "1. Ana  [1 2 3 4]" in screen_text(app)
        assert "2. Ben  [q w e r]" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        game = party_screen(app).game
        assert game.players == ("Ana", "Ben")
    names = [p.name for p in Store(fixture.saves, fixture.clock).players()]
    assert names == ["Ana", "Ben"]
