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
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from boschquiz.core.model import Outcome, QuestionType
from boschquiz.core.numbers import points
from boschquiz.game import ladder
from boschquiz.game.round import Feedback, GameRound
from boschquiz.tui.messages import ContinueGame, LeaveGame, ReportQuestion
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets import WIDGETS_CSS
from boschquiz.tui.widgets.footer import QuizFooter
from boschquiz.tui.widgets.streak import StreakFlame

TICK_SECONDS = 0.25
URGENT_SECONDS = 10
"""Blitz: the game clock turns urgent at this many seconds left."""

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
        Binding("r", "report", "Report", id="feedback-report"),
        Binding("escape", "leave", "Leave", id="feedback-leave"),
    ]

    def __init__(self, game: GameRound, feedback: Feedback) -> None:
        super().__init__()
        self.game = game
        self.feedback = feedback
        self._continue_at: float | None = None
        self._shown_seconds: int | None = None
        self._shown_what: str | None = None
        self._clock_seconds: int | None = -1
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
        with Vertical(id="feedback-middle"), VerticalScroll(id="feedback-body"):
            if fb.safe_haven is not None:
                yield Static(
                    Content("★ " + ladder.haven_cheer(fb.safe_haven, fb.score)),
                    id="feedback-ladder",
                    classes="-haven",
                )
            elif fb.fall is not None:
                yield Static(
                    Content("↓ " + ladder.fall_news(fb.fall, fb.score)),
                    id="feedback-ladder",
                    classes="-fall",
                )
            yield Static(Content(fb.question.prompt), id="feedback-prompt")
            yield Static(self._answers_text(), id="feedback-answers")
            if fb.explanation:
                yield Static(Content(fb.explanation), id="explanation")
            if fb.source:
                yield Static(
                    Content.from_markup("[dim]Source: $source", source=fb.source), id="source"
                )
        with Horizontal(id="feedback-foot"):
            if self.game.rules.scores_points:
                yield Static(
                    Content.from_markup("score [b]$s[/b]", s=points(fb.score)),
                    id="feedback-score",
                )
            flame = StreakFlame(id="feedback-streak")
            flame.streak = fb.streak
            yield flame
            if self.game.rules.open_ended:
                yield Static(id="feedback-clock")
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
        gained = fb.points
        if not self.game.rules.scores_points:
            return Content.from_markup("[dim]$mode: no points", mode=self.game.rules.label.lower())
        if gained.total == 0:
            extra = f"  −{fb.time_penalty:g} s" if fb.time_penalty else ""
            over = fb.banked is not None and fb.game_over
            banked = f"  banked {points(fb.banked or 0)}" if over else ""
            return Content.from_markup("[b]+0[/b]$extra$banked", extra=extra, banked=banked)
        parts = [f"{points(gained.base)} base"]
        if gained.speed:
            parts.append(f"{points(gained.speed)} speed")
        if gained.streak:
            parts.append(f"{points(gained.streak)} streak")
        return Content.from_markup(
            "[b]+$total[/b]  [dim]$parts",
            total=points(gained.total),
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
        self._show_game_clock()
        note = self.query_one("#continue-note", Static)
        what = "see results" if self._game_over() else "next question"
        if self._continue_at is None:
            if self._shown_what != what:
                self._shown_what = what
                note.update(Content.from_markup("[b]Enter[/b]: $what", what=what))
            return
        left = self._continue_at - self.quiz.services.clock.monotonic()
        if left <= 0:
            self.action_continue()
            return
        seconds = math.ceil(left)
        if (seconds, what) != (self._shown_seconds, self._shown_what):
            self._shown_seconds, self._shown_what = seconds, what
            note.update(
                Content.from_markup("[b]Enter[/b]: $what [dim](in $n s)", what=what, n=str(seconds))
            )

    def _game_over(self) -> bool:
        """This answer ended the game, or (blitz) the game clock ran out since."""
        if self.feedback.game_over:
            return True
        return self.game.rules.open_ended and self.game.seconds_left() == 0

    def _show_game_clock(self) -> None:
        """Blitz: the one game clock keeps running through the feedback; counted down from its
        deadline (the engine's `seconds_left`), repainted only when the second changes."""
        if not self.game.rules.open_ended:
            return
        left = self.game.seconds_left()
        shown = None if left is None else math.ceil(left)
        if shown == self._clock_seconds:
            return
        self._clock_seconds = shown
        clock = self.query_one("#feedback-clock", Static)
        clock.update(Content.from_markup("⏱ game clock [b]$n s[/b]", n=str(shown if shown else 0)))
        clock.set_class(shown is not None and shown <= URGENT_SECONDS, "-urgent")

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
        self._hold()
        self.post_message(LeaveGame())

    def action_report(self) -> None:
        """Ask the flow to report this question; the countdown to the next question stops
        (the player is writing), and Enter continues afterwards."""
        self._hold()
        self.post_message(ReportQuestion(self.feedback.question))

    def _hold(self) -> None:
        """Stop the countdown to the next question for good: Enter continues (blitz's game
        clock, which no dialog holds, keeps showing)."""
        if self._timer is not None and not self.game.rules.open_ended:
            self._timer.stop()
            self._timer = None
        self._continue_at = None
        self._shown_seconds = None
        self._shown_what = None
        self.check_clock()
