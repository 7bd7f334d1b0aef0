"""Typed answers: forgiving about form, strict about identity."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.game.matching import AnswerMatcher, normalize

KNOWN = ("Harry Bosch", "Maddie Bosch", "Renee Ballard", "Larry Bosch", "Jerry Edgar")


@pytest.fixture
def matcher() -> AnswerMatcher:
    return AnswerMatcher(KNOWN)


def test_normalize_drops_case_accents_punctuation_and_spaces() -> None:
    """'  Renée   BALLARD!! ' and 'renee ballard' are the same answer."""
    assert normalize("  Renée   BALLARD!! ") == "renee ballard"


def test_normalize_joins_apostrophes_and_drops_leading_article() -> None:
    """Apostrophes vanish inside words and a leading 'the' does not matter."""
    assert normalize("The Hollywood Division's") == "hollywood divisions"


def test_normalize_folds_compatibility_letters() -> None:
    """Letters that decompose to capitals ('ℌ', 'Ⅻ') still come out lower-case."""
    assert normalize("ℌarry Ⅻ") == "harry xii"


def test_lower_case_answer_is_right(matcher: AnswerMatcher) -> None:
    """'renee ballard' is right for 'Renée Ballard'."""
    assert matcher.matches("renee ballard", "Renée Ballard")


def test_alias_counts(matcher: AnswerMatcher) -> None:
    """An `accept` spelling counts as the answer."""
    assert matcher.matches("hieronymus", "Harry Bosch", accept=("Hieronymus Bosch", "Hieronymus"))


def test_close_misspelling_of_a_long_answer_counts(matcher: AnswerMatcher) -> None:
    """One slip per word in a long name is still the name."""
    assert matcher.matches("Renee Balard", "Renée Ballard")
    assert matcher.matches("Renee Ballrad", "Renée Ballard")


def test_different_name_is_not_the_answer(matcher: AnswerMatcher) -> None:
    """'Maddie Bosch' is not 'Harry Bosch'."""
    assert not matcher.matches("Maddie Bosch", "Harry Bosch")


def test_other_direction_is_not_the_answer_either(matcher: AnswerMatcher) -> None:
    """'Harry Bosch' is not 'Maddie Bosch'."""
    assert not matcher.matches("Harry Bosch", "Maddie Bosch")


def test_one_letter_away_from_another_known_answer_is_wrong(matcher: AnswerMatcher) -> None:
    """'Larry Bosch' is one edit from 'Harry Bosch' but is another answer the bank knows."""
    assert not matcher.matches("Larry Bosch", "Harry Bosch")


def test_slip_as_close_to_a_rival_is_wrong() -> None:
    """'Harry Bosth' is one slip from 'Harry Bosch' but also from 'Harry Booth': not accepted."""
    assert not AnswerMatcher(("Harry Bosch", "Harry Booth")).matches("Harry Bosth", "Harry Bosch")


def test_slip_with_no_rival_near_counts() -> None:
    """The same slip counts when no other known answer is as close."""
    assert AnswerMatcher(("Harry Bosch", "Maddie Bosch")).matches("Harry Bosth", "Harry Bosch")


def test_changed_first_letter_is_not_a_slip() -> None:
    """Even with no rival in the bank, 'Barry Bosch' is not 'Harry Bosch'."""
    assert not AnswerMatcher().matches("Barry Bosch", "Harry Bosch")


def test_short_answer_must_be_exact(matcher: AnswerMatcher) -> None:
    """Answers under five letters leave no room for slips: 'Jale' is not 'Jake'."""
    assert not matcher.matches("Jale", "Jake")
    assert matcher.matches("jake", "Jake")


def test_missing_word_does_not_count(matcher: AnswerMatcher) -> None:
    """A surname alone is not the answer when the matcher does not know the answer is a person."""
    assert not matcher.matches("Ballard", "Renée Ballard")


def test_empty_answer_is_wrong(matcher: AnswerMatcher) -> None:
    """Blank or punctuation-only input is never right."""
    assert not matcher.matches("  ?! ", "Harry Bosch")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalized_text_is_plain_words(text: str) -> None:
    """Any text normalizes to case-folded words, single-spaced, with no ASCII punctuation."""
    result = normalize(text)
    assert result == " ".join(result.split())
    assert result == result.casefold()
    assert not set(result) & set(string.punctuation)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcXYZ019 ,.'-", max_size=30))
def test_punctuation_and_case_never_change_the_verdict(text: str) -> None:
    """An answer and its upper-cased, re-spaced form are judged alike."""
    matcher = AnswerMatcher(KNOWN)
    assert matcher.matches(text, text.upper() + " ") == bool(normalize(text))
