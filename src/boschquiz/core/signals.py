"""Turning SIGTERM and SIGHUP into a clean exit that never cuts a save in half.

Front ends wrap their run in `graceful_exit()`: the signal then raises `SystemExit(128 + n)` (or
calls the front end's own callback, e.g. one that asks a Textual app to exit), so `finally`
blocks run. The store wraps each save in `deferred()`: a signal arriving mid-save is held until
the save is on disk. Signals are only delivered to the main thread; elsewhere these are no-ops.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

EXIT_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)

_depth = 0
_pending: list[int] = []
_on_signal: Callable[[int], None] | None = None


def exit_with_status(signum: int) -> None:
    """The default reaction: unwind the main thread as `SystemExit(128 + signum)`."""
    raise SystemExit(128 + signum)


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _handle(signum: int, frame: FrameType | None) -> None:
    if _depth > 0:
        _pending.append(signum)
        return
    if _on_signal is not None:
        _on_signal(signum)


@contextmanager
def graceful_exit(on_signal: Callable[[int], None] = exit_with_status) -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP call `on_signal(signum)`, after any save in flight."""
    global _on_signal
    if not _in_main_thread():
        yield
        return
    previous_handlers = {sig: signal.getsignal(sig) for sig in EXIT_SIGNALS}
    previous_callback = _on_signal
    _on_signal = on_signal
    for sig in EXIT_SIGNALS:
        signal.signal(sig, _handle)
    try:
        yield
    finally:
        for sig, handler in previous_handlers.items():
            signal.signal(sig, handler)
        _on_signal = previous_callback


@contextmanager
def deferred() -> Iterator[None]:
    """Hold exit signals caught by `graceful_exit` until the block (a save) has finished."""
    global _depth
    if not _in_main_thread():
        yield
        return
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0 and _pending:
            signum = _pending[0]
            _pending.clear()
            if _on_signal is not None:
                _on_signal(signum)
