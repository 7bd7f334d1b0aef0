"""Textual's private API is reached from one test module only, so an upgrade is one edit."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ALLOWED = TESTS / "tui" / "textual_internals.py"
PRIVATE = re.compile(
    r"\._(notifications|compositor|background_screens|variables|driver|bindings_ready)\b"
    r"|textual(\.[a-z_]+)*\._[a-z]"
)


def test_textual_internals_stay_in_one_module() -> None:
    """No test file but `tests/tui/textual_internals.py` names a private Textual attribute."""
    offenders = [
        f"{path.relative_to(TESTS)}:{number}: {line.strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        if path != ALLOWED and path != Path(__file__)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert offenders == []


def test_the_internals_module_is_where_they_are() -> None:
    """The guard above looks for the right names: the allowed module does use them."""
    assert PRIVATE.search(ALLOWED.read_text(encoding="utf-8"))
