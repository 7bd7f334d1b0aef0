"""The player-name rule (`store.names`): one rule for the CLI, the TUI and the store."""

from __future__ import annotations

import pytest

from boschquiz.store import InvalidPlayerName, clean_player_name, normalize_player_name

CLEANED = {
    "  Renée Ballard  ": "Renée Ballard",
    "Rene\u0301e": "Renée",
    "Ann\x1b[31m": "Ann[31m",
    "Ann\tLee": "Ann Lee",
    "Ann\nLee\r": "Ann Lee",
    "Ann\u2028Lee": "Ann Lee",
    "Ann\x07\x7f\x9b": "Ann",
    "\u202eAnn\u2066": "Ann",
    "Ann\udcff": "Ann\ufffd",
    "Harry [b]Bosch[/b]": "Harry [b]Bosch[/b]",
    "👩\u200d🚒": "👩\u200d🚒",
}


@pytest.mark.parametrize(("typed", "stored"), sorted(CLEANED.items()))
def test_name_keeps_text_and_drops_what_acts_on_a_terminal(typed: str, stored: str) -> None:
    """Controls go (line breaks become spaces), bidi overrides go, surrogates become U+FFFD,
    NFC; brackets and joiners stay."""
    assert normalize_player_name(typed) == stored
    assert clean_player_name(typed) == stored


@pytest.mark.parametrize("typed", ["", "   ", "\x1b\x07", "\u202e\t"])
def test_name_with_nothing_left_is_refused(typed: str) -> None:
    """A name that is empty once cleaned is refused, with one sentence."""
    with pytest.raises(InvalidPlayerName, match="cannot be empty"):
        normalize_player_name(typed)
    assert clean_player_name(typed) == ""


def test_name_over_the_limit_counts_after_cleaning() -> None:
    """32 characters are allowed once controls are dropped; 33 are refused."""
    assert normalize_player_name("x" * 32 + "\x1b") == "x" * 32
    with pytest.raises(InvalidPlayerName, match="at most 32"):
        normalize_player_name("x" * 33)
