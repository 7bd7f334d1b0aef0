"""A classic round started from the main menu, as a new player would, in a real terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.commands import boschquiz_command, players_json, scores_json
from tests.e2e.playing import MENU_ROUND_QUESTIONS, play_menu_round_blind, start_menu_round
from tests.e2e.tmux_session import TmuxSession

pytestmark = pytest.mark.e2e

PLAYER = "Menu Player"


def test_new_player_plays_a_classic_round_from_the_menu(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Sign-in, New Game and ten answers end on results whose score the table then holds."""
    saves = tmp_path / "menu-saves"
    terminal.start([*boschquiz_command(), "--saves", str(saves)])
    terminal.wait_for_text("No detective yet")
    start_menu_round(terminal, PLAYER)
    results = play_menu_round_blind(terminal)
    figures = re.search(rf"right (\d+) of {MENU_ROUND_QUESTIONS}", results)
    score = re.search(r"([\d,]+) points", results)
    assert figures is not None, results
    assert score is not None, results

    [row] = scores_json(saves)
    assert (row["player"], row["mode"], row["answered"]) == (
        PLAYER,
        "classic",
        MENU_ROUND_QUESTIONS,
    )
    assert row["correct"] == int(figures.group(1))
    assert row["score"] == int(score.group(1).replace(",", ""))


def test_a_new_player_says_how_far_they_have_watched(terminal: TmuxSession, tmp_path: Path) -> None:
    """The one-time question after a new player's sign-in, answered with keys only (Bosch up
    to season 1): New game shows it, and it is saved with the player."""
    saves = tmp_path / "horizon-saves"
    terminal.start([*boschquiz_command(), "--saves", str(saves)])
    terminal.wait_for_text("No detective yet")
    terminal.send_keys("n")
    terminal.wait_for_text("Who is playing?")
    terminal.type_text(PLAYER)
    terminal.send_keys("Enter")
    terminal.wait_for_text("esc Skip")
    terminal.send_keys("Enter")  # Bosch's seasons open, "season 7 (all)" highlighted
    terminal.wait_for_text("not started")
    terminal.send_keys(*["Up"] * 6, "Enter")
    terminal.wait_for_text("Spoilers: up to Bosch 1 · Legacy 3 · Ballard 1 · books off")
    terminal.send_keys("C-s")
    terminal.wait_for_text(f"Detective {PLAYER}")
    terminal.send_keys("p")
    terminal.wait_for_text("Spoilers: up to Bosch 1 · Legacy 3 · Ballard 1 · books off")
    terminal.send_keys("Escape")
    terminal.wait_for_text(f"Detective {PLAYER}")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    [player] = players_json(saves)
    assert player["horizon"] == {"watched": "bosch:1,legacy:3,ballard:1", "books": False}
