"""Player names: the one rule for what a name is, used by every front end and by the store.

A name is free text in any script, at most `MAX_NAME_LENGTH` characters, kept as typed except
for what can never belong in one: what would act on a terminal or break a line, and what
cannot be written as UTF-8.

- Lone surrogates (bytes that were not UTF-8, e.g. in a command-line argument) become U+FFFD.
- Control characters (C0, DEL, C1) go; tab, newline and the other line breaks (including
  U+2028/U+2029) become a space.
- Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069) go:
  they would reorder the columns printed after the name.
- Composed to NFC, so "Renée" typed on any system is one player.
- Surrounding whitespace trimmed.

Other format characters stay (a zero-width joiner holds an emoji or a word together).
"""

from __future__ import annotations

import unicodedata

from boschquiz.store.errors import InvalidPlayerName

MAX_NAME_LENGTH = 32

_LINE_BREAKS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _kept(ch: str) -> str:
    if ch in _LINE_BREAKS:
        return " "
    if "\ud800" <= ch <= "\udfff":
        return "\ufffd"
    if ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
        return ""
    return ch


def clean_player_name(name: str) -> str:
    """`name` with the rule above applied; may be empty or too long (see
    `normalize_player_name`). For looking a player up: never raises."""
    cleaned = "".join(map(_kept, name))
    return unicodedata.normalize("NFC", cleaned).strip()


def normalize_player_name(name: str) -> str:
    """The name as stored; raises `InvalidPlayerName` when nothing is left of it or it is
    longer than `MAX_NAME_LENGTH`."""
    cleaned = clean_player_name(name)
    if not cleaned:
        raise InvalidPlayerName("A player name cannot be empty.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidPlayerName(
            f"A player name can be at most {MAX_NAME_LENGTH} characters "
            f"(this one has {len(cleaned)})."
        )
    return cleaned
