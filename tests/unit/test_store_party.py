"""A party's records: one atomic save for every player, each game in its own player's history,
and a party table that ranks the winners."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from boschquiz.cli import main
from boschquiz.core.model import Difficulty, GameRecord, GameTerms, Mode, Outcome, PartySeat
from boschquiz.store import atomic
from boschquiz.store.errors import StoreError
from boschquiz.store.gamelog import first_id_for
from tests.unit.test_store_support import make_game, open_store

RIGHT, WRONG = Outcome.CORRECT, Outcome.WRONG


def party_of(
    players: tuple[str, ...] = ("Ana", "Ben", "Cy"),
    places: tuple[int, ...] = (1, 2, 3),
    party_id: str = "p1",
    length: int = 10,
) -> list[GameRecord]:
    """One party's records: the first player right most often, each scored as saved."""
    records = []
    for seat, (player, place) in enumerate(zip(players, places, strict=True)):
        outcomes = tuple(RIGHT if n >= seat else WRONG for n in range(length))
        game = make_game(player, mode=Mode.PARTY, outcomes=outcomes)
        records.append(
            replace(
                game,
                terms=GameTerms(length=length),
                party=PartySeat(party_id, place, len(players)),
            )
        )
    return records


def logged(folder: Path) -> list[tuple[int, GameRecord]]:
    return list(open_store(folder).games())


def party_games(folder: Path, party_id: str = "p1") -> list[int]:
    return [
        game_id
        for game_id, game in logged(folder)
        if game.party is not None and game.party.id == party_id
    ]


