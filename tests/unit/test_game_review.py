"""Leitner scheduling of missed questions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from boschquiz.core.model import Outcome, QuestionStats
from boschquiz.game.review import BOX_INTERVALS, MAX_BOX, schedule

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def in_box(box: int) -> QuestionStats:
    return QuestionStats("p/q", seen=3, right=1, wrong=2, box=box, due=NOW.isoformat())


def test_first_miss_puts_question_in_box_one_due_soon() -> None:
    """A question missed for the first time enters review, due ten minutes later."""
    stats = schedule(None, "p/q", Outcome.WRONG, 4.0, 20.0, NOW)
    assert (stats.box, stats.wrong, stats.seen) == (1, 1, 1)
    assert stats.due == (NOW + BOX_INTERVALS[1]).isoformat()


def test_timeout_counts_as_a_miss() -> None:
    """Running out of time sends the question back to box one, like a wrong answer."""
    stats = schedule(in_box(4), "p/q", Outcome.TIMEOUT, 20.0, 20.0, NOW)
    assert stats.box == 1
    assert stats.wrong == 3


def test_quick_right_answer_moves_up_two_boxes() -> None:
    """Answered within half the limit: two boxes up, due after that box's interval."""
    stats = schedule(in_box(1), "p/q", Outcome.CORRECT, 5.0, 20.0, NOW)
    assert stats.box == 3
    assert stats.due == (NOW + BOX_INTERVALS[3]).isoformat()


def test_slow_right_answer_moves_up_one_box() -> None:
    """A right answer that took most of the limit moves up less."""
    stats = schedule(in_box(1), "p/q", Outcome.CORRECT, 15.0, 20.0, NOW)
    assert stats.box == 2


def test_box_never_exceeds_the_top() -> None:
    """Right answers in the top box keep it there, due after the longest interval."""
    stats = schedule(in_box(MAX_BOX), "p/q", Outcome.CORRECT, 1.0, 20.0, NOW)
    assert stats.box == MAX_BOX
    assert stats.due == (NOW + BOX_INTERVALS[MAX_BOX]).isoformat()


def test_right_answer_to_a_never_missed_question_stays_out_of_review() -> None:
    """Box 0 means never missed: a right answer keeps it out of review, with no due date."""
    stats = schedule(None, "p/q", Outcome.CORRECT, 1.0, 20.0, NOW)
    assert (stats.box, stats.due, stats.right) == (0, None, 1)
    assert stats.last_seen == NOW.isoformat()


def test_skip_only_marks_the_question_seen() -> None:
    """A skipped question is seen but neither right nor wrong; its box and due date stay."""
    before = in_box(2)
    stats = schedule(before, "p/q", Outcome.SKIPPED, 1.0, 20.0, NOW + timedelta(hours=1))
    assert (stats.box, stats.due, stats.right, stats.wrong) == (2, before.due, 1, 2)
    assert stats.seen == before.seen + 1


def test_untimed_quick_answer_uses_seconds() -> None:
    """Without a time limit, ten seconds or less counts as quick."""
    quick = schedule(in_box(1), "p/q", Outcome.CORRECT, 9.0, None, NOW)
    slow = schedule(in_box(1), "p/q", Outcome.CORRECT, 30.0, None, NOW)
    assert (quick.box, slow.box) == (3, 2)
