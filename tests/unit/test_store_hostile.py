"""Issue 16's store findings, one test each: hostile saves content never loses a finished game,
never gives a traceback, and every file moved aside is announced."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from boschquiz.cli import main
from boschquiz.core.model import Difficulty, Mode
from boschquiz.core.spoilers import Horizon
from boschquiz.store import Store
from tests.unit.test_store_support import make_game, open_store


def save_games(folder: Path, count: int, player: str = "Ann") -> Store:
    store = open_store(folder)
    for _ in range(count):
        store.record_game(make_game(player))
    return store


def edit_json(path: Path, change: Any) -> None:
    """Rewrite a saves file through `change(data)`, keeping any value JSON can spell."""
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def game_ids(folder: Path) -> list[int]:
    return [game_id for game_id, _ in open_store(folder).games()]


def announced(notices: tuple[str, ...] | str, folder: Path) -> bool:
    """Every `.corrupt-*` file in the folder is named in the notices."""
    text = "\n".join(notices) if isinstance(notices, tuple) else notices
    return all(str(p) in text for p in folder.rglob("*.corrupt-*"))


def table(folder: Path) -> list[str]:
    return [r.player for r in open_store(folder).top_scores(Mode.CLASSIC, Difficulty.MEDIUM)]


# -- 1: lone surrogates ------------------------------------------------------------------------


def test_lone_surrogates_in_answer_and_name_are_saved_replaced(tmp_path: Path) -> None:
    """An answer or name holding bytes that were not UTF-8 (lone surrogates) is saved with
    U+FFFD in their place; the game is never lost."""
    game = make_game("Ann\udcff")
    answers = (replace(game.answers[0], given="Bo\udcffsch"), *game.answers[1:])
    open_store(tmp_path).record_game(replace(game, answers=answers))
    ((_, saved),) = list(open_store(tmp_path).games())
    assert saved.player == "Ann\ufffd"
    assert saved.answers[0].given == "Bo\ufffdsch"


# -- 2: NaN / Infinity in a logged game ---------------------------------------------------------


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e400"])
def test_non_finite_number_in_a_logged_game_costs_only_that_game(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A game whose duration is NaN/Infinity/1e400 is reported by --verify (exit 1) and not
    counted; the other games of its segment still count and the next save lands there."""
    save_games(tmp_path, 3)
    segment = tmp_path / "games" / "games-000000.json"
    segment.write_text(segment.read_text().replace('"duration":60.0', f'"duration":{value}', 1))
    assert main(["scores", "--verify", "--saves", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "game 1" in out
    assert "Traceback" not in out + err
    store = open_store(tmp_path)
    receipt = store.record_game(make_game("Bob"))
    assert receipt.game_id == 4
    assert game_ids(tmp_path) == [2, 3, 4]
    (copy,) = (tmp_path / "games").glob("*.corrupt-*")
    assert value in copy.read_text()
    assert announced(receipt.notices, tmp_path)


# -- 3: a malformed last_daily -------------------------------------------------------------------


@pytest.mark.parametrize("last_daily", ["yesterday", 20261124, "2026-02-30"])
def test_malformed_last_daily_is_rebuilt_and_daily_saves_go_on(
    tmp_path: Path, last_daily: object
) -> None:
    """A `last_daily` that is not a date sends the index aside (announced); the next daily
    save works and so does every later save."""
    store = open_store(tmp_path)
    store.record_game(make_game("Ann", mode=Mode.DAILY, daily_date="2026-11-23"))
    edit_json(tmp_path / "index.json", lambda d: d["records"]["1"].update(last_daily=last_daily))
    store = open_store(tmp_path)
    store.record_game(make_game("Ann", mode=Mode.DAILY, daily_date="2026-11-24"))
    store.record_game(make_game("Bob"))
    assert store.streak_records("Ann").best_daily_streak == 2
    assert game_ids(tmp_path) == [1, 2, 3]
    assert announced(store.notices(), tmp_path)


# -- 4: a damaged segment is always announced ----------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["scores", "--verify"],
        ["scores", "--limit", "60"],
        ["scores", "--player", "Ann", "--limit", "20"],
    ],
)
def test_damaged_segment_is_announced_by_every_command(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A truncated log segment found during --verify or a deep query goes aside with a
    sentence on stderr; --verify then fails instead of saying every score matches."""
    save_games(tmp_path, 26)
    segment = tmp_path / "games" / "games-000000.json"
    segment.write_bytes(segment.read_bytes()[:100])
    code = main([*args, "--saves", str(tmp_path)])
    out, err = capsys.readouterr()
    (aside,) = (tmp_path / "games").glob("*.corrupt-*")
    assert str(aside) in err
    if "--verify" in args:
        assert code == 1
        assert "Every saved score matches" not in out


def test_damaged_segment_found_by_a_plain_save_is_announced(tmp_path: Path) -> None:
    """The store's receipt carries the notices raised while saving, so a front end can tell
    them even after its first print."""
    store = save_games(tmp_path, 3)
    segment = tmp_path / "games" / "games-000000.json"
    segment.write_bytes(b"[]")
    receipt = store.record_game(make_game("Bob"))
    (aside,) = (tmp_path / "games").glob("*.corrupt-*")
    assert any(str(aside) in notice for notice in receipt.notices)


# -- 6: huge integers and deep nesting -----------------------------------------------------------


@pytest.mark.parametrize("name", ["index.json", "players.json", "games/games-000000.json"])
@pytest.mark.parametrize(
    "content",
    ['{"t": {"1": {"n": ' + "9" * 4301 + "}}}", '{"t": {"1": {"n": ' + "[" * 100_000],
    ids=["4301-digits", "100000-deep"],
)
def test_huge_integer_or_deep_nesting_is_moved_aside(
    tmp_path: Path, name: str, content: str
) -> None:
    """A 4,301-digit integer or 100,000-deep nesting in any saves file is moved aside with
    a notice, never a traceback."""
    save_games(tmp_path, 2)
    (tmp_path / name).write_text(content)
    store = open_store(tmp_path)
    store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    store.verify()
    store.record_game(make_game("Cy"))
    assert len(list(tmp_path.rglob("*.corrupt-*"))) == 1
    assert announced(store.notices(), tmp_path)


# -- 8: a score stored as text or null ------------------------------------------------------------


@pytest.mark.parametrize("score", ['"12"', "null"])
def test_logged_score_as_text_or_null_is_not_counted_and_nothing_churns(
    tmp_path: Path, score: str
) -> None:
    """A logged game with a text or null score is left out of the table (announced); the
    rebuilt high-score file passes its own check, so no read moves it aside again."""
    save_games(tmp_path, 2)
    segment = tmp_path / "games" / "games-000000.json"
    text = segment.read_text()
    segment.write_text(text.replace('"score":', f'"score":{score},"was":', 1))
    (tmp_path / "index.json").unlink()
    (tmp_path / "scores" / "classic.json").unlink()
    notices: list[str] = []
    for _ in range(3):
        store = open_store(tmp_path)
        assert [r.game_id for r in store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)] == [2]
        notices.extend(store.notices())
    assert list(tmp_path.rglob("*.corrupt-*")) == []
    assert any("Game 1" in notice for notice in notices)


# -- 9: NaN in a stats file ------------------------------------------------------------------------


def test_nan_in_a_stats_file_is_moved_aside_and_saves_catch_up(tmp_path: Path) -> None:
    """A NaN in a player's question history sends it aside (announced) and it is rebuilt;
    the next save ends normally and the tables include it."""
    save_games(tmp_path, 2)
    (stats,) = (tmp_path / "stats").glob("*.json")
    stats.write_text(stats.read_text().replace("[", "[NaN,", 1))
    store = open_store(tmp_path)
    store.record_game(make_game("Ann"))
    assert len(store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)) == 3
    assert store.question_stats("Ann")["core/q0"].seen == 3
    assert announced(store.notices(), tmp_path)


# -- 10: crafted keys ------------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["score_modes", "daily_months"])
def test_crafted_part_key_never_touches_files_outside_the_folder(
    tmp_path: Path, table: str
) -> None:
    """Keys such as `../../x` in the index's list of parts are refused (the index goes aside,
    announced); no file outside the saves folder is moved, replaced or created."""
    saves = tmp_path / "saves"
    outside = tmp_path / "x.json"
    outside.write_text('{"keep": "me"}')
    store = open_store(saves)
    store.record_game(make_game("Ann", mode=Mode.DAILY, daily_date="2026-11-24"))
    crafted = {"../../x": 1, "../../y": 1}
    edit_json(saves / "index.json", lambda d: d["meta"]["1"][table].update(crafted))
    store = open_store(saves)
    store.score_tables()
    store.personal_bests("Ann")
    store.top_scores(Mode.DAILY, Difficulty.MEDIUM, daily_date="2026-11-24")
    store.record_game(make_game("Bob", mode=Mode.DAILY, daily_date="2026-11-24"))
    assert outside.read_text() == '{"keep": "me"}'
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["x.json"]
    assert announced(store.notices(), saves)


# -- 11: other parseable-but-wrong content -----------------------------------------------------


def test_non_ascii_digit_document_id_is_announced_not_a_traceback(tmp_path: Path) -> None:
    """A `²` document id in a segment makes the segment unreadable: moved aside, announced."""
    save_games(tmp_path, 2)
    segment = tmp_path / "games" / "games-000000.json"
    segment.write_text(segment.read_text().replace('"1":', '"²":', 1))
    store = open_store(tmp_path)
    assert store.verify() != []
    store.record_game(make_game("Bob"))
    assert announced(store.notices(), tmp_path)


def test_huge_float_counts_in_the_index_are_rebuilt(tmp_path: Path) -> None:
    """`1e400` (infinity) as a player's game count sends the index aside; it is rebuilt."""
    save_games(tmp_path, 2)
    index = tmp_path / "index.json"
    index.write_text(index.read_text().replace('"games":2', '"games":1e400', 1))
    store = open_store(tmp_path)
    assert [p.games for p in store.players()] == [2]
    assert announced(store.notices(), tmp_path)


