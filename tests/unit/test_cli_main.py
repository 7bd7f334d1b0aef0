"""The entry point's promises: no traceback reaches a user."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.process
def test_reader_leaving_early_ends_quietly() -> None:
    """`boschquiz questions --json | head -1` (over 64 KB) ends with no traceback."""
    result = subprocess.run(
        f"{sys.executable} -m boschquiz questions --json | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() != ""
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr


@pytest.mark.process
def test_help_lists_every_command() -> None:
    """`boschquiz --help` names each sub-command."""
    out = subprocess.run(
        [sys.executable, "-m", "boschquiz", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("play", "packs", "questions", "generate", "scores"):
        assert command in out


HEAVY = (
    "yaml",
    "jsonschema",
    "tinydb",
    "filelock",
    "boschquiz.store",
    "boschquiz.packs",
    "boschquiz.core.model",
)
"""Modules the menu must not pay for before its first paint."""


def heavy_modules_after(code: str) -> list[str]:
    """Which of `HEAVY` (and the play command) are loaded after running `code` in a fresh
    interpreter."""
    probe = f"import sys; {code}; print(','.join(m for m in {(*HEAVY, 'boschquiz.commands.play')!r}"
    probe += " if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    return [m for m in out.split(",") if m]


@pytest.mark.process
def test_menu_start_imports_no_command_module() -> None:
    """Parsing the bare `boschquiz --saves DIR` loads neither YAML, JSON Schema nor TinyDB."""
    assert heavy_modules_after("from boschquiz.cli import parse; parse(['--saves', 'x'])") == []


def test_menu_options_parse_without_sub_commands() -> None:
    """`--saves` and `--pack` before no command reach the menu."""
    from boschquiz.cli import parse

    args = parse(["--saves", "s", "--pack", "a.yaml", "--pack", "b.yaml"])
    assert str(args.saves) == "s"
    assert [str(p) for p in args.pack] == ["a.yaml", "b.yaml"]
    assert getattr(args, "run", None) is None


@pytest.mark.process
def test_tui_start_path_imports_no_store_or_yaml() -> None:
    """Everything the menu needs before its first paint leaves TinyDB, YAML, the model and the
    rest to the loading workers (measured: importing the store there cost ~40 ms of start-up,
    the model's dataclasses ~12 ms)."""
    code = (
        "import boschquiz.cli, boschquiz.commands.menu, boschquiz.tui.app,"
        " boschquiz.tui.screens.menu, boschquiz.core.signals"
    )
    assert heavy_modules_after(code) == []
