"""Party play: 2–6 players answer the same question at the same time on one screen.

The engine owns the rules; a front end only routes each player's keys here. Every player's
first answer to a question counts and is hidden until everyone has answered or the clock runs
out; then the reveal: who was right, each player's points by speed (the one scoring rule,
`score_answer`, with each player's own streak) and the standings, with each player's move up
or down. Questions are choice questions with at most four choices shown (the right answer and
the first wrong ones, shuffled) and true/false ones: typed questions are left out, since one
keyboard cannot take six typed answers at once. Those rules are the party row of the mode table
(`game/modes.py`). When the last question is revealed, `records()` gives every player's game
for the store, linked by one party id (`Store.record_party` saves them all at once).
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field

from boschquiz.core.clock import Clock
from boschquiz.core.diagnostics import UserFacingError
from boschquiz.core.model import (
    AnswerRecord,
    Difficulty,
    GameRecord,
    GameTerms,
    Mode,
    Outcome,
    PartySeat,
    Question,
    QuestionType,
    ShownText,
)
from boschquiz.game.modes import MODES
from boschquiz.game.scoring import best_streak, next_streak, score_answer
from boschquiz.game.tiers import time_limit_for

RULES = MODES[Mode.PARTY]
MIN_PLAYERS = RULES.players.start
MAX_PLAYERS = RULES.players.stop - 1
MAX_CHOICES = RULES.max_choices or 4


class PartyError(UserFacingError, ValueError):
    """A party that cannot be played as asked (players, questions)."""


def party_questions(questions: Sequence[Question]) -> tuple[Question, ...]:
    """The questions a party game may ask: no typed ones (`ModeRules.typed_questions`)."""
    return tuple(q for q in questions if RULES.typed_questions or q.type is not QuestionType.TYPED)


def check_players(players: Sequence[str]) -> None:
    """Raise `PartyError` unless `players` are 2 to 6 different names."""
    if not MIN_PLAYERS <= len(players) <= MAX_PLAYERS:
        raise PartyError(f"a party is {MIN_PLAYERS} to {MAX_PLAYERS} players, not {len(players)}")
    folded = [p.casefold() for p in players]
    if len(set(folded)) != len(folded):
        raise PartyError("every player in a party needs a different name")


@dataclass(frozen=True)
class PartyQuestion:
    """One question as every player sees it: its choices in the order shown, and its deadline
    on the injected clock's monotonic time."""

    index: int
    question: Question
    choices: tuple[str, ...]
    shown_at: float
    deadline: float

    @property
    def time_limit(self) -> float:
        return self.deadline - self.shown_at


@dataclass(frozen=True)
class PlayerResult:
    """One player's side of a revealed question."""

    player: str
    given: str | None
    outcome: Outcome
    seconds: float
    points: int
    streak: int


@dataclass(frozen=True)
class Standing:
    player: str
    score: int
    place: int
    """1 for the lead; players on the same score share a place."""
    move: int = 0
    """Places gained (positive) or lost (negative) by the last question."""


@dataclass(frozen=True)
class Reveal:
    question: PartyQuestion
    results: tuple[PlayerResult, ...]
    standings: tuple[Standing, ...]


@dataclass
class _Player:
    name: str
    answers: list[AnswerRecord] = field(default_factory=list)
    streak: int = 0
    score: int = 0


def standings(
    scores: Sequence[tuple[str, int]], before: dict[str, int] | None = None
) -> tuple[Standing, ...]:
    """Players by score, ties sharing a place (1, 1, 3), with moves against `before`'s places."""
    ordered = sorted(scores, key=lambda pair: -pair[1])
    result = []
    for name, score in ordered:
        place = 1 + sum(1 for _, other in ordered if other > score)
        move = (before[name] - place) if before is not None and name in before else 0
        result.append(Standing(name, score, place, move))
    return tuple(result)