def test_symlink_loop_segment_is_moved_aside(tmp_path: Path) -> None:
    """A log segment that is a symlink loop cannot be read: the link goes aside, announced,
    and the game saved next is kept."""
    save_games(tmp_path, 26)
    segment = tmp_path / "games" / "games-000000.json"
    segment.unlink()
    segment.symlink_to(segment)
    store = open_store(tmp_path)
    store.verify()
    assert store.record_game(make_game("Bob")).game_id == 27
    assert game_ids(tmp_path) == [26, 27]
    assert announced(store.notices(), tmp_path)


@pytest.mark.parametrize(
    "legacy",
    [
        {"games": {"1": {"player": "Ann", "score": float("nan")}}, "players": {}},
        {"games": {}, "players": {"1": {"name": "Ann", "settings": [1, 2]}}},
        {"games": {"1": {"player": 5}}, "players": {"1": {"name": 5, "created": []}}},
    ],
)
def test_odd_legacy_values_import_what_can_be_read(tmp_path: Path, legacy: Any) -> None:
    """A schema-0 file with odd values is imported as far as it can be read, no traceback;
    the file is kept (renamed) so nothing is lost."""
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "boschquiz.json").write_text(json.dumps(legacy))
    store = open_store(tmp_path)
    store.players()
    store.record_game(make_game("Bob"))
    assert table(tmp_path) == ["Bob"]
    assert (tmp_path / "boschquiz.json.migrated-v0").exists()


