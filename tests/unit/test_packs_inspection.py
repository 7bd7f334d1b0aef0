"""`inspect_pack`: what the studio shows of a pack while it is being written, broken or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from boschquiz.cli import main
from boschquiz.packs.inspection import DRAFT_PACK_ID, inspect_pack, pack_stats


@pytest.fixture
def pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "draft.yaml"
    assert main(["packs", "new", str(path)]) == 0
    capsys.readouterr()
    return path


def test_a_valid_pack_shows_every_question(pack: Path) -> None:
    inspection = inspect_pack(pack)
    assert inspection.errors == ()
    assert [q.label for q in inspection.questions] == [
        "who-plays-ballard",
        "bosch-ended",
        "home-city",
    ]
    assert len(inspection.playable) == 3
    assert inspection.playable[0].id == "draft/who-plays-ballard"


def test_a_broken_question_is_listed_with_its_errors_and_the_others_still_show(pack: Path) -> None:
    pack.write_text(pack.read_text().replace("answer: Maggie Q", "answer: Maggie"))
    inspection = inspect_pack(pack)
    broken, *others = inspection.questions
    assert broken.question is None
    assert [e.message for e in broken.errors] == ["answer 'Maggie' is not among the choices"]
    assert [q.question is not None for q in others] == [True, True]


def test_a_broken_header_id_still_shows_the_questions(pack: Path) -> None:
    pack.write_text(pack.read_text().replace('id: "draft"', 'id: "Not An Id"'))
    inspection = inspect_pack(pack)
    assert inspection.errors
    assert {q.question.pack for q in inspection.questions if q.question} == {DRAFT_PACK_ID}


@pytest.mark.parametrize(
    "content", [b"", b"pack: [\n", b"\xff\xfe", b"- just\n- a list\n", b"pack: {}\nquestions: 3\n"]
)
def test_files_that_are_not_packs_give_findings_not_exceptions(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "odd.yaml"
    path.write_bytes(content)
    inspection = inspect_pack(path)
    assert inspection.errors
    assert inspection.playable == ()


def test_a_missing_file_is_a_finding(tmp_path: Path) -> None:
    inspection = inspect_pack(tmp_path / "gone.yaml")
    assert [d.message for d in inspection.diagnostics] == ["no such file"]


def test_stats_count_types_tiers_slots_and_truth(pack: Path) -> None:
    stats = inspect_pack(pack).stats()
    assert stats.by_type == {"choice": 1, "true_false": 1, "typed": 1}
    assert stats.by_tier == {"easy": 2, "medium": 1}
    assert stats.answer_slots == {1: 1}
    assert (stats.true_answers, stats.false_answers) == (1, 0)
    assert pack_stats(()).by_type == {}
