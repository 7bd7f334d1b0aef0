"""Before the full screen opens: a broken --pack is reported (bug 9 of issue 10), and without a
terminal the game says to use --plain instead of drawing into a pipe (bug 10)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from boschquiz.cli import main
from boschquiz.commands.preflight import terminal_problem
from boschquiz.core.diagnostics import error


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_whole_file_finding_prints_at_line_1_column_1() -> None:
    """Bug 9: a finding about a whole file (0, 0) is shown 1-based, as editors read it."""
    assert error("x.yaml", 0, 0, "no such file").format() == "x.yaml:1:1: error: no such file"


@pytest.mark.parametrize("command", [["play"], []])
def test_a_missing_pack_is_an_error_before_any_screen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """Bug 9: `play --pack missing.yaml` (and the bare menu) print path:1:1 and exit 1."""
    missing = tmp_path / "missing.yaml"
    code = main([*command, "--pack", str(missing), "--saves", str(tmp_path / "saves")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{missing}:1:1: error: no such file" in err


def test_a_broken_pack_is_an_error_before_any_screen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bug 9: a pack with a YAML error is reported with its location, status 1."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("pack: [\n", encoding="utf-8")
    code = main(["play", "--pack", str(broken), "--saves", str(tmp_path / "saves")])
    assert code == 1
    assert f"{broken}:2:1: error:" in capsys.readouterr().err


def test_terminals_on_both_sides_are_enough() -> None:
    """Bug 10: a real terminal on stdin and stdout, TERM set normally: no objection."""
    assert terminal_problem(FakeTerminal(), FakeTerminal(), {"TERM": "xterm"}) is None


@pytest.mark.parametrize(
    ("stdin", "stdout", "env", "why"),
    [
        (FakeTerminal(), io.StringIO(), {}, "standard output is not a terminal"),
        (io.StringIO(), FakeTerminal(), {}, "standard input is not a terminal"),
        (FakeTerminal(), FakeTerminal(), {"TERM": "dumb"}, "TERM=dumb"),
    ],
)
def test_no_terminal_is_named(
    stdin: io.StringIO, stdout: io.StringIO, env: dict[str, str], why: str
) -> None:
    """Bug 10: stdout or stdin not a terminal, or TERM=dumb, each gets its own reason."""
    problem = terminal_problem(stdin, stdout, env)
    assert problem is not None
    assert why in problem


def test_textual_serve_counts_as_a_terminal() -> None:
    """Bug 10: textual-serve runs the app over pipes with its web driver in TEXTUAL_DRIVER."""
    env = {"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver", "TERM": "dumb"}
    assert terminal_problem(io.StringIO(), io.StringIO(), env) is None


@pytest.mark.process
@pytest.mark.parametrize("args", [[], ["play"]])
def test_piped_output_exits_2_at_once_with_a_pointer_to_plain(
    tmp_path: Path, args: list[str]
) -> None:
    """Bug 10: `boschquiz | cat` with stdin at /dev/null ends with status 2, no escape codes."""
    done = subprocess.run(
        [sys.executable, "-m", "boschquiz", *args, "--saves", str(tmp_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "boschquiz play --plain" in done.stderr
    assert done.stdout == ""
