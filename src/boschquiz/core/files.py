"""Reading a file we did not write ourselves without hanging or eating memory, and wording
why a file could not be used. Shared by the YAML loaders and the store."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class FileRefused(Exception):
    """A path that exists but is not read: `reason` says why in a few words (no path)."""

    def __init__(self, reason: str, os_error: OSError | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.os_error = os_error


class FileTooLarge(FileRefused):
    """A regular file over the size limit (not read)."""


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes. Only a regular file is read: it is opened without blocking and
    checked before a byte is read, so a FIFO (which would wait for a writer for ever) or a
    device such as /dev/zero (which never ends) is refused, and so is a file over `max_bytes`.

    Raises `FileNotFoundError`/`NotADirectoryError` when there is no such file, `FileRefused`
    (or `FileTooLarge`) otherwise.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise
    except IsADirectoryError:
        raise FileRefused("is a folder, not a file") from None
    except OSError as exc:
        raise FileRefused(describe_os_error(exc), exc) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise FileRefused("is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise FileRefused(f"is {file_kind(mode)}, not a regular file")
        data = _read_at_most(descriptor, max_bytes + 1)
    except OSError as exc:
        raise FileRefused(describe_os_error(exc), exc) from None
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise FileTooLarge(f"is larger than the {max_bytes // (1024 * 1024)} MiB limit")
    return data


def _read_at_most(descriptor: int, limit: int) -> bytes:
    """Up to `limit` bytes, in pieces sized by what the file holds (asking for `limit` at
    once would allocate that much however small the file)."""
    chunks: list[bytes] = []
    size = 0
    want = min(os.fstat(descriptor).st_size + 1, limit)
    while size < limit:
        chunk = os.read(descriptor, min(max(want, 1 << 16), limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def describe_os_error(exc: OSError) -> str:
    """A few words for why a file operation failed, without repeating the (maybe huge) path."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the folder is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return "a file is in the way where a folder should be"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is longer than the system allows"
    if exc.errno == errno.ELOOP:
        return "symbolic links point at each other in a loop"
    return exc.strerror or type(exc).__name__
