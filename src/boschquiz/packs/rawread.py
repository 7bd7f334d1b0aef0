"""Reading a pack's or facts file's bytes without importing the YAML machinery.

A warm start serves packs and facts from the cache, which needs only the files' bytes (they
are the cache key), never PyYAML, the schema checker or the content checks. Importing
`boschquiz.yamlsafe` for `read_capped` would import all of those (about 25 ms) while the
menu is waiting for its first key, so the cache-hit path reads through here instead, and
only a file that cannot be read asks `boschquiz.yamlsafe.guards.read_capped` why, so every
diagnostic still has one wording. `MAX_BYTES` and `paused_gc` are copies of yamlsafe's
(tests/unit/test_bank_import_cost.py checks they agree).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic

MAX_BYTES = 16 * 1024 * 1024
"""Largest file accepted: the same value as `boschquiz.yamlsafe.MAX_BYTES`."""


def read_capped(path: Path, max_bytes: int) -> tuple[bytes | None, Diagnostic | None]:
    """The file's bytes, or a diagnostic when it cannot be read or is over `max_bytes`.

    The same result as `boschquiz.yamlsafe.guards.read_capped`, which is imported only to
    word the diagnostic.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError:
        data = None
    if data is not None and len(data) <= max_bytes:
        return data, None
    from boschquiz.yamlsafe.guards import read_capped as read_with_diagnostic

    return read_with_diagnostic(path, max_bytes)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large acyclic structure.

    The same as `boschquiz.yamlsafe.paused_gc`.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
