"""A game as a state machine, driven alike by the TUI, plain mode and the tests.

    round = start_game(bank, settings, clock, history, today)   # boschquiz.game.start
    while not round.finished:
        shown = round.shown            # the question as displayed: choices, k of n, deadline
        ...                            # the UI polls round.check_timeout() and shows seconds_left()
        feedback = round.answer("Harry Bosch")   # or answer_choice(i), skip(), ...
        ...                            # show the feedback, then
        round.next()
    record = round.result()            # a GameRecord for the store; summary() has more

States: ASKING (a question is shown, its clock running) -> FEEDBACK (answered, timed out or
skipped) -> ASKING ... -> FINISHED. PAUSED stops the clock (the UI hides the question);
`resume()` goes back to ASKING. Every time comes from the injected `Clock`'s monotonic
reading: a question's `deadline` is fixed when it is shown and moved only by pauses, +15 s
and (blitz) penalties, so a countdown computed from it cannot drift. An answer arriving after
the deadline is a time-out; an answer exactly at the deadline still counts (half points).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from boschquiz.core.clock import Clock
from boschquiz.core.model import (
    AnswerRecord,
    GameRecord,
    GameTerms,
    Mode,
    Outcome,
    Question,
    QuestionType,
    ShownText,
)
from boschquiz.game import ladder, ranking, scoring
from boschquiz.game.daily import share_line
from boschquiz.game.matching import AnswerMatcher, normalize
from boschquiz.game.modes import MODES, ModeRules
from boschquiz.game.scoring import LADDER_SAFE_HAVENS, Points
from boschquiz.game.settings import GameSettings
from boschquiz.game.tiers import TIERS, time_limit_for

BLITZ_SECONDS = 60.0
BLITZ_WRONG_PENALTY = 5.0
"""Seconds a wrong blitz answer takes off the game clock."""
EXTRA_TIME_SECONDS = 15.0


class GameStateError(RuntimeError):
    """A call that does not fit the round's state (a bug in the caller, not the player)."""


class RoundState(StrEnum):
    ASKING = "asking"
    PAUSED = "paused"
    FEEDBACK = "feedback"
    FINISHED = "finished"


class Lifeline(StrEnum):
    """Ladder only, each once per game."""

    FIFTY_FIFTY = "50:50"
    SKIP = "skip"
    EXTRA_TIME = "+15 s"


@dataclass(frozen=True)
class ShownQuestion:
    """A question as shown this time.

    `choices` are shuffled for this showing (and cut to 3 on the easy tier, to 2 after 50:50);
    empty for typed questions. `index` is 1-based; `total` is None in blitz (open-ended).
    `deadline` is on the clock's monotonic scale (None when untimed); in blitz it is the game
    clock's. `time_limit` is the seconds the countdown started from (blitz: 60).
    """

    question: Question
    choices: tuple[str, ...]
    index: int
    total: int | None
    deadline: float | None
    time_limit: float | None


@dataclass(frozen=True)
class Feedback:
    """What happened to the last question; shown between questions.

    `show_explanation` is always True in practice and review, and whenever the answer was
    not right;
    a UI may show the explanation at other times too. `game_over` means `next()` will finish
    the game (last question, a ladder miss, or blitz time up).
    """

    question: Question
    outcome: Outcome
    given: str | None
    right_answer: str
    points: Points
    seconds: float
    streak: int
    score: int
    explanation: str | None
    source: str | None
    show_explanation: bool
    game_over: bool
    time_penalty: float = 0.0
    banked: int | None = None
    """Ladder: the score a later miss would fall back to."""
    fall: ladder.Fall | None = None
    """Ladder: the fall a miss caused ("from rung 8 (8,802) back to the safe haven at 5")."""
    safe_haven: int | None = None
    """Ladder: the safe haven this answer reached (its points are banked), to celebrate."""
    close: bool = False
    """A typed answer accepted though not as written (an alias, the surname, a slip): the UI
    says "close enough: <right answer>"."""

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT


@dataclass(frozen=True)
class GameResult:
    """A finished game: the record for the store plus what the result screen shows.

    `questions` runs parallel to `record.answers`. `high_score` is True when the game is
    ranked (may enter its high-score table, `game.ranking`); `custom` then says why not.
    `left_early` is a daily the player left: scored on what was answered.
    """

    record: GameRecord
    settings: GameSettings
    """What the game was started with (the seed it used included): "play again" reuses it."""
    questions: tuple[Question, ...]
    walked_away: bool
    notice: str | None
    share_line: str | None
    high_score: bool
    custom: tuple[str, ...] = ()
    left_early: bool = False

    @property
    def ranked(self) -> bool:
        return self.high_score


