"""High scores: one table per mode and tier (daily: today's), the player's own rows marked."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Header, Static, Tab, Tabs

from boschquiz.core.model import Difficulty, Mode
from boschquiz.core.numbers import points
from boschquiz.game.modes import MODES
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter

if TYPE_CHECKING:
    from boschquiz.store import ScoreRow

SCORED_MODES: tuple[tuple[Mode, str], ...] = tuple(
    (mode, rules.table_label) for mode, rules in MODES.items() if rules.table_label is not None
)
TIER_TABS: tuple[tuple[Difficulty, str], ...] = (
    (Difficulty.EASY, "Easy"),
    (Difficulty.MEDIUM, "Medium"),
    (Difficulty.HARD, "Hard"),
)
TABLE_ROWS = 10


class ScoresLoaded(Message):
    def __init__(
        self, mode: Mode, tier: Difficulty, rows: list[ScoreRow] | None, error: str | None
    ) -> None:
        super().__init__()
        self.mode, self.tier, self.rows, self.error = mode, tier, rows, error


class ScoresScreen(QuizScreen[None]):
    CSS_PATH = "tables.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,[", "cycle_mode(-1)", "Mode", id="scores-prev-mode", show=False),
        Binding("right,]", "cycle_mode(1)", "Mode", id="scores-next-mode", key_display="← →"),
        Binding("e", "tier('easy')", "Easy", id="scores-easy"),
        Binding("m", "tier('medium')", "Medium", id="scores-medium"),
        Binding("h", "tier('hard')", "Hard", id="scores-hard"),
        Binding("escape,q", "app.pop_screen", "Back", id="scores-back"),
    ]

    def __init__(self, mode: Mode = Mode.CLASSIC, tier: Difficulty = Difficulty.MEDIUM) -> None:
        super().__init__()
        self.mode: Mode = mode if mode is not Mode.PRACTICE else Mode.CLASSIC
        self.tier = tier

    def compose(self) -> ComposeResult:
        yield Header()
        yield Tabs(
            *(Tab(label, id=f"mode-{mode.value}") for mode, label in SCORED_MODES),
            active=f"mode-{self.mode.value}",
            id="scores-modes",
        )
        yield Tabs(
            *(Tab(label, id=f"tier-{tier.value}") for tier, label in TIER_TABS),
            active=f"tier-{self.tier.value}",
            id="scores-tiers",
        )
        table: DataTable[Text] = DataTable(id="scores-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="scores-note")
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        table: DataTable[Text] = self.query_one("#scores-table", DataTable)
        table.add_column("#", width=4, key="rank")
        table.add_column("Player", width=32, key="player")
        table.add_column("Score", width=8, key="score")
        table.add_column("Right", width=5, key="right")
        table.add_column("Streak", width=6, key="streak")
        table.add_column("Date", width=10, key="date")
        self.quiz.store_changed.subscribe(self, lambda _: self._load())
        table.focus()
        self._load()

    @on(Tabs.TabActivated, "#scores-modes")
    def _mode_tab(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab.id:
            self.mode = Mode(event.tab.id.removeprefix("mode-"))
            self._load()

    @on(Tabs.TabActivated, "#scores-tiers")
    def _tier_tab(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab.id:
            self.tier = Difficulty(event.tab.id.removeprefix("tier-"))
            self._load()

    def action_cycle_mode(self, step: int) -> None:
        modes = [mode for mode, _ in SCORED_MODES]
        self.mode = modes[(modes.index(self.mode) + step) % len(modes)]
        self.query_one("#scores-modes", Tabs).active = f"mode-{self.mode.value}"

    def action_tier(self, tier: str) -> None:
        self.query_one("#scores-tiers", Tabs).active = f"tier-{tier}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "tier" and self.mode is Mode.DAILY:
            return None
        return True

    def _load(self) -> None:
        self.query_one("#scores-tiers", Tabs).display = self.mode is not Mode.DAILY
        self.refresh_bindings()
        self._read_scores(self.mode, self.tier)

    @work(thread=True, exclusive=True, exit_on_error=False, group="scores")
    def _read_scores(self, mode: Mode, tier: Difficulty) -> None:
        store = self.quiz.store
        if store is None:
            self.post_message(ScoresLoaded(mode, tier, None, self.quiz.store_error))
            return
        try:
            if mode is Mode.DAILY:
                today = self.quiz.services.clock.now().date().isoformat()
                rows = store.top_scores(mode, Difficulty.MEDIUM, limit=TABLE_ROWS, daily_date=today)
            else:
                rows = store.top_scores(mode, tier, limit=TABLE_ROWS)
        except Exception as exc:
            self.post_message(ScoresLoaded(mode, tier, None, str(exc) or type(exc).__name__))
            return
        self.post_message(ScoresLoaded(mode, tier, rows, None))

    def on_scores_loaded(self, message: ScoresLoaded) -> None:
        if message.mode is not self.mode or (
            message.mode is not Mode.DAILY and message.tier is not self.tier
        ):
            return
        table: DataTable[Text] = self.query_one("#scores-table", DataTable)
        note = self.query_one("#scores-note", Static)
        table.clear()
        if message.rows is None:
            note.update(
                Content.from_markup("[$error]Scores unavailable: $why", why=message.error or "")
            )
            return
        me = self.quiz.player
        for row in message.rows:
            mine = row.player == me
            style = "bold" if mine else ""
            table.add_row(
                Text(("▶ " if mine else "") + str(row.rank), style=style, justify="right"),
                Text(row.player, style=style),
                Text(
                    f"{points(row.score)}{'≈' if row.steady else ' '}", style=style, justify="right"
                ),
                Text(f"{row.correct}/{row.answered}", justify="right"),
                Text(str(row.best_streak), justify="right"),
                Text(_short_date(row.date)),
            )
        if message.rows:
            note.update(
                Content.from_markup("[dim]▶ your games   ≈ steady scoring (no speed points)")
            )
        else:
            note.update(Content("No games in this table yet: be the first."))


def _short_date(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d")
    except ValueError:
        return stamp[:10]
