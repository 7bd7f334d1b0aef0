"""`boschquiz scores`: the table, JSON, where saves live, verify, and literal player names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.cli import main
from boschquiz.commands.scores import display_width, printable, render_tables
from boschquiz.core.model import Difficulty, Mode
from boschquiz.store import ScoreRow
from boschquiz.store.codec import game_to_json
from boschquiz.store.gamelog import write_log
from boschquiz.store.layout import SavesLayout
from tests.unit.test_store_support import make_game, open_store, with_score

NASTY_NAME = '[b]Bo[/b] "\x1b[2J[@click=app.quit]'
"""Today's name rule drops the ESC; a name logged by an older version may still hold it."""


def logged_by_an_older_version(folder: Path, player: str) -> None:
    """Log a game under a name as typed, past today's name rule (as older versions did)."""
    write_log(SavesLayout(folder), [game_to_json(make_game(player))])


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_no_saves_says_so_and_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With an empty saves folder the command says there are no scores yet and succeeds."""
    code, out, _ = run_cli(["scores", "--saves", str(tmp_path / "none")], capsys)
    assert (code, out.startswith("No scores yet")) == (0, True)


def test_no_saves_json_is_an_empty_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` with no saves prints `[]` and exits 0."""
    code, out, _ = run_cli(["scores", "--json", "--saves", str(tmp_path / "none")], capsys)
    assert (code, json.loads(out)) == (0, [])


def test_where_prints_the_saves_folder_from_the_environment(
    isolated_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--where` prints the folder BOSCHQUIZ_SAVES points at."""
    code, out, _ = run_cli(["scores", "--where"], capsys)
    assert (code, out.strip()) == (0, str(isolated_folders / "saves"))


def test_saves_option_before_the_command_is_honoured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`boschquiz --saves DIR scores --where` uses DIR (the sub-command does not reset it)."""
    _, out, _ = run_cli(["--saves", str(tmp_path / "x"), "scores", "--where"], capsys)
    assert out.strip() == str(tmp_path / "x")


def test_json_rows_keep_names_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON output carries the player name byte for byte, escape character included."""
    logged_by_an_older_version(tmp_path, NASTY_NAME)
    _, out, _ = run_cli(["scores", "--json", "--saves", str(tmp_path)], capsys)
    assert [row["player"] for row in json.loads(out)] == [NASTY_NAME]


def test_table_shows_names_literally_without_control_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The terminal table shows brackets and quotes as typed and the ESC as a visible escape."""
    logged_by_an_older_version(tmp_path, NASTY_NAME)
    _, out, _ = run_cli(["scores", "--saves", str(tmp_path)], capsys)
    assert "\x1b" not in out
    assert '[b]Bo[/b] "\\x1b[2J[@click=app.quit]' in out


def test_filters_narrow_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--mode, --tier and --player select one player's rows of one table."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann"))
    store.record_game(make_game("Bob"))
    store.record_game(make_game("Ann", mode=Mode.BLITZ))
    args = ["scores", "--json", "--saves", str(tmp_path), "--mode", "classic", "--tier", "medium"]
    _, out, _ = run_cli([*args, "--player", "Ann"], capsys)
    assert [(r["player"], r["mode"]) for r in json.loads(out)] == [("Ann", "classic")]


def test_limit_caps_rows_per_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--limit 2 prints the best two of three."""
    store = open_store(tmp_path)
    for score in (5, 9, 7):
        store.record_game(with_score(make_game("Ann"), score))
    _, out, _ = run_cli(["scores", "--json", "--limit", "2", "--saves", str(tmp_path)], capsys)
    assert [r["score"] for r in json.loads(out)] == [9, 7]


def test_daily_date_selects_one_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--date shows only that day's daily challenge."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann", mode=Mode.DAILY, daily_date="2026-11-23"))
    store.record_game(make_game("Bob", mode=Mode.DAILY, daily_date="2026-11-24"))
    _, out, _ = run_cli(
        ["scores", "--json", "--date", "2026-11-24", "--saves", str(tmp_path)], capsys
    )
    assert [r["player"] for r in json.loads(out)] == ["Bob"]


def test_bad_date_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An impossible --date is refused with one sentence and a non-zero exit."""
    code, _, err = run_cli(["scores", "--date", "2026-13-45", "--saves", str(tmp_path)], capsys)
    assert code == 1
    assert "not a date" in err


def test_verify_reports_mismatch_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--verify lists a tampered game and exits 1."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann"))
    store.record_game(with_score(make_game("Bob"), 12345))
    code, out, _ = run_cli(["scores", "--verify", "--saves", str(tmp_path)], capsys)
    assert code == 1
    assert "Bob" in out
    assert "Ann" not in out


def test_verify_passes_honest_saves(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--verify exits 0 when every score matches its answers."""
    open_store(tmp_path).record_game(make_game("Ann"))
    code, out, _ = run_cli(["scores", "--verify", "--saves", str(tmp_path)], capsys)
    assert (code, out.strip()) == (0, "Every saved score matches its answers.")


def test_damaged_save_notice_goes_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corrupt index is moved aside and the command tells the player where, in one line."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann"))
    (tmp_path / "index.json").write_text("{not json")
    code, out, err = run_cli(["scores", "--json", "--saves", str(tmp_path)], capsys)
    assert code == 0
    assert "moved to" in err
    assert [r["player"] for r in json.loads(out)] == ["Ann"]


@pytest.mark.process
def test_real_process_prints_table_within_terminal_width(tmp_path: Path) -> None:
    """A real `python -m boschquiz scores` with COLUMNS=40 prints no line wider than 40."""
    open_store(tmp_path).record_game(make_game("A very long player name, thirty2"))
    env = {**os.environ, "COLUMNS": "40", "BOSCHQUIZ_SAVES": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "boschquiz", "scores"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert any("A very long" in line for line in lines)
    assert max(display_width(line) for line in lines) <= 40


def _row(player: str) -> ScoreRow:
    return ScoreRow(
        1, player, 123456, 10, 12, 7, "2026-11-24T12:00:00", Mode.CLASSIC, Difficulty.HARD, False
    )


@settings(max_examples=60, deadline=None)
@given(name=st.text(min_size=1, max_size=32), width=st.integers(min_value=24, max_value=160))
def test_every_rendered_line_fits_the_width(name: str, width: int) -> None:
    """Whatever the name (wide, combining, control characters), no line exceeds the width."""
    lines = render_tables([_row(name)], width)
    assert all(display_width(line) <= width for line in lines)


@settings(max_examples=60, deadline=None)
@given(name=st.text(max_size=40))
def test_printable_leaves_no_control_characters(name: str) -> None:
    """After `printable`, no character below space or DEL/C1 control remains."""
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in printable(name))
