"""Pack checks for prompts that lean on missing context and questions that give themselves
away, each warned at path:line:col, each waivable per question with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from boschquiz.core.diagnostics import Diagnostic
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.facts import generate_from_dir
from boschquiz.facts.writer import pack_yaml
from boschquiz.packs import load_pack

HEADER = "pack:\n  id: probe\n  title: Probe\nquestions:\n"


def warnings_for(tmp_path: Path, questions: str) -> tuple[Diagnostic, ...]:
    path = tmp_path / "probe.yaml"
    path.write_text(HEADER + questions, encoding="utf-8")
    result = load_pack(path)
    assert result.errors == (), result.errors
    return result.warnings


def one(found: tuple[Diagnostic, ...], fragment: str) -> Diagnostic:
    matching = [d for d in found if fragment in d.message]
    assert len(matching) == 1, [d.format() for d in found]
    return matching[0]


@pytest.mark.parametrize(
    ("prompt", "phrase"),
    [
        ("According to the article, who plays Harry Bosch?", "the article"),
        ("On which service did the spinoff premiere?", "the spinoff"),
        ("She leads which unit?", "she"),
        ("How many episodes does the first season have?", "the first season"),
        ("Which crimes does that specialised LAPD division handle?", "that specialised"),
    ],
)
def test_prompt_leaning_on_missing_context_is_warned_at_the_prompt(
    tmp_path: Path, prompt: str, phrase: str
) -> None:
    found = one(
        warnings_for(tmp_path, f"  - {{id: q, type: typed, prompt: '{prompt}', answer: Zed}}\n"),
        "leans on context",
    )
    assert f"('{phrase}')" in found.message
    assert (found.line, found.col) == (5, 34)
    assert found.format().startswith(f"{tmp_path / 'probe.yaml'}:5:34: warning:")


def test_the_first_season_of_a_named_series_is_fine(tmp_path: Path) -> None:
    found = warnings_for(
        tmp_path,
        "  - {id: q, type: typed, prompt: How many episodes are in the first season of"
        " Ballard?, answer: '10'}\n",
    )
    assert found == ()


def test_distinctive_word_of_the_answer_in_the_prompt(tmp_path: Path) -> None:
    """ "Which character is at the centre of Bosch: Legacy?" gives away Harry Bosch."""
    found = one(
        warnings_for(
            tmp_path,
            "  - id: q\n    type: typed\n"
            "    prompt: 'Which character is at the centre of Bosch: Legacy?'\n"
            "    answer: Harry Bosch\n",
        ),
        "appears in the prompt",
    )
    assert "'bosch', from the answer," in found.message
    assert (found.line, found.col) == (7, 13)


def test_a_word_every_option_shares_is_no_giveaway(tmp_path: Path) -> None:
    found = warnings_for(
        tmp_path,
        "  - id: q\n    type: choice\n    prompt: Which Bosch is an LAPD officer in Ballard?\n"
        "    choices: [Harry Bosch, Maddie Bosch, Eleanor Bosch]\n    answer: Maddie Bosch\n",
    )
    assert found == ()


def test_lone_option_matching_a_prompt_word_is_warned_at_the_option(tmp_path: Path) -> None:
    """The only option with "Chief" in it, for "Who is the new chief?"."""
    found = one(
        warnings_for(
            tmp_path,
            "  - id: q\n    type: choice\n    prompt: Who is the new chief of the LAPD?\n"
            "    choices: [Renée Ballard, Chief Valdez, Harry Bosch]\n"
            "    answer: Chief Valdez\n",
        ),
        "shares the word 'chief'",
    )
    assert "the answer 'Chief Valdez'" in found.message
    assert (found.line, found.col) == (8, 30)


def test_absolute_word_in_a_false_statement(tmp_path: Path) -> None:
    found = one(
        warnings_for(
            tmp_path,
            "  - id: q\n    type: true_false\n"
            "    prompt: The unit is staffed entirely by seasoned detectives.\n"
            "    answer: false\n",
        ),
        "absolute words",
    )
    assert "'entirely'" in found.message


def test_absolute_word_in_a_true_statement_is_fine(tmp_path: Path) -> None:
    found = warnings_for(
        tmp_path,
        "  - id: q\n    type: true_false\n    prompt: Bosch is the only show here.\n"
        "    answer: true\n",
    )
    assert found == ()


def test_a_question_may_waive_a_check_with_a_reason(tmp_path: Path) -> None:
    """A show named after its hero will name him: `allow` says so and silences that check."""
    found = warnings_for(
        tmp_path,
        "  - id: q\n    type: typed\n"
        "    prompt: 'Which character is at the centre of Bosch: Legacy?'\n"
        "    answer: Harry Bosch\n"
        "    allow: {answer-in-prompt: a show named after its hero names him}\n",
    )
    assert found == ()


def test_waiving_an_unknown_check_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "probe.yaml"
    path.write_text(
        HEADER + "  - {id: q, type: typed, prompt: Who?, answer: Zed, allow: {nope: why}}\n",
        encoding="utf-8",
    )
    assert load_pack(path).errors


def test_one_truth_value_dominating_a_pack(tmp_path: Path) -> None:
    rows = "".join(
        f"  - {{id: q{i}, type: true_false, prompt: Statement {i}., answer: {v}}}\n"
        for i, v in enumerate(["true", "true", "true", "true", "false"])
    )
    assert "4 of 5 true_false answers are true" in [d.message for d in warnings_for(tmp_path, rows)]


def test_right_answer_mostly_in_one_slot(tmp_path: Path) -> None:
    rows = "".join(
        f"  - {{id: q{i}, type: choice, prompt: Pick {i}?, choices: [{a}], answer: Right{i}}}\n"
        for i, a in enumerate(
            [
                "Right0, Wrong0, Other0",
                "Right1, Wrong1, Other1",
                "Right2, Wrong2, Other2",
                "Right3, Wrong3, Other3",
                "Wrong4, Right4, Other4",
            ]
        )
    )
    messages = [d.message for d in warnings_for(tmp_path, rows)]
    assert "the correct answer is written as choice 1 in 4 of 5 choice questions" in messages


def test_shipped_packs_pass_every_check() -> None:
    """The rewritten shipped packs give no warning at all."""
    for path in sorted((builtin_questions_dir() / "packs").glob("*.yaml")):
        result = load_pack(path)
        assert result.warnings == (), [d.format() for d in result.warnings]


def test_the_generated_pack_passes_the_giveaway_and_context_checks(tmp_path: Path) -> None:
    """The generator follows the same rules: its written pack draws none of these warnings
    (near-duplicate prompts are expected there: the forms of one fact are alike)."""
    questions = generate_from_dir(builtin_questions_dir() / "facts").questions
    path = tmp_path / "generated.yaml"
    path.write_text(
        pack_yaml(questions, title="Generated", description="All of them"), encoding="utf-8"
    )
    result = load_pack(path)
    assert result.errors == ()
    kinds = ("leans on context", "appears in the prompt", "shares the word", "absolute words")
    flagged = [d.format() for d in result.warnings if any(k in d.message for k in kinds)]
    assert flagged == []
