"""The core (packs, facts, game, store) must never import Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import boschquiz

CORE_PACKAGES = ("core", "packs", "facts", "game", "store", "yamlsafe", "plain", "interchange")


def core_modules() -> list[str]:
    names: list[str] = []
    for info in pkgutil.walk_packages(boschquiz.__path__, prefix="boschquiz."):
        if info.name.split(".")[1] in CORE_PACKAGES:
            names.append(info.name)
    return names


def test_core_module_list_is_not_empty() -> None:
    """Guards the test below against silently checking nothing."""
    assert "boschquiz.core.model" in core_modules()


@pytest.mark.process
@pytest.mark.parametrize("module", core_modules())
def test_core_module_imports_neither_textual_nor_rich(module: str) -> None:
    """Each core module, imported alone in a fresh interpreter, pulls in no UI library."""
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"{module} imports {out}"
