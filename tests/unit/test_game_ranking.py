"""Fair tables: which games are ranked, what a game records about how it was played, and how
the store and old saves follow the rule."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from boschquiz.cli import main
from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, GameRecord, GameTerms, Mode, QuestionBank, Show
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.ranking import custom_reasons, is_ranked
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_game
from boschquiz.store import CURRENT_SCHEMA
from boschquiz.store.codec import check_game, game_from_json, game_to_json
from boschquiz.store.gamelog import write_log
from boschquiz.store.jsonfile import read_tinydb_file
from boschquiz.store.layout import SavesLayout
from boschquiz.store.migrations import schema_of
from tests.unit.test_game_support import PLAYER, TODAY, answer_right, bank_of
from tests.unit.test_plain_runner import play
from tests.unit.test_store_support import make_game, open_store, with_score

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "saves"
FULL = GameTerms(length=10)


def finished(settings: GameSettings, bank: QuestionBank | None = None) -> GameRecord:
    game = start_game(bank or bank_of(), settings, FakeClock(), InMemoryHistory(), TODAY)
    while not game.finished:
        answer_right(game)
        game.next()
    return game.result()


def test_a_standard_game_on_the_full_bank_is_ranked() -> None:
    """Ten questions, no seed, no filter, every installed pack: ranked."""
    record = finished(GameSettings(player=PLAYER))
    assert record.terms == GameTerms(seeded=False, length=10)
    assert is_ranked(record.mode, record.terms)


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        (GameSettings(seed=42), "chosen seed"),
        (GameSettings(questions=2), "2 questions, not 10"),
        (GameSettings(shows=(Show.BOSCH,)), "shows bosch"),
        (GameSettings(categories=("characters",)), "categories characters"),
        (GameSettings(packs=("core",)), "packs core"),
    ],
)
def test_a_seed_a_filter_or_another_length_makes_a_game_custom(
    settings: GameSettings, reason: str
) -> None:
    """Each choice that makes a game incomparable is recorded and named (a filter counts
    when it leaves some question of the bank out)."""
    others = bank_of(2, pack="extra", show=Show.BALLARD, category="places").questions
    record = finished(settings, QuestionBank(bank_of().questions + others))
    assert custom_reasons(record.mode, record.terms) == (reason,)


def test_a_game_on_named_packs_only_is_custom() -> None:
    """`--pack` (a bank that is not every installed pack) unranks the game."""
    bank = QuestionBank(bank_of().questions, complete=False)
    record = finished(GameSettings(), bank)
    assert custom_reasons(record.mode, record.terms) == ("own packs (--pack)",)


def test_a_bank_too_small_for_the_standard_length_is_custom() -> None:
    """Asking for ten on a bank that holds three plays three: not comparable."""
    record = finished(GameSettings(), bank_of(1))
    assert not is_ranked(record.mode, record.terms)


def test_the_daily_ignores_a_seed_and_stays_ranked() -> None:
    """The daily draws its own seed, so `--seed` changes nothing and unranks nothing."""
    record = finished(GameSettings(mode=Mode.DAILY, seed=42))
    assert is_ranked(record.mode, record.terms)


@pytest.mark.parametrize("mode", [Mode.REVIEW, Mode.PRACTICE])
def test_review_and_practice_have_no_table(mode: Mode) -> None:
    assert not is_ranked(mode, FULL)


def test_a_game_recorded_before_the_rules_keeps_its_standing() -> None:
    """No terms (an old game): ranked as it was; a two-question old game is not dropped."""
    assert is_ranked(Mode.CLASSIC, None)


def test_terms_survive_the_log() -> None:
    terms = GameTerms(seeded=True, packs=("core",), shows=("ballard",), length=3)
    record = replace(make_game(), terms=terms)
    assert game_from_json(game_to_json(record)).terms == terms


def test_hostile_terms_never_rank_a_game(tmp_path: Path) -> None:
    """A log entry whose terms say `"seeded": "no"` is not taken at its word; one whose terms
    cannot be read is a malformed game (reported and left out, like any other)."""
    game = game_to_json(replace(make_game(), terms=GameTerms(length=10)))
    game["terms"]["seeded"] = "no"
    assert game_from_json(game).terms == GameTerms(seeded=True, length=10)
    assert check_game({**game, "terms": {"length": "ten"}}) is not None
    write_log(SavesLayout(tmp_path), [game, {**game, "terms": ["x"]}])
    store = open_store(tmp_path)
    assert store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM) == []
    (row,) = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM, custom=True)
    assert row.custom == ("chosen seed",)


def test_custom_games_stay_out_of_the_table_but_are_listed_apart(tmp_path: Path) -> None:
    """A seeded 2-question game scoring more than a full game is saved, not ranked."""
    store = open_store(tmp_path)
    full = replace(with_score(make_game("Ann"), 500), terms=FULL)
    short = replace(with_score(make_game("Bob"), 9000), terms=GameTerms(seeded=True, length=2))
    store.record_game(full)
    receipt = store.record_game(short)
    assert (receipt.ranked, receipt.rank, receipt.new_high_score) == (False, None, False)
    ranked = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    custom = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM, custom=True)
    assert [r.player for r in ranked] == ["Ann"]
    assert [(r.player, r.ranked, r.custom) for r in custom] == [
        ("Bob", False, ("2 questions, not 10", "chosen seed"))
    ]
    assert [p.score for p in store.personal_bests("Bob")] == []


def test_new_high_score_only_when_a_ranked_game_beats_the_table(tmp_path: Path) -> None:
    """The first game of an empty table is no "new high score"; beating the best is."""
    store = open_store(tmp_path)
    first = store.record_game(replace(with_score(make_game("Ann"), 500), terms=FULL))
    lower = store.record_game(replace(with_score(make_game("Bob"), 400), terms=FULL))
    higher = store.record_game(replace(with_score(make_game("Bob"), 600), terms=FULL))
    assert (first.rank, first.new_high_score) == (1, False)
    assert (lower.rank, lower.new_high_score, lower.personal_best) == (2, False, False)
    assert (higher.rank, higher.new_high_score, higher.personal_best) == (1, True, True)


def test_v4_saves_keep_their_standing_and_say_so(tmp_path: Path) -> None:
    """Old games (v4 fixture): every classic, ladder and daily game keeps its table place,
    marked as recorded before the rules; the old review table is gone (review has none)."""
    folder = tmp_path / "v4"
    shutil.copytree(FIXTURES / "v4", folder)
    store = open_store(folder)
    assert store.verify() == []
    assert schema_of(read_tinydb_file(folder / "index.json")) == CURRENT_SCHEMA
    classic = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert [(r.player, r.ranked, r.before_rules) for r in classic] == [
        ("Renée", True, True),
        ("Harry", True, True),
        ("Renée", True, True),
    ]
    assert [r.player for r in store.top_scores(Mode.LADDER, Difficulty.MEDIUM)] == ["Harry"]
    assert store.top_scores(Mode.REVIEW, Difficulty.MEDIUM) == []
    (review,) = store.top_scores(Mode.REVIEW, Difficulty.MEDIUM, custom=True)
    assert review.custom == ("review has no table",)
    assert store.daily_played("Harry", "2026-11-24")


def test_upgrading_v4_saves_moves_nothing_aside(tmp_path: Path) -> None:
    """The upgrade rebuilds the old tables quietly: no file is reported damaged."""
    folder = tmp_path / "v4"
    shutil.copytree(FIXTURES / "v4", folder)
    store = open_store(folder)
    store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    assert store.notices() == ()
    assert not list(folder.rglob("*.corrupt-*"))


def test_scores_all_json_marks_custom_and_old_games(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`scores --json` lists ranked games only; `--all` adds the custom ones, every row with
    `ranked` and whether it was recorded before these rules."""
    folder = tmp_path / "v4"
    shutil.copytree(FIXTURES / "v4", folder)
    store = open_store(folder)
    store.record_game(replace(make_game("Ann"), terms=GameTerms(seeded=True, length=10)))
    assert main(["scores", "--json", "--saves", str(folder)]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main(["scores", "--all", "--json", "--saves", str(folder)]) == 0
    every = json.loads(capsys.readouterr().out)
    assert all(row["ranked"] for row in plain)
    assert len(every) == len(plain) + 2
    custom = {(row["player"], row["mode"], row["recorded_before_rules"]) for row in every}
    assert {("Ann", "classic", False), ("Harry", "review", True)} <= custom
    assert all(row["recorded_before_rules"] for row in plain)


def test_history_json_gives_every_answer_newest_game_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`history --json`: the player's games newest first, each answer with its outcome and
    points; other players' games are not there."""
    folder = tmp_path / "v4"
    shutil.copytree(FIXTURES / "v4", folder)
    assert main(["history", "--player", "Harry", "--json", "--saves", str(folder)]) == 0
    games = json.loads(capsys.readouterr().out)
    assert [g["game_id"] for g in games] == [7, 6, 4, 3, 1]
    ladder = games[0]
    assert (ladder["mode"], ladder["ranked"], ladder["score"]) == ("ladder", True, 7750)
    assert ladder["ladder"] == {"end": "fell", "rung": 6, "fell_to": 5}
    outcomes = [(a["question_id"], a["outcome"], a["points"]) for a in ladder["answers"]]
    assert outcomes[0] == ("core/q0", "correct", 1350)
    assert outcomes[-1] == ("core/q6", "wrong", 0)
    assert main(["history", "--player", "Harry", "--limit", "1", "--saves", str(folder)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Game 7 ·")
    assert "Fell from rung 6 (9,600) back to the safe haven at 5 (7,750)." in text
    assert "✗ 7. core/q6" in text
    assert "Game 6" not in text


def test_scores_with_only_custom_games_points_to_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No ranked game yet but custom ones: `scores` says where they are."""
    store = open_store(tmp_path)
    store.record_game(replace(make_game("Ann"), terms=GameTerms(seeded=True, length=3)))
    assert main(["scores", "--saves", str(tmp_path)]) == 0
    assert "`boschquiz scores --all` lists them." in capsys.readouterr().out


def test_every_box_ticked_is_no_filter() -> None:
    """Filters naming every pack and category of the bank leave nothing out: still ranked."""
    bank = bank_of()
    packs = tuple(sorted({q.pack for q in bank.questions}))
    categories = tuple(sorted({q.category for q in bank.questions if q.category}))
    record = finished(GameSettings(packs=packs, categories=categories), bank)
    assert record.terms == GameTerms(length=10)
    assert is_ranked(record.mode, record.terms)


def test_history_text_of_a_practice_game_shows_no_points(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Practice scores nothing, so `history` says no "0 points" for it (nor for its answers),
    as plain mode and the TUI do; a classic game's points are still there."""
    assert play(tmp_path, Mode.PRACTICE, "1\n" * 3, questions=3)[0] == 0
    assert play(tmp_path, Mode.CLASSIC, "1\n" * 3, questions=3)[0] == 0
    capsys.readouterr()
    assert main(["history", "--player", PLAYER, "--saves", str(tmp_path)]) == 0
    classic, practice = capsys.readouterr().out.split("\n\n")
    assert "· practice ·" in practice
    assert "points" not in practice
    assert "points" in classic
