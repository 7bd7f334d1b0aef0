"""`boschquiz generate`: a pack that the pack validator accepts, on stdout or in a file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from boschquiz.cli import EXIT_READER_GONE, main
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.facts import generate_from_dir
from boschquiz.packs import load_pack

DATA = Path(__file__).resolve().parent.parent / "data" / "facts"


def test_written_pack_validates_as_a_pack(tmp_path: Path) -> None:
    """`generate -o FILE` writes the shipped bank as a pack with no errors, every question in."""
    out = tmp_path / "gen.yaml"
    assert main(["generate", "-o", str(out)]) == 0
    result = load_pack(out)
    assert result.ok, [d.format() for d in result.errors]
    assert result.pack is not None
    generated = generate_from_dir(builtin_questions_dir() / "facts").questions
    assert len(result.pack.questions) == len(generated)


def test_written_pack_keeps_answers_and_choices(tmp_path: Path) -> None:
    """Each written question plays the same as the generated one: answer, choices, tier, and
    the family (its `fact:`), so a game asks one question per fact from the written pack too."""
    out = tmp_path / "gen.yaml"
    main(["generate", "-o", str(out)])
    result = load_pack(out)
    assert result.pack is not None
    written = {q.id.split("/", 1)[1]: q for q in result.pack.questions}
    for question in generate_from_dir(builtin_questions_dir() / "facts").questions:
        fact_id, form = question.id.split("/")[1:]
        twin = written[f"{fact_id}--{form}"]
        assert (twin.type, twin.answer, twin.choices, twin.difficulty) == (
            question.type,
            question.answer,
            question.choices,
            question.difficulty,
        )
        assert set(twin.accept) == set(question.accept)
        assert twin.family == question.family


def test_without_output_the_pack_goes_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """With no -o the pack is printed, starting with the editor's schema comment."""
    assert main(["generate"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# yaml-language-server: $schema=../schema/pack.schema.json")
    assert yaml.safe_load(printed)["pack"]["id"] == "generated"


def test_broken_facts_exit_non_zero_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Errors in the facts are printed path:line:col, the exit code is 1, no file appears."""
    facts = tmp_path / "facts"
    facts.mkdir()
    shutil.copy(DATA / "broken" / "references.yaml", facts)
    out = tmp_path / "gen.yaml"
    assert main(["generate", "--facts", str(facts), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{facts / 'references.yaml'}:7:23: error: unknown entity 'heroo'" in err
    assert "nothing written" in err
    assert not out.exists()


def test_existing_output_is_untouched_when_facts_are_broken(tmp_path: Path) -> None:
    """A pack written earlier survives a failed run byte for byte."""
    facts = tmp_path / "facts"
    facts.mkdir()
    shutil.copy(DATA / "broken" / "values.yaml", facts)
    out = tmp_path / "gen.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    assert main(["generate", "--facts", str(facts), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "keep me\n"


def test_missing_facts_path_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --facts path that does not exist is one sentence, exit 1, no traceback."""
    assert main(["generate", "--facts", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert "no facts file or folder" in err
    assert "Traceback" not in err


def test_a_single_facts_file_can_be_given(tmp_path: Path) -> None:
    """--facts accepts one file as well as a folder."""
    source = tmp_path / "facts" / "small.yaml"
    source.parent.mkdir()
    shutil.copy(DATA / "valid" / "small.yaml", source)
    out = tmp_path / "small-pack.yaml"
    assert main(["generate", "--facts", str(source), "-o", str(out)]) == 0
    assert load_pack(out).ok


@pytest.mark.process
def test_real_process_writes_a_pack(tmp_path: Path) -> None:
    """`python -m boschquiz generate -o FILE` in a real process exits 0 and reports the count."""
    out = tmp_path / "gen.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "boschquiz", "generate", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stderr
    assert load_pack(out).ok


@pytest.mark.process
def test_reader_gone_before_the_pack_is_printed_gets_no_traceback() -> None:
    """`boschquiz generate | true`: the reader has left before anything is written (the
    child is still importing when the parent closes the pipe), and no traceback follows."""
    process = subprocess.Popen(
        [sys.executable, "-m", "boschquiz", "generate"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == EXIT_READER_GONE
    assert "Traceback" not in stderr
    assert "Exception ignored" not in stderr


def small_facts(tmp_path: Path) -> Path:
    facts = tmp_path / "facts"
    facts.mkdir()
    shutil.copy(DATA / "valid" / "small.yaml", facts)
    return facts


def test_output_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    """`-o link` replaces what the link points at; the link stays a link."""
    real = tmp_path / "packs" / "generated.yaml"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert main(["generate", "--facts", str(small_facts(tmp_path)), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert "\npack:\n" in real.read_text(encoding="utf-8")


def test_failed_write_leaves_no_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o naming a folder cannot be replaced: one sentence, exit 1, and no `.tmp` left."""
    out = tmp_path / "out"
    (out / "inside").mkdir(parents=True)
    assert main(["generate", "--facts", str(small_facts(tmp_path)), "-o", str(out)]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
