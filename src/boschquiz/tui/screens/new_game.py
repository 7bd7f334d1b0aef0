"""New game: mode, tier, what to draw from, how many, steady scoring, the ladder's "final
answer?" lock-in (saved with the player's settings); shows how many match, and how far the
player has watched (the spoiler horizon: `w` changes it).

Every number shown here (a tier's seconds, choices and multiplier; steady's share of the
points; a mode's length) is read from its one table (`game.tiers`, `game.modes`,
`game.scoring`), never written out again.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from boschquiz.core.model import Difficulty, Mode, Show
from boschquiz.core.numbers import points
from boschquiz.core.spoilers import Horizon
from boschquiz.game import ladder
from boschquiz.game.modes import MODES
from boschquiz.game.scoring import STEADY_FACTOR
from boschquiz.game.selection import matching
from boschquiz.game.settings import GameSettings
from boschquiz.game.tiers import TIERS, TierRules
from boschquiz.tui.labels import SHOW_NAMES
from boschquiz.tui.messages import EditHorizon
from boschquiz.tui.screens.base import QuizScreen
from boschquiz.tui.widgets.footer import QuizFooter
from boschquiz.tui.widgets.toggles import FilterList, MarkedCheckbox

MODE_CHOICES: tuple[tuple[str, Mode], ...] = tuple(
    (rules.choice_label, mode) for mode, rules in MODES.items() if rules.choice_label is not None
)
MAX_QUESTIONS = 50
FILTERS: tuple[tuple[str, str], ...] = (
    ("packs", "Packs"),
    ("shows", "Shows"),
    ("categories", "Categories"),
)
"""Each filter list: its id suffix and its title."""
_T = TypeVar("_T")


def tier_label(rules: TierRules) -> str:
    """A tier as the list offers it: "Easy · 30 s · 3 choices · ×1"."""
    choices = f"{rules.choices_shown} choices" if rules.choices_shown else "all choices"
    name = rules.tier.value.capitalize()
    return f"{name} · {rules.seconds} s · {choices} · ×{rules.multiplier:g}"


TIER_CHOICES: tuple[tuple[str, Difficulty], ...] = tuple(
    (tier_label(rules), tier) for tier, rules in TIERS.items()
)


def tier_note(rules: TierRules) -> str:
    """The chosen tier in a sentence, under the list."""
    choices = (
        f"{rules.choices_shown} choices shown" if rules.choices_shown else "every choice shown"
    )
    return (
        f"{rules.seconds} seconds a question (more for a long one), {choices},"
        f" points ×{rules.multiplier:g}"
    )


def steady_label(on: bool) -> str:
    """The steady box's words: its state in letters, readable with no colour at all."""
    return "Steady: on" if on else "Steady: off"


def lock_in_label(on: bool) -> str:
    """The ladder's "final answer?" box: its state in letters."""
    return "Final answer?: on" if on else "Final answer?: off"


def lock_in_note(on: bool) -> str:
    first = ladder.LOCK_IN_FROM
    if on:
        return f'Rungs {first}-{ladder.RUNGS}: "is that your final answer?" before it counts.'
    return (
        f'Answers count at once; tick to be asked "final answer?" on rungs {first}-{ladder.RUNGS}.'
    )


def steady_note(on: bool) -> str:
    if on:
        return f"No speed points: a right answer earns {STEADY_FACTOR:.0%}, however fast."
    return "Faster right answers earn more; tick for no speed points."


