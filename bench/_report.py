"""Shared printing for benchmarks: a figure, its floor, the ratio and the target."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `fn` in seconds over `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, figure: float, floor_name: str, floor: float, max_ratio: float) -> bool:
    """Print `figure` next to `floor` measured in the same run; True when within the target."""
    ratio = figure / floor if floor else float("inf")
    ok = ratio <= max_ratio
    verdict = "PASS" if ok else "MISS"
    print(
        f"{verdict} {name}: {figure * 1000:.1f} ms | floor ({floor_name}): {floor * 1000:.1f} ms"
        f" | ratio {ratio:.2f}x (target <= {max_ratio:g}x)"
    )
    return ok


def report_absolute(name: str, figure: float, limit: float, floor_name: str, floor: float) -> bool:
    """Print a figure against an absolute limit, with a floor for scale."""
    ok = figure <= limit
    verdict = "PASS" if ok else "MISS"
    print(
        f"{verdict} {name}: {figure * 1000:.2f} ms (target <= {limit * 1000:g} ms)"
        f" | floor ({floor_name}): {floor * 1000:.2f} ms"
    )
    return ok


@dataclass(frozen=True)
class Startup:
    """One launch: seconds until the first screen is painted, and until it answers a key."""

    painted: float
    interactive: float


def report_startup(
    name: str, runs: Sequence[Startup], floor_name: str, floors: Sequence[Startup], max_ratio: float
) -> bool:
    """Painted and interactive medians of `runs` next to those of `floors`; True within target."""
    ok = report(
        f"{name} painted",
        statistics.median(run.painted for run in runs),
        f"{floor_name} painted",
        statistics.median(run.painted for run in floors),
        max_ratio,
    )
    ok &= report(
        f"{name} interactive",
        statistics.median(run.interactive for run in runs),
        f"{floor_name} interactive",
        statistics.median(run.interactive for run in floors),
        max_ratio,
    )
    return ok
