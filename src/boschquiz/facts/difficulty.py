"""What makes a question hard, and the tier that follows; the model is in docs/facts.md.

A question is hard when the fact is obscure, when the wrong answers are close to the right one,
when the answer itself is little known, and when the player must recall rather than recognise.
The question's type enters only through that last part (recall, recognition or verification),
so every tier holds every type:

    score = SALIENCE[fact salience]          high 0, medium 1, low 2
          + closeness(similarity)            < 0.5: 0, < 0.85: 0.5, else 1
          + ANSWER[answer prominence]        well known -0.5, ordinary 0, obscure +0.5
          + TASK[task]                       verify (true/false) 0.5, recognise (choice)
                                             0.5, recall (typed) 1
    tier  = easy (score <= 1.5), medium (<= 2.5), hard (> 2.5)

`similarity` is how close the nearest wrong answers are to the right one (distractors.py):
for a choice question its options; for a true or a false statement the alternative the
player has to rule out (the one the false statement puts in); for a typed answer the
alternatives a player could confuse it with.
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


class Task(StrEnum):
    """What the player does: judge a statement, pick among options, or produce the answer."""

    VERIFY = "verify"
    RECOGNISE = "recognise"
    RECALL = "recall"


class Prominence(StrEnum):
    """How well known the answer is, from how many facts of the base name it."""

    WELL_KNOWN = "well known"
    ORDINARY = "ordinary"
    OBSCURE = "obscure"


TASK_OF = {
    Form.TRUE: Task.VERIFY,
    Form.FALSE: Task.VERIFY,
    Form.FORWARD: Task.RECOGNISE,
    Form.REVERSE: Task.RECOGNISE,
    Form.TYPED: Task.RECALL,
    Form.TYPED_REVERSE: Task.RECALL,
}
SALIENCE = {Salience.HIGH: 0.0, Salience.MEDIUM: 1.0, Salience.LOW: 2.0}
TASK = {Task.VERIFY: 0.5, Task.RECOGNISE: 0.5, Task.RECALL: 1.0}
"""Judging a statement asks about as much as picking among options (a blind guess is right
more often, which calibration corrects, not the tier); producing the answer asks more."""
ANSWER = {Prominence.WELL_KNOWN: -0.5, Prominence.ORDINARY: 0.0, Prominence.OBSCURE: 0.5}
WELL_KNOWN_FACTS = 6
"""An entity named by this many facts or more is well known; by one alone, obscure."""
EASY_UP_TO = 1.5
MEDIUM_UP_TO = 2.5


def closeness(similarity: float) -> float:
    if similarity < 0.5:
        return 0.0
    if similarity < 0.85:
        return 0.5
    return 1.0


def prominence(facts_naming: int) -> Prominence:
    """An answer named by many facts is well known; one named by a single fact, obscure.
    Values (dates, numbers, text) count as ordinary: pass 0 is not used for them."""
    if facts_naming >= WELL_KNOWN_FACTS:
        return Prominence.WELL_KNOWN
    if facts_naming <= 1:
        return Prominence.OBSCURE
    return Prominence.ORDINARY


def score(form: Form, salience: Salience, similarity: float, answer: Prominence) -> float:
    return SALIENCE[salience] + closeness(similarity) + ANSWER[answer] + TASK[TASK_OF[form]]


def tier(
    form: Form,
    salience: Salience,
    similarity: float,
    answer: Prominence = Prominence.ORDINARY,
) -> Difficulty:
    value = score(form, salience, similarity, answer)
    if value <= EASY_UP_TO:
        return Difficulty.EASY
    if value <= MEDIUM_UP_TO:
        return Difficulty.MEDIUM
    return Difficulty.HARD
