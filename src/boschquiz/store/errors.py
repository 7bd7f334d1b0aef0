"""What can go wrong with saves, each as one sentence a player can act on."""

from __future__ import annotations

from boschquiz.core.diagnostics import UserFacingError


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
