"""Warnings: things that make a pack worse to play, reported without refusing the pack."""

from __future__ import annotations

from pathlib import Path

from boschquiz.packs import PackLoadResult, load_pack

DATA = Path(__file__).resolve().parent.parent / "data" / "packs"


def patterns() -> PackLoadResult:
    return load_pack(DATA / "warnings" / "patterns.yaml")


def messages() -> list[str]:
    return [d.message for d in patterns().warnings]


def test_warnings_do_not_stop_a_pack_loading() -> None:
    """A pack with only warnings is valid and playable."""
    result = patterns()
    assert result.ok
    assert result.pack is not None
    assert len(result.pack.questions) == 9
    assert result.errors == ()


def test_answer_in_prompt_is_warned_at_the_prompt() -> None:
    """An answer that appears in its own prompt is flagged where the prompt is."""
    (found,) = [d for d in patterns().warnings if "appears in the prompt" in d.message]
    assert (found.line, found.col) == (7, 13)
    assert found.message == "the answer 'Titus Welliver' appears in the prompt"


def test_longest_correct_choice_is_warned() -> None:
    """When the right choice is the longest in most choice questions, the author hears of it."""
    assert "the correct choice is the longest in 4 of 4 choice questions" in messages()


def test_near_duplicate_prompts_are_warned() -> None:
    """Two prompts differing only in punctuation are flagged, naming the first."""
    assert "prompt is nearly the same as question 'first' (line 11)" in messages()


def test_one_written_position_is_warned() -> None:
    """Correct answers all written in the same position are flagged."""
    assert "every correct answer is written as choice 1" in messages()


def test_all_true_statements_are_warned() -> None:
    """A pack whose true_false answers are all true is flagged."""
    assert "every true_false answer is true" in messages()


def test_clean_pack_has_no_warnings() -> None:
    """A varied pack draws no warnings (they are not noise)."""
    assert load_pack(DATA / "valid" / "full.yaml").diagnostics == ()
