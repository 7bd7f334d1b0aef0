"""`packs new`, `packs import` and `questions export` as an author runs them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from boschquiz.cli import main

DATA = Path(__file__).resolve().parent.parent / "data" / "interchange"
PACKS = Path(__file__).resolve().parent.parent / "data" / "packs" / "valid"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_packs_new_writes_a_pack_that_validates_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "my-first-pack.yaml"
    code, out, _ = run(capsys, "packs", "new", str(target), "--title", 'Bosch: "quotes"')
    assert code == 0
    assert "wrote" in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert 'id: "my-first-pack"' in text
    code, out, _ = run(capsys, "packs", "validate", str(target))
    assert (code, out) == (0, "1 file checked: 0 errors, 0 warnings\n")
    code, out, _ = run(capsys, "questions", "--pack", str(target), "--json")
    listed = json.loads(out)
    assert {q["type"] for q in listed} == {"choice", "true_false", "typed"}
    assert listed[0]["pack"] == "my-first-pack"


def test_packs_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("keep me")
    code, _, err = run(capsys, "packs", "new", str(target))
    assert code == 1
    assert f"{target}:1:1: error: the file exists already" in err
    assert target.read_text() == "keep me"


def test_import_writes_a_pack_and_reports_warnings_with_source_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "gift-pack.yaml"
    source = DATA / "moodle.gift"
    code, out, err = run(
        capsys, "packs", "import", "--from", "gift", str(source), "-o", str(target)
    )
    assert code == 0
    assert out == f"wrote {target}: 5 question(s)\n"
    assert f"{source}:26:1: warning: skipped: a matching question" in err
    code, out, _ = run(capsys, "packs", "validate", str(target))
    assert code == 0


def test_import_of_a_broken_source_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "broken.json"
    source.write_bytes(b'{"results": [\n  {"question": "\xff"}]}')
    target = tmp_path / "out.yaml"
    code, _, err = run(capsys, "packs", "import", "--from", "otdb", str(source), "-o", str(target))
    assert code == 1
    assert f"{source}:2:17: error: invalid UTF-8" in err
    assert not target.exists()


def test_import_of_a_missing_file_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "packs", "import", "--from", "csv", str(tmp_path / "nope.csv"), "-o", "x.yaml"
    )
    assert code == 1
    assert err.strip().endswith("error: no such file")


@pytest.mark.parametrize(
    ("fmt", "reader_check"),
    [
        ("gift", lambda data: data.startswith(b"// Exported by boschquiz")),
        ("csv", lambda data: data.startswith(b"id,type,prompt,answer")),
        ("otdb", lambda data: json.loads(data)["response_code"] == 0),
        ("moodle-xml", lambda data: b"<quiz>" in data),
        ("anki", lambda data: data.startswith(b"#separator:tab")),
    ],
)
def test_export_writes_each_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, reader_check: object
) -> None:
    target = tmp_path / f"out.{fmt}"
    code, _, err = run(
        capsys, "questions", "export", "--format", fmt, "--pack", str(PACKS), "-o", str(target)
    )
    assert code == 0, err
    assert callable(reader_check)
    assert reader_check(target.read_bytes())
    assert "exported" in err


def test_export_kahoot_needs_a_file_and_is_a_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    code, _, err = run(
        capsys, "questions", "export", "--format", "kahoot", "--pack", str(PACKS), "-o", "-"
    )
    assert code == 1
    assert "cannot go to standard output" in err
    target = tmp_path / "quiz.xlsx"
    code, _, err = run(
        capsys, "questions", "export", "--format", "kahoot", "--pack", str(PACKS), "-o", str(target)
    )
    assert code == 0
    sheet = load_workbook(io.BytesIO(target.read_bytes())).active
    assert sheet is not None
    assert sheet.cell(9, 2).value


def test_export_then_import_round_trips_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "bank.csv"
    run(capsys, "questions", "export", "--format", "csv", "--pack", str(PACKS), "-o", str(exported))
    _, before, _ = run(capsys, "questions", "--pack", str(PACKS), "--json")
    again = tmp_path / "again.yaml"
    code, _, err = run(capsys, "packs", "import", "--from", "csv", str(exported), "-o", str(again))
    assert code == 0, err
    _, after, _ = run(capsys, "questions", "--pack", str(again), "--json")
    fields = ("type", "prompt", "answer", "choices", "accept", "difficulty", "explanation")
    assert [[q[f] for f in fields] for q in json.loads(after)] == [
        [q[f] for f in fields] for q in json.loads(before)
    ]


def test_export_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("mine")
    code, _, err = run(
        capsys, "questions", "export", "--format", "csv", "--pack", str(PACKS), "-o", str(target)
    )
    assert code == 1
    assert "the file exists already" in err
    assert target.read_text() == "mine"