# -- 12: not a regular file, or too large ---------------------------------------------------------


@pytest.mark.parametrize("name", ["index.json", "players.json", "games/games-000000.json"])
@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "huge"])
def test_special_or_huge_file_is_moved_aside_without_hanging(
    tmp_path: Path, name: str, kind: str
) -> None:
    """A symlink to /dev/zero, a FIFO or a 17 MiB file in place of a saves file is moved aside
    (announced) without reading it whole or waiting on it."""
    save_games(tmp_path, 2)
    path = tmp_path / name
    path.unlink()
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        with path.open("wb") as handle:
            handle.truncate(17 * 2**20)
    store = open_store(tmp_path)
    store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    store.verify()
    store.record_game(make_game("Cy"))
    assert len(list(tmp_path.rglob("*.corrupt-*"))) == 1
    assert announced(store.notices(), tmp_path)


# -- 20: an absurd applied_through ---------------------------------------------------------------


@pytest.mark.parametrize("applied", [10**6, 25 * 10**6 - 1, 10**12])
def test_absurd_applied_through_does_not_send_games_astray(tmp_path: Path, applied: int) -> None:
    """An index claiming games the log does not hold is rebuilt (announced); the next game
    gets the id after the log's last and lands in a listed segment."""
    save_games(tmp_path, 2)
    edit_json(tmp_path / "index.json", lambda d: d["meta"]["1"].update(applied_through=applied))
    store = open_store(tmp_path)
    assert store.record_game(make_game("Bob")).game_id == 3
    assert game_ids(tmp_path) == [1, 2, 3]
    assert sorted(p.name for p in (tmp_path / "games").iterdir()) == ["games-000000.json"]
    assert len(open_store(tmp_path).top_scores(Mode.CLASSIC, Difficulty.MEDIUM)) == 3
    assert announced(store.notices(), tmp_path)


