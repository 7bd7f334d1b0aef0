"""Rules, scoring and keys, on one scrollable page."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from boschquiz.game.modes import MODES
from boschquiz.tui.widgets.footer import QuizFooter


def _modes() -> str:
    """The Modes section, from the mode table (each summary wrapped under its name)."""
    lines = []
    for rules in MODES.values():
        words = rules.summary.split()
        line, first = "", True
        for word in words:
            if line and len(line) + 1 + len(word) > 58:
                lines.append(_mode_line(rules.label if first else "", line))
                line, first = word, False
            else:
                line = f"{line} {word}" if line else word
        lines.append(_mode_line(rules.label if first else "", line))
    return "\n".join(lines)


def _mode_line(label: str, text: str) -> str:
    name = f"[b]{label}[/b]" + " " * (10 - len(label)) if label else " " * 10
    return name + text


SECTIONS: tuple[tuple[str, str], ...] = (
    ("Modes", _modes()),
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
        "Spoilers",
        "No question, choice or explanation reveals anything past how far you have "
        "watched. A new player is asked once, right after signing in (Esc skips: every "
        "season). New game shows it; [b]w[/b] there changes it. Book spoilers (the "
        "novels' story) stay off unless you switch them on. The daily spoils nothing.",
    ),
    (
        "Keys",
        "[b]1-6[/b] or [b]A-F[/b]   answer (capitals too)\n"
        "[b]↑ ↓ Enter[/b]   choose and answer: a new question starts with nothing\n"
        "            chosen, so a second Enter after the feedback does nothing\n"
        "[b]Enter[/b]       continue after the feedback\n"
        "[b]r[/b]           on the feedback: report the question (wrong, unclear,\n"
        "            too easy, too hard), with a note for its author if you like\n"
        "[b]F5[/b] 50:50   [b]F6[/b] skip   [b]F7[/b] +15 s   [b]F8[/b] walk away (ladder)\n"
        "[b]Esc[/b]         back; leaving a game asks first (the daily is then\n"
        "            scored on what you answered: it counts from its first question)\n"
        "[b]Ctrl+P[/b]      command palette, also to change the theme\n"
        "[b]Ctrl+Q[/b] or [b]Ctrl+C[/b]   quit (asks first mid-game)",
    ),
    (
        "The clock",
        "Ranked games never stop the clock: help, the command palette and dialogs "
        "open over a running question, and a time-out there shows when you come back. "
        "In a custom game (a chosen seed, filters, another length) and in review they "
        "hold the clock. Practice has no clock.",
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
