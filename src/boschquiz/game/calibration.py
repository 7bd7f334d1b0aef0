"""Question difficulty from play: an Elo-style rating per question, from first attempts only.

The model is the one Pelánek (2016, "Applications of the Elo rating system in adaptive
educational systems", Computers & Education 98) describes for learning systems: every player
has a skill θ, every question a difficulty d, both starting at 0. A player's first answer to a
question is a match between the two:

    P(right) = 1/k + (1 - 1/k) · σ(θ - d)        σ(x) = 1 / (1 + e^-x)

where k is the number of choices shown (true/false: 2; a typed question has no guessing, the
1/k term is 0). Then, with r = 1 for right and 0 for wrong or timed out,

    θ += K(n_player) · (r - P)        d -= K(n_question) · (r - P)

with the uncertainty function K(n) = a / (1 + b·n), n the updates that side has had before.
Constants and why: docs/game.md, "Calibration from play".

Only first attempts count: a second showing measures memory of the first, not the question.
A ladder skip is no attempt. Nothing here changes a question's tier: `suggested_tier` is
advice for pack authors (`boschquiz questions --stats`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from boschquiz.core.model import Difficulty, GameRecord, Outcome

K_START: Final = 1.0
"""a in K(n) = a / (1 + b·n): the first update of a new player or question moves it a lot."""
K_SLOWDOWN: Final = 0.05
"""b in K(n): after 20 answers the step is half the first one, after 100 a sixth."""
MIN_ANSWERS: Final = 20
"""First attempts a question needs before a tier is suggested for it."""
EASY_BELOW: Final = -0.85
"""A rating at or below this suggests easy: an average player (θ = 0) would know it, before
any guessing, at least 70% of the time (σ(0.85) = 0.70)."""
HARD_ABOVE: Final = 0.4
"""A rating above this suggests hard: an average player would know it less than 40% of the
time (σ(-0.4) = 0.40)."""


def sigmoid(x: float) -> float:
    """The logistic function, without overflow for large |x|."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def step(updates: int) -> float:
    """K(n): the size of the next update after `updates` earlier ones."""
    return K_START / (1.0 + K_SLOWDOWN * updates)


def chance(skill: float, difficulty: float, choices: int) -> float:
    """The probability of a right answer, guessing included: `choices` is how many were
    shown (0 or 1: a typed answer, no guessing)."""
    known = sigmoid(skill - difficulty)
    if choices < 2:
        return known
    guess = 1.0 / choices
    return guess + (1.0 - guess) * known


@dataclass(frozen=True)
class Attempt:
    """A player's first answer to a question, in the order it was played."""

    player: str
    question_id: str
    right: bool
    choices: int
    """How many choices were shown (0: typed)."""


@dataclass(frozen=True)
class QuestionRating:
    """What play says about one question."""

    question_id: str
    answers: int
    """First attempts (one per player)."""
    right: int
    rating: float
    """The difficulty d: 0 is average, higher is harder."""

    @property
    def success_rate(self) -> float:
        return self.right / self.answers if self.answers else 0.0

    @property
    def suggested_tier(self) -> Difficulty | None:
        """The tier the rating points to, once `MIN_ANSWERS` first attempts are in."""
        if self.answers < MIN_ANSWERS:
            return None
        return tier_for(self.rating)


def tier_for(rating: float) -> Difficulty:
    if rating <= EASY_BELOW:
        return Difficulty.EASY
    if rating > HARD_ABOVE:
        return Difficulty.HARD
    return Difficulty.MEDIUM


def first_attempts(games: Iterable[GameRecord], choices: Mapping[str, int]) -> list[Attempt]:
    """Every player's first answer to each question, in the order the games are given (the
    log's order). `choices` gives each known question's number of choices (0: typed); an
    answer to a question it does not know (a pack removed since) is left out, as are skips.
    A choice count recorded with the answer (as shown, after easy's cut or a 50:50) wins."""
    seen: set[tuple[str, str]] = set()
    attempts = []
    for game in games:
        for answer in game.answers:
            if answer.outcome is Outcome.SKIPPED or answer.question_id not in choices:
                continue
            key = (game.player, answer.question_id)
            if key in seen:
                continue
            seen.add(key)
            shown = answer.shown
            count = len(shown.choices) if shown is not None else choices[answer.question_id]
            attempts.append(
                Attempt(
                    game.player,
                    answer.question_id,
                    answer.outcome is Outcome.CORRECT,
                    count,
                )
            )
    return attempts


def rate(attempts: Iterable[Attempt]) -> dict[str, QuestionRating]:
    """Each question's rating after every attempt, applied in order."""
    skill: dict[str, float] = {}
    player_updates: dict[str, int] = {}
    difficulty: dict[str, float] = {}
    answers: dict[str, int] = {}
    right: dict[str, int] = {}
    for attempt in attempts:
        theta = skill.get(attempt.player, 0.0)
        d = difficulty.get(attempt.question_id, 0.0)
        n_player = player_updates.get(attempt.player, 0)
        n_question = answers.get(attempt.question_id, 0)
        surprise = (1.0 if attempt.right else 0.0) - chance(theta, d, attempt.choices)
        skill[attempt.player] = theta + step(n_player) * surprise
        difficulty[attempt.question_id] = d - step(n_question) * surprise
        player_updates[attempt.player] = n_player + 1
        answers[attempt.question_id] = n_question + 1
        right[attempt.question_id] = right.get(attempt.question_id, 0) + attempt.right
    return {qid: QuestionRating(qid, answers[qid], right[qid], difficulty[qid]) for qid in answers}
