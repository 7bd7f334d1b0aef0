"""Finding packs and building the bank: broken packs are skipped, the rest play."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from boschquiz.core.paths import AppPaths
from boschquiz.packs import discover
from boschquiz.packs.bank import load_bank

DATA = Path(__file__).resolve().parent.parent / "data" / "packs"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    """An install with one built-in pack, one user pack, and empty facts."""
    builtin = tmp_path / "questions"
    (builtin / "packs").mkdir(parents=True)
    (builtin / "facts").mkdir()
    user = tmp_path / "user-packs"
    user.mkdir()
    shutil.copy(DATA / "valid" / "full.yaml", builtin / "packs" / "full.yaml")
    shutil.copy(DATA / "valid" / "minimal.yaml", user / "minimal.yaml")
    return AppPaths(builtin, user, tmp_path / "saves", tmp_path / "cache")


def pack_ids(paths: AppPaths, extra: tuple[Path, ...] = ()) -> list[str | None]:
    return [r.pack.id if r.pack else None for r in discover(paths, extra)]


def test_builtin_then_user_then_extra(paths: AppPaths) -> None:
    """Packs come from the built-in folder, the user's folder and the command line, in order."""
    assert pack_ids(paths, (DATA / "valid" / "numbers-as-text.yaml",)) == [
        "full-pack",
        "minimal",
        "numbers-as-text",
    ]


def test_extra_folder_is_searched(paths: AppPaths) -> None:
    """A folder given as an extra pack contributes every YAML file in it."""
    results = discover(paths, (DATA / "invalid-rules",))
    assert [r.path.name for r in results[2:]] == [
        "answer-not-among-choices.yaml",
        "choices-look-the-same.yaml",
        "duplicate-question-ids.yaml",
    ]


def test_same_file_twice_is_loaded_once(paths: AppPaths) -> None:
    """A pack named twice (or found twice) is loaded once."""
    again = paths.builtin_packs / "full.yaml"
    assert pack_ids(paths, (again, paths.builtin_packs)) == ["full-pack", "minimal"]


def test_missing_extra_path_is_an_error(paths: AppPaths, tmp_path: Path) -> None:
    """A --pack path that does not exist is reported, and the others still load."""
    results = discover(paths, (tmp_path / "nope.yaml",))
    assert [r.ok for r in results] == [True, True, False]
    assert results[2].errors[0].message == "no such file"


def test_missing_user_folder_is_simply_empty(paths: AppPaths) -> None:
    """No user packs folder yet is normal, not an error."""
    shutil.rmtree(paths.user_packs)
    assert pack_ids(paths) == ["full-pack"]


def test_repeated_pack_id_is_refused_with_its_line(paths: AppPaths, tmp_path: Path) -> None:
    """A second pack with an id already in use is refused, pointing at its id line."""
    copy = tmp_path / "copy.yaml"
    shutil.copy(DATA / "valid" / "minimal.yaml", copy)
    results = discover(paths, (copy,))
    assert results[2].pack is None
    (problem,) = results[2].errors
    assert (problem.line, problem.col) == (2, 1)
    owner = paths.user_packs / "minimal.yaml"
    assert problem.message == f"pack id 'minimal' is already used by {owner}"


def test_reserved_generated_pack_id_is_refused(paths: AppPaths, tmp_path: Path) -> None:
    """No pack may be called `gen`: generated questions use that prefix."""
    pack = tmp_path / "gen.yaml"
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    pack.write_text(text.replace("id: minimal", "id: gen"), encoding="utf-8")
    (result,) = discover(paths, (pack,), installed=False)
    assert "already used by the generated questions" in result.errors[0].message


def test_broken_pack_is_skipped_while_others_play(paths: AppPaths) -> None:
    """The bank holds every valid pack's questions; the broken pack is listed with its errors."""
    broken = DATA / "invalid-schema" / "field-problems.yaml"
    load = load_bank(paths, (broken,))
    assert len(load.bank.questions) == 5
    assert {q.pack for q in load.bank.questions} == {"full-pack", "minimal"}
    assert [r.path for r in load.broken_packs] == [broken]
    assert len(load.broken_packs[0].errors) == 11


def test_only_extra_uses_just_the_given_packs(paths: AppPaths) -> None:
    """Playing a pack being written: only that pack, nothing installed or generated."""
    load = load_bank(paths, (DATA / "valid" / "numbers-as-text.yaml",), only_extra=True)
    assert [q.id for q in load.bank.questions] == [
        "numbers-as-text/year",
        "numbers-as-text/clock",
        "numbers-as-text/words",
    ]
    assert len(load.packs) == 1


def test_bank_of_shipped_install_loads(tmp_path: Path) -> None:
    """The real install (built-in packs and facts) builds a bank without broken packs."""
    load = load_bank(AppPaths.discover(saves=tmp_path / "saves"))
    assert load.broken_packs == ()
    assert all(r.ok for r in load.packs)
