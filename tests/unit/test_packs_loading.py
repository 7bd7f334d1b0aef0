"""Loading one pack file: the model it becomes, and every error it has, located and worded."""

from __future__ import annotations

from pathlib import Path

import pytest

from boschquiz.core.model import TRUE_FALSE_CHOICES, Difficulty, QuestionType, Show
from boschquiz.packs import PackLoadResult, load_pack

DATA = Path(__file__).resolve().parent.parent / "data" / "packs"


def lines(result: PackLoadResult) -> list[str]:
    """Each finding as printed, with the fixture folder stripped for readability."""
    return [d.format().replace(f"{DATA}/", "") for d in result.diagnostics]


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "pack.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_full_pack_becomes_the_model() -> None:
    """Every field of a valid pack reaches the model, with full ids and defaults applied."""
    result = load_pack(DATA / "valid" / "full.yaml")
    assert result.ok
    assert result.diagnostics == ()
    assert result.pack is not None
    info = result.pack.info
    assert (info.id, info.title, info.version, info.author) == (
        "full-pack",
        "Every field",
        3,
        "Test Author",
    )
    assert info.default_difficulty is Difficulty.HARD
    first, tf, typed, _ = result.pack.questions
    assert first.id == "full-pack/lead-actor"
    assert first.pack == "full-pack"
    assert first.type is QuestionType.CHOICE
    assert first.choices == ("Maggie Q", "Titus Welliver", "Mimi Rogers")
    assert first.answer == "Titus Welliver"
    assert (first.difficulty, first.category, first.show) == (Difficulty.EASY, "cast", Show.BOSCH)
    assert (first.explanation, first.source, first.time_limit) == (
        "He played the role for years.",
        "Test fixture",
        20,
    )
    assert tf.difficulty is Difficulty.HARD
    assert typed.accept == ("J. Edgar", "Jerry")
    assert typed.time_limit == 45


def test_true_false_answers_become_true_false_choices() -> None:
    """A true_false answer `true`/`false` becomes "True"/"False" with TRUE_FALSE_CHOICES."""
    result = load_pack(DATA / "valid" / "full.yaml")
    assert result.pack is not None
    by_id = {q.id: q for q in result.pack.questions}
    assert by_id["full-pack/legacy-lawyer"].answer == "True"
    assert by_id["full-pack/not-true"].answer == "False"
    assert by_id["full-pack/not-true"].choices == TRUE_FALSE_CHOICES


def test_minimal_pack_uses_documented_defaults() -> None:
    """Without version or default_difficulty a pack is version 1, medium."""
    result = load_pack(DATA / "valid" / "minimal.yaml")
    assert result.pack is not None
    assert result.pack.info.version == 1
    assert result.pack.questions[0].difficulty is Difficulty.MEDIUM
    assert result.pack.questions[0].choices == ()


def test_answers_and_choices_keep_their_exact_text() -> None:
    """2021, 1.10, 3.10, 007, 12:30, 2025-07-09, yes, null, 010 and off stay as written."""
    result = load_pack(DATA / "valid" / "numbers-as-text.yaml")
    assert result.pack is not None
    year, clock, words = result.pack.questions
    assert year.choices == ("2021", "1.10", "3.10", "007", "12:30")
    assert year.answer == "007"
    assert clock.answer == "12:30"
    assert clock.accept == ("2025-07-09", "yes", "null", "010")
    assert words.answer == "off"
    assert words.choices == ("yes", "no", "on", "off", "y", "n")


def test_every_error_in_a_file_is_reported() -> None:
    """A file with many problems reports each one, located, in file order."""
    result = load_pack(DATA / "invalid-schema" / "field-problems.yaml")
    assert result.pack is None
    assert lines(result) == [
        "invalid-schema/field-problems.yaml:4:12: error: pack.version: must be a whole number "
        "from 1 to 999999999",
        "invalid-schema/field-problems.yaml:5:23: error: pack.default_difficulty is 'impossible'; "
        "it must be one of: easy, medium, hard",
        "invalid-schema/field-problems.yaml:7:5: error: questions[0] is missing 'answer'",
        "invalid-schema/field-problems.yaml:10:5: error: unknown key 'anwser' in questions[0] "
        "(hint: did you mean 'answer'?)",
        "invalid-schema/field-problems.yaml:12:11: error: questions[1].type is 'multiple'; "
        "it must be one of: choice, true_false, typed",
        "invalid-schema/field-problems.yaml:13:12: error: questions[1].prompt must be text or a "
        "number, not empty",
        "invalid-schema/field-problems.yaml:15:17: error: questions[1].difficulty is 'Easy'; "
        "it must be one of: easy, medium, hard (hint: did you mean 'easy'?)",
        "invalid-schema/field-problems.yaml:16:11: error: questions[1].show is 'harry'; "
        "it must be one of: bosch, legacy, ballard, general",
        "invalid-schema/field-problems.yaml:17:17: error: questions[1].time_limit: must be a whole "
        "number of seconds from 5 to 300",
        "invalid-schema/field-problems.yaml:22:17: error: questions[2].time_limit: must be a whole "
        "number of seconds from 5 to 300",
        "invalid-schema/field-problems.yaml:26:14: error: questions[3].choices: a typed question "
        "has no choices; use accept for other spellings",
    ]


