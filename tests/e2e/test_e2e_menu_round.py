"""A classic round started from the main menu, as a new player would, in a real terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.commands import boschquiz_command, scores_json
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