class NewGameScreen(QuizScreen[GameSettings | None]):
    """Dismissed with the chosen settings (the flow starts the game), or None on Esc."""

    CSS_PATH = "new_game.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f5", "start", "Start", id="new-game-start"),
        # priority: the count box takes digits only, so `w` changes the horizon from there too.
        Binding("w", "watched", "Watched", id="new-game-watched", priority=True),
        Binding("escape", "back", "Back", id="new-game-back"),
    ]

    def compose(self) -> ComposeResult:
        last = self._last_game()
        mode = _pick(last.get("mode"), [m for _, m in MODE_CHOICES], Mode.CLASSIC)
        tier = _pick(last.get("tier"), list(TIERS), Difficulty.MEDIUM)
        count = last.get("questions")
        count = count if isinstance(count, int) and 1 <= count <= MAX_QUESTIONS else None
        steady = bool(last.get("steady", False))
        yield Header()
        with VerticalScroll(id="new-game-body"):
            with Horizontal(classes="form-row"):
                yield Label("Mode", classes="form-label")
                yield Select(
                    MODE_CHOICES, value=mode, allow_blank=False, compact=True, id="new-game-mode"
                )
                with Horizontal(id="new-game-count-group"):
                    yield Label("Questions", classes="form-label")
                    yield Input(
                        str(count or MODES[mode].questions),
                        type="integer",
                        max_length=2,
                        compact=True,
                        id="new-game-count",
                    )
            yield Static(id="new-game-mode-note", classes="form-note")
            with Horizontal(classes="form-row"):
                yield Label("Tier", classes="form-label")
                yield Select(
                    TIER_CHOICES, value=tier, allow_blank=False, compact=True, id="new-game-tier"
                )
            yield Static(
                Content(tier_note(TIERS[tier])), id="new-game-tier-note", classes="form-note"
            )
            with Horizontal(classes="form-row"):
                yield Label("Scoring", classes="form-label")
                yield MarkedCheckbox(
                    steady_label(steady), steady, compact=True, id="new-game-steady"
                )
            yield Static(
                Content(steady_note(steady)), id="new-game-steady-note", classes="form-note"
            )
            lock_in = self.quiz.player_settings.get("final_answer") is True
            with Horizontal(classes="form-row", id="new-game-lock-in-row"):
                yield Label("Lock-in", classes="form-label")
                yield MarkedCheckbox(
                    lock_in_label(lock_in), lock_in, compact=True, id="new-game-final-answer"
                )
            yield Static(
                Content(lock_in_note(lock_in)), id="new-game-lock-in-note", classes="form-note"
            )
            yield Static(id="new-game-horizon")
            with Horizontal(id="new-game-filters"):
                for name, _ in FILTERS:
                    yield FilterList(id=f"new-game-{name}")
        with Horizontal(id="new-game-footer"):
            yield Static(id="new-game-matching")
            yield Button(Content("Start ▶"), variant="primary", compact=True, id="new-game-start")
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        for name, title in FILTERS:
            self._filter(name).border_title = title
        self.quiz.bank_changed.subscribe(self, lambda _: self._fill_filters())
        self.quiz.horizon_changed.subscribe(self, lambda _: self._horizon_changed())
        self._show_horizon()
        self._fill_filters()
        self.query_one("#new-game-mode", Select).focus()

    def _last_game(self) -> dict[str, object]:
        last = self.quiz.player_settings.get("last_game", {})
        return last if isinstance(last, dict) else {}

    def _filter(self, name: str) -> FilterList:
        return self.query_one(f"#new-game-{name}", FilterList)

    def _fill_filters(self) -> None:
        load = self.quiz.bank
        if load is None:
            self._show_matching()
            return
        questions = load.bank.questions
        last = self._last_game()
        shows = [s for s in Show if any(q.show is s for q in questions)]
        categories = sorted({q.category for q in questions if q.category}, key=str.casefold)
        self._fill("packs", [(p.title, p.id) for p in load.playable], last.get("packs"))
        self._fill("shows", [(SHOW_NAMES[s], s.value) for s in shows], last.get("shows"))
        self._fill("categories", [(c, c) for c in categories], last.get("categories"))
        self._show_matching()

    @property
    def horizon(self) -> Horizon:
        """How far the player has watched (saved with them; everything until they say)."""
        return self.quiz.player_horizon or Horizon.everything()

    def _show_horizon(self) -> None:
        text = Content.from_markup(
            "Spoilers: [b]$text[/b]  [dim](w to change)", text=self.horizon.describe()
        )
        self.query_one("#new-game-horizon", Static).update(text)

    def _horizon_changed(self) -> None:
        self._show_horizon()
        self._show_matching()

    def _fill(self, name: str, items: list[tuple[str, str]], chosen: object) -> None:
        """Every box ticked, unless the last game chose some of these (then only those)."""
        values = {value for _, value in items}
        picked = set(chosen) & values if isinstance(chosen, list) else set()
        widget = self._filter(name)
        widget.clear_options()
        widget.add_options(
            [
                Selection(Content(label), value, not picked or value in picked)
                for label, value in items
            ]
        )
        if items:
            widget.highlighted = 0

    def _narrowed(self, name: str) -> tuple[str, ...]:
        """The ticked values, or () when every box is ticked (the whole bank: no filter)."""
        widget = self._filter(name)
        ticked = widget.selected
        return () if len(ticked) == widget.option_count else tuple(ticked)

    def _unticked_list(self) -> str | None:
        """The title of a filter with nothing ticked (no question can match), if any."""
        for name, title in FILTERS:
            widget = self._filter(name)
            if widget.option_count and not widget.selected:
                return title
        return None

    def settings(self) -> GameSettings:
        """The game these choices describe (a filter empty when all its boxes are ticked)."""
        mode = self.query_one("#new-game-mode", Select).value
        tier = self.query_one("#new-game-tier", Select).value
        count_text = self.query_one("#new-game-count", Input).value
        chosen_mode = mode if isinstance(mode, Mode) else Mode.CLASSIC
        rules = MODES[chosen_mode]
        count = int(count_text) if count_text.strip().isdigit() else rules.questions
        count = min(max(count, 1), MAX_QUESTIONS)
        return GameSettings(
            mode=chosen_mode,
            tier=tier if isinstance(tier, Difficulty) else Difficulty.MEDIUM,
            questions=count if rules.player_sets_count else None,
            steady=self.query_one("#new-game-steady", MarkedCheckbox).value,
            player=self.quiz.player or "player",
            packs=self._narrowed("packs"),
            shows=tuple(Show(s) for s in self._narrowed("shows")),
            categories=self._narrowed("categories"),
            seed=self.quiz.services.seed,
            final_answer=chosen_mode is Mode.LADDER
            and self.query_one("#new-game-final-answer", MarkedCheckbox).value,
            horizon=self.horizon,
        )

    def _matching_count(self) -> int | None:
        load = self.quiz.bank
        if load is None:
            return None
        if self._unticked_list() is not None:
            return 0
        return len(matching(load.bank.questions, self.settings()))

    def _show_matching(self) -> None:
        count = self._matching_count()
        settings = self.settings()
        rules = MODES[settings.mode]
        self.query_one("#new-game-count-group").display = rules.player_sets_count
        for part in ("#new-game-lock-in-row", "#new-game-lock-in-note"):
            self.query_one(part).display = settings.mode is Mode.LADDER
        self.query_one("#new-game-tier-note", Static).update(
            Content(tier_note(TIERS[settings.tier]))
        )
        self.query_one("#new-game-mode-note", Static).update(
            Content(f"{rules.label}: {rules.summary}")
        )
        self.query_one("#new-game-start", Button).disabled = not count
        for name, _ in FILTERS:
            widget = self._filter(name)
            widget.border_subtitle = widget.ticked_summary()
        label = self.query_one("#new-game-matching", Static)
        empty = self._unticked_list()
        if count is None:
            label.update(Content("loading questions…"))
        elif empty is not None:
            label.update(
                Content.from_markup("[$error]Nothing ticked in $list: tick one.", list=empty)
            )
        elif count == 0:
            label.update(Content.from_markup("[$error]No question matches these filters."))
        else:
            wanted = settings.questions
            short = wanted is not None and count < wanted
            label.update(
                Content.from_markup(
                    "[b]$count[/b] $matches$note",
                    count=points(count),
                    matches="question matches" if count == 1 else "questions match",
                    note=f" (fewer than {wanted}: all will be played)" if short else "",
                )
            )
        self.refresh_bindings()

    @on(Select.Changed)
    @on(Input.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        self._show_matching()

    @on(MarkedCheckbox.Changed, "#new-game-steady")
    def _steady_changed(self, event: MarkedCheckbox.Changed) -> None:
        event.checkbox.label = steady_label(event.value)
        self.query_one("#new-game-steady-note", Static).update(Content(steady_note(event.value)))

    @on(MarkedCheckbox.Changed, "#new-game-final-answer")
    def _lock_in_changed(self, event: MarkedCheckbox.Changed) -> None:
        event.checkbox.label = lock_in_label(event.value)
        self.query_one("#new-game-lock-in-note", Static).update(Content(lock_in_note(event.value)))

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
            },
            final_answer=self.query_one("#new-game-final-answer", MarkedCheckbox).value,
        )
        self.dismiss(settings)

    def action_watched(self) -> None:
        """Change how far the player has watched: the app asks, keeps it, and tells us."""
        self.post_message(EditHorizon())

    def action_back(self) -> None:
        self.dismiss(None)


def _pick(value: object, options: list[_T], default: _T) -> _T:
    for option in options:
        if option == value:
            return option
    return default