def test_reading_a_small_saves_file_does_not_reserve_the_size_cap(tmp_path: Path) -> None:
    """The 16 MiB cap bounds what is read, it is not allocated up front: opening a small
    store peaks far below it (bench_store's memory target watches the same)."""
    import tracemalloc

    from boschquiz.core.files import read_regular_file

    path = tmp_path / "small.json"
    path.write_text('{"t": {}}')
    tracemalloc.start()
    try:
        assert read_regular_file(path, 16 * 2**20) == b'{"t": {}}'
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2**20


def test_damaged_segment_found_by_a_plain_game_is_printed(tmp_path: Path) -> None:
    """Plain mode prints the notices raised while its game was saved (a log segment found
    damaged then), not only those it had at the start."""
    from tests.unit.test_plain_runner import play

    assert play(tmp_path, Mode.CLASSIC, questions=2)[0] == 0
    (tmp_path / "games" / "games-000000.json").write_bytes(b"[]")
    code, out = play(tmp_path, Mode.CLASSIC, questions=2)
    assert code == 0
    (aside,) = (tmp_path / "games").glob("*.corrupt-*")
    assert "Note: Your game history file" in out
    assert str(aside) in out
    assert out.index(str(aside)) < out.index("Saved in")


# -- a hostile spoiler horizon in a player's settings ------------------------------------------


@pytest.mark.parametrize(
    "stored",
    [
        "bosch:3",
        [1, 2],
        None,
        {"watched": 7, "books": False},
        {"watched": "bosch:99", "books": False},
        {"watched": "boch:3", "books": False},
        {"watched": "bosch:3", "books": "yes"},
        {"watched": "bosch:1," * 100_000, "books": False},
        {"watched": "[b]bosch[/b]:1", "books": True},
    ],
)
def test_a_hostile_saved_horizon_means_everything_with_a_notice(
    tmp_path: Path, stored: Any
) -> None:
    """A horizon edited by hand into something unreadable counts as everything (books off),
    tells the player in a sentence, never raises, and a plain game still plays and saves."""
    from tests.unit.test_game_support import PLAYER
    from tests.unit.test_plain_runner import play

    store = open_store(tmp_path)
    store.save_player_settings(PLAYER, {"theme": "noir"})
    edit_json(
        tmp_path / "players.json",
        lambda data: data["players"]["1"]["settings"].update(horizon=stored),
    )
    saved = open_store(tmp_path).player_horizon(PLAYER)
    assert saved.horizon == Horizon.everything()
    assert saved.answered
    assert saved.problem is not None
    assert "could not be read" in saved.problem
    code, out = play(tmp_path, Mode.CLASSIC, questions=2)
    assert code == 0
    assert "Note: Your saved spoiler horizon could not be read" in out
    assert f"boschquiz players --watched {PLAYER}" in out
    assert "Saved in" in out
    assert open_store(tmp_path).player_settings(PLAYER)["theme"] == "noir"
