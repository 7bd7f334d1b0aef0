"""NO_COLOR in a real terminal: the same screens, in greys only."""

from __future__ import annotations

import re

import pytest

from tests.e2e.commands import boschquiz_command
from tests.e2e.tmux_session import TmuxSession

pytestmark = pytest.mark.e2e

_SGR = re.compile(r"\x1b\[([0-9;]*)m")
_PALETTE_COLOURS = {*range(30, 38), *range(40, 48), *range(90, 98), *range(100, 108)}


def colours(styled_screen: str) -> set[tuple[int, int, int] | int]:
    """Every colour an SGR sequence on screen sets: (r, g, b) for 24-bit ones, else the code."""
    found: set[tuple[int, int, int] | int] = set()
    for params in _SGR.findall(styled_screen):
        codes = [int(code) for code in params.split(";") if code]
        i = 0
        while i < len(codes):
            if codes[i] in (38, 48) and codes[i + 1 : i + 2] == [2]:
                r, g, b = codes[i + 2 : i + 5]
                found.add((r, g, b))
                i += 5
            elif codes[i] in (38, 48) and codes[i + 1 : i + 2] == [5]:
                found.add(codes[i + 2])
                i += 3
            else:
                if codes[i] in _PALETTE_COLOURS:
                    found.add(codes[i])
                i += 1
    return found


def menu_colours(terminal: TmuxSession, env: dict[str, str]) -> set[tuple[int, int, int] | int]:
    terminal.start(boschquiz_command(), env=env)
    terminal.wait_for_text("High scores")
    return colours(terminal.screen(styles=True))


def is_grey(colour: tuple[int, int, int] | int) -> bool:
    return isinstance(colour, tuple) and colour[0] == colour[1] == colour[2]


def test_no_color_paints_the_menu_in_greys_only(terminal: TmuxSession) -> None:
    """With NO_COLOR set, every colour on the main menu is a grey (r = g = b)."""
    found = menu_colours(terminal, {"NO_COLOR": "1"})
    assert found, "expected the menu to set some colours"
    assert {c for c in found if not is_grey(c)} == set()


def test_without_no_color_the_menu_has_colour(terminal: TmuxSession) -> None:
    """The control: in a colour terminal the same menu uses at least one non-grey colour."""
    found = menu_colours(terminal, {})
    assert any(not is_grey(c) for c in found)
