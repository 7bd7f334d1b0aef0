"""What the TUI benchmarks share: the command to launch, an isolated home, and floor apps."""

from __future__ import annotations

import argparse
import compileall
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def boschquiz_command() -> list[str]:
    """The venv's `boschquiz` console script, as a player starts it."""
    script = Path(sys.executable).parent / "boschquiz"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "boschquiz"]


def compile_sources() -> None:
    """Write the game's bytecode, as an install from a wheel does and as Python does on a
    first run, so a launch does not compile the game from source.

    Textual, the floor's only code, was compiled by pip when it was installed; the game is an
    editable install, and where PYTHONDONTWRITEBYTECODE is set (as on this workplace's
    machines) Python never caches its bytecode, so every launch would compile it again.
    """
    compileall.compile_dir(REPO_ROOT / "src" / "boschquiz", quiet=1)


def isolated_env(home: Path) -> dict[str, str]:
    """The current environment with saves, cache, packs and XDG folders moved under `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOSCHQUIZ_")}
    for name in ("saves", "cache", "packs"):
        folder = home / name
        folder.mkdir(parents=True, exist_ok=True)
        env[f"BOSCHQUIZ_{name.upper()}"] = str(folder)
    for name in ("DATA", "CACHE", "CONFIG"):
        env[f"XDG_{name}_HOME"] = str(home / f"xdg-{name.lower()}")
    env.pop("NO_COLOR", None)
    env["COLORTERM"] = "truecolor"
    return env


def write_script(folder: Path, name: str, source: str) -> list[str]:
    """Write a floor app's `source` to `folder/name`; the argv that runs it."""
    path = folder / name
    path.write_text(source, encoding="utf-8")
    return [sys.executable, str(path)]


def bench_parser(description: str | None) -> argparse.ArgumentParser:
    """An argument parser with the `--check` option every TUI benchmark takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return parser


@contextmanager
def bench_home(prefix: str) -> Iterator[tuple[Path, dict[str, str]]]:
    """A temporary folder and an environment whose saves, cache and packs live inside it; the
    game's bytecode is written first (`compile_sources`)."""
    compile_sources()
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        root = Path(tmp)
        yield root, isolated_env(root / "home")
