"""Keeps every test away from the developer's real saves, cache and packs folders."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point saves, cache and user packs at a fresh temporary folder for every test."""
    home = tmp_path / "home"
    for name in ("saves", "cache", "packs"):
        (home / name).mkdir(parents=True)
    monkeypatch.setenv("BOSCHQUIZ_SAVES", str(home / "saves"))
    monkeypatch.setenv("BOSCHQUIZ_CACHE", str(home / "cache"))
    monkeypatch.setenv("BOSCHQUIZ_PACKS", str(home / "packs"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    return home
