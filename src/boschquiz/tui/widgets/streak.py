"""The streak counter, which catches fire at three in a row."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

FLAME_AT = 3


class StreakFlame(Widget):
    streak: reactive[int] = reactive(0)

    def watch_streak(self, streak: int) -> None:
        self.set_class(streak >= FLAME_AT, "-hot")

    def render(self) -> Content:
        if self.streak >= FLAME_AT:
            return Content.from_markup("🔥 [b]$n[/b] in a row", n=str(self.streak))
        return Content.from_markup("streak [b]$n[/b]", n=str(self.streak))
