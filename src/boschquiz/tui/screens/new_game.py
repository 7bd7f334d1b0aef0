"""New game: mode, tier, what to draw from, how many, steady scoring; shows how many match."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import (
    Button,
    Header,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    Switch,
)
from textual.widgets.selection_list import Selection

from boschquiz.core.model import GENERATED_PACK_ID, GENERATED_PACK_TITLE, Difficulty, Mode, Show
from boschquiz.game.modes import MODES
from boschquiz.game.selection import matching
from boschquiz.game.settings import GameSettings
from boschquiz.tui.labels import SHOW_NAMES
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter

MODE_CHOICES: tuple[tuple[str, Mode], ...] = tuple(
    (rules.choice_label, mode) for mode, rules in MODES.items() if rules.choice_label is not None
)
TIERS: tuple[tuple[str, Difficulty], ...] = (
    ("Easy", Difficulty.EASY),
    ("Medium", Difficulty.MEDIUM),
    ("Hard", Difficulty.HARD),
)
MAX_QUESTIONS = 50
_T = TypeVar("_T")


class NewGameScreen(QuizScreen[GameSettings | None]):
    """Dismissed with the chosen settings (the flow starts the game), or None on Esc."""

    CSS_PATH = "new_game.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f5", "start", "Start", id="new-game-start"),
        Binding("escape", "back", "Back", id="new-game-back"),
    ]

    def compose(self) -> ComposeResult:
        last = self.quiz.player_settings.get("last_game", {})
        last = last if isinstance(last, dict) else {}
        mode = _pick(last.get("mode"), [m for _, m in MODE_CHOICES], Mode.CLASSIC)
        tier = _pick(last.get("tier"), [t for _, t in TIERS], Difficulty.MEDIUM)
        count = last.get("questions")
        count = count if isinstance(count, int) and 1 <= count <= MAX_QUESTIONS else None
        yield Header()
        with Vertical(id="new-game-body"):
            with Horizontal(classes="form-row"):
                yield Label("Mode", classes="form-label")
                yield Select(MODE_CHOICES, value=mode, allow_blank=False, id="new-game-mode")
                yield Label("Tier", classes="form-label")
                yield Select(TIERS, value=tier, allow_blank=False, id="new-game-tier")
            with Horizontal(classes="form-row"):
                yield Label("Questions", classes="form-label")
                yield Input(
                    str(count or MODES[mode].questions),
                    type="integer",
                    max_length=2,
                    id="new-game-count",
                )
                yield Label("Steady", classes="form-label")
                yield Switch(value=bool(last.get("steady", False)), id="new-game-steady")
                yield Static(Content("no speed points"), classes="form-note")
            with Horizontal(id="new-game-filters"):
                yield SelectionList[str](id="new-game-packs")
                yield SelectionList[str](id="new-game-shows")
                yield SelectionList[str](id="new-game-categories")
            with Horizontal(id="new-game-footer"):
                yield Static(id="new-game-matching")
                yield Button(
                    Content("Start ▶"), variant="primary", compact=True, id="new-game-start"
                )
        yield QuizFooter()

    def on_mount(self) -> None:
        for name in ("packs", "shows", "categories"):
            widget = self.query_one(f"#new-game-{name}", SelectionList)
            widget.border_title = name.capitalize()
            widget.border_subtitle = "none ticked: all"
        self.quiz.bank_changed.subscribe(self, lambda _: self._fill_filters())
        self._fill_filters()
        self.query_one("#new-game-mode", Select).focus()

    def _fill_filters(self) -> None:
        load = self.quiz.bank
        if load is None:
            self._show_matching()
            return
        questions = load.bank.questions
        last = self.quiz.player_settings.get("last_game", {})
        last = last if isinstance(last, dict) else {}
        packs = sorted({q.pack for q in questions})
        titles = {p.pack.id: p.pack.info.title for p in load.packs if p.pack is not None}
        titles[GENERATED_PACK_ID] = GENERATED_PACK_TITLE
        shows = [s for s in Show if any(q.show is s for q in questions)]
        categories = sorted({q.category for q in questions if q.category}, key=str.casefold)
        self._fill(
            "#new-game-packs",
            [(titles.get(p, p), p) for p in packs],
            last.get("packs"),
        )
        self._fill("#new-game-shows", [(SHOW_NAMES[s], s.value) for s in shows], last.get("shows"))
        self._fill("#new-game-categories", [(c, c) for c in categories], last.get("categories"))
        self._show_matching()

    def _fill(self, selector: str, items: list[tuple[str, str]], chosen: object) -> None:
        picked = set(chosen) if isinstance(chosen, list) else set()
        widget: SelectionList[str] = self.query_one(selector, SelectionList)
        widget.clear_options()
        widget.add_options(
            [Selection(Content(label), value, value in picked) for label, value in items]
        )
        if items:
            widget.highlighted = 0

    def settings(self) -> GameSettings:
        """The game these choices describe (the filters empty when nothing is ticked)."""
        mode = self.query_one("#new-game-mode", Select).value
        tier = self.query_one("#new-game-tier", Select).value
        count_text = self.query_one("#new-game-count", Input).value
        chosen_mode = mode if isinstance(mode, Mode) else Mode.CLASSIC
        rules = MODES[chosen_mode]
        count = int(count_text) if count_text.strip().isdigit() else rules.questions
        count = min(max(count, 1), MAX_QUESTIONS)
        packs: SelectionList[str] = self.query_one("#new-game-packs", SelectionList)
        shows: SelectionList[str] = self.query_one("#new-game-shows", SelectionList)
        categories: SelectionList[str] = self.query_one("#new-game-categories", SelectionList)
        return GameSettings(
            mode=chosen_mode,
            tier=tier if isinstance(tier, Difficulty) else Difficulty.MEDIUM,
            questions=count if rules.player_sets_count else None,
            steady=self.query_one("#new-game-steady", Switch).value,
            player=self.quiz.player or "player",
            packs=tuple(packs.selected),
            shows=tuple(Show(s) for s in shows.selected),
            categories=tuple(categories.selected),
            seed=self.quiz.services.seed,
        )

    def _matching_count(self) -> int | None:
        load = self.quiz.bank
        if load is None:
            return None
        return len(matching(load.bank.questions, self.settings()))

    def _show_matching(self) -> None:
        count = self._matching_count()
        settings = self.settings()
        counted = MODES[settings.mode].player_sets_count
        self.query_one("#new-game-count", Input).disabled = not counted
        self.query_one("#new-game-start", Button).disabled = not count
        label = self.query_one("#new-game-matching", Static)
        if count is None:
            label.update(Content("loading questions…"))
        elif count == 0:
            label.update(Content.from_markup("[$error]No question matches these filters."))
        else:
            wanted = settings.questions
            short = wanted is not None and count < wanted
            label.update(
                Content.from_markup(
                    "[b]$count[/b] $matches$note",
                    count=str(count),
                    matches="question matches" if count == 1 else "questions match",
                    note=f" (fewer than {wanted}: all will be played)" if short else "",
                )
            )
        self.refresh_bindings()

    @on(Select.Changed)
    @on(Switch.Changed)
    @on(Input.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        self._show_matching()

    @on(Input.Submitted, "#new-game-count")
    @on(Button.Pressed, "#new-game-start")
    def _submitted(self) -> None:
        self.action_start()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return True if self._matching_count() else None
        return True

    def action_start(self) -> None:
        if not self._matching_count():
            return
        settings = self.settings()
        self.quiz.remember(
            last_game={
                "mode": settings.mode.value,
                "tier": settings.tier.value,
                "questions": settings.questions,
                "steady": settings.steady,
                "packs": list(settings.packs),
                "shows": [s.value for s in settings.shows],
                "categories": list(settings.categories),
            }
        )
        self.dismiss(settings)

    def action_back(self) -> None:
        self.dismiss(None)


def _pick(value: object, options: list[_T], default: _T) -> _T:
    for option in options:
        if option == value:
            return option
    return default
