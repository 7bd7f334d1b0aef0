"""Read-only folder, full disk, a file in the way: a clear sentence, play goes on, saves intact.

Tests run as root, where chmod does not stop writes; a read-only bind mount and a tiny tmpfs in a
private mount namespace (`unshare -m`) give a truly read-only folder and a truly full disk.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from boschquiz.core.model import Difficulty, Mode
from boschquiz.store import SaveFailed
from tests.unit.test_store_support import make_game, open_store

TRY_SAVE = Path(__file__).resolve().parents[1] / "data" / "saves" / "try_save.py"
REPO = Path(__file__).resolve().parents[2]


def can_make_mounts() -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True
    )
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(
    not can_make_mounts(), reason="needs unshare -m and mount (a private mount namespace)"
)


def in_namespace(setup: str, args: list[str], unshare: str = "-m") -> dict[str, object]:
    command = " ".join([setup, "&&", "exec", sys.executable, str(TRY_SAVE), *args])
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        ["unshare", *unshare.split(), "sh", "-c", command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.process
@needs_mounts
def test_read_only_folder_gives_a_sentence_and_keeps_saves(tmp_path: Path) -> None:
    """On a read-only mount a save fails with one clear sentence, scores still read, and
    every byte saved before is unchanged."""
    folder = tmp_path / "saves"
    open_store(folder).record_game(make_game("Ann"))
    before = snapshot(folder)
    ro = f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} {folder}"
    report = in_namespace(ro, [str(folder)])
    assert report["attempt"] == (
        f"SaveFailed: Could not save to {folder}: the folder is read-only; "
        "everything saved before is unchanged."
    )
    assert report["players_in_table"] == ["Ann"]
    assert snapshot(folder) == before


@pytest.mark.process
@needs_mounts
def test_full_disk_gives_a_sentence_and_saving_resumes(tmp_path: Path) -> None:
    """With the disk full a save fails cleanly, the earlier game survives, and once space is
    freed the next save works."""
    mount = tmp_path / "small"
    mount.mkdir()
    folder = mount / "saves"
    tmpfs = f"mount -t tmpfs -o size=256k tmpfs {mount}"
    report = in_namespace(tmpfs, [str(folder), str(mount / "filler")])
    assert report["first"] == "saved"
    assert report["while_full"] == (
        f"SaveFailed: Could not save to {folder}: the disk is full; "
        "everything saved before is unchanged."
    )
    assert report["after_freeing"] == "saved"
    assert report["players_in_table"] == ["First", "Freed"]


def can_drop_root() -> bool:
    probe = subprocess.run(["unshare", "-U", "--map-user=1000", "true"], capture_output=True)
    return shutil.which("unshare") is not None and probe.returncode == 0


@pytest.mark.process
@pytest.mark.skipif(not can_drop_root(), reason="needs unshare -U (a user namespace)")
def test_permission_denied_gives_a_sentence_and_keeps_saves(tmp_path: Path) -> None:
    """As a non-root owner of a folder without write permission (a user namespace, so chmod
    binds), a save fails with one sentence and every saved byte is unchanged."""
    folder = tmp_path / "saves"
    open_store(folder).record_game(make_game("Ann"))
    before = snapshot(folder)
    folders = [folder, *(p for p in folder.rglob("*") if p.is_dir())]
    for path in folders:
        path.chmod(0o555)
    try:
        report = in_namespace("true", [str(folder)], unshare="-U --map-user=1000")
    finally:
        for path in folders:
            path.chmod(0o755)
    assert report["attempt"] == (
        f"SaveFailed: Could not save to {folder}: permission denied; "
        "everything saved before is unchanged."
    )
    assert report["players_in_table"] == ["Ann"]
    assert snapshot(folder) == before


def test_file_in_the_way_of_the_folder_is_a_clear_error(tmp_path: Path) -> None:
    """When the saves path is a file, saving fails with one sentence and nothing is touched."""
    blocker = tmp_path / "saves"
    blocker.write_text("not a folder")
    store = open_store(blocker)
    with pytest.raises(SaveFailed, match="a file is in the way"):
        store.record_game(make_game("Ann"))
    assert store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM) == []
    assert blocker.read_text() == "not a folder"


@pytest.mark.process
@pytest.mark.skipif(not can_drop_root(), reason="needs unshare -U (a user namespace)")
def test_game_in_the_log_counts_as_saved_and_the_table_catches_up(tmp_path: Path) -> None:
    """If only the saves index cannot be rewritten, the logged game is saved (the player
    is told the table lags) and the next save folds it into the table."""
    folder = tmp_path / "saves"
    open_store(folder).record_game(make_game("Ann"))
    folder.chmod(0o555)
    try:
        report = in_namespace("true", [str(folder)], unshare="-U --map-user=1000")
    finally:
        folder.chmod(0o755)
    assert report["attempt"] == "saved"
    notices = report["notices"]
    assert isinstance(notices, list)
    assert any("will catch up" in str(n) for n in notices)
    store = open_store(folder)
    store.record_game(make_game("Cy"))
    players = {r.player for r in store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)}
    assert players == {"Ann", "Bob", "Cy"}
