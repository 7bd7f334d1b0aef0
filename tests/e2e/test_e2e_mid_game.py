"""Things a player does in the middle of a question, in a real terminal."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.e2e.commands import play_command, scores_json
from tests.e2e.playing import answer_right, answerable, question_on, wait_for_question
from tests.e2e.tmux_session import HEIGHT, WIDTH, TmuxSession, process_alive

pytestmark = pytest.mark.e2e


def painted_rows(screen: str) -> int:
    """How many rows down the last non-blank line is (the footer sits on the last row)."""
    rows = screen.rstrip("\n").split("\n")
    return max((i + 1 for i, row in enumerate(rows) if row.strip()), default=0)


def test_resizing_mid_question_keeps_the_game_playable(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Growing to 120x40 and back to 80x24 repaints the question each time; it still answers."""
    terminal.start(play_command("classic", tmp_path / "saves", "--player", "Resizer"))
    wait_for_question(terminal, 1)

    terminal.resize(120, 40)
    terminal.wait_until(lambda s: painted_rows(s) == 40 and answerable(s, 1), "a 40-row repaint")
    terminal.resize(WIDTH, HEIGHT)
    screen = terminal.wait_until(
        lambda s: painted_rows(s) == HEIGHT and answerable(s, 1), "a 24-row repaint"
    )

    answer_right(terminal, screen)
    assert question_on(screen).prompt in terminal.wait_for_text("✔ Right!")


def test_quitting_mid_game_asks_first_and_saves_nothing(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Ctrl+Q on a question asks for confirmation; `y` quits with status 0 and no score saved."""
    saves = tmp_path / "saves"
    terminal.start(play_command("classic", saves, "--player", "Quitter"))
    wait_for_question(terminal, 1)
    terminal.send_keys("C-q")
    terminal.wait_for_text("Quit boschquiz?")
    terminal.send_keys("y")
    assert terminal.wait_for_exit() == 0
    assert scores_json(saves) == []


def test_declining_to_quit_returns_to_the_same_question(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Answering `n` to "Quit boschquiz?" closes the dialog and the question still answers."""
    terminal.start(play_command("classic", tmp_path / "saves", "--player", "Stayer"))
    screen = wait_for_question(terminal, 1)
    terminal.send_keys("C-q")
    terminal.wait_for_text("Quit boschquiz?")
    terminal.send_keys("n")
    terminal.wait_until(lambda s: "Quit boschquiz?" not in s, "the dialog to close")
    answer_right(terminal, screen)
    terminal.wait_for_text("✔ Right!")


@pytest.mark.parametrize("where", ["question", "feedback"])
def test_closing_the_terminal_mid_game_leaves_no_process(
    terminal: TmuxSession, tmp_path: Path, where: str
) -> None:
    """Killing the terminal mid-game (hang-up, pty gone) ends the game's process too."""
    terminal.start(play_command("classic", tmp_path / "saves", "--player", "Gone"))
    screen = wait_for_question(terminal, 1)
    if where == "feedback":
        answer_right(terminal, screen)
        terminal.wait_for_text("✔ Right!")
    pid = terminal.program_pid()
    assert pid is not None
    terminal.close()
    deadline = time.monotonic() + 15
    while process_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not process_alive(pid), f"boschquiz (pid {pid}) outlived its terminal"
