"""Rules, scoring and keys, on one scrollable page."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from boschquiz.tui.widgets.footer import QuizFooter

SECTIONS: tuple[tuple[str, str], ...] = (
    (
        "Modes",
        "[b]Classic[/b]   ten questions at one tier\n"
        "[b]Blitz[/b]     one 60-second clock: answer as many as you can;\n"
        "          a wrong answer costs time\n"
        "[b]Ladder[/b]    fifteen rungs of rising difficulty; safe havens at 5\n"
        "          and 10 keep what you banked; walk away at any time;\n"
        "          lifelines once each: 50:50, skip, +15 s\n"
        "[b]Daily[/b]     the same ten for everyone today, one scored try\n"
        "[b]Review[/b]    the questions you missed, until you know them\n"
        "[b]Practice[/b]  no clock, no high score, every explanation shown",
    ),
    (
        "Tiers",
        "[b]Easy[/b] 30 s a question, three choices, x1 points\n"
        "[b]Medium[/b] 20 s, x1.5   [b]Hard[/b] 12 s, x2\n"
        "Long questions get extra seconds to read; a question's own limit wins.",
    ),
    (
        "Scoring",
        "A right answer earns 1000 points times the tier multiplier, less up to "
        "half for the time you took: answer at once for everything, at the buzzer "
        "for half. [b]Steady[/b] scoring turns the speed part off (every right "
        "answer earns three quarters) and is recorded with the score. "
        "[b]Streak[/b]: +100 for each right answer in a row after the first, up "
        "to +500; a wrong answer or a time-out resets it. Three in a row and the "
        "flame lights.",
    ),
    (
        "Keys",
        "[b]1-4[/b] or [b]A-D[/b]   answer        [b]↑ ↓ Enter[/b]  choose and answer\n"
        "[b]Enter[/b]       continue after the feedback\n"
        "[b]space[/b]       pause (hides the question and stops the clock)\n"
        "[b]5[/b] 50:50   [b]s[/b] skip   [b]+[/b] +15 s   [b]w[/b] walk away (ladder)\n"
        "[b]Esc[/b]         back; leaving a game asks first\n"
        "[b]Ctrl+P[/b]      command palette, also to change the theme\n"
        "[b]Ctrl+Q[/b]      quit",
    ),
)


class HelpScreen(Screen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,h", "app.pop_screen", "Back", id="help-back")
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            for title, body in SECTIONS:
                yield Static(Content(title), classes="section-title")
                yield Static(Content.from_markup(body), classes="help-text")
        yield QuizFooter()
