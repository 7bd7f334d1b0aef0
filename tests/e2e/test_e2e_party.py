"""A three-player party in a real terminal: every player on their own keys, ten questions of
the shipped packs, the podium, then the party table and each player's history, read by
separate processes."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import pytest

from tests.e2e.commands import boschquiz_command, cli_json, scores_json
from tests.e2e.tmux_session import DEFAULT_TIMEOUT, TmuxSession

pytestmark = pytest.mark.e2e

PLAYERS = ("Ana", "Ben", "Cy")
KEYS = ("1", "w", "a")
"""Ana picks choice 1 (her `1`), Ben choice 2 (his `w`), Cy choice 1 (his `a`)."""
QUESTIONS = 10
START_TIMEOUT = 90.0
"""The first question waits for the shipped packs and the generated questions (no cache)."""
PLACE = re.compile(r"(\d)\. (Ana|Ben|Cy)\s+([\d,]+)")


def asked(k: int, screen: str) -> bool:
    return f"question {k} of {QUESTIONS}" in screen


def everyone_thinking(k: int, screen: str) -> bool:
    return asked(k, screen) and screen.count("thinking") == len(PLAYERS)


def two_answered(k: int, screen: str) -> bool:
    return asked(k, screen) and screen.count("answered") == 2


def revealed(k: int, screen: str) -> bool:
    return asked(k, screen) and "Answer:" in screen


def test_three_player_party_plays_to_the_podium_and_saves_every_player(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    saves = tmp_path / "e2e-saves"
    terminal.start(
        [
            *boschquiz_command(),
            *("play", "--mode", "party", "--players", ",".join(PLAYERS)),
            *("--saves", str(saves)),
        ]
    )
    for k in range(1, QUESTIONS + 1):
        screen = terminal.wait_until(
            partial(everyone_thinking, k),
            f"question {k} for every player",
            START_TIMEOUT if k == 1 else DEFAULT_TIMEOUT,
        )
        for name, block in zip(PLAYERS, ("[1 2 3 4]", "[q w e r]", "[a s d f]"), strict=True):
            assert re.search(rf"{name}\s+{re.escape(block)}", screen), screen
        terminal.send_keys(KEYS[0], KEYS[1])
        hidden = terminal.wait_until(partial(two_answered, k), "two answers")
        assert "Answer:" not in hidden
        terminal.send_keys(KEYS[2])
        terminal.wait_until(partial(revealed, k), "the reveal")
        terminal.send_keys("Enter")
    podium = terminal.wait_for_text("Saved: every player's game")
    found = PLACE.findall(podium)
    places = {name: int(place) for place, name, _ in found}
    scores = {name: int(score.replace(",", "")) for _, name, score in found}
    assert set(places) == set(PLAYERS), podium
    winners = sorted(name for name, place in places.items() if place == 1)
    assert {scores[name] for name in winners} == {max(scores.values())}, podium

    terminal.send_keys("Enter")
    terminal.wait_for_text("Everybody counts")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0

    table = scores_json(saves, "--mode", "party")
    assert sorted(str(row["player"]) for row in table) == winners
    assert all(row["mode"] == "party" and row["ranked"] for row in table)

    party_ids = set()
    for name in PLAYERS:
        (game,) = cli_json(saves, "history", "--player", name)
        assert game["mode"] == "party"
        party = game["party"]
        assert isinstance(party, dict)
        assert (party["place"], party["players"]) == (places[name], len(PLAYERS))
        assert game["score"] == scores[name]
        party_ids.add(party["id"])
        answers = game["answers"]
        assert isinstance(answers, list)
        assert len(answers) == QUESTIONS
    assert len(party_ids) == 1
