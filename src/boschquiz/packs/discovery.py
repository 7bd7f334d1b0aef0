"""Finding packs: the built-in ones, the user's packs folder, and any given on the command line."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from boschquiz.core.diagnostics import error
from boschquiz.core.model import GENERATED_PACK_ID
from boschquiz.core.paths import AppPaths
from boschquiz.packs.loader import PackLoadResult, load_pack

PACK_SUFFIXES = (".yaml", ".yml")


def pack_files(location: Path) -> list[Path]:
    """`location` itself when it is a file, else every YAML file under it (hidden ones skipped).

    A location that cannot even be looked at (a name too long, a symlink loop) is returned as
    a file, so loading it reports why in a sentence.
    """
    try:
        is_folder = location.is_dir()
    except OSError:
        is_folder = False
    if not is_folder:
        return [location]
    return sorted(
        found
        for found in location.rglob("*")
        if found.suffix in PACK_SUFFIXES
        and found.is_file()
        and not any(part.startswith(".") for part in found.relative_to(location).parts)
    )


def discover(
    paths: AppPaths, extra: Sequence[Path] = (), *, installed: bool = True
) -> tuple[PackLoadResult, ...]:
    """Every pack the game would see, in order: built-in, the user's folder, then `extra`.

    Missing built-in or user folders are simply empty; a missing `extra` path is an error.
    A pack whose id an earlier pack already uses (or the reserved `gen`) is refused with an
    error. With `installed=False` only `extra` is read.
    """
    installed_folders = (paths.builtin_packs, paths.user_packs) if installed else ()
    folders = [p for p in installed_folders if p.is_dir()]
    results = [load_pack(f, cache_dir=paths.cache) for f in _unique_files([*folders, *extra])]
    return tuple(refuse_repeated_ids(results))


def _unique_files(locations: Iterable[Path]) -> list[Path]:
    seen: set[Path] = set()
    files: list[Path] = []
    for location in locations:
        for file in pack_files(location):
            resolved = _identity(file)
            if resolved not in seen:
                seen.add(resolved)
                files.append(file)
    return files


def _identity(file: Path) -> Path:
    """What tells two names for one file apart; a path that cannot be resolved is its own."""
    try:
        return file.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return Path(os.path.abspath(file))


def refuse_repeated_ids(results: Iterable[PackLoadResult]) -> Iterable[PackLoadResult]:
    """`results` with every pack whose id an earlier one (or `gen`) uses turned into an error.

    Generated questions have ids "gen/<fact-id>/<form>", so no pack may be called `gen`.
    """
    owners: dict[str, Path | str] = {GENERATED_PACK_ID: "the generated questions"}
    for result in results:
        pack = result.pack
        if pack is None:
            yield result
        elif pack.id in owners:
            line = _id_line(result.path, pack.id)
            problem = error(
                result.path,
                line,
                1 if line else 0,
                f"pack id '{pack.id}' is already used by {owners[pack.id]}",
                "give this pack its own id under pack:",
            )
            yield PackLoadResult(result.path, None, (*result.diagnostics, problem))
        else:
            owners[pack.id] = result.path
            yield result


def _id_line(path: Path, pack_id: str) -> int:
    """The line of the header's `id:` (the cached pack does not carry locations)."""
    pattern = re.compile(rf"^\s+id:\s*['\"]?{re.escape(pack_id)}['\"]?\s*(#.*)?$")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    return next((n for n, text in enumerate(lines, 1) if pattern.match(text)), 0)
