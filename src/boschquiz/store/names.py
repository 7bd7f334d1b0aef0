"""Player names: free text, trimmed, at most `MAX_NAME_LENGTH` characters, stored as typed."""

from __future__ import annotations

from boschquiz.store.errors import InvalidPlayerName

MAX_NAME_LENGTH = 32


def normalize_player_name(name: str) -> str:
    """The name as stored: surrounding whitespace trimmed, everything else exactly as typed."""
    trimmed = name.strip()
    if not trimmed:
        raise InvalidPlayerName("A player name cannot be empty.")
    if len(trimmed) > MAX_NAME_LENGTH:
        raise InvalidPlayerName(
            f"A player name can be at most {MAX_NAME_LENGTH} characters "
            f"(this one has {len(trimmed)})."
        )
    return trimmed
