"""What the workers tell the app. Workers never touch widgets; the app's handlers own state."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from boschquiz.core.model import GameRecord
    from boschquiz.packs.bank import BankLoad
    from boschquiz.store import Store


class BankLoaded(Message):
    def __init__(self, load: BankLoad) -> None:
        super().__init__()
        self.load = load


class BankFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class StoreOpened(Message):
    def __init__(
        self,
        store: Store,
        settings: dict[str, dict[str, Any]],
        last_player: str | None,
        notices: tuple[str, ...],
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        """Every player's saved settings, by name."""
        self.last_player = last_player
        self.notices = notices


class StoreFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class GameSaved(Message):
    def __init__(
        self,
        record: GameRecord,
        rank: int | None,
        previous_best: int | None,
        *,
        new_high_score: bool = False,
    ) -> None:
        super().__init__()
        self.record = record
        self.rank = rank
        """1-based place in the table for the game's mode and tier; None when not in the top
        or not ranked."""
        self.previous_best = previous_best
        self.new_high_score = new_high_score
        """The store's word (`SaveReceipt.new_high_score`): ranked, and beats the table."""


class SaveFailed(Message):
    def __init__(self, record: GameRecord, reason: str) -> None:
        super().__init__()
        self.record = record
        self.reason = reason