def test_answer_not_among_choices_gets_a_did_you_mean_hint() -> None:
    """A near-miss answer names the choice it probably meant; a far one says how to fix it."""
    result = load_pack(DATA / "invalid-rules" / "answer-not-among-choices.yaml")
    assert lines(result) == [
        "invalid-rules/answer-not-among-choices.yaml:9:13: error: answer 'Titus Welliver ' is not "
        "among the choices (hint: did you mean 'Titus Welliver'?)",
        "invalid-rules/answer-not-among-choices.yaml:14:13: error: answer 'Magie Q' is not among "
        "the choices (hint: did you mean 'Maggie Q'?)",
        "invalid-rules/answer-not-among-choices.yaml:19:13: error: answer 'Somebody Else' is not "
        "among the choices (hint: write the answer exactly as one of the choices)",
    ]


def test_duplicate_question_ids_are_an_error() -> None:
    """A repeated question id is reported at the repeat, naming the first."""
    result = load_pack(DATA / "invalid-rules" / "duplicate-question-ids.yaml")
    assert lines(result) == [
        "invalid-rules/duplicate-question-ids.yaml:9:9: error: duplicate question id 'same' "
        "(first used at line 5) (hint: give each question its own id)"
    ]


def test_choices_differing_only_in_case_are_an_error() -> None:
    """Two choices a player cannot tell apart are refused."""
    result = load_pack(DATA / "invalid-rules" / "choices-look-the-same.yaml")
    assert [d.message for d in result.diagnostics] == [
        "choices 'Maggie Q' and 'maggie q' look the same to a player"
    ]


def test_choice_rules_each_reported() -> None:
    """Missing, too few, too many and repeated choices, and accept on a choice question."""
    result = load_pack(DATA / "invalid-schema" / "choice-problems.yaml")
    assert [d.message for d in result.errors] == [
        "questions[0] is missing 'choices'",
        "questions[1].choices needs at least 2 entries",
        "questions[2].choices has more than 6 entries",
        "questions[3].choices has the same entry twice",
        "questions[4].accept: accept is only for typed questions",
    ]


def test_true_false_answer_must_be_a_lowercase_boolean() -> None:
    """`yes` and `True` are text, so they are refused as true_false answers; choices too."""
    result = load_pack(DATA / "invalid-schema" / "true-false-problems.yaml")
    must = "a true_false answer must be true or false (lowercase, unquoted)"
    assert [(d.line, d.message) for d in result.errors] == [
        (8, f"questions[0].answer: {must}"),
        (12, f"questions[1].answer: {must}"),
        (16, "questions[2].choices: a true_false question has no choices"),
    ]


def test_ids_must_be_slugs() -> None:
    """Pack and question ids use lowercase letters, digits and '-' only."""
    result = load_pack(DATA / "invalid-schema" / "bad-ids.yaml")
    assert [(d.line, d.message) for d in result.errors] == [
        (2, "pack.id: use only lowercase letters, digits and '-'"),
        (5, "questions[0].id: use only lowercase letters, digits and '-'"),
    ]


def test_top_level_list_is_explained() -> None:
    """A file that is a list, not a pack, says what a pack starts with."""
    result = load_pack(DATA / "invalid-schema" / "top-level-list.yaml")
    assert lines(result) == [
        "invalid-schema/top-level-list.yaml:1:1: error: a pack must be a mapping with 'pack:' and "
        "'questions:', not a list (hint: start the file with 'pack:' (see docs/packs.md))"
    ]


def test_missing_questions_is_an_error() -> None:
    """A header alone is not a pack."""
    result = load_pack(DATA / "invalid-schema" / "missing-questions.yaml")
    assert [d.message for d in result.errors] == ["the file is missing 'questions'"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "file is empty"),
        (b"pack: caf\xe9\n", "invalid UTF-8"),
        (b"pack:\n\tid: x\n", "tab character"),
        (b'pack:\n  id: "open\n', "unclosed quote"),
        (b"[" * 40_000, "nesting is deeper"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data"),
        (b"pack: !!python/object/apply:os.system [ls]\n", "tag '!!python/"),
        (b"pack: {id: a}\n---\nquestions: []\n", "several documents"),
        (b"pack: {id: a}\npack: {id: b}\nquestions: []\n", "duplicate key 'pack'"),
    ],
)
def test_hostile_files_give_one_clear_error(tmp_path: Path, content: bytes, expected: str) -> None:
    """Broken or hostile input becomes a located error and no pack, never an exception."""
    result = load_pack(write(tmp_path, content))
    assert result.pack is None
    assert expected in result.errors[0].message


def test_alias_bomb_pack_is_refused(tmp_path: Path) -> None:
    """A 'billion laughs' pack is stopped while reading."""
    rows = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    rows += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    result = load_pack(write(tmp_path, "\n".join(rows)))
    assert result.pack is None
    assert "aliases expand" in result.errors[0].message


def test_oversized_pack_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pack over the size limit is refused before parsing."""
    monkeypatch.setattr("boschquiz.packs.loader.MAX_BYTES", 100)
    result = load_pack(write(tmp_path, "pack:\n  id: x\n" + "#" * 200 + "\n"))
    assert result.pack is None
    assert "larger than the" in result.errors[0].message
