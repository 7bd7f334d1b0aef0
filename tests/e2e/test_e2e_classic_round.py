"""A whole classic round played with keys in a real terminal, then checked in the score table."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from boschquiz.core.clock import SystemClock
from boschquiz.core.model import Difficulty, GameTerms
from boschquiz.store import Store
from tests.e2e.commands import E2E_QUESTIONS, play_command, scores_json
from tests.e2e.playing import (
    ROUND,
    answer_right,
    continue_from_feedback,
    question_on,
    wait_for_question,
)
from tests.e2e.tmux_session import TmuxSession
from tests.unit.test_store_support import make_game

pytestmark = pytest.mark.e2e

PLAYER = "Tess [b]E2E[/b]"
"""A name with markup in it: the terminal must show it exactly as typed."""


def play_round(terminal: TmuxSession, saves: Path) -> str:
    """Start a seeded classic game on the e2e pack, answer everything right; the results."""
    terminal.start(play_command("classic", saves, "--player", PLAYER))
    for k in range(1, E2E_QUESTIONS + 1):
        screen = wait_for_question(terminal, k)
        answer_right(terminal, screen)
        feedback = terminal.wait_for_text("✔ Right!")
        assert question_on(screen).prompt in feedback
        continue_from_feedback(terminal, feedback)
    return terminal.wait_for_text("custom game, not ranked")


def test_classic_round_is_played_to_results_and_saved(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Three right answers by keys show 3 of 3 on the results; the game (three questions, a
    chosen seed, its own pack) is saved as custom: `scores --all` lists it, `scores` not."""
    saves = tmp_path / "e2e-saves"
    results = play_round(terminal, saves)
    assert "Perfect: case closed!" in results
    assert "right 3 of 3 (100%)" in results
    shown_score = re.search(r"([\d,]+) points", results)
    assert shown_score is not None, results

    terminal.send_keys("m")
    terminal.wait_for_text("Everybody counts")  # the menu's tagline ("High scores" is on both)
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0

    assert scores_json(saves) == []
    rows = scores_json(saves, "--all")
    assert len(rows) == 1
    row = rows[0]
    assert (row["ranked"], row["recorded_before_rules"]) == (False, False)
    assert row["custom"] == ["3 questions, not 10", "own packs (--pack)", "chosen seed"]
    assert (row["player"], row["mode"], row["tier"]) == (PLAYER, "classic", "easy")
    assert (row["correct"], row["answered"], row["rank"]) == (3, 3, 1)
    assert row["score"] == int(shown_score.group(1).replace(",", ""))


def test_pack_markup_shows_literally_in_the_terminal(terminal: TmuxSession, tmp_path: Path) -> None:
    """A choice written as `[b]Adam Leipzig[/b]` is painted with its brackets, not as bold."""
    terminal.start(play_command("practice", tmp_path / "e2e-saves"))
    for k in range(1, E2E_QUESTIONS + 1):
        screen = wait_for_question(terminal, k)
        if ROUND[0].prompt in screen:
            assert "[b]Adam Leipzig[/b]" in screen
            return
        answer_right(terminal, screen)
        continue_from_feedback(terminal, terminal.wait_for_text("✔ Right!"))
    raise AssertionError("the question with the markup choice was never shown")


def test_high_scores_screen_lists_the_game_with_the_name_as_typed(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """`s` on the results opens High scores: the player's ranked game (saved before) is the
    first row, the bracketed name literally; the custom game just played is not there."""
    saves = tmp_path / "e2e-saves"
    ranked = replace(make_game(PLAYER, tier=Difficulty.EASY), terms=GameTerms(length=10))
    Store(saves, SystemClock()).record_game(ranked)
    play_round(terminal, saves)
    terminal.send_keys("s")
    score = f"{ranked.score:,}"
    row = re.compile(rf"\b1\s+{re.escape(PLAYER)}\s+{score}\s+2/3\b")
    terminal.wait_until(lambda screen: row.search(screen) is not None, "the game's row")
