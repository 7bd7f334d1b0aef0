"""Text cut to a width in terminal cells: player names in boxes and columns.

Kept apart from `labels` (which needs the core's model) because the menu draws a name before
its first paint, when the model is not imported yet (`tests/unit/test_cli_main.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.cells import cell_len
from textual.content import Content

NAME_CELLS = 32
"""Terminal columns a player's name may take on screen: any name of the longest the store
takes (32 characters) in a narrow script shows whole; in a wide script it would take 64, and
is cut with an ellipsis instead."""


def fit_cells(text: str, cells: int) -> str:
    """`text` cut to at most `cells` terminal columns, ending in "…" when it was cut.

    Widths are terminal cells, not characters: a CJK character or an emoji takes two, a
    combining accent none, and an emoji sequence (family, flag, skin tone) is never split.
    Every place that draws a player name in a box or a column goes through here (with
    `NAME_CELLS`, or the column's width), so a long or wide name never pushes a border out.
    """
    if cell_len(text) <= cells:
        return text
    kept = Content(text).truncate(max(cells - 1, 0)).plain
    return kept.rstrip() + "…"


def player_name(name: str, cells: int = NAME_CELLS) -> str:
    """A player's name as drawn: at most `cells` columns."""
    return fit_cells(name, cells)


def name_column(names: Iterable[str]) -> Callable[[str], str]:
    """A function drawing each of `names` in one column: cut to `NAME_CELLS` and padded with
    spaces to the widest, by terminal cells (`f"{name:<{width}}"` counts characters, so a
    CJK or emoji name pushed every column after it out of line)."""
    width = max((cell_len(player_name(name)) for name in names), default=0)

    def draw(name: str) -> str:
        shown = player_name(name)
        return shown + " " * (width - cell_len(shown))

    return draw
