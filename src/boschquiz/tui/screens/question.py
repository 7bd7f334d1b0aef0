"""The question screen: prompt, choices or a typed answer, the countdown, score and streak.

The clock belongs to the engine. A timer a few times a second asks the round whether time is
up and tells the countdown bar how much is left; the bar repaints only when what it shows
changes, so the process stays near idle while a player thinks.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, Static

from boschquiz.core.diagnostics import UserFacingError
from boschquiz.core.model import Mode, QuestionType
from boschquiz.game.history import InMemoryHistory
from boschquiz.game.round import (
    LADDER_SAFE_HAVENS,
    Feedback,
    GameStateError,
    Lifeline,
    RoundState,
    start_game,
)
from boschquiz.game.settings import GameSettings
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.session import GameSession
from boschquiz.tui.widgets import WIDGETS_CSS
from boschquiz.tui.widgets.choices import KEY_LETTERS, ChoiceList
from boschquiz.tui.widgets.countdown import CountdownBar
from boschquiz.tui.widgets.footer import QuizFooter
from boschquiz.tui.widgets.ladder import LadderRungs
from boschquiz.tui.widgets.streak import StreakFlame

if TYPE_CHECKING:
    from boschquiz.tui.app import BoschQuizApp

TICK_SECONDS = 0.25
"""How often the countdown asks the clock; it repaints only when what it shows changes."""

MODE_NAMES: dict[Mode, str] = {
    Mode.CLASSIC: "Classic",
    Mode.BLITZ: "Blitz",
    Mode.LADDER: "Ladder",
    Mode.DAILY: "Daily",
    Mode.REVIEW: "Review",
    Mode.PRACTICE: "Practice",
}

_FALLBACK_HISTORY = InMemoryHistory()
"""Stands in for the store when the saves cannot be opened, so the game stays playable."""


def begin_game(app: BoschQuizApp, settings: GameSettings) -> bool:
    """Start a game with these settings and show its first question; False if it cannot start."""
    if app.bank is None:
        app.notify("The questions are still loading; try again in a moment.", markup=False)
        return False
    if app.player is not None:
        settings = replace(settings, player=app.player)
    if settings.seed is None and app.services.seed is not None:
        settings = replace(settings, seed=app.services.seed)
    history = app.store if app.store is not None else _FALLBACK_HISTORY
    try:
        game = start_game(
            app.bank.bank, settings, app.services.clock, history, app.services.clock.now().date()
        )
    except UserFacingError as exc:
        app.notify(_sentence(exc.message), severity="warning", timeout=8, markup=False)
        return False
    if game.notice:
        app.notify(_sentence(game.notice), markup=False)
    app.push_screen(QuestionScreen(GameSession(game)))
    return True


def start_daily(app: BoschQuizApp) -> bool:
    return begin_game(app, GameSettings(mode=Mode.DAILY))


def start_review(app: BoschQuizApp) -> bool:
    return begin_game(app, GameSettings(mode=Mode.REVIEW))


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


class QuestionScreen(QuizScreen[None]):
    CSS_PATH: ClassVar[list[str | PurePath]] = [WIDGETS_CSS, "question.tcss"]
    IN_GAME = True
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                f"{n + 1},{KEY_LETTERS[n].lower()}",
                f"pick({n})",
                f"Answer {n + 1}",
                id=f"answer-{n + 1}",
                show=False,
            )
            for n in range(len(KEY_LETTERS))
        ),
        Binding("5,f5", "lifeline('50:50')", "50:50", id="lifeline-fifty"),
        Binding("s,f6", "lifeline('skip')", "Skip", id="lifeline-skip"),
        Binding("plus,f7", "lifeline('+15 s')", "+15 s", id="lifeline-time", key_display="+"),
        Binding("w,f8", "walk_away", "Walk away", id="walk-away"),
        Binding("space,f2", "pause", "Pause", id="pause", key_display="space"),
        Binding("escape", "leave", "Leave", id="leave-game"),
    ]

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self.session = session
        self._timer: Timer | None = None
        self.displayed_choices = session.round.shown.choices
        """The choices as laid out; after 50:50 the removed ones stay, struck out."""
        self._paused_for_modal = False

    def compose(self) -> ComposeResult:
        game = self.session.round
        shown = game.shown
        question = shown.question
        with Horizontal(id="hud"):
            yield Static(self._progress_text(), id="hud-progress")
            yield Static(self._score_text(), id="hud-score")
            flame = StreakFlame(id="hud-streak")
            flame.streak = game.streak
            yield flame
        yield CountdownBar(id="countdown")
        with Horizontal(id="question-area"):
            with Vertical(id="question-main"):
                yield Static(Content(question.prompt), id="prompt")
                if question.type is QuestionType.TYPED:
                    yield Input(placeholder="type your answer, then Enter", id="typed-answer")
                else:
                    yield ChoiceList(id="choices")
                yield Static(id="lifelines")
            if self.session.mode is Mode.LADDER:
                yield LadderRungs(game.total or 0, LADDER_SAFE_HAVENS, id="ladder")
            yield Static(
                Content.from_markup("[b]Paused[/b]\n\nthe clock is stopped\n\nspace to go on"),
                id="paused-note",
            )
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        game = self.session.round
        if game.shown.question.type is QuestionType.TYPED:
            self.query_one("#typed-answer", Input).focus()
        else:
            choices = self.query_one("#choices", ChoiceList)
            choices.set_choices(game.shown.choices)
            choices.focus()
        if self.session.mode is Mode.LADDER:
            self.query_one("#ladder", LadderRungs).set_progress(
                game.shown.index, self.session.rung_points
            )
        self._show_lifelines()
        self.check_clock()
        if game.shown.deadline is not None:
            self._timer = self.set_interval(TICK_SECONDS, self.check_clock)

    # -- what is shown ----------------------------------------------------------------------

    def _progress_text(self) -> Content:
        game = self.session.round
        shown = game.shown
        of = f" of {shown.total}" if shown.total is not None else ""
        return Content.from_markup(
            "[b]$mode[/b] · $tier · question [b]$k[/b]$of",
            mode=MODE_NAMES[self.session.mode],
            tier=game.settings.tier.value,
            k=str(shown.index),
            of=of,
        )

    def _score_text(self) -> Content:
        game = self.session.round
        if self.session.mode is Mode.LADDER:
            return Content.from_markup(
                "score [b]$score[/b] · banked $banked",
                score=f"{game.score:,}",
                banked=f"{game.banked:,}",
            )
        return Content.from_markup("score [b]$score[/b]", score=f"{game.score:,}")

    def _show_lifelines(self) -> None:
        note = self.query_one("#lifelines", Static)
        if self.session.mode is not Mode.LADDER:
            note.display = False
            return
        usable = self.session.round.lifelines
        parts = []
        for lifeline, key in (
            (Lifeline.FIFTY_FIFTY, "5"),
            (Lifeline.SKIP, "s"),
            (Lifeline.EXTRA_TIME, "+"),
        ):
            mark = "✓" if lifeline in usable else "✗"
            parts.append(
                Content.from_markup(
                    "[b]$key[/b] $name $mark" if lifeline in usable else "[dim]$key $name $mark",
                    key=key,
                    name=lifeline.value,
                    mark=mark,
                )
            )
        parts.append(Content.from_markup("[b]w[/b] walk away"))
        note.update(Content("   ").join(parts))

    def check_clock(self) -> None:
        """Read the clock and act on it; the interval timer calls this a few times a second."""
        game = self.session.round
        if not self.is_current:
            return
        if game.state is RoundState.ASKING and game.check_timeout():
            feedback = game.feedback
            if feedback is not None:
                self._to_feedback(feedback)
            return
        self.query_one("#countdown", CountdownBar).show(
            game.seconds_left(), game.shown.time_limit, paused=game.paused
        )

    # -- answering --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        game = self.session.round
        if action == "pick":
            if game.shown.question.type is QuestionType.TYPED:
                return False
            index = parameters[0]
            return isinstance(index, int) and index < len(self.displayed_choices)
        if action == "lifeline":
            if self.session.mode is not Mode.LADDER:
                return False
            return True if Lifeline(str(parameters[0])) in game.lifelines else None
        if action == "walk_away":
            return self.session.mode is Mode.LADDER
        if action == "pause":
            return self.session.timed and game.shown.deadline is not None
        return True

    def action_pick(self, index: int) -> None:
        if (
            index < len(self.displayed_choices)
            and self.displayed_choices[index] in self.session.round.shown.choices
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
        game = self.session.round
        if game.state not in (RoundState.ASKING, RoundState.PAUSED):
            return
        self._to_feedback(game.answer(text))

    def _to_feedback(self, feedback: Feedback) -> None:
        from boschquiz.tui.screens.feedback import FeedbackScreen

        if self._timer is not None:
            self._timer.stop()
        self.session.feedbacks.append(feedback)
        self.app.switch_screen(FeedbackScreen(self.session, feedback))

    # -- lifelines, pause, leaving ----------------------------------------------------------

    def action_lifeline(self, name: str) -> None:
        game = self.session.round
        lifeline = Lifeline(name)
        try:
            if lifeline is Lifeline.SKIP:
                self._to_feedback(game.skip())
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
        from boschquiz.tui.screens.confirm import ConfirmScreen

        game = self.session.round
        self._pause_for_modal()
        self.app.push_screen(
            ConfirmScreen(f"Walk away with {game.score:,} points?", "Walk away", "Keep climbing"),
            self._walk_away_answered,
        )

    def _walk_away_answered(self, confirmed: bool | None) -> None:
        game = self.session.round
        if not confirmed:
            self._resume_after_modal()
            return
        game.walk_away()
        from boschquiz.tui.screens.results import ResultsScreen

        if self._timer is not None:
            self._timer.stop()
        self.app.switch_screen(ResultsScreen(self.session))

    def action_pause(self) -> None:
        game = self.session.round
        if game.paused:
            game.resume()
        elif game.state is RoundState.ASKING:
            game.pause()
        self.set_class(game.paused, "-paused")
        self.check_clock()

    def action_leave(self) -> None:
        from boschquiz.tui.screens.confirm import ConfirmScreen

        self._pause_for_modal()
        self.app.push_screen(
            ConfirmScreen("Leave this game? It will not be scored.", "Leave", "Keep playing"),
            self._leave_answered,
        )

    def _leave_answered(self, confirmed: bool | None) -> None:
        if confirmed:
            if self._timer is not None:
                self._timer.stop()
            self.app.pop_screen()
        else:
            self._resume_after_modal()

    def on_screen_resume(self) -> None:
        self.check_clock()

    def hold_clock(self) -> None:
        """Stop the round's clock while a dialog covers the question."""
        self._pause_for_modal()

    def release_clock(self) -> None:
        """Restart the clock stopped by `hold_clock`."""
        self._resume_after_modal()

    def _pause_for_modal(self) -> None:
        game = self.session.round
        self._paused_for_modal = game.state is RoundState.ASKING and game.shown.deadline is not None
        if self._paused_for_modal:
            game.pause()

    def _resume_after_modal(self) -> None:
        if self._paused_for_modal and self.session.round.paused:
            self.session.round.resume()
        self._paused_for_modal = False
        self.check_clock()
