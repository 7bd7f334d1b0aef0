"""High scores: one table per mode and tier (daily: today's), the player's own rows marked.

Like `boschquiz scores`, the table lists ranked games; `a` adds the custom ones (a chosen seed,
a filter, another length, `--pack`), like `scores --all`, after the ranked rows and ranked
among themselves, marked "custom" with their reasons under the table when highlighted. Games
recorded before the ranking rules keep their place and are marked "before rules" (the
`recorded_before_rules` of `scores --all --json`)."""

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
from boschquiz.tui.cells import NAME_CELLS, player_name
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
PLAYER_WIDTH = NAME_CELLS
"""The player column's width; a longer or wider name ends in "…"."""
STANDING_WIDTH = 12


class ScoresLoaded(Message):
    def __init__(
        self,
        mode: Mode,
        tier: Difficulty,
        rows: list[ScoreRow] | None,
        error: str | None,
        custom: list[ScoreRow] | None = None,
    ) -> None:
        super().__init__()
        self.mode, self.tier, self.rows, self.error = mode, tier, rows, error
        self.custom: list[ScoreRow] = custom or []
        """The table's custom (not ranked) games, shown with `a`."""


def player_width(with_standing: bool) -> int:
    """The player column's width: narrower when the Standing column shares its room."""
    return PLAYER_WIDTH - (STANDING_WIDTH + 2) * with_standing


def standing(row: ScoreRow) -> str:
    """A row's mark in the Standing column: custom, recorded before the rules, or none."""
    if not row.ranked:
        return "custom"
    return "before rules" if row.before_rules else ""


class ScoresScreen(QuizScreen[None]):
    CSS_PATH = "tables.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,[", "cycle_mode(-1)", "Mode", id="scores-prev-mode", show=False),
        Binding("right,]", "cycle_mode(1)", "Mode", id="scores-next-mode", key_display="← →"),
        Binding("e", "tier('easy')", "Easy", id="scores-easy"),
        Binding("m", "tier('medium')", "Medium", id="scores-medium"),
        Binding("h", "tier('hard')", "Hard", id="scores-hard"),
        Binding("a", "show_all(True)", "All games", id="scores-all"),
        Binding("a", "show_all(False)", "Ranked only", id="scores-ranked"),
        Binding("escape,q", "app.pop_screen", "Back", id="scores-back"),
    ]

    def __init__(self, mode: Mode = Mode.CLASSIC, tier: Difficulty = Difficulty.MEDIUM) -> None:
        super().__init__()
        self.mode: Mode = mode if MODES[mode].table_label is not None else Mode.CLASSIC
        self.tier = tier
        self.show_all = False
        """`a`: the custom games too (`scores --all`)."""
        self._loaded: ScoresLoaded | None = None

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
        self._add_columns(table, standing=False)
        self.quiz.store_changed.subscribe(self, lambda _: self._load())
        table.focus()
        self._load()

    def _add_columns(self, table: DataTable[Text], *, standing: bool) -> None:
        """The table's columns; the Standing column only when a row shown has a mark (the
        player's name then gives it room). Standing comes right after the name, so at 60
        columns the mark and the score stay in view and only Streak and Date scroll."""
        table.clear(columns=True)
        table.add_column("#", width=4, key="rank")
        table.add_column("Player", width=player_width(standing), key="player")
        if standing:
            table.add_column("Standing", width=STANDING_WIDTH, key="standing")
        table.add_column("Score", width=8, key="score")
        table.add_column("Right", width=5, key="right")
        table.add_column("Streak", width=6, key="streak")
        table.add_column("Date", width=10, key="date")

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

    def action_show_all(self, show: bool) -> None:
        self.show_all = show
        self.refresh_bindings()
        if self._loaded is not None:
            self._show(self._loaded)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "tier" and self.mode is Mode.DAILY:
            return None
        if action == "show_all":
            return parameters[0] is not self.show_all
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
            daily_date: str | None = None
            if mode is Mode.DAILY:
                tier, daily_date = (
                    Difficulty.MEDIUM,
                    self.quiz.services.clock.now().date().isoformat(),
                )
            rows, custom = (
                store.top_scores(
                    mode, tier, limit=TABLE_ROWS, daily_date=daily_date, custom=is_custom
                )
                for is_custom in (False, True)
            )
        except Exception as exc:
            self.post_message(ScoresLoaded(mode, tier, None, str(exc) or type(exc).__name__))
            return
        self.post_message(ScoresLoaded(mode, tier, rows, None, custom))

    def on_scores_loaded(self, message: ScoresLoaded) -> None:
        if message.mode is not self.mode or (
            message.mode is not Mode.DAILY and message.tier is not self.tier
        ):
            return
        self._loaded = message
        self._show(message)

    def _shown_rows(self, message: ScoresLoaded) -> list[ScoreRow]:
        rows = list(message.rows or [])
        return rows + message.custom if self.show_all else rows

    def _show(self, message: ScoresLoaded) -> None:
        table: DataTable[Text] = self.query_one("#scores-table", DataTable)
        table.clear()
        if message.rows is None:
            self.query_one("#scores-note", Static).update(
                Content.from_markup("[$error]Scores unavailable: $why", why=message.error or "")
            )
            return
        me = self.quiz.player
        rows = self._shown_rows(message)
        marked = any(standing(row) for row in rows)
        self._add_columns(table, standing=marked)
        for row in rows:
            mine = row.player == me
            style = "bold" if mine else ""
            cells = [
                Text(("▶ " if mine else "") + str(row.rank), style=style, justify="right"),
                Text(player_name(row.player, player_width(marked)), style=style),
            ]
            if marked:
                cells.append(Text(standing(row), style="dim" if row.ranked else "italic"))
            cells += [
                Text(
                    f"{points(row.score)}{'≈' if row.steady else ' '}", style=style, justify="right"
                ),
                Text(f"{row.correct}/{row.answered}", justify="right"),
                Text(str(row.best_streak), justify="right"),
                Text(_short_date(row.date)),
            ]
            table.add_row(*cells)
        self._show_note()

    def _show_note(self) -> None:
        """Under the table: the marks' legend, a custom game's reasons when it is highlighted,
        or why the table is empty."""
        note = self.query_one("#scores-note", Static)
        message = self._loaded
        if message is None or message.rows is None:
            return
        rows = self._shown_rows(message)
        hidden = len(message.custom) if not self.show_all else 0
        more = f"a: all games ({hidden} custom) · " if hidden else ""  # first: it is cut last
        if not rows:
            also = f" · a: all games ({hidden} custom)" if hidden else ""
            note.update(Content(f"No ranked games in this table yet: be the first.{also}"))
            return
        cursor = self.query_one("#scores-table", DataTable).cursor_row
        row = rows[cursor] if 0 <= cursor < len(rows) else None
        if row is not None and not row.ranked:
            note.update(
                Content.from_markup("[dim]custom, not ranked: $why", why="; ".join(row.custom))
            )
            return
        note.update(
            Content.from_markup(
                "[dim]$more▶ your games   ≈ steady scoring (no speed points)", more=more
            )
        )

    @on(DataTable.RowHighlighted, "#scores-table")
    def _row_highlighted(self) -> None:
        self._show_note()


def _short_date(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d")
    except ValueError:
        return stamp[:10]
