"""Results: score, accuracy, best streak, time, the rank (with its moment), the daily share line.

The flow saves the game and hands this screen the receipt (`show_saved`); the keys here only
ask the flow for what comes next.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from boschquiz.core.model import Mode, Outcome
from boschquiz.core.numbers import points
from boschquiz.game.ladder import ladder_result
from boschquiz.game.modes import MODES
from boschquiz.game.recap import heading
from boschquiz.game.round import GameResult
from boschquiz.tui.messages import BackToMenu, GameSaved, PlayAgain, SaveFailed, ShowScores
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter

MARKS: dict[Outcome, str] = {
    Outcome.CORRECT: "✅",
    Outcome.WRONG: "❌",
    Outcome.TIMEOUT: "⏱",
    Outcome.SKIPPED: "↷",
}


def format_duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}" if minutes else f"{rest} s"


class ResultsScreen(QuizScreen[None]):
    CSS_PATH = "results.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,p", "play_again", "Play again", id="results-again"),
        Binding("c", "copy_share", "Copy share line", id="results-copy"),
        Binding("s", "scores", "High scores", id="results-scores"),
        Binding("escape,m", "menu", "Menu", id="results-menu"),
    ]

    def __init__(self, result: GameResult, *, playtest: bool = False) -> None:
        super().__init__()
        self.result = result
        self.playtest = playtest
        """The studio's play-test: never saved; Esc goes back to the studio."""
        self.saved: GameSaved | SaveFailed | None = None

    def compose(self) -> ComposeResult:
        record = self.result.record
        accuracy = f"{record.correct / record.answered:.0%}" if record.answered else "–"
        yield Header()
        with VerticalScroll(id="results-scroll"), Vertical(id="results-body"):
            yield Static(self._headline(), id="results-headline")
            if MODES[record.mode].scores_points:
                yield Static(
                    Content.from_markup("[b]$score[/b] points", score=points(record.score)),
                    id="results-score",
                )
            yield Static(
                Content.from_markup(
                    "right [b]$right[/b] of $answered ($accuracy) · best streak [b]$streak[/b]"
                    " · time $time",
                    right=str(record.correct),
                    answered=str(record.answered),
                    accuracy=accuracy,
                    streak=str(record.best_streak),
                    time=format_duration(record.duration),
                ),
                id="results-figures",
            )
            yield Static(
                Content(" ".join(MARKS[a.outcome] for a in record.answers)), id="results-marks"
            )
            if record.mode is Mode.LADDER:
                yield Static(Content(ladder_result(record).sentence()), id="results-ladder")
            yield Static(self._rank_text(), id="results-rank")
            if self.result.share_line:
                yield Static(Content(self.result.share_line), id="results-share")
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        if self.result.share_line:
            self.action_copy_share()

    def _headline(self) -> Content:
        if self.result.walked_away:
            return Content("You walked away")
        if self.result.left_early:
            return Content("You left the daily: scored on what you answered")
        if self.result.record.mode is Mode.DAILY:
            return Content("Daily challenge done")
        return Content(heading(self.result.record))

    def _rank_text(self) -> Content:
        if self.playtest:
            return Content.from_markup("[dim]Play-test: not saved · Esc goes back to the studio")
        saved = self.saved
        if saved is None:
            return Content.from_markup("[dim]saving…")
        if isinstance(saved, SaveFailed):
            return Content.from_markup("[$error]Not saved: $why", why=saved.reason)
        rules = MODES[self.result.record.mode]
        if not rules.ranked:
            return Content.from_markup(
                "[dim]Saved · $mode games are not ranked.", mode=rules.label.lower()
            )
        if not self.result.ranked:
            return Content.from_markup(
                "Saved · custom game, not ranked [dim]($why)", why="; ".join(self.result.custom)
            )
        if saved.new_high_score:
            return Content.from_markup("[b $accent]★ NEW HIGH SCORE ★[/]  first in the table")
        personal = saved.previous_best is None or saved.record.score > saved.previous_best
        note = "  [b]new personal best![/b]" if personal and saved.previous_best is not None else ""
        if saved.rank is not None:
            return Content.from_markup(
                "Saved · number [b]$rank[/b] in the table" + note, rank=str(saved.rank)
            )
        return Content.from_markup("Saved · outside the top ten this time" + note)

    def show_saved(self, message: GameSaved | SaveFailed) -> None:
        """The save worker's receipt (or why the game could not be saved)."""
        self.saved = message
        rank = self.query_one("#results-rank", Static)
        rank.update(self._rank_text())
        rank.set_class(isinstance(message, GameSaved) and message.new_high_score, "-new-high")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "copy_share":
            return self.result.share_line is not None
        if action in ("play_again", "scores") and self.playtest:
            return False
        if action == "play_again":
            return self.result.record.mode is not Mode.DAILY
        return True

    def action_copy_share(self) -> None:
        line = self.result.share_line
        if line is None:
            return
        self.app.copy_to_clipboard(line)
        self.notify("Share line copied to the clipboard (where the terminal allows).", markup=False)

    def action_play_again(self) -> None:
        self.post_message(PlayAgain(self.result.settings))

    def action_scores(self) -> None:
        record = self.result.record
        self.post_message(ShowScores(record.mode, record.tier))

    def action_menu(self) -> None:
        self.post_message(BackToMenu())
