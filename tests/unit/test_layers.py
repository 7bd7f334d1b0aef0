"""Which package may import which: the layers contract, read from every module's imports.

    core ← yamlsafe ← facts ← packs         core ← game ← store, plain
    interchange (packs and game) · services (core)
    tui and commands on top; cli over everything; web (`boschquiz serve`) runs the cli in
    the game processes it starts

Lazy imports inside functions count the same as those at the top. A second contract keeps
the TUI's screens from importing the app or another full-page screen at run time (type-only
imports are fine): they post messages, and the flow (`tui/flow.py`) moves between them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "boschquiz"

BELOW: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "yamlsafe": frozenset({"core"}),
    "facts": frozenset({"core", "yamlsafe"}),
    "packs": frozenset({"core", "yamlsafe", "facts"}),
    "game": frozenset({"core"}),
    "store": frozenset({"core", "game"}),
    "plain": frozenset({"core", "game"}),
    "interchange": frozenset({"core", "yamlsafe", "facts", "packs", "game"}),
    "services": frozenset({"core"}),
    "tui": frozenset({"core", "yamlsafe", "facts", "packs", "game", "store", "plain", "services"}),
    "commands": frozenset(
        {
            "core",
            "yamlsafe",
            "facts",
            "packs",
            "game",
            "store",
            "plain",
            "interchange",
            "services",
            "tui",
            "web",
        }
    ),
    "web": frozenset({"core", "cli"}),
}
"""Every layer, with the layers it may import (besides itself)."""

MODAL_SCREENS = frozenset({"base", "confirm", "player"})
"""Screen modules a screen may import at run time: the shared base class and the dialogs."""


def imported(tree: ast.AST, *, runtime_only: bool = False) -> Iterator[str]:
    """Every `boschquiz...` module `tree` imports (with `runtime_only`, not under
    `if TYPE_CHECKING:`)."""
    for node in ast.walk(tree):
        if runtime_only and isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        yield from (name for name in names if name.startswith("boschquiz."))


def layer_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0] if parts[0] in BELOW else None


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_package_is_in_the_contract() -> None:
    """A new package must be given its place in the layers before it can land."""
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    modules_ = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__", "cli"}
    assert packages | modules_ <= set(BELOW)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_module_imports_only_from_the_layers_below(path: Path) -> None:
    """`core` imports nothing of ours, `game` only `core`, and so on up to the UI."""
    layer = layer_of(path)
    if layer is None:
        return
    allowed = BELOW[layer] | {layer}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = sorted({m for m in imported(tree) if m.split(".")[1] not in allowed})
    assert wrong == [], f"{layer} may import only {sorted(allowed)}"


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "tui" / "screens").glob("*.py")), ids=lambda p: p.name
)
def test_screens_never_import_the_app_or_another_full_screen(path: Path) -> None:
    """At run time a screen imports neither `tui.app` nor another full-page screen."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = sorted(
        m
        for m in imported(tree, runtime_only=True)
        if m == "boschquiz.tui.app"
        or (
            m.startswith("boschquiz.tui.screens.")
            and m.rsplit(".", 1)[1] not in MODAL_SCREENS | {path.stem}
        )
    )
    assert wrong == []
