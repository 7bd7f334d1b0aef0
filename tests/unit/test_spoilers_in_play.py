"""Spoiler tags in hand-written packs, the horizon filter in the game and on the command line,
and a daily drawn only from the shipped questions that spoil nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from boschquiz.cli import main
from boschquiz.core.model import Mode, QuestionBank
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.core.spoilers import Horizon
from boschquiz.game.daily import daily_bank
from boschquiz.game.selection import matching
from boschquiz.game.settings import GameSettings
from boschquiz.packs import load_pack
from tests.unit.test_game_support import bank_of, choice_question, new_game, play_through

PACK = """pack: {{id: tagged, title: Tagged}}
questions:
  - id: q1
    type: true_false
    prompt: Something happens.
    answer: true
    spoils: {tag}
"""


def write(tmp_path: Path, tag: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(tag=tag), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("tag", "message", "hint"),
    [
        ("bosch:8", "bosch has seasons 1 to 7; there is no season 8", "bosch:1 to bosch:7"),
        ("boch:3", "unknown show 'boch'", "did you mean 'bosch'?"),
        ("legacy:1,ballard:2", "ballard has seasons 1 to 1", "ballard:1 to ballard:1"),
    ],
)
def test_a_pack_tag_for_a_missing_show_or_season_is_a_located_error(
    tmp_path: Path, tag: str, message: str, hint: str
) -> None:
    """`spoils:` is checked against the real seasons, at its line and column."""
    result = load_pack(write(tmp_path, tag))
    assert result.pack is None
    (found,) = result.errors
    assert (found.line, found.col) == (7, 13)
    assert message in found.message
    assert found.hint is not None
    assert found.hint.startswith(hint)


def test_a_pack_tag_reaches_the_question(tmp_path: Path) -> None:
    """Several tags are kept as the latest season per show."""
    result = load_pack(write(tmp_path, "bosch:2, legacy:1, bosch:5"))
    assert result.pack is not None
    assert result.pack.questions[0].spoils == ("bosch:5", "legacy:1")


def test_an_untagged_question_spoils_nothing(tmp_path: Path) -> None:
    """No `spoils:` means the question is shown to everyone."""
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(tag="x").replace("    spoils: x\n", ""), encoding="utf-8")
    result = load_pack(path)
    assert result.pack is not None
    assert result.pack.questions[0].spoils == ()


def test_the_legacy_finale_question_is_tagged() -> None:
    """The shipped pack's question on Ballard's first appearance spoils Legacy's last season."""
    result = load_pack(builtin_questions_dir() / "packs" / "ballard.yaml")
    assert result.pack is not None
    question = {q.id: q for q in result.pack.questions}["ballard-premiere/first-appearance"]
    assert question.spoils == ("legacy:3",)


def spoiling_bank() -> QuestionBank:
    base = bank_of(5)
    tagged = [
        replace(choice_question("late", pack="core"), spoils=("legacy:3",)),
        replace(choice_question("early", pack="core"), spoils=("bosch:1",)),
        replace(choice_question("book", pack="core"), spoils=("novel:novel-the-late-show",)),
    ]
    return QuestionBank((*base.questions, *tagged))


def test_matching_drops_questions_past_the_horizon() -> None:
    """A player who saw Bosch 1 but no Legacy gets the bosch:1 question, not the legacy:3 one;
    book spoilers need the switch."""
    ids = {
        q.id
        for q in matching(spoiling_bank().questions, GameSettings(horizon=Horizon.parse("bosch:1")))
    }
    assert "core/early" in ids
    assert "core/late" not in ids
    assert "core/book" not in ids
    everything = GameSettings(horizon=Horizon.everything(books=True))
    assert "core/book" in {q.id for q in matching(spoiling_bank().questions, everything)}


def test_the_daily_draws_only_shipped_questions_that_spoil_nothing() -> None:
    """Tagged questions and the player's own packs never reach the daily."""
    mine = choice_question("mine", pack="my-pack")
    bank = spoiling_bank()
    with_mine = QuestionBank((*bank.questions, mine), user_packs=frozenset({"my-pack"}))
    pool = daily_bank(with_mine)
    assert all(not q.spoils for q in pool.questions)
    assert "my-pack/mine" not in {q.id for q in pool.questions}


def test_a_user_pack_does_not_change_the_daily() -> None:
    """The same shipped bank gives the same daily with or without a pack of one's own."""
    bank = spoiling_bank()
    mine = tuple(choice_question(f"mine{i}", pack="my-pack") for i in range(20))
    with_mine = QuestionBank((*bank.questions, *mine), user_packs=frozenset({"my-pack"}))
    assert play_through(new_game(bank, mode=Mode.DAILY)) == play_through(
        new_game(with_mine, mode=Mode.DAILY)
    )


def questions_json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    assert main(["questions", "--json", *argv]) == 0
    listed: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return listed


def test_questions_watched_filters_the_listing(capsys: pytest.CaptureFixture[str]) -> None:
    """`questions --watched bosch:7,legacy:2` hides what Legacy 3 and Ballard reveal."""
    everything = questions_json(capsys)
    watched = questions_json(capsys, "--watched", "bosch:7,legacy:2,ballard:0")
    assert any(q["spoils"] == ["legacy:3"] for q in everything)
    assert 0 < len(watched) < len(everything)
    for question in watched:
        spoils = question["spoils"]
        assert isinstance(spoils, list)
        assert not any(tag.startswith(("legacy:3", "ballard:")) for tag in spoils)
    assert questions_json(capsys, "--watched", "all") == everything


def test_watched_past_the_last_season_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """`--watched bosch:9` names a season that does not exist: exit 2 and say so."""
    with pytest.raises(SystemExit) as stopped:
        main(["play", "--plain", "--watched", "bosch:9"])
    assert stopped.value.code == 2
    assert "bosch has seasons 1 to 7; there is no season 9" in capsys.readouterr().err


def test_the_bank_knows_which_packs_are_the_players(tmp_path: Path) -> None:
    """Packs from the player's folder are marked as theirs; the built-in ones are not."""
    from boschquiz.core.paths import AppPaths
    from boschquiz.packs.bank import load_bank

    user = tmp_path / "packs"
    user.mkdir()
    (user / "mine.yaml").write_text(PACK.format(tag="bosch:1"), encoding="utf-8")
    paths = AppPaths(builtin_questions_dir(), user, tmp_path / "saves", tmp_path / "cache")
    bank = load_bank(paths).bank
    assert bank.user_packs == frozenset({"tagged"})
    assert {"ballard-premiere", "tagged"} <= {q.pack for q in bank.questions}


def test_a_daily_on_only_the_given_packs_draws_from_them() -> None:
    """`play --pack X --mode daily` (a bank of only X: trying a pack out) draws X's
    spoiler-free questions rather than nothing."""
    mine = tuple(choice_question(f"mine{i}", pack="my-pack") for i in range(12))
    late = replace(choice_question("late", pack="my-pack"), spoils=("legacy:3",))
    only_mine = QuestionBank((*mine, late), user_packs=frozenset({"my-pack"}), complete=False)
    ids = {q.id for q in daily_bank(only_mine).questions}
    assert ids == {q.id for q in mine}
