"""What each game mode is: one row per mode, read by the engine, plain mode and the TUI.

A new mode is one row here plus its genuinely special code (blitz's one game clock, the
ladder's havens and lifelines, the daily's shared seed, review's missed questions).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from boschquiz.core.model import Mode

EXPLANATION_EXTRA_SECONDS = 4.0
"""Feedback with an explanation waits this much longer before moving on by itself."""


@dataclass(frozen=True)
class ModeRules:
    """What a mode changes.

    `questions` is the count drawn when the player names none (blitz: the pool a minute
    draws from, its game being open-ended). `auto_continue` is how long feedback waits
    before the next question comes by itself (None: it waits for a key); with an
    explanation, timed modes other than blitz wait `EXPLANATION_EXTRA_SECONDS` longer.
    """

    mode: Mode
    label: str
    """The mode's name on screen: "Classic"."""
    choice_label: str | None
    """Its entry in New Game's mode list; None when it is started from the menu instead."""
    table_label: str | None
    """Its tab in High scores; None when it is never ranked."""
    summary: str
    """One line for Help."""
    timed: bool
    questions: int
    player_sets_count: bool
    """Whether `GameSettings.questions` (New Game's count, `--questions`) applies."""
    open_ended: bool
    """Blitz: one game clock, as many questions as fit; the game has no total."""
    lifelines: bool
    """The ladder's 50:50, skip, +15 s and walk away."""
    ranked: bool
    """Whether a game of this mode may enter the high-score tables at all."""
    explains: bool
    """The explanation follows every answer, right or wrong (otherwise only misses)."""
    auto_continue: float | None
    scored_when_left: bool = False
    """Leaving before the end still saves the game, scored on the questions answered (the
    daily: one try a day, counted from its first question)."""
    scores_points: bool = True
    """Whether answers earn points at all (practice: no)."""
    forgiving_feedback: bool = True
    """Whether feedback's wait grows by `EXPLANATION_EXTRA_SECONDS` with an explanation."""
    typed_questions: bool = True
    """Whether typed questions may be asked (party: no, one keyboard cannot take six typed
    answers at once)."""
    max_choices: int | None = None
    """The most choices a question shows (party: four, one key each in a player's block);
    None: all of them (the tier decides)."""
    players: range = range(1, 2)
    """How many players share one game (party: 2 to 6 on one screen)."""

    def feedback_wait(self, with_explanation: bool) -> float | None:
        """Seconds the feedback stays before the game moves on by itself (None: never)."""
        if self.auto_continue is None:
            return None
        extra = EXPLANATION_EXTRA_SECONDS if with_explanation and self.forgiving_feedback else 0
        return self.auto_continue + extra


MODES: Mapping[Mode, ModeRules] = {
    Mode.CLASSIC: ModeRules(
        Mode.CLASSIC,
        label="Classic",
        choice_label="Classic",
        table_label="Classic",
        summary="ten questions at one tier",
        timed=True,
        questions=10,
        player_sets_count=True,
        open_ended=False,
        lifelines=False,
        ranked=True,
        explains=False,
        auto_continue=6.0,
    ),
    Mode.BLITZ: ModeRules(
        Mode.BLITZ,
        label="Blitz",
        choice_label="Blitz (60 s)",
        table_label="Blitz",
        summary="one 60-second clock: answer as many as you can; a wrong answer costs time",
        timed=True,
        questions=200,
        player_sets_count=False,
        open_ended=True,
        lifelines=False,
        ranked=True,
        explains=False,
        auto_continue=2.0,
        forgiving_feedback=False,
    ),
    Mode.LADDER: ModeRules(
        Mode.LADDER,
        label="Ladder",
        choice_label="Ladder (15 rungs)",
        table_label="Ladder",
        summary="fifteen rungs of rising difficulty; safe havens at 5 and 10 keep what you"
        " banked; walk away at any time; lifelines once each: 50:50, skip, +15 s",
        timed=True,
        questions=15,
        player_sets_count=False,
        open_ended=False,
        lifelines=True,
        ranked=True,
        explains=False,
        auto_continue=6.0,
    ),
    Mode.DAILY: ModeRules(
        Mode.DAILY,
        label="Daily",
        choice_label=None,
        table_label="Daily (today)",
        summary="the same ten for everyone today, one scored try: it counts from the first"
        " question, and leaving scores what you answered",
        timed=True,
        questions=10,
        player_sets_count=False,
        open_ended=False,
        lifelines=False,
        ranked=True,
        explains=False,
        auto_continue=6.0,
        scored_when_left=True,
    ),
    Mode.REVIEW: ModeRules(
        Mode.REVIEW,
        label="Review",
        choice_label=None,
        table_label=None,
        summary="the questions you missed, until you know them (no high-score table)",
        timed=True,
        questions=10,
        player_sets_count=True,
        open_ended=False,
        lifelines=False,
        ranked=False,
        explains=True,
        auto_continue=6.0,
    ),
    Mode.PRACTICE: ModeRules(
        Mode.PRACTICE,
        label="Practice",
        choice_label="Practice (no clock)",
        table_label=None,
        summary="no clock, no high score, every explanation shown",
        timed=False,
        questions=10,
        player_sets_count=True,
        open_ended=False,
        lifelines=False,
        ranked=False,
        explains=True,
        auto_continue=None,
        scores_points=False,
    ),
    Mode.PARTY: ModeRules(
        Mode.PARTY,
        label="Party",
        choice_label="Party (2–6 players)",
        table_label="Party",
        summary="2 to 6 players on one keyboard, the same questions at once",
        timed=True,
        questions=10,
        player_sets_count=False,
        open_ended=False,
        lifelines=False,
        ranked=True,
        explains=False,
        auto_continue=None,
        typed_questions=False,
        max_choices=4,
        players=range(2, 7),
    ),
}


def rules_for(mode: Mode) -> ModeRules:
    return MODES[mode]


def question_count(mode: Mode, asked: int | None) -> int:
    """Questions drawn for a game of `mode` when the player asked for `asked` (None: default)."""
    rules = MODES[mode]
    if rules.player_sets_count and asked is not None:
        return asked
    return rules.questions
