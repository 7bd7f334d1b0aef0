"""Text as it crosses formats: control characters out, whitespace folded, formulas defused."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic, warning

_SPACES = re.compile(r"\s+")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet reads a cell starting with one of these as a formula (or may)."""

FORMULA_GUARD = "'"
"""Put before such a cell: spreadsheets show the text and never run it."""


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


def clean_text(text: str, path: Path, line: int, what: str, findings: list[Diagnostic]) -> str:
    """`text` on one line with its spaces folded, and without control characters.

    Packs refuse control characters (a terminal would act on them), so any that is left after
    whitespace is folded is dropped, and a warning at `line` says so.
    """
    folded = _SPACES.sub(" ", text).strip()
    if not any(_is_control(c) for c in folded):
        return folded
    kept = "".join(c for c in folded if not _is_control(c))
    dropped = sorted({f"U+{ord(c):04X}" for c in folded if _is_control(c)})
    findings.append(
        warning(
            path,
            line,
            1,
            f"dropped control character(s) {', '.join(dropped)} from the {what}",
            "packs refuse control characters: check the text reads right",
        )
    )
    return kept.strip()


_NUMERIC_ENTITY = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def decode_entities(text: str, path: Path, line: int, what: str, findings: list[Diagnostic]) -> str:
    """HTML entities decoded (`&quot;`, `&#039;`, `&eacute;`); a numeric one that stands for a
    control character is dropped with a warning (Python's own decoding drops some silently)."""
    dropped: list[str] = []

    def keep(found: re.Match[str]) -> str:
        hex_digits, digits = found.groups()
        code = int(hex_digits, 16) if hex_digits else int(digits)
        if code == 0 or (code < 0x110000 and _is_control(chr(code))):
            dropped.append(found.group())
            return ""
        return found.group()

    kept = _NUMERIC_ENTITY.sub(keep, text)
    if dropped:
        findings.append(
            warning(
                path,
                line,
                1,
                f"dropped {', '.join(dropped)} from the {what}: a control character",
                "packs refuse control characters",
            )
        )
    return html.unescape(kept)


def defuse_formula(cell: str) -> str:
    """A cell a spreadsheet would run as a formula, made plain text (see docs/packs.md).

    A cell that starts with the guard itself gets one more, so `restore_formula` gives back
    exactly what was written."""
    guarded = cell.startswith(FORMULA_STARTS) or cell.startswith(FORMULA_GUARD)
    return FORMULA_GUARD + cell if guarded else cell


def restore_formula(cell: str) -> str:
    """The inverse of `defuse_formula`: one guard off a cell it would have guarded."""
    rest = cell[1:]
    if cell.startswith(FORMULA_GUARD) and rest.startswith((*FORMULA_STARTS, FORMULA_GUARD)):
        return rest
    return cell
