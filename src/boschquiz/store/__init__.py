"""Saves that are never lost: players, games, question stats, streaks and high scores.

TinyDB files, written atomically under a file lock. `store.py` is the `Store` façade (how saves
are read, repaired and written); `layout.py` says what lives where, `formats.py` what each
derived file holds and how it is checked, `updater.py` how logged games are folded into them,
`errors.py` every sentence the player is told.
"""

from boschquiz.store.errors import (
    InvalidPlayerName,
    SaveFailed,
    SavesTooNew,
    SavesUnreadable,
    StoreError,
    UnsavableValue,
)
from boschquiz.store.horizon import SavedHorizon, horizon_from_settings, horizon_to_settings
from boschquiz.store.names import MAX_NAME_LENGTH, clean_player_name, normalize_player_name
from boschquiz.store.records import PlayerRecord, SaveReceipt, StreakRecords
from boschquiz.store.scoretable import ScoreRow
from boschquiz.store.stats import GroupStats
from boschquiz.store.store import CURRENT_SCHEMA, Store

__all__ = [
    "CURRENT_SCHEMA",
    "MAX_NAME_LENGTH",
    "GroupStats",
    "InvalidPlayerName",
    "PlayerRecord",
    "SaveFailed",
    "SaveReceipt",
    "SavedHorizon",
    "SavesTooNew",
    "SavesUnreadable",
    "ScoreRow",
    "Store",
    "StoreError",
    "StreakRecords",
    "UnsavableValue",
    "clean_player_name",
    "horizon_from_settings",
    "horizon_to_settings",
    "normalize_player_name",
]
