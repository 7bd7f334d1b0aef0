"""`boschquiz play --mode party`: its players and key blocks checked before anything starts,
and plain mode's clear refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from boschquiz.cli import main
from boschquiz.tui.party_keys import (
    DEFAULT_KEY_BLOCKS,
    KeyBlockError,
    blocks_for,
    key_map,
    parse_key_blocks,
)


def run(tmp_path: Path, *args: str) -> int:
    return main(["play", "--saves", str(tmp_path / "saves"), *args])


def test_plain_party_says_it_needs_the_full_screen_game_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(tmp_path, "--mode", "party", "--players", "Ana,Ben", "--plain")
    err = capsys.readouterr().err
    assert code != 0
    assert "party mode needs the full-screen game" in err
    assert "Traceback" not in err
    assert not (tmp_path / "saves").exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--mode", "party"], "a party needs its players"),
        (["--mode", "party", "--players", "Ana"], "2 to 6 players, not 1"),
        (["--mode", "party", "--players", "A,B,C,D,E,F,G"], "not 7"),
        (["--mode", "party", "--players", "Ana,ana"], "different name"),
        (["--players", "Ana,Ben"], "add --mode party"),
        (["--mode", "party", "--players", "Ana,Ben", "--party-keys", "123"], "not 4"),
        (["--mode", "party", "--players", "Ana,Ben", "--party-keys", "1234,1qwe"], "'1'"),
        (["--party-keys", "1234,qwer"], "add --mode party"),
    ],
)
def test_party_arguments_are_checked_before_anything_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    assert run(tmp_path, *args) != 0
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err


def test_key_blocks_take_either_case_and_defaults_fill_the_seats_left() -> None:
    keys = key_map(("1234", "qwer"))
    assert keys["q"] == keys["Q"] == (1, 0)
    assert keys["4"] == (0, 3)
    assert blocks_for(3, ("azer",)) == ("azer", "1234", "uiop")
    assert blocks_for(6) == DEFAULT_KEY_BLOCKS


@pytest.mark.parametrize("text", ["1234,qwQr", "1234,12ab", "12 4", "1234,,qwer", "abcd,ABCE"])
def test_key_blocks_that_cannot_be_played_are_refused(text: str) -> None:
    with pytest.raises(KeyBlockError):
        parse_key_blocks(text)
