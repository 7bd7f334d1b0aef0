"""Feedback after each answer: right or wrong, the right answer, the points, the explanation.

Enter continues. Where the mode says so it also continues by itself, timed off the injected
clock (`ModeRules.feedback_wait`). What comes next is the flow's: this screen only asks.
"""

from __future__ import annotations

import math
from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from boschquiz.core.model import Outcome, QuestionType
from boschquiz.game.round import Feedback, GameRound
from boschquiz.tui.messages import ContinueGame, LeaveGame
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets import WIDGETS_CSS
from boschquiz.tui.widgets.footer import QuizFooter
from boschquiz.tui.widgets.streak import StreakFlame

TICK_SECONDS = 0.25

VERDICTS: dict[Outcome, tuple[str, str]] = {
    Outcome.CORRECT: ("✔ Right!", "-right"),
    Outcome.WRONG: ("✘ Wrong", "-wrong"),
    Outcome.TIMEOUT: ("⏱ Time's up", "-wrong"),
    Outcome.SKIPPED: ("↷ Skipped", "-skipped"),
}


class FeedbackScreen(QuizScreen[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [WIDGETS_CSS, "feedback.tcss"]
    IN_GAME = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "continue", "Continue", id="feedback-continue"),
        Binding("escape", "leave", "Leave", id="feedback-leave"),
    ]

    def __init__(self, game: GameRound, feedback: Feedback) -> None:
        super().__init__()
        self.game = game
        self.feedback = feedback
        self._continue_at: float | None = None
        self._shown_seconds: int | None = None
        self._timer: Timer | None = None
        self._continued = False
        self.clock_reads = 0
        """How many times the screen has read the clock (tests wait on its own timer)."""

    def compose(self) -> ComposeResult:
        fb = self.feedback
        verdict, verdict_class = VERDICTS[fb.outcome]
        shown = self.game.shown
        of = f" of {shown.total}" if shown.total is not None else ""
        with Horizontal(id="feedback-head", classes=verdict_class):
            yield Static(
                Content.from_markup(
                    "$verdict  [dim]question $k$of", verdict=verdict, k=str(shown.index), of=of
                ),
                id="verdict",
            )
            yield Static(self._points_text(), id="points")
        with VerticalScroll(id="feedback-body"):
            yield Static(Content(fb.question.prompt), id="feedback-prompt")
            yield Static(self._answers_text(), id="feedback-answers")
            if fb.explanation:
                yield Static(Content(fb.explanation), id="explanation")
            if fb.source:
                yield Static(
                    Content.from_markup("[dim]Source: $source", source=fb.source), id="source"
                )
        with Horizontal(id="feedback-foot"):
            yield Static(
                Content.from_markup("score [b]$s[/b]", s=f"{fb.score:,}"), id="feedback-score"
            )
            flame = StreakFlame(id="feedback-streak")
            flame.streak = fb.streak
            yield flame
            yield Static(id="continue-note")
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        wait = self.game.rules.feedback_wait(bool(self.feedback.explanation))
        if wait is not None:
            self._continue_at = self.quiz.services.clock.monotonic() + wait
            self._timer = self.set_interval(TICK_SECONDS, self.check_clock)
        self.check_clock()

    def _points_text(self) -> Content:
        fb = self.feedback
        points = fb.points
        if not self.game.rules.scores_points:
            return Content.from_markup("[dim]$mode: no points", mode=self.game.rules.label.lower())
        if points.total == 0:
            extra = f"  −{fb.time_penalty:g} s" if fb.time_penalty else ""
            banked = f"  banked {fb.banked:,}" if fb.banked is not None and fb.game_over else ""
            return Content.from_markup("[b]+0[/b]$extra$banked", extra=extra, banked=banked)
        parts = [f"{points.base:,} base"]
        if points.speed:
            parts.append(f"{points.speed:,} speed")
        if points.streak:
            parts.append(f"{points.streak:,} streak")
        return Content.from_markup(
            "[b]+$total[/b]  [dim]$parts",
            total=f"{points.total:,}",
            parts=" + ".join(parts),
        )

    def _answers_text(self) -> Content:
        """The choices with the right one marked ✔ and a wrong pick marked ✘."""
        fb = self.feedback
        question = fb.question
        if question.type is QuestionType.TYPED or not self.game.shown.choices:
            given = fb.given if fb.given is not None else "(no answer)"
            lines = [
                Content.from_markup("[b]Answer:[/b] ")
                + Content.styled(fb.right_answer, "$success bold")
            ]
            if not fb.correct:
                lines.append(Content.from_markup("[dim]You said:[/dim] ") + Content(given))
            elif fb.close:
                lines.append(Content.from_markup("[dim]You said:[/dim] ") + Content(given))
                lines.append(
                    Content.from_markup("[dim]close enough:[/dim] ") + Content(fb.right_answer)
                )
            return Content("\n").join(lines)
        lines = []
        for choice in self.game.shown.choices:
            if choice == fb.right_answer:
                lines.append(Content.styled(f" ✔ {choice} ", "$success bold reverse"))
            elif choice == fb.given:
                lines.append(Content.styled(f" ✘ {choice} ", "$error strike"))
            else:
                lines.append(Content.styled(f"   {choice}", "dim"))
        return Content("\n").join(lines)

    def check_clock(self) -> None:
        """Read the clock and act on it; the interval timer calls this a few times a second."""
        self.clock_reads += 1
        note = self.query_one("#continue-note", Static)
        what = "see results" if self.feedback.game_over else "next question"
        if self._continue_at is None:
            if self._shown_seconds is None:
                self._shown_seconds = -1
                note.update(Content.from_markup("[b]Enter[/b]: $what", what=what))
            return
        left = self._continue_at - self.quiz.services.clock.monotonic()
        if left <= 0:
            self.action_continue()
            return
        seconds = math.ceil(left)
        if seconds != self._shown_seconds:
            self._shown_seconds = seconds
            note.update(
                Content.from_markup("[b]Enter[/b]: $what [dim](in $n s)", what=what, n=str(seconds))
            )

    def action_continue(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._continued or not self.is_current:
            return
        self._continued = True
        self.post_message(ContinueGame())

    def action_leave(self) -> None:
        """Ask the flow to leave; the countdown to the next question stops for good."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._continue_at = None
        self._shown_seconds = None
        self.check_clock()
        self.post_message(LeaveGame())
