"""A pack question that names its fact (`fact: <fact-id>`) is in that fact's family, so a game
never asks it with a question generated from the same fact (issue 13)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from boschquiz.cli import main
from boschquiz.core.model import Difficulty, Question, QuestionType
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.game.selection import drawing
from boschquiz.packs.factrefs import known_fact_ids
from tests.simulation import shipped_bank

WRITTEN = Question(
    id="ballard-premiere/lead-actor",
    pack="ballard-premiere",
    type=QuestionType.CHOICE,
    prompt="Who plays Renée Ballard in the series named after her?",
    answer="Maggie Q",
    difficulty=Difficulty.EASY,
    choices=("Maggie Q", "Madison Lintz"),
    fact="renee-ballard-played-by-maggie-q",
)
GENERATED = Question(
    id="gen/renee-ballard-played-by-maggie-q/typed",
    pack="gen",
    type=QuestionType.TYPED,
    prompt="Which actor plays Renée Ballard?",
    answer="Maggie Q",
    difficulty=Difficulty.EASY,
)


def test_a_pack_question_naming_a_fact_joins_its_family() -> None:
    assert WRITTEN.family == GENERATED.family == "gen/renee-ballard-played-by-maggie-q"


def test_selection_never_asks_both_in_one_game() -> None:
    """Asked for two questions from exactly these two, every seed gets one: they give each
    other away."""
    for seed in range(20):
        made = drawing([WRITTEN, GENERATED], 2, {Difficulty.EASY: 1.0}, {}, random.Random(seed))
        assert len(made.questions) == 1


def test_the_shipped_fact_tags_name_real_facts_that_meet_generated_questions() -> None:
    """Every `fact:` in the shipped packs names a fact of the base, and at least 29 of them
    share a family with generated questions, so the rule has something to do (one names a
    fact no template asks about yet: Ballard's renewal; one a recommendation, which the
    generator asks only as a true statement now, since its reasons fit several shows)."""
    bank = shipped_bank()
    known = known_fact_ids(builtin_questions_dir() / "facts")
    generated = {q.family for q in bank.questions if q.pack == "gen"}
    tagged = [q for q in bank.questions if q.fact]
    assert [q.id for q in tagged if q.fact not in known] == []
    assert sum(q.family in generated for q in tagged) >= 29


PACK = """\
pack:
  id: tagged
  title: Tagged
questions:
  - id: one
    type: typed
    fact: {fact}
    prompt: Which actor plays Renée Ballard?
    answer: Maggie Q
"""


def test_validate_refuses_an_unknown_fact_with_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "tagged.yaml"
    pack.write_text(PACK.format(fact="renee-ballard-played-by-nobody"), encoding="utf-8")
    code = main(["packs", "validate", str(pack)])
    out = capsys.readouterr().out
    assert code == 1
    assert (
        f"{pack}:7:11: error: questions[0].fact is 'renee-ballard-played-by-nobody',"
        " which is not a fact in the facts base" in out
    )


def test_validate_accepts_a_known_fact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "tagged.yaml"
    pack.write_text(PACK.format(fact="renee-ballard-played-by-maggie-q"), encoding="utf-8")
    assert main(["packs", "validate", str(pack)]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_a_badly_spelled_fact_id_is_a_schema_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "tagged.yaml"
    pack.write_text(PACK.format(fact="Renee_Ballard"), encoding="utf-8")
    assert main(["packs", "validate", str(pack)]) == 1
    assert "lower-case letters, digits and single dashes" in capsys.readouterr().out
