"""The generated-questions cache: same bank from an unchanged base, never stale after an edit."""

from __future__ import annotations

import shutil
from pathlib import Path

from boschquiz.facts import generate_from_dir

DATA = Path(__file__).resolve().parent.parent / "data" / "facts"


def base_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "facts"
    shutil.copytree(DATA / "valid", folder)
    return folder


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("facts-v*.json"))


def test_second_run_reads_the_cache_and_gives_the_same_bank(tmp_path: Path) -> None:
    """An unchanged base is written once and read back as an identical bank."""
    folder, cache = base_folder(tmp_path), tmp_path / "cache"
    first = generate_from_dir(folder, cache_dir=cache)
    assert len(entries(cache)) == 1
    second = generate_from_dir(folder, cache_dir=cache)
    assert second == first
    assert second.questions


def test_cached_entry_is_what_is_served(tmp_path: Path) -> None:
    """The second run really comes from the entry: a readable change in it shows through."""
    folder, cache = base_folder(tmp_path), tmp_path / "cache"
    generate_from_dir(folder, cache_dir=cache)
    entry = entries(cache)[0]
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("Who plays Hero One?", "Who plays Hero Uno?"), encoding="utf-8")
    prompts = {q.prompt for q in generate_from_dir(folder, cache_dir=cache).questions}
    assert "Who plays Hero Uno?" in prompts


def test_edit_to_the_facts_is_never_served_stale(tmp_path: Path) -> None:
    """Changing a fact (same size, same second) gives the new answer at once."""
    folder, cache = base_folder(tmp_path), tmp_path / "cache"
    generate_from_dir(folder, cache_dir=cache)
    path = folder / "small.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("2021", "2022"), encoding="utf-8")
    after = {q.id: q for q in generate_from_dir(folder, cache_dir=cache).questions}
    assert after["gen/show-a-ended/typed"].answer == "2022"


def test_an_edit_replaces_the_old_entry(tmp_path: Path) -> None:
    """After an edit only the new entry is kept (one file per edit no longer piles up), entries
    of an older cache format go too, and files that are not entries are left alone."""
    folder, cache = base_folder(tmp_path), tmp_path / "cache"
    generate_from_dir(folder, cache_dir=cache)
    (old,) = entries(cache)
    older_format = cache / "facts-v1-0123456789abcdef.json"
    older_format.write_text("{}", encoding="utf-8")
    unrelated = cache / "packs" / "pack-v2-x.bin"
    unrelated.parent.mkdir()
    unrelated.write_bytes(b"kept")
    path = folder / "small.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("2021", "2022"), encoding="utf-8")
    edited = generate_from_dir(folder, cache_dir=cache)
    (new,) = entries(cache)
    assert new != old
    assert unrelated.read_bytes() == b"kept"
    assert generate_from_dir(folder, cache_dir=cache) == edited


def test_corrupt_entry_is_rebuilt(tmp_path: Path) -> None:
    """A truncated cache entry is ignored, the bank generated again and the entry rewritten."""
    folder, cache = base_folder(tmp_path), tmp_path / "cache"
    expected = generate_from_dir(folder, cache_dir=cache)
    entry = entries(cache)[0]
    entry.write_bytes(entry.read_bytes()[:50])
    assert generate_from_dir(folder, cache_dir=cache) == expected
    assert generate_from_dir(folder, cache_dir=cache) == expected
    assert len(entry.read_bytes()) > 50


def test_entry_of_the_wrong_shape_is_rebuilt(tmp_path: Path) -> None:
    """Valid JSON that is not a cache entry (a number for an id) is not trusted."""
    folder, cache = base_folder(tmp_path), tmp_path / "cache"
    expected = generate_from_dir(folder, cache_dir=cache)
    entry = entries(cache)[0]
    text = entry.read_text(encoding="utf-8")
    assert '["gen/' in text
    entry.write_text(text.replace('["gen/', '[7,"gen/', 1), encoding="utf-8")
    assert generate_from_dir(folder, cache_dir=cache) == expected


def test_entry_pointing_outside_its_strings_is_rebuilt(tmp_path: Path) -> None:
    """A text reference past the end of the stored strings is not trusted."""
    folder, cache = base_folder(tmp_path), tmp_path / "cache"
    expected = generate_from_dir(folder, cache_dir=cache)
    entry = entries(cache)[0]
    text = entry.read_text(encoding="utf-8")
    start = text.index('"strings":[') + len('"strings":[')
    end = text.index('],"rows"')
    entry.write_text(text[:start] + text[end:], encoding="utf-8")
    assert generate_from_dir(folder, cache_dir=cache) == expected


def test_base_with_errors_is_not_cached(tmp_path: Path) -> None:
    """Facts with findings are generated each time so their errors are always shown."""
    folder, cache = base_folder(tmp_path), tmp_path / "cache"
    path = folder / "small.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("sources: [src]", "sources: [nope]", 1))
    result = generate_from_dir(folder, cache_dir=cache)
    assert any("unknown source" in d.message for d in result.diagnostics)
    assert entries(cache) == []


def test_seed_is_part_of_the_key(tmp_path: Path) -> None:
    """Another seed is another entry, not the first seed's bank; going back to the first seed
    gives its own bank again."""
    folder, cache = base_folder(tmp_path), tmp_path / "cache"
    first = generate_from_dir(folder, cache_dir=cache, seed=1)
    (first_entry,) = entries(cache)
    generate_from_dir(folder, cache_dir=cache, seed=2)
    (second_entry,) = entries(cache)
    assert second_entry != first_entry
    assert generate_from_dir(folder, cache_dir=cache, seed=1) == first


def test_unwritable_cache_is_not_an_error(tmp_path: Path) -> None:
    """A cache folder that cannot be created (a file is in the way) just means no cache."""
    folder = base_folder(tmp_path)
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    result = generate_from_dir(folder, cache_dir=blocker)
    assert result.questions
    assert result.diagnostics == ()
