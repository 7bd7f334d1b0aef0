"""The countdown bar: drawn from the engine's deadline, repainted only when its look changes."""

from __future__ import annotations

import math

from textual.content import Content
from textual.events import Resize
from textual.widget import Widget

URGENT_SECONDS = 5
"""In the last this many seconds the bar turns urgent."""


class CountdownBar(Widget):
    """A bar and a seconds figure. The owner calls `show()` often; this repaints only on change.

    The widget never keeps time itself: whatever owns the clock tells it how much is left.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._left: float | None = None
        self._total: float | None = None
        self._paused = False
        self._painted: tuple[int, int, bool] | None = None

    @property
    def painted(self) -> tuple[int, int, bool] | None:
        """What is on screen: (whole seconds, filled cells, paused); None before the first paint."""
        return self._painted

    def show(
        self, seconds_left: float | None, total: float | None, *, paused: bool = False
    ) -> None:
        """Set the time left; `None` means the question is untimed."""
        self._left, self._total, self._paused = seconds_left, total, paused
        self._repaint_if_changed()

    def on_resize(self, _event: Resize) -> None:
        self._repaint_if_changed()

    def _bar_width(self) -> int:
        return max(self.size.width - 7, 0)

    def _key(self) -> tuple[int, int, bool]:
        if self._left is None or not self._total:
            return (-1, 0, self._paused)
        seconds = max(math.ceil(self._left), 0)
        fraction = min(max(self._left / self._total, 0.0), 1.0)
        return (seconds, round(self._bar_width() * fraction), self._paused)

    def _repaint_if_changed(self) -> None:
        key = self._key()
        if key == self._painted:
            return
        self._painted = key
        seconds = key[0]
        self.set_class(0 <= seconds <= URGENT_SECONDS, "-urgent")
        self.set_class(self._paused, "-paused")
        self.set_class(seconds < 0, "-untimed")
        self.refresh()

    def render(self) -> Content:
        seconds, filled, paused = self._painted or self._key()
        if seconds < 0:
            return Content.from_markup("[dim]no clock: take your time")
        empty = self._bar_width() - filled
        label = " paused" if paused else f" {seconds:>4}s"
        return Content.assemble(
            "█" * filled,
            ("░" * empty, "dim"),
            (label, "bold"),
        )
