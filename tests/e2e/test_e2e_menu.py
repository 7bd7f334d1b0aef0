"""The game in a real terminal: it starts, paints, and quits cleanly."""

from __future__ import annotations

import pytest

from tests.e2e.tmux_session import HEIGHT, WIDTH, TmuxSession, boschquiz_command

pytestmark = pytest.mark.e2e


def test_terminal_is_80_by_24(terminal: TmuxSession) -> None:
    """The pane the game runs in is exactly 80x24, with no status line taking a row."""
    terminal.start(["sh", "-c", "read line"])
    assert terminal.size() == (WIDTH, HEIGHT)


def test_bare_command_paints_its_title_and_quits_cleanly(terminal: TmuxSession) -> None:
    """`boschquiz` with no arguments paints its title, and Ctrl+Q ends it with status 0."""
    terminal.start(boschquiz_command())
    terminal.wait_for_text("boschquiz")
    terminal.send_keys("C-q")
    assert terminal.wait_for_exit() == 0