class PartyRound:
    """A party game over `questions`, asked in order, to `players` at `tier`."""

    def __init__(
        self,
        questions: Sequence[Question],
        players: Sequence[str],
        clock: Clock,
        *,
        tier: Difficulty = Difficulty.MEDIUM,
        seed: int = 0,
        steady: bool = False,
        bank_hash: str = "",
        terms: GameTerms | None = None,
        party_id: str | None = None,
        notice: str | None = None,
    ) -> None:
        check_players(players)
        asked = party_questions(questions)
        if not asked:
            raise PartyError("no question fits a party game (typed questions are left out)")
        self._questions = asked
        self._players = [_Player(name) for name in players]
        self._clock = clock
        self._rng = random.Random(seed)
        self.tier = tier
        self.seed = seed
        self.steady = steady
        self.bank_hash = bank_hash
        self.terms = terms
        self.party_id = party_id if party_id is not None else secrets.token_hex(8)
        """Links every player's saved game of this party."""
        self.notice = notice
        """A sentence for the players about the questions chosen (fewer than asked), or None."""
        self._started_wall = clock.now()
        self._started = clock.monotonic()
        self._ended: float | None = None
        self._given: dict[int, tuple[str, float]] = {}
        self._places: dict[str, int] = {p.name: 1 for p in self._players}
        self._revealed: Reveal | None = None
        self._shown = self._show(0)

    # -- reading -----------------------------------------------------------------------------

    @property
    def players(self) -> tuple[str, ...]:
        return tuple(p.name for p in self._players)

    @property
    def shown(self) -> PartyQuestion:
        return self._shown

    @property
    def total(self) -> int:
        return len(self._questions)

    @property
    def revealed(self) -> Reveal | None:
        """The reveal of the question on screen, once it has been revealed."""
        return self._revealed

    @property
    def finished(self) -> bool:
        return self._revealed is not None and self._shown.index + 1 >= self.total

    def has_answered(self, player: int) -> bool:
        return player in self._given

    @property
    def all_answered(self) -> bool:
        return len(self._given) == len(self._players)

    def seconds_left(self) -> float:
        return max(0.0, self._shown.deadline - self._clock.monotonic())

    def answers_of(self, player: int) -> tuple[AnswerRecord, ...]:
        return tuple(self._players[player].answers)

    def score_of(self, player: int) -> int:
        return self._players[player].score

    def best_streak_of(self, player: int) -> int:
        return best_streak([a.outcome for a in self._players[player].answers])

    def standings(self) -> tuple[Standing, ...]:
        return standings([(p.name, p.score) for p in self._players], self._places)

    def podium(self) -> tuple[Standing, ...]:
        """The final standings (moves are not told on the podium)."""
        return standings([(p.name, p.score) for p in self._players])

    # -- playing -----------------------------------------------------------------------------

    def answer(self, player: int, choice: int) -> bool:
        """Player `player` picks choice `choice` (0-based). Their first answer counts; a later
        key, a key after the clock ran out or after the reveal, or a choice that is not there,
        changes nothing and returns False."""
        if not 0 <= player < len(self._players):
            raise PartyError(f"no player {player} in a party of {len(self._players)}")
        if self._revealed is not None or player in self._given:
            return False
        if not 0 <= choice < len(self._shown.choices):
            return False
        now = self._clock.monotonic()
        if now >= self._shown.deadline:
            return False
        self._given[player] = (self._shown.choices[choice], now - self._shown.shown_at)
        return True

    def ready_to_reveal(self) -> bool:
        """Poll this from the UI: everyone has answered, or the clock has run out."""
        return self._revealed is None and (
            self.all_answered or self._clock.monotonic() >= self._shown.deadline
        )

    def reveal(self) -> Reveal:
        """Score the question for every player and show who was right. Allowed once everyone
        has answered or the clock ran out; a second call returns the same reveal."""
        if self._revealed is not None:
            return self._revealed
        if not self.ready_to_reveal():
            raise PartyError("the question is still open: not everyone has answered")
        shown = self._shown
        before = dict(self._places)
        results = []
        for index, player in enumerate(self._players):
            given, seconds = self._given.get(index, (None, shown.time_limit))
            if given is None:
                outcome = Outcome.TIMEOUT
            elif given == shown.question.answer:
                outcome = Outcome.CORRECT
            else:
                outcome = Outcome.WRONG
            player.streak = next_streak(player.streak, outcome)
            points = score_answer(
                outcome=outcome,
                seconds=seconds,
                time_limit=shown.time_limit,
                tier=self.tier,
                steady=self.steady,
                streak=player.streak,
                mode=Mode.PARTY,
            )
            player.answers.append(
                AnswerRecord(
                    question_id=shown.question.id,
                    given=given,
                    outcome=outcome,
                    seconds=round(seconds, 3),
                    time_limit=shown.time_limit,
                    base_points=points.base,
                    speed_points=points.speed,
                    streak_bonus=points.streak,
                    shown=ShownText(shown.question.prompt, shown.choices, shown.question.answer),
                )
            )
            player.score += points.total
            results.append(
                PlayerResult(
                    player.name, given, outcome, round(seconds, 3), points.total, player.streak
                )
            )
        table = standings([(p.name, p.score) for p in self._players], before)
        self._places = {s.player: s.place for s in table}
        self._revealed = Reveal(shown, tuple(results), table)
        if self.finished:
            self._ended = self._clock.monotonic()
        return self._revealed

    def streak_of(self, player: int) -> int:
        """The player's current run of right answers."""
        return self._players[player].streak

    def records(self) -> tuple[GameRecord, ...]:
        """Every player's game, in seat order, once the last question is revealed: each
        scored on its own answers, all carrying this party's id, their place and its size."""
        if not self.finished or self._ended is None:
            raise PartyError("the party is not over yet")
        places = {s.player: s.place for s in self.podium()}
        asked = self._questions[: self._shown.index + 1]
        packs = tuple(sorted({q.pack for q in asked}))
        records = []
        for player in self._players:
            answers = tuple(player.answers)
            records.append(
                GameRecord(
                    player=player.name,
                    mode=Mode.PARTY,
                    tier=self.tier,
                    steady=self.steady,
                    seed=self.seed,
                    packs=packs,
                    bank_hash=self.bank_hash,
                    started_at=self._started_wall.isoformat(),
                    duration=round(self._ended - self._started, 3),
                    score=player.score,
                    correct=sum(1 for a in answers if a.outcome is Outcome.CORRECT),
                    answered=len(answers),
                    best_streak=best_streak([a.outcome for a in answers]),
                    answers=answers,
                    terms=self.terms,
                    party=PartySeat(self.party_id, places[player.name], len(self._players)),
                )
            )
        return tuple(records)

    def next(self) -> PartyQuestion | None:
        """After the reveal: show the next question, or None when the game is over."""
        if self._revealed is None:
            raise PartyError("reveal the question before moving on")
        if self._shown.index + 1 >= self.total:
            return None
        self._shown = self._show(self._shown.index + 1)
        return self._shown

    def _show(self, index: int) -> PartyQuestion:
        question = self._questions[index]
        self._given = {}
        self._revealed = None
        if question.type is QuestionType.CHOICE:
            wrong = [c for c in question.choices if c != question.answer][: MAX_CHOICES - 1]
            choices = [question.answer, *wrong]
            self._rng.shuffle(choices)
        else:
            choices = list(question.choices)
        now = self._clock.monotonic()
        limit = time_limit_for(question, self.tier)
        return PartyQuestion(index, question, tuple(choices), now, now + limit)
