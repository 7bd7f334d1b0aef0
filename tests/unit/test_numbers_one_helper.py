"""Numbers read the same everywhere: the TUI formats points only through `core.numbers`."""

from __future__ import annotations

import re
from pathlib import Path

from boschquiz.core.numbers import points

TUI = Path(__file__).parents[2] / "src" / "boschquiz" / "tui"
OWN_FORMAT = re.compile(r"\{[^{}]*:[<>^]?\d*,\}")
"""A format spec with a thousands separator: `{n:,}`, `{n:>6,}`."""


def test_points_separate_thousands_with_commas() -> None:
    assert [points(n) for n in (0, 999, 3740, 1_234_567, -1250)] == [
        "0",
        "999",
        "3,740",
        "1,234,567",
        "-1,250",
    ]


def test_the_tui_formats_numbers_only_through_the_one_helper() -> None:
    """No screen or widget formats a number with `:,` itself: `core.numbers.points` does it,
    so 3,740 reads the same in the CLI and the TUI."""
    found = [
        f"{path.relative_to(TUI)}:{n}"
        for path in sorted(TUI.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OWN_FORMAT.search(line)
    ]
    assert found == []
