"""The real-terminal harness itself: size, exit status, and failure reports."""

from __future__ import annotations

import pytest

from tests.e2e.tmux_session import HEIGHT, WIDTH, ScreenTimeout, TmuxSession

pytestmark = pytest.mark.e2e


def test_terminal_is_80_by_24(terminal: TmuxSession) -> None:
    """The pane the game runs in is exactly 80x24, with no status line taking a row."""
    terminal.start(["sh", "-c", "read line"])
    assert terminal.size() == (WIDTH, HEIGHT)


def test_program_sees_the_real_size_not_pinned_variables(terminal: TmuxSession) -> None:
    """COLUMNS and LINES (exported by pytest-xdist) do not reach the program."""
    terminal.start(["sh", "-c", 'echo "size=${COLUMNS:-unset}x${LINES:-unset}"; read line'])
    terminal.wait_for_text("size=unsetxunset")


def test_exit_status_of_the_program_is_reported(terminal: TmuxSession) -> None:
    """A program that exits with status 3 is reported as 3, not as success."""
    terminal.start(["sh", "-c", "exit 3"])
    assert terminal.wait_for_exit() == 3


def test_a_missed_wait_reports_the_last_screen(terminal: TmuxSession) -> None:
    """Waiting for text that never comes fails with the screen as it was, rows numbered."""
    terminal.start(["sh", "-c", "echo 'on screen'; read line"])
    terminal.wait_for_text("on screen")
    with pytest.raises(ScreenTimeout, match=r"(?s)'not there'.* 1 \|on screen"):
        terminal.wait_for_text("not there", timeout=0.5)
