"""The game in a real terminal: it opens its menu, quits cleanly, and gives the terminal back."""

from __future__ import annotations

import os
import signal

import pytest

from tests.e2e.commands import boschquiz_command
from tests.e2e.tmux_session import TmuxSession

pytestmark = pytest.mark.e2e

MENU_ENTRIES = ("Play", "Daily challenge", "Review my misses", "High scores", "Packs", "Quit")


def test_bare_command_opens_the_main_menu(terminal: TmuxSession) -> None:
    """`boschquiz` with no arguments paints every main menu entry within 80x24."""
    terminal.start(boschquiz_command())
    screen = terminal.wait_until(
        lambda s: all(entry in s for entry in MENU_ENTRIES), "every main menu entry"
    )
    assert "Traceback" not in screen


def test_q_on_the_menu_quits_and_restores_the_terminal(terminal: TmuxSession) -> None:
    """`q` on the menu ends the program with status 0 and leaves the menu off the screen."""
    terminal.start(boschquiz_command())
    terminal.wait_for_text("High scores")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    assert "High scores" not in terminal.screen()


def test_ctrl_q_quits_from_the_menu(terminal: TmuxSession) -> None:
    """Ctrl+Q, Textual's quit key, also ends the program from the menu with status 0."""
    terminal.start(boschquiz_command())
    terminal.wait_for_text("High scores")
    terminal.send_keys("C-q")
    assert terminal.wait_for_exit() == 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_termination_signal_closes_the_game_cleanly(
    terminal: TmuxSession, signum: signal.Signals
) -> None:
    """SIGTERM or SIGHUP ends the program like a quit: terminal restored, status 128 + signal."""
    terminal.start(boschquiz_command())
    terminal.wait_for_text("High scores")
    pid = terminal.program_pid()
    assert pid is not None
    os.kill(pid, signum)
    assert terminal.wait_for_exit() == 128 + signum
    screen = terminal.screen()
    assert "High scores" not in screen, "the terminal was not given back"
    assert "Traceback" not in screen
