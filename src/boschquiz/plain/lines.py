"""What a line typed (or piped) by the player becomes before the game sees it.

Standard input is read with undecodable bytes replaced by U+FFFD (`tolerant_streams`), and any
lone surrogate a stream still hands over (Python's `surrogateescape`) is replaced the same way,
so an answer is always text that can be saved. A number picks a choice only when it is written
in decimal digits (`²` is text, not 2) and is short enough to be a choice number. A line
longer than `MAX_LINE` characters keeps its first `MAX_LINE` (no answer is that long), and the
rest of it is skipped, so a line with no end never fills the memory.
"""

from __future__ import annotations

import contextlib
import re
import sys
from typing import TextIO

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_CHOICE_DIGITS = 3
MAX_LINE = 1_000
"""Characters of one input line the game looks at."""


def read_line(stream: TextIO) -> str | None:
    """The next line of `stream`, at most `MAX_LINE` characters; None when input has ended."""
    line = stream.readline(MAX_LINE + 1)
    if line == "":
        return None
    if len(line) > MAX_LINE and not line.endswith("\n"):
        rest = line
        while rest and not rest.endswith("\n"):
            rest = stream.readline(MAX_LINE)
        line = line[:MAX_LINE]
    return line


def player_text(raw: str) -> str:
    """`raw` trimmed, with every lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, raw).strip()


def choice_number(text: str, count: int) -> int | None:
    """The 0-based choice `text` names ("1" to `count`), else None (it is then a typed answer)."""
    if not text.isdecimal() or len(text) > _MAX_CHOICE_DIGITS:
        return None
    number = int(text)
    return number - 1 if 1 <= number <= count else None


def tolerant_streams(stdin: TextIO | None = sys.stdin, stdout: TextIO | None = sys.stdout) -> None:
    """Read standard input with bad bytes replaced, and write what cannot be encoded (a file
    name that is not UTF-8) as a backslash escape, whatever `PYTHONIOENCODING` asked for."""
    for stream, errors in ((stdin, "replace"), (stdout, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # Already read from, or closed: then it stays as it is.
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors=errors)
