"""A real terminal for each end-to-end test, with its own saves, cache and packs folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.served import ServedGame
from tests.e2e.tmux_session import TmuxSession, tmux_available


@pytest.fixture
def terminal(tmp_path: Path, isolated_folders: Path) -> Iterator[TmuxSession]:
    """A tmux session (not yet started) whose program sees only the test's temporary folders."""
    if not tmux_available():
        pytest.skip("tmux is not installed (`make tmux` installs it)")
    env = {
        "BOSCHQUIZ_SAVES": str(isolated_folders / "saves"),
        "BOSCHQUIZ_CACHE": str(isolated_folders / "cache"),
        "BOSCHQUIZ_PACKS": str(isolated_folders / "packs"),
        "XDG_DATA_HOME": str(isolated_folders / "xdg-data"),
        "XDG_CACHE_HOME": str(isolated_folders / "xdg-cache"),
        "XDG_CONFIG_HOME": str(isolated_folders / "xdg-config"),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    session = TmuxSession(tmp_path / "tmux", env)
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[ServedGame]:
    """A running `boschquiz serve` on loopback with the test's own saves folder; killed in
    teardown, with any game it left."""
    server = ServedGame(tmp_path / "serve", tmp_path / "served-saves")
    try:
        yield server
    finally:
        server.close()
