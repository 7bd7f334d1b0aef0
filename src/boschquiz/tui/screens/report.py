"""Report the question just answered: a reason (wrong, unclear, too easy, too hard) and an
optional note, in a small modal over the feedback screen. Saving is the flow's (a worker)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from boschquiz.core.model import Question
from boschquiz.game.reports import MAX_NOTE, ReportReason
from boschquiz.tui.widgets.footer import QuizFooter

Chosen = tuple[ReportReason, str | None]
"""The reason picked and the note typed (None: no note)."""


class ReportScreen(ModalScreen[Chosen | None]):
    CSS_PATH = "report.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "Send", id="report-send", priority=True),
        Binding("escape", "cancel", "Cancel", id="report-cancel"),
    ]

    def __init__(self, question: Question) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="report-box", classes="dialog"):
            yield Static(Content("Report this question"), classes="dialog-title")
            yield Static(Content(self._question.prompt), id="report-prompt")
            yield OptionList(
                *(
                    Option(Content(reason.label.capitalize()), id=reason.value)
                    for reason in ReportReason
                ),
                id="report-reasons",
            )
            yield Static(
                Content("A note for the pack's author (optional; Enter sends):"), classes="hint"
            )
            yield Input(
                placeholder="what is wrong or unclear", max_length=MAX_NOTE, id="report-note"
            )
        yield QuizFooter(compact=True)

    def on_mount(self) -> None:
        reasons = self.query_one("#report-reasons", OptionList)
        reasons.highlighted = 0
        reasons.focus()

    @property
    def reason(self) -> ReportReason:
        highlighted = self.query_one("#report-reasons", OptionList).highlighted
        return list(ReportReason)[highlighted or 0]

    @on(OptionList.OptionSelected, "#report-reasons")
    def _picked(self, _: OptionList.OptionSelected) -> None:
        self.query_one("#report-note", Input).focus()

    @on(Input.Submitted, "#report-note")
    def _typed(self, _: Input.Submitted) -> None:
        self.action_send()

    def action_send(self) -> None:
        note = self.query_one("#report-note", Input).value
        self.dismiss((self.reason, note or None))

    def action_cancel(self) -> None:
        self.dismiss(None)
