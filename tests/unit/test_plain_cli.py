"""`boschquiz play` arguments: what they become, and how bad ones are answered."""

from __future__ import annotations

from pathlib import Path

import pytest

from boschquiz.cli import build_parser, main
from boschquiz.commands.play import settings_from_args
from boschquiz.core.model import Difficulty, Mode, Show


def test_arguments_become_game_settings() -> None:
    """Every play option lands in GameSettings."""
    args = build_parser().parse_args(
        [
            "play",
            "--mode",
            "ladder",
            "--tier",
            "hard",
            "--questions",
            "7",
            "--seed",
            "42",
            "--player",
            "  Renee ",
            "--steady",
            "--show",
            "ballard",
            "--category",
            "cast",
        ]
    )
    settings = settings_from_args(args)
    assert settings.mode is Mode.LADDER
    assert settings.tier is Difficulty.HARD
    assert (settings.questions, settings.seed, settings.player) == (7, 42, "Renee")
    assert settings.steady
    assert settings.shows == (Show.BALLARD,)
    assert settings.categories == ("cast",)


def test_saves_before_the_command_is_kept() -> None:
    """`boschquiz --saves DIR play` keeps DIR; `play --saves` works too."""
    parser = build_parser()
    assert parser.parse_args(["--saves", "/tmp/a", "play"]).saves == Path("/tmp/a")
    assert parser.parse_args(["play", "--saves", "/tmp/b"]).saves == Path("/tmp/b")


def test_zero_questions_is_an_argument_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--questions 0 is refused by the parser with a reason, exit code 2."""
    with pytest.raises(SystemExit) as exit_info:
        main(["play", "--plain", "--questions", "0"])
    assert exit_info.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err


def test_blank_player_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """An empty player name is a one-line error and exit code 1, no traceback."""
    assert main(["play", "--plain", "--player", "   "]) == 1
    err = capsys.readouterr().err
    assert "boschquiz: error:" in err
    assert "Traceback" not in err


HOSTILE_NAME = "  Ann\x1b[31m\tLee\u202e "
"""Typed or pasted with control characters; the TUI test of the same name expects the same."""


def test_player_name_follows_the_store_rule() -> None:
    """`--player` goes through the store's one name rule: controls dropped, tab a space."""
    args = build_parser().parse_args(["play", "--player", HOSTILE_NAME])
    assert settings_from_args(args).player == "Ann[31m Lee"


def test_player_of_control_characters_only_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """A name made only of control characters is empty once cleaned: refused, exit 1."""
    assert main(["play", "--plain", "--player", "\x1b\x07"]) == 1
    err = capsys.readouterr().err
    assert "cannot be empty" in err
    assert "Traceback" not in err
