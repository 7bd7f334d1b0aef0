"""What can go wrong with saves, each as one sentence a player can act on."""

from __future__ import annotations

from pathlib import Path

from boschquiz.core.diagnostics import UserFacingError
from boschquiz.core.files import describe_os_error


class StoreError(UserFacingError):
    """Any problem with the saves folder; the message is one sentence for the player."""


class SaveFailed(StoreError):
    """A write could not be made (disk full, read-only folder, permission denied).

    Nothing already saved was changed.
    """


class SavesUnreadable(StoreError):
    """A save file exists but the system refuses to read it (permission denied, I/O error)."""


class SavesTooNew(StoreError):
    """The saves were written by a newer boschquiz; they are read, never changed or moved."""


class UnsavableValue(StoreError):
    """A value JSON cannot hold reached `record_game`; nothing was written."""


class InvalidPlayerName(StoreError):
    """A player name that is empty after trimming or longer than the limit."""


class PlayerNameTaken(StoreError):
    """Renaming a player to a name another player already has."""


class NoSuchPlayer(StoreError):
    """Renaming or removing a player the saves do not know."""


# -- wording -----------------------------------------------------------------------------------
# What each file is called in messages, what happens when one is lost, and every sentence the
# store tells the player. One place, so a file has one name and each sentence one wording.

INDEX_FILE = "saves index"
PLAYERS_FILE = "players file"
SEGMENT_FILE = "game history file"

REBUILT = "it will be rebuilt from your game history"
PLAYERS_LOST = "players will be re-created as they play (their settings start afresh)"
SEGMENT_LOST = "the games in it are not counted"


def stats_file_name(player: str) -> str:
    """What a player's question-history file is called in messages."""
    return f"question history of {player!r}"


def save_failed(root: Path, exc: OSError) -> SaveFailed:
    return SaveFailed(
        f"Could not save to {root}: {describe_os_error(exc)}; everything saved before is unchanged."
    )


def lock_timeout(seconds: float) -> SaveFailed:
    return SaveFailed(
        f"Another boschquiz kept the saves locked for {seconds:g} seconds; "
        "nothing was saved, everything saved before is unchanged."
    )


def too_new(root: Path, schema: int) -> str:
    return (
        f"The saves in {root} were written by a newer boschquiz "
        f"(schema {schema}); they are shown but nothing will be saved."
    )


def moved_aside(what: str, path: Path, reason: str, aside: Path, remedy: str) -> str:
    return f"Your {what} {path} could not be read ({reason}), so it was moved to {aside}; {remedy}."


def cannot_move_aside(what: str, path: Path, reason: str, why: str) -> str:
    return (
        f"Your {what} {path} could not be read ({reason}) and could not be "
        f"moved aside ({why}); nothing will be saved until it is fixed or removed."
    )


def tables_behind(exc: OSError) -> str:
    return (
        f"Your game was saved, but the high-score table and stats could not be "
        f"updated ({describe_os_error(exc)}); they will catch up with the next save."
    )


def game_unreadable(game_id: int, path: Path, reason: str) -> str:
    return (
        f"Game {game_id} in your {SEGMENT_FILE} {path} cannot be read ({reason}); "
        "it is not counted."
    )


def segment_copied(path: Path, reason: str, copy: Path) -> str:
    return (
        f"Your {SEGMENT_FILE} {path} held what cannot be read ({reason}); it was copied as it "
        f"was to {copy}, and written back with every game that can be read."
    )


def index_ahead(path: Path, applied: int) -> str:
    return (
        f"Your {INDEX_FILE} {path} counts games up to {applied}, which the game history does "
        f"not hold; {REBUILT}."
    )
