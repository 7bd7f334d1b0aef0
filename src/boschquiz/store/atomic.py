"""Crash-safe files: write a temporary file in the same folder, fsync, rename, fsync the folder.

A crash at any instant leaves either the old file or the new one, never a broken one. Temporary
files left by a killed write carry `TEMP_SUFFIX` and are removed by the next writer.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from pathlib import Path

from boschquiz.store.jsonfile import TinyDBData

TEMP_SUFFIX = ".boschquiz-tmp"


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace `path` with `data` so that readers and crashes see the old or the new content.

    `durable`: fsync the file before the rename and the folder after it, so the new content
    survives a power cut once this returns. Files that can be rebuilt skip it (see store.py).
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        fsync_dir(path.parent)


def remove_orphaned_temp_files(folder: Path) -> list[Path]:
    """Delete temporary files a killed write left behind; call only while holding the lock."""
    removed: list[Path] = []
    try:
        entries = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return removed
    for name in entries:
        if name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                (folder / name).unlink()
                removed.append(folder / name)
    return removed


def encode_tinydb(data: TinyDBData) -> bytes:
    """The bytes written for `data`; raises ValueError/TypeError for values JSON cannot hold."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
