"""`boschquiz packs validate`, `packs list` and `questions`: exit codes, output, JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from boschquiz.cli import main

DATA = Path(__file__).resolve().parent.parent / "data" / "packs"
VALID = DATA / "valid"
FULL = VALID / "full.yaml"
RULES = DATA / "invalid-rules"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_valid_folder_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """A folder of valid packs exits 0 and says what it checked."""
    code, out, _ = run(capsys, "packs", "validate", str(VALID))
    assert code == 0
    assert out == "3 files checked: 0 errors, 0 warnings\n"


def test_validate_with_only_warnings_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings are printed but do not fail validation."""
    code, out, _ = run(capsys, "packs", "validate", str(DATA / "warnings" / "patterns.yaml"))
    assert code == 0
    assert ": warning: every true_false answer is true" in out
    assert out.endswith("1 file checked: 0 errors, 5 warnings\n")


def test_validate_prints_compiler_style_errors_and_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Errors come out as path:line:col: error: message (hint), and the exit code is 1."""
    code, out, _ = run(capsys, "packs", "validate", str(RULES / "duplicate-question-ids.yaml"))
    assert code == 1
    assert out.splitlines() == [
        f"{RULES}/duplicate-question-ids.yaml:9:9: error: duplicate question id 'same' "
        "(first used at line 5) (hint: give each question its own id)",
        "1 file checked: 1 error, 0 warnings",
    ]


def test_validate_json_lists_every_finding(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints a JSON list of findings with path, line, col, severity, message, hint."""
    code, out, _ = run(capsys, "packs", "validate", "--json", str(RULES))
    assert code == 1
    findings = json.loads(out)
    assert len(findings) == 5
    assert findings[0] == {
        "path": f"{RULES}/answer-not-among-choices.yaml",
        "line": 9,
        "col": 13,
        "severity": "error",
        "message": "answer 'Titus Welliver ' is not among the choices",
        "hint": "did you mean 'Titus Welliver'?",
    }


def test_validate_json_of_valid_packs_is_an_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    """A clean run with --json prints []."""
    code, out, _ = run(capsys, "packs", "validate", "--json", str(VALID))
    assert (code, json.loads(out)) == (0, [])


def test_validate_reports_repeated_pack_ids_across_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two files given together with one pack id: the second is an error."""
    copy = tmp_path / "copy.yaml"
    copy.write_text(FULL.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "packs", "validate", str(FULL), str(copy))
    assert code == 1
    assert f"{copy}:3:1: error: pack id 'full-pack' is already used by {FULL}" in out


def test_validate_missing_path_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A path that does not exist is an error finding."""
    code, out, _ = run(capsys, "packs", "validate", str(tmp_path / "absent.yaml"))
    assert code == 1
    assert f"{tmp_path}/absent.yaml:1:1: error: no such file" in out


def test_validate_routes_facts_files_to_the_facts_checker(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file under facts/ is checked as facts, not reported as a broken pack."""
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "bad.yaml").write_text("entities: [\n", encoding="utf-8")
    code, out, _ = run(capsys, "packs", "validate", str(tmp_path))
    assert code == 1
    assert "pack must be a mapping" not in out
    assert "missing 'pack'" not in out
    assert f"{facts}/bad.yaml:" in out


def test_validate_without_paths_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """No PATH is a usage error: exit 2."""
    with pytest.raises(SystemExit) as exit_info:
        main(["packs", "validate"])
    assert exit_info.value.code == 2
    assert "PATH" in capsys.readouterr().err


def test_every_packs_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    """--help works on packs, validate, list and questions."""
    for argv in (["packs"], ["packs", "validate"], ["packs", "list"], ["questions"]):
        with pytest.raises(SystemExit) as exit_info:
            main([*argv, "--help"])
        assert exit_info.value.code == 0
        assert "usage: boschquiz" in capsys.readouterr().out


def test_list_json_counts_types_and_difficulties(capsys: pytest.CaptureFixture[str]) -> None:
    """packs list --json gives counts by type and difficulty, and validity, per pack."""
    code, out, _ = run(capsys, "packs", "list", "--json", "--pack", str(FULL))
    assert code == 0
    listed = json.loads(out)
    (full,) = [p for p in listed if p["path"] == str(FULL)]
    assert full == {
        "path": str(FULL),
        "id": "full-pack",
        "title": "Every field",
        "valid": True,
        "questions": 4,
        "by_type": {"choice": 1, "true_false": 2, "typed": 1},
        "by_difficulty": {"easy": 1, "medium": 1, "hard": 2},
        "errors": 0,
        "warnings": 0,
    }


def test_list_includes_builtin_packs_and_marks_broken(capsys: pytest.CaptureFixture[str]) -> None:
    """The built-in packs are listed; a broken --pack is shown as broken and exits 1."""
    broken = RULES / "duplicate-question-ids.yaml"
    code, out, _ = run(capsys, "packs", "list", "--pack", str(broken))
    assert code == 1
    assert "questions/packs/" in out
    assert f"BROKEN  {broken}: 1 error" in out


def test_questions_json_has_the_public_fields(capsys: pytest.CaptureFixture[str]) -> None:
    """questions --json prints one object per question with every public field."""
    code, out, _ = run(capsys, "questions", "--json", "--pack", str(FULL))
    assert code == 0
    questions = json.loads(out)
    assert [q["id"] for q in questions] == [
        "full-pack/lead-actor",
        "full-pack/legacy-lawyer",
        "full-pack/partner",
        "full-pack/not-true",
    ]
    assert set(questions[0]) >= {
        "id", "pack", "type", "prompt", "choices", "answer", "accept",
        "difficulty", "category", "show", "explanation", "source",
    }  # fmt: skip
    assert questions[1]["choices"] == ["True", "False"]


def test_questions_filters_by_difficulty(capsys: pytest.CaptureFixture[str]) -> None:
    """--difficulty keeps only that tier."""
    code, out, _ = run(capsys, "questions", "--json", "--difficulty", "hard", "--pack", str(FULL))
    assert code == 0
    assert {q["difficulty"] for q in json.loads(out)} == {"hard"}
    assert len(json.loads(out)) == 2


def test_questions_plain_listing_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    """The plain listing shows id, tags, prompt, choices and answer."""
    code, out, _ = run(capsys, "questions", "--pack", str(FULL), "--difficulty", "easy")
    assert code == 0
    assert out == (
        "full-pack/lead-actor  [choice · easy · bosch · cast]\n"
        "  Who plays the detective in the first show?\n"
        "  choices: Maggie Q | Titus Welliver | Mimi Rogers\n"
        "  answer: Titus Welliver\n"
        "1 question\n"
    )


def test_questions_skips_broken_packs_and_names_them(capsys: pytest.CaptureFixture[str]) -> None:
    """A broken pack is skipped with a note on stderr; the others are listed."""
    broken = RULES / "duplicate-question-ids.yaml"
    code, out, err = run(capsys, "questions", "--json", "--pack", str(FULL), "--pack", str(broken))
    assert code == 0
    assert len(json.loads(out)) == 4
    assert f"skipped {broken}: 1 error(s)" in err


@pytest.mark.process
def test_real_process_validate_exit_codes_and_json(tmp_path: Path) -> None:
    """`python -m boschquiz packs validate --json` in a real process: exit 1, JSON on stdout."""
    done = subprocess.run(
        [sys.executable, "-m", "boschquiz", "packs", "validate", "--json", str(RULES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert len(json.loads(done.stdout)) == 5
    assert "Traceback" not in done.stderr