def test_a_party_is_saved_to_each_players_own_history(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    receipts = store.record_party(party_of())
    assert [r.game_id for r in receipts] == [1, 2, 3]
    for player, place in (("Ana", 1), ("Ben", 2), ("Cy", 3)):
        ((_, game),) = store.history(player)
        assert game.party == PartySeat("p1", place, 3)
    assert store.verify() == []


def test_the_party_table_ranks_only_the_winners(tmp_path: Path) -> None:
    """Ties share first place: both winners are ranked; the others are custom."""
    store = open_store(tmp_path)
    store.record_party(party_of(places=(1, 1, 3)))
    store.record_party(party_of(("Ben", "Dee"), (1, 2), party_id="p2"))
    table = store.top_scores(Mode.PARTY, Difficulty.MEDIUM)
    assert sorted(r.player for r in table) == ["Ana", "Ben", "Ben"]
    assert all(r.ranked for r in table)
    custom = store.top_scores(Mode.PARTY, Difficulty.MEDIUM, custom=True)
    assert {(r.player, r.custom) for r in custom} == {
        ("Cy", ("placed 3 of 3",)),
        ("Dee", ("placed 2 of 2",)),
    }


def test_scores_mode_party_json_lists_the_winners(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_store(tmp_path).record_party(party_of())
    assert main(["scores", "--mode", "party", "--json", "--saves", str(tmp_path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["player"], r["mode"], r["rank"]) for r in rows] == [("Ana", "party", 1)]
    assert main(["scores", "--verify", "--saves", str(tmp_path)]) == 0


@pytest.mark.parametrize(
    ("last", "count", "first"),
    [(0, 3, 1), (22, 3, 23), (23, 3, 26), (24, 6, 26), (25, 6, 26), (20, 6, 26), (7, 1, 8)],
)
def test_a_party_never_spans_two_log_segments(last: int, count: int, first: int) -> None:
    assert first_id_for(last, count) == first
    assert (first - 1) // 25 == (first + count - 2) // 25


def test_a_party_that_would_straddle_a_segment_starts_the_next_one(tmp_path: Path) -> None:
    """23 games fill most of the first segment: the party of three starts the second, ids 24
    and 25 stay unused, and the next game follows the party."""
    store = open_store(tmp_path)
    for n in range(23):
        store.record_game(make_game("Ann", seed=n))
    receipts = store.record_party(party_of())
    assert [r.game_id for r in receipts] == [26, 27, 28]
    assert store.record_game(make_game("Ann")).game_id == 29
    fresh = open_store(tmp_path)
    assert [game_id for game_id, _ in fresh.games()][-5:] == [23, 26, 27, 28, 29]
    assert fresh.verify() == []
    assert len(fresh.history("Ann")) == 24


def test_a_party_of_records_without_one_shared_id_is_refused(tmp_path: Path) -> None:
    records = party_of()
    mixed = [records[0], replace(records[1], party=PartySeat("other", 2, 3)), records[2]]
    with pytest.raises(ValueError, match="party id"):
        open_store(tmp_path).record_party(mixed)
    assert not (tmp_path / "games").exists()


# -- all or nothing: a fault at every step of the save -----------------------------------------


class FaultyOs:
    """`os` for `store.atomic`, failing the `fail_at`-th write, fsync or rename (counted from
    1) with an I/O error, as a crash or a full disk would stop the save there."""

    FAULTY = frozenset({"write", "fsync", "replace"})

    def __init__(self, fail_at: int) -> None:
        self.fail_at = fail_at
        self.calls = 0

    def __getattr__(self, name: str) -> Any:
        real = getattr(os, name)
        if name not in self.FAULTY:
            return real

        def step(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == self.fail_at:
                raise OSError(5, f"injected fault at step {self.calls} ({name})")
            return real(*args, **kwargs)

        return step


def _history(folder: Path, games: int) -> None:
    store = open_store(folder)
    for n in range(games):
        store.record_game(make_game("Ann", seed=n))


def _save_with_fault(
    folder: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int
) -> tuple[FaultyOs, str | None]:
    faulty = FaultyOs(fail_at)
    with monkeypatch.context() as patch:
        patch.setattr(atomic, "os", faulty)
        try:
            open_store(folder).record_party(party_of())
        except StoreError as exc:
            return faulty, exc.message
    return faulty, None


@pytest.mark.parametrize("before", [0, 10, 23])
def test_a_fault_at_any_step_of_a_party_save_leaves_all_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: int
) -> None:
    """Fail each write, fsync and rename of the save in turn (the log segment's and every
    derived file's): afterwards the log holds all three records or none, the next save
    completes the tables, and every score checks out."""
    base = tmp_path / "base"
    _history(base, before)
    counted, _ = _save_with_fault(_copy(base, tmp_path / "count"), monkeypatch, 10**9)
    steps = counted.calls
    assert steps >= 6
    outcomes = set()
    for fail_at in range(1, steps + 1):
        folder = _copy(base, tmp_path / f"step-{fail_at}")
        faulty, failed = _save_with_fault(folder, monkeypatch, fail_at)
        assert faulty.calls >= fail_at
        found = party_games(folder)
        assert len(found) in (0, 3), f"step {fail_at}: a half-saved party {found}"
        outcomes.add(len(found))
        if failed is not None:
            assert "injected fault" in failed
        store = open_store(folder)
        store.record_game(make_game("Bob"))
        fresh = open_store(folder)
        assert fresh.verify() == []
        winners = fresh.top_scores(Mode.PARTY, Difficulty.MEDIUM)
        assert [r.player for r in winners] == (["Ana"] if found else [])
        assert len(fresh.history("Cy")) == (1 if found else 0)
        assert not list(folder.rglob(f"*{atomic.TEMP_SUFFIX}"))
    assert outcomes == {0, 3}, "the faults should hit both before and after the log write"


def _copy(source: Path, target: Path) -> Path:
    if source.exists():
        shutil.copytree(source, target)
    else:
        target.mkdir(parents=True)
    return target


def test_the_party_ids_survive_a_rename_and_the_index_rebuild(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.record_party(party_of())
    store.rename_player("Cy", "Cyd")
    (tmp_path / "index.json").unlink()
    fresh = open_store(tmp_path)
    ((_, game),) = fresh.history("Cyd")
    assert game.party == PartySeat("p1", 3, 3)
    assert [r.player for r in fresh.top_scores(Mode.PARTY, Difficulty.MEDIUM)] == ["Ana"]


_Edit = Callable[[dict[str, Any]], None]


@pytest.mark.parametrize(
    "edit",
    [
        lambda g: g["party"].update(place=0),
        lambda g: g["party"].update(place=4),
        lambda g: g["party"].update(players=7),
        lambda g: g["party"].update(players="3"),
        lambda g: g["party"].update(id=""),
        lambda g: g["party"].update(id="x" * 65),
        lambda g: g["party"].update(id=5),
        lambda g: g["party"].pop("place"),
        lambda g: g.update(party=[1, 2]),
    ],
)
def test_a_hostile_party_seat_costs_only_its_game(tmp_path: Path, edit: _Edit) -> None:
    """A logged party seat edited out of shape: that game is not counted (the player told),
    the others are, and saving goes on."""
    store = open_store(tmp_path)
    store.record_party(party_of())
    segment = tmp_path / "games" / "games-000000.json"
    data = json.loads(segment.read_text())
    edit(data["games"]["3"])
    segment.write_text(json.dumps(data))
    fresh = open_store(tmp_path)
    receipt = fresh.record_game(make_game("Bob"))
    assert receipt.game_id == 4
    assert [game_id for game_id, _ in open_store(tmp_path).games()] == [1, 2, 4]
    assert any("game 3" in notice for notice in fresh.notices())


KILL_SCRIPT = """
import os, signal, sys
from pathlib import Path
from boschquiz.store import atomic
from tests.unit.test_store_party import party_of
from tests.unit.test_store_support import open_store

fail_at = int(sys.argv[2])


class KillingOs:
    calls = 0

    def __getattr__(self, name):
        real = getattr(os, name)
        if name not in ("write", "fsync", "replace"):
            return real

        def step(*args, **kwargs):
            KillingOs.calls += 1
            if KillingOs.calls == fail_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return step


atomic.os = KillingOs()
open_store(Path(sys.argv[1])).record_party(party_of())
print(KillingOs.calls)
"""


@pytest.mark.process
def test_a_sigkill_at_any_step_of_a_party_save_leaves_all_or_none(tmp_path: Path) -> None:
    """The process killed (SIGKILL, nothing cleaned up) at each write, fsync and rename of a
    party's save in turn: the next open finds all three records or none, and saves on."""
    import signal
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]

    def run(folder: Path, fail_at: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", KILL_SCRIPT, str(folder), str(fail_at)],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    base = tmp_path / "base"
    _history(base, 23)
    done = run(_copy(base, tmp_path / "count"), 10**9)
    assert done.returncode == 0, done.stderr
    steps = int(done.stdout)
    outcomes = set()
    for fail_at in range(1, steps + 1):
        folder = _copy(base, tmp_path / f"kill-{fail_at}")
        killed = run(folder, fail_at)
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        found = party_games(folder)
        assert len(found) in (0, 3), f"step {fail_at}: a half-saved party {found}"
        outcomes.add(len(found))
        store = open_store(folder)
        store.record_game(make_game("Bob"))
        assert open_store(folder).verify() == []
        assert len(open_store(folder).history("Ben")) == (1 if found else 0)
    assert outcomes == {0, 3}
