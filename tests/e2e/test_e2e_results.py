"""The results recap in a real terminal: a seeded game with one miss, every question on the
results screen, and the missed one's explanation one key away; the ladder's rung panel read
without colour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.commands import E2E_QUESTIONS, boschquiz_command, play_command
from tests.e2e.playing import (
    ROUND,
    answer_right,
    choice_key,
    continue_from_feedback,
    question_on,
    wait_for_question,
    wait_for_verdict,
)
from tests.e2e.test_e2e_no_color import colours, is_grey
from tests.e2e.tmux_session import TmuxSession

pytestmark = pytest.mark.e2e

MISSED = ROUND[1]
"""Answered wrong on purpose: "How many seasons did Bosch run on Prime Video?"."""
WRONG = "5"


def test_results_recap_lists_every_answer_and_explains_the_miss(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Three questions, the seasons one answered 5: the recap shows all three prompts, marks
    the miss with both answers, and `e` unfolds its explanation."""
    terminal.start(play_command("classic", tmp_path / "e2e-saves", "--player", "Recap"))
    for k in range(1, E2E_QUESTIONS + 1):
        screen = wait_for_question(terminal, k)
        if question_on(screen) == MISSED:
            terminal.send_keys(choice_key(screen, WRONG))
        else:
            answer_right(terminal, screen)
        continue_from_feedback(terminal, wait_for_verdict(terminal))
    results = terminal.wait_for_text("Recap · 3 questions · 1 missed")
    terminal.wait_for_text("custom game, not ranked")
    flat = " ".join(results.replace("│", " ").split())
    for question in ROUND:
        assert question.prompt in flat
    assert re.search(rf"✗ \d\. {re.escape(MISSED.prompt)}", flat), flat
    assert f"you: {WRONG} · answer: {MISSED.answer} · wrong · 0 points" in flat
    assert "Why:" not in flat
    terminal.send_keys("e")
    explained = terminal.wait_for_text("Why: Bosch ended in 2021 after seven seasons.")
    assert "▾ why" in explained
    terminal.send_keys("m")
    terminal.wait_for_text("Everybody counts")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0


def test_ladder_panel_reads_without_colour(terminal: TmuxSession, tmp_path: Path) -> None:
    """Under NO_COLOR, on the shipped bank: the current rung, the safe havens and the walk-away
    line are text (▶, ★, words), and the screen is painted in greys only."""
    saves = tmp_path / "e2e-saves"
    command = [*boschquiz_command(), "play", "--mode", "ladder", "--seed", "7"]
    terminal.start([*command, "--saves", str(saves)], env={"NO_COLOR": "1"})
    screen = terminal.wait_for_text("Ladder · at least")
    screen = terminal.wait_for_text("walk away now: keep 0")
    assert re.search(r"▶ 1 +easy", screen), screen
    assert re.search(r" 5 ★ easy", screen), screen
    assert re.search(r"10 ★ med", screen), screen
    found = colours(terminal.screen(styles=True))
    assert {c for c in found if not is_grey(c)} == set()