class GameRound:
    """One game in progress. Build it with `boschquiz.game.start.start_game`; see the module
    docstring for the flow."""

    def __init__(
        self,
        *,
        settings: GameSettings,
        questions: Sequence[Question],
        clock: Clock,
        matcher: AnswerMatcher,
        bank_hash: str,
        today: date,
        notice: str | None,
        seeded: bool = False,
        complete_bank: bool = True,
        narrowed: bool = True,
        tells_widening: bool = False,
    ) -> None:
        """`seeded`: the player chose the seed; `complete_bank`: the bank is every installed
        pack; `narrowed`: the filters leave some question out. They only decide whether the
        game is ranked (`game.ranking`). `tells_widening`: `notice` tells the player, for the
        first time, that selection widened to another tier (the front end remembers it in the
        player's settings, `start.WIDENING_TOLD`, so it is told once per player)."""
        assert settings.seed is not None
        self.settings = settings
        self.seed: int = settings.seed
        self.notice = notice
        """A sentence worth telling the player before the first question, or None."""
        self.tells_widening = tells_widening
        self._questions = list(questions)
        self._clock = clock
        self._matcher = matcher
        self._bank_hash = bank_hash
        self._today = today
        self._seeded = seeded
        self._complete_bank = complete_bank
        self._narrowed = narrowed
        self._choice_rng = random.Random(f"choices:{self.seed}")
        self._started_wall: datetime = clock.now()
        self._started = clock.monotonic()
        self._ended: float | None = None
        self._records: list[AnswerRecord] = []
        self._asked: list[Question] = []
        self._streak = 0
        self._best_streak = 0
        self._score = 0
        self._walked_away = False
        self._left_early = False
        self.rules: ModeRules = MODES[settings.mode]
        """What the game's mode changes (timed, lifelines, ranked, feedback wait...)."""
        self._lifelines_left: set[Lifeline] = set(Lifeline) if self.rules.lifelines else set()
        self._game_deadline: float | None = (
            self._started + BLITZ_SECONDS if self.rules.open_ended else None
        )
        self._position = 0
        self._settled_at = self._started
        self._state = RoundState.ASKING
        self._paused_at: float | None = None
        self._feedback: Feedback | None = None
        self._shown = self._show(0)

    # --- what the UI reads -------------------------------------------------------------

    @property
    def state(self) -> RoundState:
        return self._state

    @property
    def finished(self) -> bool:
        return self._state is RoundState.FINISHED

    @property
    def paused(self) -> bool:
        return self._state is RoundState.PAUSED

    @property
    def shown(self) -> ShownQuestion:
        """The current question as displayed (the last one once finished)."""
        return self._shown

    @property
    def feedback(self) -> Feedback | None:
        """The last answer's feedback, until `next()` shows another question."""
        return self._feedback if self._state is RoundState.FEEDBACK else None

    @property
    def score(self) -> int:
        return self._score

    @property
    def answers(self) -> tuple[AnswerRecord, ...]:
        """Every question settled so far (answered, timed out or skipped), in order."""
        return tuple(self._records)

    @property
    def streak(self) -> int:
        return self._streak

    @property
    def best_streak(self) -> int:
        return self._best_streak

    @property
    def banked(self) -> int:
        """Ladder: the score a miss now would leave (the last safe haven's)."""
        return scoring.ladder_score([r.points for r in self._records] + [0], Outcome.WRONG)

    @property
    def rungs(self) -> tuple[ladder.Rung, ...]:
        """Ladder: every rung with its difficulty and guaranteed minimum, bottom first (the
        rung on screen is `shown.index`); empty in other modes."""
        if self.settings.mode is not Mode.LADDER:
            return ()
        return ladder.rung_table(
            self.settings.tier, [q.difficulty for q in self._questions], steady=self.settings.steady
        )

    @property
    def asks_final_answer(self) -> bool:
        """Whether the UI should ask "final answer?" before sending this question's answer
        (ladder, the setting on, rungs `ladder.LOCK_IN_FROM` and up)."""
        return (
            self.settings.mode is Mode.LADDER
            and self.settings.final_answer
            and self._state is RoundState.ASKING
            and self._shown.index >= ladder.LOCK_IN_FROM
        )

    @property
    def lifelines(self) -> frozenset[Lifeline]:
        """Lifelines still available for the current question."""
        if self._state is not RoundState.ASKING:
            return frozenset()
        usable = set(self._lifelines_left)
        if len(self._shown.choices) <= 2:
            usable.discard(Lifeline.FIFTY_FIFTY)
        if self._shown.deadline is None:
            usable.discard(Lifeline.EXTRA_TIME)
        return frozenset(usable)

    @property
    def total(self) -> int | None:
        return None if self.rules.open_ended else len(self._questions)

    def seconds_left(self) -> float | None:
        """Seconds until the deadline (never negative); None if untimed.

        Frozen while paused, and from the answer on until the next question (except in blitz,
        whose one game clock keeps running, penalties included, through the feedback too)."""
        deadline = self._shown.deadline
        if deadline is not None and self._game_deadline is not None:
            deadline = self._game_deadline
        if deadline is None:
            return None
        now = self._clock.monotonic()
        if self._paused_at is not None:
            now = self._paused_at
        elif self._state is not RoundState.ASKING and self._game_deadline is None:
            now = self._settled_at
        return max(0.0, deadline - now)

    # --- what the player does ----------------------------------------------------------

    def answer(self, text: str) -> Feedback:
        """Answer with text: a choice's text (any case) or a typed answer."""
        self._resume_if_paused()
        self._require(RoundState.ASKING)
        if self._timed_out():
            return self._time_out()
        question = self._shown.question
        if question.type is QuestionType.TYPED:
            verdict = self._matcher.judge(text, question.answer, question.accept, question.kind)
            outcome = Outcome.CORRECT if verdict.right else Outcome.WRONG
            return self._settle(text, outcome, close=verdict.close)
        picked = next((c for c in self._shown.choices if normalize(c) == normalize(text)), None)
        given = picked if picked is not None else text
        outcome = Outcome.CORRECT if picked == question.answer else Outcome.WRONG
        return self._settle(given, outcome)

    def choice_for(self, text: str) -> int | None:
        """The 0-based shown choice that `text` names, read by the same matcher as typed
        answers ("Fasle" is False); None when it names none of them, or more than one."""
        choices = self._shown.choices
        exact = [i for i, c in enumerate(choices) if normalize(c) == normalize(text)]
        if exact:
            return exact[0]
        close = [i for i, c in enumerate(choices) if self._matcher.matches(text, c)]
        return close[0] if len(close) == 1 else None

    def answer_choice(self, index: int) -> Feedback:
        """Answer with the 0-based position of a choice in `shown.choices`."""
        if not 0 <= index < len(self._shown.choices):
            raise GameStateError(f"no choice {index} among {len(self._shown.choices)}")
        return self.answer(self._shown.choices[index])

    def check_timeout(self) -> bool:
        """Poll this from the UI: True when the current question has just timed out."""
        if self._state is not RoundState.ASKING or not self._timed_out():
            return False
        self._time_out()
        return True

    def pause(self) -> None:
        """Stop the clock; the UI hides the question until `resume()`."""
        self._require(RoundState.ASKING)
        self._paused_at = self._clock.monotonic()
        self._state = RoundState.PAUSED

    def resume(self) -> None:
        """Restart the clock where it stopped; the deadline moves by the paused time."""
        self._require(RoundState.PAUSED)
        assert self._paused_at is not None
        gap = self._clock.monotonic() - self._paused_at
        self._paused_at = None
        self._shown_at += gap
        if self._game_deadline is not None:
            self._game_deadline += gap
        if self._shown.deadline is not None:
            self._shown = replace(self._shown, deadline=self._shown.deadline + gap)
        self._state = RoundState.ASKING

    def fifty_fifty(self) -> ShownQuestion:
        """Ladder lifeline: keep the right answer and one other choice. Leaves the round paused
        (the clock stops while the lifeline resolves); call `resume()` once it is shown."""
        self._use(Lifeline.FIFTY_FIFTY)
        question = self._shown.question
        others = [c for c in self._shown.choices if c != question.answer]
        keep = {question.answer, self._choice_rng.choice(others)}
        self._shown = replace(
            self._shown, choices=tuple(c for c in self._shown.choices if c in keep)
        )
        self.pause()
        return self._shown

    def extra_time(self) -> ShownQuestion:
        """Ladder lifeline: 15 more seconds on this question (speed points scale to the new
        limit). Leaves the round paused, like every lifeline; call `resume()`."""
        self._use(Lifeline.EXTRA_TIME)
        assert self._shown.deadline is not None
        assert self._limit is not None
        self._limit += EXTRA_TIME_SECONDS
        self._shown = replace(
            self._shown,
            deadline=self._shown.deadline + EXTRA_TIME_SECONDS,
            time_limit=self._limit,
        )
        self.pause()
        return self._shown

    def skip(self) -> Feedback:
        """Ladder lifeline: climb this rung without answering; no points, the streak is kept."""
        self._use(Lifeline.SKIP)
        return self._settle(None, Outcome.SKIPPED)

    def walk_away(self) -> None:
        """Ladder: stop now and keep the score so far (the shown question is not counted)."""
        if self.settings.mode is not Mode.LADDER:
            raise GameStateError("walking away is a ladder move")
        if self._state is RoundState.FINISHED:
            raise GameStateError("the game is already over")
        if self._feedback is not None and self._feedback.game_over:
            raise GameStateError("the ladder has already ended")
        self._walked_away = True
        self._finish()

    def leave(self) -> None:
        """Stop before the end: the result counts the questions settled so far, not the one on
        screen. Front ends save it only where the mode says leaving is scored (the daily)."""
        if self._state is RoundState.FINISHED:
            raise GameStateError("the game is already over")
        self._left_early = True
        self._finish()

    def next(self) -> ShownQuestion | None:
        """After feedback: show the next question, or finish the game and return None."""
        self._require(RoundState.FEEDBACK)
        assert self._feedback is not None
        blitz_over = self._game_deadline is not None and self._clock.monotonic() >= (
            self._game_deadline
        )
        if self._feedback.game_over or blitz_over:
            self._finish()
            return None
        self._position += 1
        self._shown = self._show(self._position)
        self._state = RoundState.ASKING
        return self._shown

    # --- the result --------------------------------------------------------------------

    def result(self) -> GameRecord:
        """The finished game as the store keeps it."""
        return self.summary().record

    def summary(self) -> GameResult:
        """The finished game with what the result screen needs."""
        if self._state is not RoundState.FINISHED:
            raise GameStateError("the game is not over yet")
        assert self._ended is not None
        answers = tuple(self._records)
        daily = self.settings.mode is Mode.DAILY
        terms = self.terms
        record = GameRecord(
            player=self.settings.player,
            mode=self.settings.mode,
            tier=self.settings.tier,
            steady=self.settings.steady,
            seed=self.seed,
            packs=tuple(sorted({q.pack for q in self._asked})),
            bank_hash=self._bank_hash,
            started_at=self._started_wall.isoformat(),
            duration=round(self._ended - self._started, 3),
            score=self._score,
            correct=sum(1 for a in answers if a.outcome is Outcome.CORRECT),
            answered=sum(1 for a in answers if a.outcome is not Outcome.SKIPPED),
            best_streak=self._best_streak,
            answers=answers,
            daily_date=self._today.isoformat() if daily else None,
            terms=terms,
        )
        custom = ranking.custom_reasons(self.settings.mode, terms)
        return GameResult(
            record=record,
            settings=self.settings,
            questions=tuple(self._asked),
            walked_away=self._walked_away,
            notice=self.notice,
            share_line=(
                share_line(self._today, [a.outcome for a in answers], self._best_streak)
                if daily
                else None
            ),
            high_score=not custom,
            custom=custom,
            left_early=self._left_early,
        )

    @property
    def terms(self) -> GameTerms:
        """What this game is played with, for ranking (`game.ranking`)."""
        s = self.settings
        narrowed = self._narrowed
        return GameTerms(
            seeded=self._seeded,
            packs=tuple(s.packs) if narrowed else (),
            shows=tuple(str(show) for show in s.shows) if narrowed else (),
            categories=tuple(s.categories) if narrowed else (),
            own_bank=not self._complete_bank,
            length=self.total,
        )

    @property
    def ranked(self) -> bool:
        """Whether this game, once finished, enters its high-score table."""
        return ranking.is_ranked(self.settings.mode, self.terms)

    # --- inside ------------------------------------------------------------------------

    def _show(self, position: int) -> ShownQuestion:
        question = self._questions[position]
        now = self._clock.monotonic()
        self._shown_at = now
        self._limit: float | None = (
            time_limit_for(question, self.settings.tier) if self.rules.timed else None
        )
        if self.rules.open_ended:
            deadline, shown_limit = self._game_deadline, BLITZ_SECONDS
        elif self._limit is None:
            deadline, shown_limit = None, None
        else:
            deadline, shown_limit = now + self._limit, self._limit
        return ShownQuestion(
            question=question,
            choices=self._choices_for(question),
            index=position + 1,
            total=self.total,
            deadline=deadline,
            time_limit=shown_limit,
        )

    def _choices_for(self, question: Question) -> tuple[str, ...]:
        if question.type is not QuestionType.CHOICE:
            return question.choices
        shown = TIERS[self.settings.tier].choices_shown
        choices = list(question.choices)
        if shown is not None and len(choices) > shown:
            distractors = [c for c in choices if c != question.answer]
            kept = self._choice_rng.sample(distractors, shown - 1)
            choices = [c for c in choices if c == question.answer or c in kept]
        self._choice_rng.shuffle(choices)
        return tuple(choices)

    def _timed_out(self) -> bool:
        deadline = self._shown.deadline
        return deadline is not None and self._clock.monotonic() > deadline

    def _time_out(self) -> Feedback:
        return self._settle(None, Outcome.TIMEOUT)

    def _settle(self, given: str | None, outcome: Outcome, *, close: bool = False) -> Feedback:
        self._settled_at = self._clock.monotonic()
        question = self._shown.question
        mode = self.settings.mode
        if outcome is Outcome.TIMEOUT:
            seconds = self._limit if self._limit is not None else 0.0
            if mode is Mode.BLITZ:
                seconds = round(self._clock.monotonic() - self._shown_at, 3)
        else:
            seconds = round(self._clock.monotonic() - self._shown_at, 3)
        self._streak = scoring.next_streak(self._streak, outcome)
        self._best_streak = max(self._best_streak, self._streak)
        points = scoring.score_answer(
            outcome=outcome,
            seconds=seconds,
            time_limit=self._limit,
            tier=self.settings.tier,
            steady=self.settings.steady,
            streak=self._streak,
            mode=mode,
        )
        self._records.append(
            AnswerRecord(
                question_id=question.id,
                given=given,
                outcome=outcome,
                seconds=seconds,
                time_limit=self._limit,
                base_points=points.base,
                speed_points=points.speed,
                streak_bonus=points.streak,
                shown=ShownText(question.prompt, self._shown.choices, question.answer),
            )
        )
        self._asked.append(question)
        self._score = scoring.final_score(mode, tuple(self._records))
        penalty = 0.0
        if mode is Mode.BLITZ and outcome is Outcome.WRONG and self._game_deadline is not None:
            penalty = BLITZ_WRONG_PENALTY
            self._game_deadline -= penalty
        self._feedback = Feedback(
            question=question,
            outcome=outcome,
            given=given,
            right_answer=question.answer,
            points=points,
            seconds=seconds,
            streak=self._streak,
            score=self._score,
            explanation=question.explanation,
            source=question.source,
            show_explanation=self.rules.explains or outcome is not Outcome.CORRECT,
            game_over=self._is_over(outcome),
            time_penalty=penalty,
            banked=self.banked if mode is Mode.LADDER else None,
            close=close,
            fall=self._fall(outcome),
            safe_haven=self._haven_reached(outcome),
        )
        self._state = RoundState.FEEDBACK
        return self._feedback

    def _fall(self, outcome: Outcome) -> ladder.Fall | None:
        """Ladder: the fall the answer just settled caused (None: no miss, or not a ladder)."""
        if self.settings.mode is not Mode.LADDER or outcome not in (
            Outcome.WRONG,
            Outcome.TIMEOUT,
        ):
            return None
        return ladder.fall_after([r.points for r in self._records])

    def _haven_reached(self, outcome: Outcome) -> int | None:
        """Ladder: the safe haven the answer just settled climbed onto, if any."""
        rung = len(self._records)
        climbed = outcome in (Outcome.CORRECT, Outcome.SKIPPED)
        if self.settings.mode is Mode.LADDER and climbed and rung in ladder.SAFE_HAVENS:
            return rung
        return None

    def _is_over(self, outcome: Outcome) -> bool:
        mode = self.settings.mode
        if self._position + 1 >= len(self._questions):
            return True
        if mode is Mode.LADDER and outcome in (Outcome.WRONG, Outcome.TIMEOUT):
            return True
        if mode is Mode.BLITZ:
            assert self._game_deadline is not None
            return outcome is Outcome.TIMEOUT or self._clock.monotonic() >= self._game_deadline
        return False

    def _finish(self) -> None:
        self._ended = self._clock.monotonic()
        self._paused_at = None
        self._state = RoundState.FINISHED

    def _use(self, lifeline: Lifeline) -> None:
        self._resume_if_paused()
        if lifeline not in self.lifelines:
            raise GameStateError(f"the {lifeline} lifeline is not available now")
        self._lifelines_left.discard(lifeline)

    def _resume_if_paused(self) -> None:
        if self._state is RoundState.PAUSED:
            self.resume()

    def _require(self, state: RoundState) -> None:
        if self._state is not state:
            raise GameStateError(f"cannot do that while the round is {self._state}")


__all__ = [
    "BLITZ_SECONDS",
    "LADDER_SAFE_HAVENS",
    "Feedback",
    "GameResult",
    "GameRound",
    "GameStateError",
    "Lifeline",
    "RoundState",
    "ShownQuestion",
]
