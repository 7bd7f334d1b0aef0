"""The ladder's rungs, top rung first: safe havens marked, climbed rungs with their points."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from boschquiz.core.numbers import points as format_points


class LadderRungs(Widget):
    def __init__(self, rungs: int, havens: tuple[int, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rungs = rungs
        self._havens = havens
        self._earned: tuple[int, ...] = ()
        self._current = 0

    def set_progress(self, current: int, earned: tuple[int, ...]) -> None:
        """Light rung `current` (1-based); `earned` holds each climbed rung's points."""
        if (current, earned) != (self._current, self._earned):
            self._current, self._earned = current, earned
            self.refresh()

    def render(self) -> Content:
        lines: list[Content] = []
        for rung in range(self._rungs, 0, -1):
            safe = rung in self._havens
            marker = "◆" if safe else "·"
            points = (
                format_points(self._earned[rung - 1]).rjust(6)
                if rung <= len(self._earned)
                else " " * 6
            )
            line = f" {rung:>2} {marker} {points} "
            if rung == self._current:
                style = "reverse bold"
            elif rung < self._current:
                style = "$text-muted"
            elif safe:
                style = "$accent bold"
            else:
                style = ""
            lines.append(Content.styled(line, style) if style else Content(line))
        return Content("\n").join(lines)
