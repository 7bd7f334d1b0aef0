"""Unit tests that start a process carry the `process` marker (`make test-quick` leaves them
out); one that starts a process without it fails, so the marker stays true."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest


class _UnmarkedProcess(subprocess.Popen):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pytest.fail(
            "this test starts a process: mark it @pytest.mark.process"
            " (so `make test-quick` can leave it out)",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def processes_only_when_marked(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if request.node.get_closest_marker("process") is None:
        monkeypatch.setattr(subprocess, "Popen", _UnmarkedProcess)
