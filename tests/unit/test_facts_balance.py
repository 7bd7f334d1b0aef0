"""Each tier plays fairly: every type in every tier, true/false at most 40% of it, and its
true/false answers split 45-55%. Difficulty follows the model, not the type."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.core.model import TRUE_FALSE_CHOICES, Difficulty, Question, QuestionType
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.facts import generate_from_dir
from boschquiz.facts.balance import MIN_TIER, balanced, split
from boschquiz.facts.difficulty import Form, Prominence, tier
from boschquiz.facts.model import Salience
from boschquiz.packs import load_pack

FACTS_DIR = builtin_questions_dir() / "facts"


def shipped() -> tuple[Question, ...]:
    return generate_from_dir(FACTS_DIR).questions


def test_every_tier_has_every_type() -> None:
    """Easy has typed questions, hard has true/false ones: the type does not set the tier."""
    found = {(q.difficulty, q.type) for q in shipped()}
    assert found == {(d, t) for d in Difficulty for t in QuestionType}


def test_true_false_is_at_most_40_percent_of_each_tier() -> None:
    for d in Difficulty:
        in_tier = [q for q in shipped() if q.difficulty is d]
        statements = [q for q in in_tier if q.type is QuestionType.TRUE_FALSE]
        assert len(statements) <= 0.4 * len(in_tier), (d, len(statements), len(in_tier))


def test_true_and_false_are_balanced_in_each_tier() -> None:
    for d in Difficulty:
        answers = Counter(
            q.answer for q in shipped() if q.difficulty is d and q.type is QuestionType.TRUE_FALSE
        )
        total = sum(answers.values())
        assert total
        assert 0.45 <= answers[TRUE_FALSE_CHOICES[0]] / total <= 0.55, (d, answers)


def test_difficulty_comes_from_salience_closeness_and_recall() -> None:
    """The same form is easy on a well-known fact and hard on an obscure one with close wrong
    answers; recall is harder than recognition on the same fact."""
    assert tier(Form.TYPED, Salience.HIGH, 0.0) is Difficulty.EASY
    assert tier(Form.TRUE, Salience.LOW, 1.0) is Difficulty.HARD
    assert tier(Form.FORWARD, Salience.MEDIUM, 0.7) is Difficulty.MEDIUM
    assert tier(Form.TYPED, Salience.MEDIUM, 1.0) is Difficulty.HARD
    assert tier(Form.FORWARD, Salience.MEDIUM, 0.7, Prominence.WELL_KNOWN) is Difficulty.EASY


def test_split_keeps_the_largest_balanced_share() -> None:
    assert split(10, 8, 2) is None
    assert split(4, 8, 2) == (2, 2)
    assert split(9, 5, 5) is None  # 5 of 9 is 56%
    assert split(10, 5, 5) == (5, 5)


def question(n: int, d: Difficulty, kind: QuestionType, answer: str = "x") -> Question:
    return Question(
        id=f"gen/f{n}/form", pack="gen", type=kind, prompt=f"P{n}", answer=answer, difficulty=d
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(Difficulty)), st.integers(0, 2)), max_size=80))
def test_balanced_banks_meet_the_rules_in_every_large_tier(
    drawn: list[tuple[Difficulty, int]],
) -> None:
    """Whatever the bank, a tier of MIN_TIER questions or more comes out within the rules,
    and only true/false statements are ever left out."""
    kinds = (
        ("True", QuestionType.TRUE_FALSE),
        ("False", QuestionType.TRUE_FALSE),
        ("x", QuestionType.CHOICE),
    )
    bank = [question(i, d, kinds[k][1], kinds[k][0]) for i, (d, k) in enumerate(drawn)]
    kept = balanced(bank, seed=0)
    assert {q.id for q in bank if q.type is QuestionType.CHOICE} <= {q.id for q in kept}
    for d in Difficulty:
        before = [q for q in bank if q.difficulty is d]
        after = [q for q in kept if q.difficulty is d]
        if len(before) < MIN_TIER:
            assert after == before
            continue
        statements = [q for q in after if q.type is QuestionType.TRUE_FALSE]
        assert len(statements) <= 0.4 * len(after)
        if statements:
            trues = sum(q.answer == "True" for q in statements)
            assert 0.45 <= trues / len(statements) <= 0.55


def shipped_bank() -> list[Question]:
    """The shipped packs' questions and the generated ones: what a new player draws from."""
    bank = list(shipped())
    for path in sorted((builtin_questions_dir() / "packs").glob("*.yaml")):
        pack = load_pack(path).pack
        assert pack is not None
        bank.extend(pack.questions)
    return bank


def test_the_whole_shipped_bank_is_balanced_per_tier() -> None:
    """Packs and generated questions together: every type in every tier, true/false at most
    40% of it, True 45-55% of its true/false questions."""
    bank = shipped_bank()
    for d in Difficulty:
        in_tier = [q for q in bank if q.difficulty is d]
        assert {q.type for q in in_tier} == set(QuestionType)
        statements = [q for q in in_tier if q.type is QuestionType.TRUE_FALSE]
        assert len(statements) <= 0.4 * len(in_tier), d
        trues = sum(q.answer == TRUE_FALSE_CHOICES[0] for q in statements)
        assert 0.45 <= trues / len(statements) <= 0.55, (d, trues, len(statements))
