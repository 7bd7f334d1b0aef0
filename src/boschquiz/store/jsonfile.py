"""Reading a saves file, with every check that keeps hostile content from crashing or hanging us.

`read_tinydb_file` accepts exactly what the store's writer produces (`atomic.encode_tinydb`)
and refuses the rest with `UnreadableFile`, whose reason is a few words for the player:

- only a regular file (a FIFO would hang, a device such as /dev/zero never ends), opened
  without blocking and read up to `MAX_FILE_BYTES`;
- UTF-8 JSON, one object of tables, each an object of documents with ASCII-digit ids of at
  most `MAX_ID_DIGITS` digits, each document an object;
- nesting at most `MAX_DEPTH` deep; no NaN, Infinity or number too large for a float
  (`1e400`); no integer over Python's digit limit; no text holding a lone surrogate
  (`"\\ud800"`), which could never be written back as UTF-8.

The game log is read with `lenient=True`: a value that breaks those rules inside one game then
does not cost the other games of its segment. Non-finite floats stay floats and oversized
integers become `TOO_MANY_DIGITS`; `json_problem` finds them, game by game (`codec.check_game`).

OS errors (permission denied, a symlink loop, an I/O error) are reported as `UnreadableFile`
too, with the OS's reason: to the player, a file that cannot be read is damaged.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any, Final

from boschquiz.core.files import FileRefused, read_regular_file

TinyDBData = dict[str, dict[str, dict[str, Any]]]

MAX_FILE_BYTES: Final = 16 * 1024 * 1024
"""The largest saves file read (16 MiB, as for packs); a 100,000-game log stays far below it,
its segments holding 25 games each."""
MAX_DEPTH: Final = 32
"""How deep objects and lists may nest in a saves file (ours nest 6 deep at most)."""
MAX_ID_DIGITS: Final = 9
"""Document ids (game ids in the log) have at most this many digits."""
MAX_INT_DIGITS: Final = 4300
"""Python refuses to read longer integers (`sys.get_int_max_str_digits`)."""

_DOC_ID = re.compile(rf"[0-9]{{1,{MAX_ID_DIGITS}}}")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class UnreadableFile(Exception):
    """A file that exists but is not a TinyDB document; `reason` says why in a few words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class _TooManyDigits:
    """Stands for an integer too long to read, inside a leniently read game."""

    def __repr__(self) -> str:
        return f"an integer of more than {MAX_INT_DIGITS} digits"


TOO_MANY_DIGITS: Final = _TooManyDigits()


def read_tinydb_file(path: Path, *, lenient: bool = False) -> TinyDBData | None:
    """The TinyDB document in `path`, None when it does not exist.

    Raises `UnreadableFile` for anything TinyDB would choke on or silently treat as empty
    (0 bytes, `null`, a list, corrupt or trailing bytes, a table or document that is not an
    object) and for everything listed in the module docstring.
    """
    raw = _read_bytes(path)
    if raw is None:
        return None
    if not raw.strip():
        raise UnreadableFile(path, "is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(path, "is not UTF-8 text") from None
    try:
        data = _decode(text, lenient)
    except RecursionError:
        raise UnreadableFile(path, "nests deeper than any saves file") from None
    except json.JSONDecodeError as exc:
        raise UnreadableFile(path, f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except ValueError as exc:
        raise UnreadableFile(path, f"holds {_value_problem(exc)}") from None
    if not isinstance(data, dict):
        raise UnreadableFile(path, f"holds {type(data).__name__} instead of an object of tables")
    for table_name, table in data.items():
        if not isinstance(table, dict):
            raise UnreadableFile(path, f"table {table_name!r} is not an object")
        for doc_id, doc in table.items():
            if not _DOC_ID.fullmatch(doc_id) or not isinstance(doc, dict):
                raise UnreadableFile(path, f"table {table_name!r} has a malformed entry")
    if not lenient:
        problem = json_problem(data, surrogates=bool(_SURROGATE_ESCAPE.search(raw)))
        if problem is not None:
            raise UnreadableFile(path, f"holds {problem}")
    return data


def json_problem(value: object, *, surrogates: bool = True, depth: int = MAX_DEPTH) -> str | None:
    """Why `value` (parsed JSON) could not be written back as we write it, or None: nested
    deeper than `depth`, a non-finite float, an unreadable integer, or (when `surrogates`)
    text with a lone surrogate."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if level > depth:
            return f"values nested more than {depth} deep"
        if type(item) is dict:
            if surrogates and any(_SURROGATE.search(key) for key in item):
                return "text that is not valid Unicode"
            children: Any = item.values()
        else:
            children = item
        for child in children:
            kind = type(child)
            if kind is dict or kind is list:
                stack.append((child, level + 1))
            elif kind is float:
                if not math.isfinite(child):
                    return f"the number {child!r}"
            elif kind is str:
                if surrogates and _SURROGATE.search(child):
                    return "text that is not valid Unicode"
            elif child is TOO_MANY_DIGITS:
                return repr(child)
    return None


def _strict_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text}, too large for a float")
    return value


def _refuse_constant(text: str) -> float:
    raise ValueError(f"the number {text}")


def _lenient_int(text: str) -> int | _TooManyDigits:
    return TOO_MANY_DIGITS if len(text.lstrip("-")) > MAX_INT_DIGITS else int(text)


_STRICT = json.JSONDecoder(parse_float=_strict_float, parse_constant=_refuse_constant)
_LENIENT = json.JSONDecoder(parse_int=_lenient_int)


def _decode(text: str, lenient: bool) -> object:
    return (_LENIENT if lenient else _STRICT).decode(text)


def _value_problem(exc: ValueError) -> str:
    message = str(exc)
    if message.startswith("Exceeds the limit"):
        return repr(TOO_MANY_DIGITS)
    return message if message.startswith("the number") else "a value that cannot be kept"


def _read_bytes(path: Path) -> bytes | None:
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except FileRefused as exc:
        raise UnreadableFile(path, exc.reason) from None
