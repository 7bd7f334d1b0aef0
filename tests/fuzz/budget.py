"""How much each fuzz target runs: a few hundred seeded cases in `make test`, many more in
`make fuzz`.

`BOSCHQUIZ_FUZZ_EXAMPLES` sets the cases per target (default `QUICK_EXAMPLES`). The quick run
is derandomised (Hypothesis seeds it from the test's name), so `make test` is reproducible;
`make fuzz` draws fresh cases every run (Hypothesis prints the seed of any failure, and
keeps failing cases in its example database to replay them first next time).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, settings

QUICK_EXAMPLES = 300

EXAMPLES = int(os.environ.get("BOSCHQUIZ_FUZZ_EXAMPLES", QUICK_EXAMPLES))

FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=EXAMPLES <= QUICK_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""The settings every fuzz target runs with."""

FUZZ_WITH_SAVES = settings(FUZZ, max_examples=max(1, EXAMPLES // 10))
"""For targets that save every finished game (a save syncs several files): a tenth as many."""

MEMORY_FOLDER = Path("/dev/shm")
"""Files go to memory where the system offers it: a save syncs its files and rewriting a file
can wait for the disk, which would cost more than the case itself. The cases are about
content, not the disk (the store's own suites cover that)."""


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A fresh temporary folder, in memory when possible."""
    where = MEMORY_FOLDER if MEMORY_FOLDER.is_dir() else None
    with tempfile.TemporaryDirectory(dir=where) as folder:
        yield Path(folder)
