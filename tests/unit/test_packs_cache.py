"""The pack cache: fast on an unchanged file, never stale after an edit, never trusting damage."""

from __future__ import annotations

import marshal
import os
import shutil
import zlib
from pathlib import Path

import pytest

from boschquiz.packs import load_pack
from boschquiz.packs.cache import CACHE_FORMAT

DATA = Path(__file__).resolve().parent.parent / "data" / "packs"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A private copy of the full fixture, free to edit."""
    target = tmp_path / "packs" / "full.yaml"
    target.parent.mkdir()
    shutil.copy(DATA / "valid" / "full.yaml", target)
    return target


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "packs").glob("pack-*"))


def test_second_load_comes_from_the_cache_and_is_equal(pack: Path, tmp_path: Path) -> None:
    """An unchanged pack is served from the cache, identical to a fresh load."""
    cache = tmp_path / "cache"
    first = load_pack(pack, cache_dir=cache)
    second = load_pack(pack, cache_dir=cache)
    assert (first.cached, second.cached) == (False, True)
    assert second.pack == first.pack
    assert second.diagnostics == first.diagnostics


def test_cached_warnings_come_back_with_the_pack(tmp_path: Path) -> None:
    """Warnings are cached too, and carry the path they are loaded from."""
    cache = tmp_path / "cache"
    source = DATA / "warnings" / "patterns.yaml"
    first = load_pack(source, cache_dir=cache)
    second = load_pack(source, cache_dir=cache)
    assert second.cached
    assert second.diagnostics == first.diagnostics
    assert len(second.warnings) == 5


def test_entry_name_carries_the_format_version(pack: Path, tmp_path: Path) -> None:
    """Cache entries are versioned by file name, so a format change never reads an old one."""
    cache = tmp_path / "cache"
    load_pack(pack, cache_dir=cache)
    (entry,) = entries(cache)
    assert entry.name.startswith(f"pack-v{CACHE_FORMAT}-")


def test_edit_with_same_size_and_mtime_is_never_stale(pack: Path, tmp_path: Path) -> None:
    """An edit that keeps the size and modification time still invalidates the cache."""
    cache = tmp_path / "cache"
    load_pack(pack, cache_dir=cache)
    stat = pack.stat()
    text = pack.read_text(encoding="utf-8")
    pack.write_text(text.replace("Every field", "Every fielD"), encoding="utf-8")
    os.utime(pack, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = load_pack(pack, cache_dir=cache)
    assert not again.cached
    assert again.pack is not None
    assert again.pack.info.title == "Every fielD"


def test_edit_that_breaks_the_pack_is_reported_not_served(pack: Path, tmp_path: Path) -> None:
    """After a breaking edit the errors show; the old cached pack is not used."""
    cache = tmp_path / "cache"
    load_pack(pack, cache_dir=cache)
    pack.write_text(pack.read_text(encoding="utf-8").replace("type: typed", "type: typo"))
    result = load_pack(pack, cache_dir=cache)
    assert result.pack is None
    assert "questions[2].type is 'typo'" in result.errors[0].message


@pytest.mark.parametrize(
    "damage",
    [
        lambda body: body[: len(body) // 2],
        lambda body: body.replace(b"Titus Welliver", b"Titus Wellivex"),
        lambda body: b"",
        lambda body: b"\x00\xff garbage",
    ],
    ids=["truncated", "altered", "empty", "garbage"],
)
def test_damaged_entry_is_rebuilt_not_trusted(pack: Path, tmp_path: Path, damage: object) -> None:
    """A truncated, altered, empty or garbage entry is ignored and written afresh."""
    cache = tmp_path / "cache"
    fresh = load_pack(pack, cache_dir=cache)
    (entry,) = entries(cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))  # type: ignore[operator]
    again = load_pack(pack, cache_dir=cache)
    assert not again.cached
    assert again.pack == fresh.pack
    assert entry.read_bytes() == good


def test_broken_pack_is_cached_with_its_errors(tmp_path: Path) -> None:
    """A broken pack is checked once: unchanged, its findings come from the cache, the same
    as the first time (a broken pack in the packs folder costs nothing at later starts)."""
    cache = tmp_path / "cache"
    source = DATA / "invalid-rules" / "duplicate-question-ids.yaml"
    first = load_pack(source, cache_dir=cache)
    second = load_pack(source, cache_dir=cache)
    assert first.pack is None
    assert not first.cached
    assert second.cached
    assert second.pack is None
    assert second.diagnostics == first.diagnostics
    assert second.errors


def test_unwritable_cache_still_loads(pack: Path, tmp_path: Path) -> None:
    """A cache folder that cannot be created does not stop the pack loading."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    result = load_pack(pack, cache_dir=blocker)
    assert result.pack is not None


def test_no_temporary_files_are_left_behind(pack: Path, tmp_path: Path) -> None:
    """The atomic write leaves only the finished entry in the cache folder."""
    cache = tmp_path / "cache"
    load_pack(pack, cache_dir=cache)
    assert [p.name.startswith("pack-v") for p in (cache / "packs").iterdir()] == [True]


def test_entry_for_another_key_is_not_trusted(pack: Path, tmp_path: Path) -> None:
    """A well-formed entry whose recorded key differs from its name is rebuilt, not served."""
    cache = tmp_path / "cache"
    fresh = load_pack(pack, cache_dir=cache)
    (entry,) = entries(cache)
    _, _, body = entry.read_bytes().partition(b"\n")
    fmt, _key, header, rows, notes = marshal.loads(body)
    forged = marshal.dumps((fmt, "0" * 64, (*header[:1], "Forged title", *header[2:]), rows, notes))
    entry.write_bytes(f"crc32:{zlib.crc32(forged):08x}\n".encode() + forged)
    again = load_pack(pack, cache_dir=cache)
    assert not again.cached
    assert again.pack == fresh.pack
