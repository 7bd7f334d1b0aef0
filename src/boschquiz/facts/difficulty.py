"""The difficulty rule: a question's tier from its form, its fact's salience, and how close
its wrong answers are to the right one.

    score = FORM_SCORE[form] + SALIENCE_SHIFT[salience] + (1 if similarity >= CLOSE else 0)
    tier  = easy (score <= 0), medium (1), hard (>= 2); typed questions are always hard.
"""

from __future__ import annotations

from enum import StrEnum

from boschquiz.core.model import Difficulty
from boschquiz.facts.model import Salience


class Form(StrEnum):
    """The kinds of question one fact can make; the last part of a generated id."""

    FORWARD = "forward"
    REVERSE = "reverse"
    TRUE = "true"
    FALSE = "false"
    TYPED = "typed"
    TYPED_REVERSE = "typed-reverse"


FORM_SCORE = {
    Form.TRUE: 0,
    Form.FALSE: 0,
    Form.FORWARD: 1,
    Form.REVERSE: 1,
    Form.TYPED: 2,
    Form.TYPED_REVERSE: 2,
}
SALIENCE_SHIFT = {Salience.HIGH: -1, Salience.MEDIUM: 0, Salience.LOW: 1}
CLOSE = 0.7
"""Mean similarity of the wrong answers from which a question counts as one tier harder."""

_TIERS = (Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD)


def tier(form: Form, salience: Salience, similarity: float) -> Difficulty:
    if form in (Form.TYPED, Form.TYPED_REVERSE):
        return Difficulty.HARD
    score = FORM_SCORE[form] + SALIENCE_SHIFT[salience] + (1 if similarity >= CLOSE else 0)
    return _TIERS[max(0, min(2, score))]
