"""The shipped packs: valid, warning-free, and covering every type and tier with sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from boschquiz.core.model import Difficulty, Question, QuestionType
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.packs import PackLoadResult, load_pack

PACKS = sorted((builtin_questions_dir() / "packs").glob("*.yaml"))
SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/pack.schema.json"


def loaded() -> list[PackLoadResult]:
    return [load_pack(path) for path in PACKS]


def questions() -> list[Question]:
    return [q for result in loaded() if result.pack for q in result.pack.questions]


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.name)
def test_shipped_pack_is_valid_without_warnings(path: Path) -> None:
    """Every shipped pack loads with no errors and no warnings."""
    assert load_pack(path).diagnostics == ()


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.name)
def test_shipped_pack_names_the_schema_first(path: Path) -> None:
    """Each shipped pack starts with the yaml-language-server schema comment."""
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_COMMENT


def test_at_least_forty_questions_ship() -> None:
    """The game ships with at least 40 written questions."""
    assert len(questions()) >= 40


def test_every_type_and_tier_is_covered() -> None:
    """All three question types and all three difficulties appear."""
    found = questions()
    assert {q.type for q in found} == set(QuestionType)
    assert {q.difficulty for q in found} == set(Difficulty)


def test_every_question_has_an_explanation_and_a_source() -> None:
    """Players see why an answer is right, and where the fact comes from."""
    missing = [q.id for q in questions() if not q.explanation or not q.source]
    assert missing == []


def test_question_ids_are_unique_across_shipped_packs() -> None:
    """No two shipped questions share a full id."""
    ids = [q.id for q in questions()]
    assert len(ids) == len(set(ids))
