"""Typed answers graded by what they are: dates, numbers, people, titles."""

from __future__ import annotations

from datetime import date

import pytest

from boschquiz.core.model import AnswerKind
from boschquiz.game.matching import (
    AnswerMatcher,
    Verdict,
    kind_of,
    normalize,
    parse_date,
    parse_number,
)

PEOPLE = ("Harry Bosch", "Maddie Bosch", "Renée Ballard", "Titus Welliver", "Maggie Q")
KNOWN = (*PEOPLE, "Ballard", "Bosch", "The LAPD", "July 9, 2025", "100%")


@pytest.fixture
def matcher() -> AnswerMatcher:
    return AnswerMatcher(KNOWN, PEOPLE)


@pytest.mark.parametrize(
    "typed",
    [
        "July 9, 2025",
        "July 9 2025",
        "9 July 2025",
        "July 9th, 2025",
        "the 9th of July, 2025",
        "Jul 9 2025",
        "2025-07-09",
        "2025/07/09",
        "07/09/2025",
        "7/9/2025",
        "7.9.2025",
    ],
)
def test_a_date_counts_in_any_common_spelling(matcher: AnswerMatcher, typed: str) -> None:
    """Every usual way of writing July 9, 2025 is right, and not marked as a near miss."""
    verdict = matcher.judge(typed, "July 9, 2025", kind=AnswerKind.DATE)
    assert verdict == Verdict(right=True, close=False)


def test_slashed_dates_read_month_first_unless_the_first_is_a_day() -> None:
    """07/09/2025 is July 9 (American order); 13/07/2025 can only be July 13."""
    assert parse_date("07/09/2025") == date(2025, 7, 9)
    assert parse_date("13/07/2025") == date(2025, 7, 13)
    assert parse_date("31/02/2025") is None


@pytest.mark.parametrize("typed", ["July 10, 2025", "9 June 2025", "09/07/2025", "2025"])
def test_another_date_is_wrong(matcher: AnswerMatcher, typed: str) -> None:
    """A day off, another month, the European reading of 09/07, or the year alone: wrong."""
    assert not matcher.matches(typed, "July 9, 2025", kind=AnswerKind.DATE)


@pytest.mark.parametrize(
    "typed", ["100%", "100 %", "100", "100 percent", "100 per cent", "one hundred percent"]
)
def test_a_number_counts_in_figures_words_and_units(matcher: AnswerMatcher, typed: str) -> None:
    """100% typed any usual way is right."""
    assert matcher.matches(typed, "100%")


@pytest.mark.parametrize(
    ("typed", "answer"),
    [("seven", "7"), ("7 seasons", "7"), ("twenty-one", "21"), ("2,021", "2021"), ("ten", "10")],
)
def test_numbers_in_words(typed: str, answer: str) -> None:
    """Words and units around a number do not matter."""
    assert AnswerMatcher().matches(typed, answer)


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("9th", "9"),
        ("ninth", "9"),
        ("book 9", "9"),
        ("number 9", "9"),
        ("seventh", "7"),
        ("season 7", "7"),
        ("11 years old", "11"),
        ("age 11", "11"),
        ("twenty first", "21"),
    ],
)
def test_ordinals_and_the_words_around_a_number(typed: str, answer: str) -> None:
    """Found in review: "9th", "book 9" or "11 years old" were wrong for 9 or 11."""
    assert parse_number(typed) == float(answer)


def test_a_different_ordinal_is_wrong(matcher: AnswerMatcher) -> None:
    assert not matcher.matches("8th", "9")
    assert not matcher.matches("eighth book", "9")


def test_a_different_number_is_wrong(matcher: AnswerMatcher) -> None:
    """99 percent is not 100%, and "one hundred and one" is not 100."""
    assert not matcher.matches("99 percent", "100%")
    assert not matcher.matches("one hundred and one", "100%")
    assert parse_number("a hundred and ten") == 110
    assert parse_number("two thousand twenty one") == 2021


def test_surname_alone_counts_when_no_other_person_shares_it(matcher: AnswerMatcher) -> None:
    """ "Ballard" is Renée Ballard (the series of that name does not count against her), and
    the feedback says it was close."""
    verdict = matcher.judge("Ballard", "Renée Ballard", kind=AnswerKind.PERSON)
    assert verdict == Verdict(right=True, close=True)
    assert matcher.judge("Welliver", "Titus Welliver", kind=AnswerKind.PERSON).right


def test_shared_surname_alone_is_wrong(matcher: AnswerMatcher) -> None:
    """ "Bosch" is Harry's surname and Maddie's: it counts for neither."""
    assert not matcher.matches("Bosch", "Harry Bosch", kind=AnswerKind.PERSON)
    assert not matcher.matches("Bosch", "Maddie Bosch", kind=AnswerKind.PERSON)


def test_another_close_name_is_still_wrong(matcher: AnswerMatcher) -> None:
    """ "Maddie Bosch" is not "Harry Bosch", whatever the kind."""
    assert not matcher.matches("Maddie Bosch", "Harry Bosch", kind=AnswerKind.PERSON)
    assert not matcher.matches("Harry Bosch", "Maddie Bosch", kind=AnswerKind.PERSON)


def test_a_written_question_about_a_known_person_gets_the_surname_rule(
    matcher: AnswerMatcher,
) -> None:
    """A pack question says no kind; its answer is a person the bank knows, so "Ballard" counts."""
    assert matcher.judge("Ballard", "Renée Ballard").close


def test_surname_not_for_titles(matcher: AnswerMatcher) -> None:
    """ "Detective" is not "True Detective": the surname rule is for people only."""
    assert not matcher.matches("Detective", "True Detective", kind=AnswerKind.TITLE)


@pytest.mark.parametrize("typed", ["the L.A.P.D.", "L.A.P.D", "LAPD", "lapd", "The LAPD"])
def test_dotted_acronyms_and_a_leading_the_are_ignored(matcher: AnswerMatcher, typed: str) -> None:
    """The README promises punctuation is forgiven: the L.A.P.D. is The LAPD."""
    verdict = matcher.judge(typed, "The LAPD")
    assert verdict == Verdict(right=True, close=False)


def test_a_misspelling_is_close_enough_and_says_so(matcher: AnswerMatcher) -> None:
    """ "Renee Balard" counts, flagged close so the player sees the right spelling."""
    verdict = matcher.judge("Renee Balard", "Renée Ballard", kind=AnswerKind.PERSON)
    assert verdict == Verdict(right=True, close=True)


def test_an_alias_is_close_enough(matcher: AnswerMatcher) -> None:
    """An accepted other spelling counts and names the full answer."""
    assert matcher.judge("Prime", "Prime Video", ("Prime",)).close


def test_kinds_are_worked_out_when_not_given() -> None:
    """Dates and numbers show themselves; anything else is other."""
    assert kind_of("July 9, 2025", None) is AnswerKind.DATE
    assert kind_of("100%", None) is AnswerKind.NUMBER
    assert kind_of("Bosch: Legacy", None) is AnswerKind.OTHER
    assert kind_of("Harry Bosch", AnswerKind.PERSON) is AnswerKind.PERSON


def test_normalize_collapses_dotted_letters_only() -> None:
    """ "L.A." is "la"; a sentence with dots stays words."""
    assert normalize("L.A.") == "la"
    assert normalize("U.S.A. Today") == "usa today"
