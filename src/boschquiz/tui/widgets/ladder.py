"""The ladder's rungs, top rung first: each rung's difficulty and value, the safe havens, the
climbed rungs and the current one, all readable without colour (▶ current, ✓ climbed,
★ safe haven).

A climbed rung shows the score on reaching it; a rung above shows what reaching it is worth
at least (`ladder.rung_values`: the score now plus each rung's guaranteed minimum). When the
panel is shorter than the ladder, the rungs around the current one are kept.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from boschquiz.core.model import Difficulty
from boschquiz.core.numbers import points
from boschquiz.game.ladder import Rung, rung_values

DIFFICULTY_SHORT = {Difficulty.EASY: "easy", Difficulty.MEDIUM: "med", Difficulty.HARD: "hard"}
VALUE_WIDTH = 7


class LadderRungs(Widget):
    def __init__(self, rungs: tuple[Rung, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rungs = rungs
        self._earned: tuple[int, ...] = ()
        self._current = 0
        self.border_title = "Ladder · at least"
        self.border_subtitle = "★ safe haven"

    def set_progress(self, current: int, earned: tuple[int, ...]) -> None:
        """Light rung `current` (1-based); `earned` holds each climbed rung's points."""
        if (current, earned) != (self._current, self._earned):
            self._current, self._earned = current, earned
            self.refresh()

    def rung_lines(self) -> list[Content]:
        """Every rung's line, top rung first."""
        values = rung_values(self._rungs, self._earned)
        lines: list[Content] = []
        for rung, value in zip(reversed(self._rungs), reversed(values), strict=True):
            if rung.number == self._current:
                mark, style = "▶", "reverse bold"
            elif rung.number < self._current:
                mark, style = "✓", "$text-muted"
            else:
                mark, style = " ", "$accent bold" if rung.safe_haven else ""
            haven = "★" if rung.safe_haven else " "
            line = (
                f"{mark}{rung.number:>2} {haven} {DIFFICULTY_SHORT[rung.difficulty]:<4}"
                f" {points(value):>{VALUE_WIDTH}}"
            )
            lines.append(Content.styled(line, style) if style else Content(line))
        return lines

    def render(self) -> Content:
        lines = self.rung_lines()
        room = self.content_size.height
        if 0 < room < len(lines):
            at = max(0, len(self._rungs) - self._current)
            start = min(max(0, at - room // 2), len(lines) - room)
            lines = lines[start : start + room]
        return Content("\n").join(lines)
