"""Issue 10's bugs, in a real terminal: each test names the bug it keeps fixed."""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest

from boschquiz.core.clock import SystemClock
from boschquiz.core.model import Mode
from boschquiz.store import Store
from tests.e2e.commands import boschquiz_command, play_command, scores_json
from tests.e2e.playing import answer_right, answerable, wait_for_question
from tests.e2e.tmux_session import ScreenTimeout, TmuxSession

pytestmark = pytest.mark.e2e

VERDICTS = ("✔ Right!", "✘ Wrong", "⏱ Time's up")


def test_double_enter_on_feedback_leaves_the_next_question_unanswered(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Bug 1: Enter, Enter after an answer shows question 2 and does not answer it."""
    terminal.start(play_command("classic", tmp_path / "saves", "--player", "Doubler"))
    screen = wait_for_question(terminal, 1)
    answer_right(terminal, screen)
    terminal.wait_for_text("✔ Right!")
    terminal.send_keys("Enter", "Enter")
    wait_for_question(terminal, 2)
    # Keys arrive in order: once Help is up, both Enters have been handled.
    terminal.send_keys("F1")
    terminal.wait_for_text("Scoring")
    terminal.send_keys("Escape")
    screen = terminal.wait_until(lambda s: answerable(s, 2), "question 2 again")
    assert not any(verdict in screen for verdict in VERDICTS)


def test_leaving_the_daily_scores_it_and_it_cannot_be_replayed(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Bug 2: Esc in the daily says it counts, saves what was answered; `d` then refuses."""
    saves = tmp_path / "saves"
    terminal.start(play_command("daily", saves, "--player", "Leaver"))
    screen = wait_for_question(terminal, 1)
    answer_right(terminal, screen)
    terminal.wait_for_text("✔ Right!")
    terminal.send_keys("Escape")
    terminal.wait_for_text("counts as today's try")
    terminal.send_keys("y")
    terminal.wait_for_text("You left the daily")
    terminal.send_keys("Escape")
    terminal.wait_for_text("done today")
    terminal.send_keys("d")
    terminal.wait_for_text("already played")
    terminal.send_keys("q")
    assert terminal.wait_for_exit() == 0
    ((_, saved),) = list(Store(saves, SystemClock()).games())
    assert (saved.mode, saved.answered) == (Mode.DAILY, 1)


def test_the_palette_mid_game_cannot_open_another_game(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Bug 3: mid-game, Ctrl+P finds no Daily; Enter there starts nothing, Esc goes back."""
    terminal.start(play_command("classic", tmp_path / "saves", "--player", "Paletter"))
    wait_for_question(terminal, 1)
    terminal.send_keys("C-p")
    terminal.wait_for_text("Search for commands")
    terminal.type_text("daily")
    terminal.wait_for_text("No matches found")
    terminal.send_keys("Enter")
    terminal.send_keys("Escape")
    screen = terminal.wait_until(
        lambda s: "Search for commands" not in s and answerable(s, 1), "question 1 again"
    )
    assert "question 1 of 3" in screen


def test_help_over_a_ranked_question_says_the_clock_runs_on(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Bug 4: F1 on a ranked question (the shipped packs, no seed, ten questions) shows help
    with a notice that the clock keeps running."""
    command = [*boschquiz_command(), "play", "--player", "Helper", "--saves", str(tmp_path)]
    terminal.start(command)
    terminal.wait_for_text("question 1 of 10")
    terminal.send_keys("F1")
    screen = terminal.wait_for_text("clock keeps running")
    assert "Scoring" in screen


def test_ctrl_c_quits_and_escape_at_the_menu_does_not(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Bug 8: Esc at the menu keeps it open; Ctrl+C quits with status 0."""
    terminal.start([*boschquiz_command(), "--saves", str(tmp_path / "saves")])
    terminal.wait_for_text("High scores")
    terminal.send_keys("Escape")
    # The absence of an exit, bounded: long past Textual's 0.1 s wait to tell a lone Esc from
    # an escape sequence (a key sent sooner would be read as Alt+key).
    with pytest.raises(ScreenTimeout):
        terminal.wait_for_exit(timeout=1.5)
    terminal.send_keys("h")
    terminal.wait_for_text("Scoring")
    terminal.send_keys("Escape")
    terminal.wait_for_text("High scores")
    terminal.send_keys("C-c")
    assert terminal.wait_for_exit() == 0


def test_ctrl_c_mid_game_asks_first(terminal: TmuxSession, tmp_path: Path) -> None:
    """Bug 8: Ctrl+C on a question asks before quitting."""
    terminal.start(play_command("classic", tmp_path / "saves", "--player", "Interrupter"))
    wait_for_question(terminal, 1)
    terminal.send_keys("C-c")
    terminal.wait_for_text("Quit boschquiz?")
    terminal.send_keys("y")
    assert terminal.wait_for_exit() == 0


def test_a_missing_pack_is_reported_before_any_screen(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Bug 9: `play --pack missing.yaml` prints path:1:1: error and exits 1, no full screen."""
    program = " ".join([*boschquiz_command(), "play", "--pack", "missing.yaml", "--saves", "s"])
    terminal.start(["sh", "-c", f"{program} 2> err.txt"], cwd=tmp_path)
    assert terminal.wait_for_exit() == 1
    assert "missing.yaml:1:1: error: no such file" in (tmp_path / "err.txt").read_text()
    assert "High scores" not in terminal.screen()


@pytest.mark.parametrize(
    ("setting", "why"),
    [
        ("> out.txt", "standard output is not a terminal"),
        ("< /dev/null", "standard input is not a terminal"),
        ("TERM=dumb", "TERM=dumb"),
    ],
)
def test_without_a_terminal_the_full_screen_refuses_to_start(
    terminal: TmuxSession, tmp_path: Path, setting: str, why: str
) -> None:
    """Bug 10: no terminal (a file, /dev/null, TERM=dumb) exits 2 at once with 'use --plain'.

    tmux sets TERM in its panes, so TERM=dumb is set in the command line itself."""
    program = " ".join([*boschquiz_command(), "--saves", "saves"])
    command = f"{setting} {program}" if setting.startswith("TERM") else f"{program} {setting}"
    terminal.start(["sh", "-c", f"{command} 2> err.txt"], cwd=tmp_path)
    assert terminal.wait_for_exit() == 2
    err = (tmp_path / "err.txt").read_text(encoding="utf-8")
    assert why in err
    assert "boschquiz play --plain" in err
    out = tmp_path / "out.txt"
    if out.exists():
        assert out.read_text(encoding="utf-8") == ""


def test_a_daily_killed_at_its_first_question_cannot_be_replayed(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Bug 2: SIGKILL on the daily's first question (no dialog, no save) still uses the try."""
    saves = tmp_path / "saves"
    terminal.start(play_command("daily", saves, "--player", "Killer"))
    wait_for_question(terminal, 1)
    pid = terminal.program_pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    assert terminal.wait_for_exit() == 128 + signal.SIGKILL
    terminal.close()
    terminal.start(play_command("daily", saves, "--player", "Killer"))
    terminal.wait_for_text("already played")
    assert scores_json(saves) == []


def footer_style(screen: str, key: str, label: str) -> tuple[str, ...] | None:
    """The foreground colours the footer paints `key label` with (tmux repeats only the
    attributes that change, so the colours are compared, not the raw sequences)."""
    found = re.search(rf"((?:\x1b\[[0-9;]*m)+){key}((?:\x1b\[[0-9;]*m)+) {label}", screen)
    if found is None:
        return None
    return tuple(re.findall(r"\x1b\[(38;[0-9;]*)m", found.group(1) + found.group(2)))


def test_a_first_run_footer_shows_play_enabled_without_a_key(
    terminal: TmuxSession, tmp_path: Path
) -> None:
    """Bug 11: on a first run, once the questions are loaded, Play, Daily and Review are
    painted like Scores (enabled), with no key pressed."""
    terminal.start([*boschquiz_command(), "--saves", str(tmp_path / "saves")])
    terminal.wait_for_text("questions in")

    def enabled(screen: str) -> bool:
        scores = footer_style(screen, "s", "Scores")
        return scores is not None and all(
            footer_style(screen, key, label) == scores
            for key, label in (("p", "Play"), ("d", "Daily"), ("r", "Review"))
        )

    assert terminal.wait_until(enabled, "Play, Daily, Review painted enabled", styles=True)
