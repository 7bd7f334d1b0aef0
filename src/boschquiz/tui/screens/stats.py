"""Stats: accuracy per category and per show, recent scores as a sparkline, streak records."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Header, Sparkline, Static

from boschquiz.core.numbers import points
from boschquiz.game.modes import MODES
from boschquiz.tui.labels import SHOW_NAMES
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter

if TYPE_CHECKING:
    from boschquiz.store import GroupStats, ScoreRow, StreakRecords

RECENT_GAMES = 20
BAR_CELLS = 10


class StatsLoaded(Message):
    def __init__(
        self,
        player: str,
        groups: list[GroupStats],
        recent: list[ScoreRow],
        streaks: StreakRecords,
    ) -> None:
        super().__init__()
        self.player, self.groups, self.recent, self.streaks = player, groups, recent, streaks


class StatsFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


def accuracy_bar(accuracy: float | None) -> Text:
    if accuracy is None:
        return Text("not played yet", style="dim")
    filled = round(accuracy * BAR_CELLS)
    return Text.assemble(
        ("█" * filled, "bold"), ("░" * (BAR_CELLS - filled), "dim"), f" {accuracy:>4.0%}"
    )


class StatsScreen(QuizScreen[None]):
    CSS_PATH = "tables.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="stats-back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="stats-top"):
            with Vertical(id="stats-streaks"):
                yield Static(Content("Streaks"), classes="section-title")
                yield Static(Content("loading…"), id="stats-streak-text")
            with Vertical(id="stats-recent"):
                yield Static(Content("Recent scores"), classes="section-title")
                yield Sparkline([], id="stats-sparkline")
                yield Static(id="stats-recent-text")
        table: DataTable[Text] = DataTable(id="stats-table", cursor_type="row")
        yield table
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#stats-table", DataTable)
        table.add_column("", width=8, key="kind")
        table.add_column("Category / show", width=22, key="name")
        table.add_column("Seen", width=5, key="seen")
        table.add_column("Right", width=5, key="right")
        table.add_column("Wrong", width=5, key="wrong")
        table.add_column("Accuracy", width=16, key="accuracy")
        table.focus()
        self._read_stats()

    @work(thread=True, exclusive=True, exit_on_error=False, group="stats")
    def _read_stats(self) -> None:
        quiz = self.quiz
        store, player = quiz.store, quiz.player
        if store is None or player is None:
            self.post_message(StatsFailed(quiz.store_error or "no player signed in"))
            return
        questions = quiz.bank.bank.by_id() if quiz.bank is not None else {}
        try:
            groups = store.question_groups(player, questions)
            recent = store.recent_scores(player, RECENT_GAMES)
            streaks = store.streak_records(player)
        except Exception as exc:
            self.post_message(StatsFailed(str(exc) or type(exc).__name__))
            return
        self.post_message(StatsLoaded(player, groups, recent, streaks))

    def on_stats_failed(self, message: StatsFailed) -> None:
        self.query_one("#stats-streak-text", Static).update(
            Content.from_markup("[$error]Stats unavailable: $why", why=message.reason)
        )

    def on_stats_loaded(self, message: StatsLoaded) -> None:
        streaks = message.streaks
        self.query_one("#stats-streak-text", Static).update(
            Content.from_markup(
                "best in a game  [b]$game[/b]\ndaily run now   [b]$daily[/b]\n"
                "best daily run  [b]$best[/b]",
                game=str(streaks.best_game_streak),
                daily=str(streaks.daily_streak),
                best=str(streaks.best_daily_streak),
            )
        )
        scores = [row.score for row in reversed(message.recent) if MODES[row.mode].scores_points]
        # Practice scores nothing: its games are not zeros among the recent scores.
        self.query_one("#stats-sparkline", Sparkline).data = scores
        recent = self.query_one("#stats-recent-text", Static)
        if scores:
            recent.update(
                Content.from_markup(
                    "[dim]last $n · best $best · latest $last",
                    n="game" if len(scores) == 1 else f"{len(scores)} games",
                    best=points(max(scores)),
                    last=points(scores[-1]),
                )
            )
        else:
            recent.update(Content("No games yet."))
        table: DataTable[Text] = self.query_one("#stats-table", DataTable)
        table.clear()
        for group in message.groups:
            name = group.name
            if group.kind == "show":
                name = next((label for s, label in SHOW_NAMES.items() if s.value == name), name)
            table.add_row(
                Text(group.kind, style="dim"),
                Text(name),
                Text(str(group.seen), justify="right"),
                Text(str(group.right), justify="right"),
                Text(str(group.wrong), justify="right"),
                accuracy_bar(group.accuracy),
            )
