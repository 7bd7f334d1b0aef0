"""Ticks that read without colour: Textual draws ▐X▌ for both states and tells them apart by
colour alone, so under NO_COLOR (or to a colour-blind player) on and off look the same.

These draw ▐X▌ when ticked and ▐ ▌ when not.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList

TICKED = "X"
UNTICKED = " "


class MarkedCheckbox(Checkbox):
    """A checkbox whose mark is blank when off."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = TICKED if self.value else UNTICKED

    def watch_value(self) -> None:
        self.BUTTON_INNER = TICKED if self.value else UNTICKED
        super().watch_value()


class FilterList(SelectionList[str]):
    """A list of things to play (packs, shows, categories): ticked ones are in the game.

    Space ticks or unticks the highlighted line; `a` ticks every line, or unticks them all
    when all are ticked. The border's subtitle says how many are ticked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Tick", id="filter-tick"),
        Binding("a", "tick_all", "All/none", id="filter-all"),
    ]

    def render_line(self, y: int) -> Strip:
        """Textual's line, with the mark blanked on an unticked line."""
        line = super().render_line(y)
        index = self.scroll_offset.y + y
        if index >= self.option_count:
            return line
        if self.get_option_at_index(index).value in self.selected:
            return line
        segments = list(line)
        if len(segments) < 2 or segments[1].text != Checkbox.BUTTON_INNER:
            return line
        segments[1] = Segment(UNTICKED, segments[1].style)
        return Strip(segments, line.cell_length)

    def action_tick_all(self) -> None:
        if len(self.selected) == self.option_count:
            self.deselect_all()
        else:
            self.select_all()

    def ticked_summary(self) -> str:
        """What the border says: "all ticked", "2/4 ticked", "none ticked" (short enough for
        a list a third of 60 columns wide)."""
        ticked, total = len(self.selected), self.option_count
        if ticked == total:
            return "all ticked"
        if ticked == 0:
            return "none ticked"
        return f"{ticked}/{total} ticked"
