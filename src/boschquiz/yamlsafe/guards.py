"""Checks on a file's bytes and text before any YAML parser sees them."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic, error
from boschquiz.core.files import (
    FileRefused,
    FileTooLarge,
    describe_os_error,
    read_regular_file,
)

_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_NOT_ALLOWED = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
"""Characters YAML forbids in a stream (the same set PyYAML's reader rejects)."""

SAVE_AS_UTF8 = "save the file as UTF-8 text"
_ALLOWED_ASCII = b"\t\n\r" + bytes(range(0x20, 0x7F))


def _clean_ascii(data: bytes) -> bool:
    """True for ASCII with no character YAML forbids: the common case, checked in C at about
    a millisecond per megabyte (the full check is a regular expression several times slower)."""
    return data.isascii() and not data.translate(None, _ALLOWED_ASCII)


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of the byte at `offset`."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def read_capped(path: Path, max_bytes: int) -> tuple[bytes | None, Diagnostic | None]:
    """The file's bytes, or a diagnostic when it cannot be read or is over `max_bytes`.

    Only a regular file is read (`core.files.read_regular_file`): a FIFO, a device such as
    /dev/zero, a symlink loop and a name too long are refused with a sentence.
    """
    try:
        return read_regular_file(path, max_bytes), None
    except FileNotFoundError:
        return None, error(path, 0, 0, "no such file")
    except NotADirectoryError as exc:
        return None, error(path, 0, 0, f"cannot read the file: {describe_os_error(exc)}")
    except FileTooLarge as exc:
        return None, error(path, 0, 0, f"file {exc.reason}", "split it into several packs")
    except FileRefused as exc:
        if exc.os_error is not None:
            return None, error(path, 0, 0, f"cannot read the file: {exc.reason}")
        hint = "give a YAML file" if "regular file" in exc.reason else ""
        return None, error(path, 0, 0, exc.reason, hint)


def decode(path: Path, data: bytes) -> tuple[str | None, Diagnostic | None]:
    """The file's text, or a diagnostic for empty, binary, non-UTF-8 or forbidden content."""
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            return None, error(path, 1, 1, f"file is {name} encoded", SAVE_AS_UTF8)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip():
        return None, error(path, 0, 0, "file is empty")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = line_col(data, nul)
        return None, error(
            path, line, col, "file contains binary data (a NUL byte)", "is this a YAML file?"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = line_col(data, exc.start)
        return None, error(
            path, line, col, f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", SAVE_AS_UTF8
        )
    bad = None if _clean_ascii(data) else _NOT_ALLOWED.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - text.rfind("\n", 0, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        return None, error(path, line, col, f"character {code} is not allowed in YAML")
    return text, None
