"""`load_pack`: one pack file read, checked and built, through the content-keyed cache."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic, error, warning
from boschquiz.core.model import Pack
from boschquiz.packs.build import build_pack
from boschquiz.packs.cache import cache_key, read_entry, write_entry
from boschquiz.packs.checks import pack_errors, pack_warnings
from boschquiz.packs.structure import pack_schema_check, schema_bytes
from boschquiz.yamlsafe import MAX_BYTES, LoadedYaml, load_yaml_bytes, paused_gc
from boschquiz.yamlsafe.guards import read_capped

PACK_FORMAT_VERSION = 1


@dataclass(frozen=True)
class PackLoadResult:
    """One pack file's outcome: the pack when it has no errors, and every finding either way."""

    path: Path
    pack: Pack | None
    diagnostics: tuple[Diagnostic, ...]
    cached: bool = False
    """True when the pack came from the cache (the file is unchanged since it was checked)."""

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if not d.is_error)


def load_pack(path: Path, *, cache_dir: Path | None = None) -> PackLoadResult:
    """Load one pack; with `cache_dir`, an unchanged pack (valid or broken) comes from the
    cache: its bytes were checked once, and the outcome is the same every time."""
    raw, problem = read_capped(path, MAX_BYTES)
    if raw is None:
        return PackLoadResult(path, None, (problem,) if problem else ())
    key = cache_key(raw, schema_bytes()) if cache_dir is not None else ""
    if cache_dir is not None:
        with paused_gc():
            hit = read_entry(cache_dir, key, path)
        if hit is not None:
            return PackLoadResult(path, hit[0], hit[1], cached=True)
    with paused_gc():
        result = _check_and_build(path, raw)
    if cache_dir is not None:
        write_entry(cache_dir, key, result.pack, result.diagnostics)
    return result


def _check_and_build(path: Path, raw: bytes) -> PackLoadResult:
    loaded = load_yaml_bytes(path, raw)
    findings = check_loaded(loaded)
    if any(d.is_error for d in findings) or not isinstance(loaded.data, dict):
        return PackLoadResult(path, None, findings)
    return PackLoadResult(path, build_pack(loaded.data, path), findings)


def check_loaded(loaded: LoadedYaml) -> tuple[Diagnostic, ...]:
    """Every finding in a loaded pack file, sorted by place: what `packs validate` prints."""
    path = loaded.path
    if loaded.data is None:
        return listed(path, loaded.diagnostics)
    if not isinstance(loaded.data, dict):
        line, col = loaded.location(())
        kind = "a list" if isinstance(loaded.data, list) else "a single value"
        message = f"a pack must be a mapping with 'pack:' and 'questions:', not {kind}"
        hint = "start the file with 'pack:' (see docs/packs.md)"
        return (error(path, line, col, message, hint),)
    errors = [*pack_schema_check().diagnostics(loaded), *pack_errors(loaded)]
    found = sorted(
        {*loaded.diagnostics, *errors, *pack_warnings(loaded)},
        key=lambda d: (d.line, d.col, d.severity != "error", d.message),
    )
    return listed(path, found)


MAX_FINDINGS = 200
"""Findings listed per pack file; the rest are counted in one last finding."""


def listed(path: Path, findings: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The first `MAX_FINDINGS` findings, then one saying how many more there are (a file of
    200,000 bad tags is told in 201 lines, not 200,000)."""
    if len(findings) <= MAX_FINDINGS:
        return tuple(findings)
    rest = findings[MAX_FINDINGS:]
    errors = sum(1 for d in rest if d.is_error)
    counts = [
        f"{n:,} more {word}{'' if n == 1 else 's'}"
        for n, word in ((errors, "error"), (len(rest) - errors, "warning"))
        if n
    ]
    message = f"{' and '.join(counts)} not listed (only the first {MAX_FINDINGS} are)"
    summary = error if errors else warning
    return (*findings[:MAX_FINDINGS], summary(path, 0, 0, message, "fix these and check again"))
