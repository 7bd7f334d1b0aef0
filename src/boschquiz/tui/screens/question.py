"""The question screen: prompt, choices or a typed answer, the countdown, score and streak.

The clock belongs to the engine. A timer a few times a second asks the round whether time is
up and tells the countdown bar how much is left; the bar repaints only when what it shows
changes, so the process stays near idle while a player thinks. Answers go to the round; what
happens next (feedback, results, leaving) is the flow's, asked for with a message.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from boschquiz.core.model import QuestionType
from boschquiz.core.numbers import points
from boschquiz.game import ladder
from boschquiz.game.round import (
    Feedback,
    GameRound,
    GameStateError,
    Lifeline,
    RoundState,
)
from boschquiz.tui.messages import LeaveGame, QuestionSettled, WalkAway
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets import WIDGETS_CSS
from boschquiz.tui.widgets.choices import KEY_LETTERS, ChoiceList
from boschquiz.tui.widgets.countdown import CountdownBar
from boschquiz.tui.widgets.footer import QuizFooter
from boschquiz.tui.widgets.ladder import LadderRungs
from boschquiz.tui.widgets.streak import StreakFlame

TICK_SECONDS = 0.25
"""How often the countdown asks the clock; it repaints only when what it shows changes."""

LIFELINE_KEYS: tuple[tuple[Lifeline, str], ...] = (
    (Lifeline.FIFTY_FIFTY, "F5"),
    (Lifeline.SKIP, "F6"),
    (Lifeline.EXTRA_TIME, "F7"),
)
WALK_AWAY_KEY = "F8"


class QuestionScreen(QuizScreen[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [WIDGETS_CSS, "question.tcss"]
    IN_GAME = True
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                f"{n + 1},{KEY_LETTERS[n].lower()},{KEY_LETTERS[n]}",
                f"pick({n})",
                f"Answer {n + 1}",
                id=f"answer-{n + 1}",
                show=False,
            )
            for n in range(len(KEY_LETTERS))
        ),
        Binding("f5", "lifeline('50:50')", "50:50", id="lifeline-fifty"),
        Binding("f6", "lifeline('skip')", "Skip", id="lifeline-skip"),
        Binding("f7", "lifeline('+15 s')", "+15 s", id="lifeline-time"),
        Binding("f8", "walk_away", "Walk away", id="walk-away"),
        Binding("escape", "leave", "Leave", id="leave-game"),
    ]

    def __init__(self, game: GameRound) -> None:
        super().__init__()
        self.game = game
        self._timer: Timer | None = None
        self._index = game.shown.index
        self.displayed_choices = game.shown.choices
        """The choices as laid out; after 50:50 the removed ones stay, struck out."""
        self._held = False
        self._settled = False
        self._locking: Screen[bool] | None = None
        """The "final answer?" dialog while it is open."""
        self.clock_reads = 0
        """How many times the screen has read the clock (tests wait on its own timer)."""

    def compose(self) -> ComposeResult:
        game = self.game
        question = game.shown.question
        with Horizontal(id="hud"):
            yield Static(self._progress_text(), id="hud-progress")
            if game.rules.scores_points:
                yield Static(self._score_text(), id="hud-score")
            flame = StreakFlame(id="hud-streak")
            flame.streak = game.streak
            yield flame
        yield CountdownBar(id="countdown")
        with Horizontal(id="question-area"):
            with VerticalScroll(id="question-main"):
                yield Static(Content(question.prompt), id="prompt")
                if question.type is QuestionType.TYPED:
                    yield Input(placeholder="type your answer, then Enter", id="typed-answer")
                else:
                    yield ChoiceList(id="choices")
                yield Static(id="lifelines")
            if game.rules.lifelines:
                yield LadderRungs(game.rungs, id="ladder")
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        game = self.game
        if game.shown.question.type is QuestionType.TYPED:
            self.query_one("#typed-answer", Input).focus()
        else:
            choices = self.query_one("#choices", ChoiceList)
            choices.set_choices(game.shown.choices)
            choices.focus()
        if game.rules.lifelines:
            self.query_one("#ladder", LadderRungs).set_progress(
                game.shown.index, tuple(a.points for a in game.answers)
            )
        self._show_lifelines()
        self.check_clock()
        if game.shown.deadline is not None:
            self._timer = self.set_interval(TICK_SECONDS, self.check_clock)

    # -- what is shown ----------------------------------------------------------------------

    def _progress_text(self) -> Content:
        game = self.game
        shown = game.shown
        of = f" of {shown.total}" if shown.total is not None else ""
        return Content.from_markup(
            "[b]$mode[/b] · $tier · question [b]$k[/b]$of",
            mode=game.rules.label,
            tier=game.settings.tier.value,
            k=str(shown.index),
            of=of,
        )

    def _score_text(self) -> Content:
        game = self.game
        if game.rules.lifelines:
            return Content.from_markup(
                "score [b]$score[/b] · banked $banked",
                score=points(game.score),
                banked=points(game.banked),
            )
        return Content.from_markup("score [b]$score[/b]", score=points(game.score))

    def _show_lifelines(self) -> None:
        note = self.query_one("#lifelines", Static)
        if not self.game.rules.lifelines:
            note.display = False
            return
        usable = self.game.lifelines
        parts = []
        for lifeline, key in LIFELINE_KEYS:
            mark = "✓" if lifeline in usable else "✗"
            parts.append(
                Content.from_markup(
                    "[b]$key[/b] $name $mark" if lifeline in usable else "[dim]$key $name $mark",
                    key=key,
                    name=lifeline.value,
                    mark=mark,
                )
            )
        game = self.game
        fall = ladder.landing(ladder.haven_below(game.shown.index), game.banked)
        walk = Content.from_markup(
            "[b]$key[/b] walk away now: keep [b]$keep[/b] · a miss falls to $fall",
            key=WALK_AWAY_KEY,
            keep=points(game.score),
            fall=fall,
        )
        note.update(Content("   ").join(parts) + Content("\n") + walk)

    def check_clock(self) -> None:
        """Read the clock and act on it; the interval timer calls this a few times a second.

        Under an overlay (help, the palette, a dialog) the countdown still repaints, but a
        time-out waits until the question is back on top."""
        self.clock_reads += 1
        game = self.game
        if self._settled:
            return
        locking = self._locking
        if locking is not None and game.state is RoundState.ASKING and game.seconds_left() == 0:
            self._locking = None
            locking.dismiss(False)
            return
        if self.is_active and game.state is RoundState.ASKING and game.check_timeout():
            feedback = game.feedback
            if feedback is not None:
                self._settle(feedback)
            return
        self.query_one("#countdown", CountdownBar).show(
            game.seconds_left(), game.shown.time_limit, paused=game.paused
        )

    # -- overlays: held in unranked games, never in ranked ones -----------------------------

    def on_screen_suspend(self) -> None:
        """Something covers the question (help, the palette, a dialog).

        In an unranked game (`GameRound.ranked`: its mode and its settings, `game.ranking`)
        the clock stops until the question is back. In a ranked one it runs on, and the
        player is told so: no overlay buys thinking time there. "Final answer?" is part of
        answering, not an overlay: the clock runs on behind it in every game, as it says."""
        game = self.game
        asking = game.state is RoundState.ASKING and game.shown.index == self._index
        if self._settled or not asking or game.shown.deadline is None:
            return
        if self._locking is not None:
            return
        if game.ranked:
            left = game.seconds_left() or 0.0
            self.notify(
                f"Ranked game: the clock keeps running ({left:.0f} s left on this question).",
                severity="warning",
                timeout=4,
                markup=False,
            )
            return
        game.pause()
        self._held = True

    def on_screen_resume(self) -> None:
        if self._held and self.game.paused:
            self.game.resume()
        self._held = False
        self.check_clock()

    # -- answering --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        game = self.game
        if action == "pick":
            if game.shown.question.type is QuestionType.TYPED:
                return False
            index = parameters[0]
            return isinstance(index, int) and index < len(self.displayed_choices)
        if action == "lifeline":
            if not game.rules.lifelines:
                return False
            return True if Lifeline(str(parameters[0])) in game.lifelines else None
        if action == "walk_away":
            return game.rules.lifelines
        return True

    def action_pick(self, index: int) -> None:
        if (
            index < len(self.displayed_choices)
            and self.displayed_choices[index] in self.game.shown.choices
        ):
            self._answer(self.displayed_choices[index])

    @on(ChoiceList.OptionSelected, "#choices")
    def _clicked(self, event: ChoiceList.OptionSelected) -> None:
        event.stop()
        self.action_pick(event.option_index)

    @on(Input.Submitted, "#typed-answer")
    def _typed(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self._answer(event.value)

    def _answer(self, text: str) -> None:
        if self._settled or self.game.state not in (RoundState.ASKING, RoundState.PAUSED):
            return
        if self._locking is not None:
            return
        if self.game.asks_final_answer:
            self._ask_final_answer(text)
            return
        self._settle(self.game.answer(text))

    def _ask_final_answer(self, text: str) -> None:
        """Ladder rungs 11-15 with "final answer?" on: the answer counts once confirmed.

        The clock runs on behind the dialog (in every game: deciding is part of answering);
        when it runs out the dialog closes and the question is a time-out."""
        from boschquiz.tui.screens.confirm import ConfirmScreen

        def answered(locked: bool | None) -> None:
            self._locking = None
            open_now = self.game.state in (RoundState.ASKING, RoundState.PAUSED)
            if locked and not self._settled and open_now:
                self._settle(self.game.answer(text))
                return
            self.check_clock()

        self._locking = ConfirmScreen(
            f"{text}: is that your final answer? (the clock is running)", "Final answer", "Not yet"
        )
        self.app.push_screen(self._locking, answered)

    def _settle(self, feedback: Feedback) -> None:
        self._settled = True
        if self._timer is not None:
            self._timer.stop()
        self.post_message(QuestionSettled(feedback))

    # -- lifelines and leaving --------------------------------------------------------------

    def action_lifeline(self, name: str) -> None:
        game = self.game
        lifeline = Lifeline(name)
        if self._settled:
            return
        try:
            if lifeline is Lifeline.SKIP:
                self._settle(game.skip())
                return
            if lifeline is Lifeline.FIFTY_FIFTY:
                after = game.fifty_fifty().choices
                self.query_one("#choices", ChoiceList).set_choices(
                    self.displayed_choices, frozenset(self.displayed_choices) - frozenset(after)
                )
                game.resume()
                self.notify("50:50: two wrong answers are gone.", markup=False)
            else:
                game.extra_time()
                game.resume()
                self.notify("+15 seconds on the clock.", markup=False)
        except GameStateError:
            return
        self._show_lifelines()
        self.check_clock()
        self.refresh_bindings()

    def action_walk_away(self) -> None:
        if not self._settled:
            self.post_message(WalkAway())

    def action_leave(self) -> None:
        if not self._settled:
            self.post_message(LeaveGame())
