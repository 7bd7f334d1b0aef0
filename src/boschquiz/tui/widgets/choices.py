"""The answer choices: keys 1-6 or A-F, arrows and Enter, or the mouse."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

KEY_LETTERS = "ABCDEF"


def choice_label(index: int, text: str, *, struck: bool = False) -> Content:
    """`1 A  text`, with the pack's text kept literal."""
    key = Content.from_markup(
        "[b]$n[/b] [dim]$letter[/dim]  ", n=str(index + 1), letter=KEY_LETTERS[index]
    )
    body = Content(text)
    if struck:
        body = body.stylize("strike dim")
    return key + body


class ChoiceList(OptionList):
    """An option list of one question's choices; removed choices (50:50) are disabled.

    A new question starts with nothing highlighted, so an Enter meant for the feedback before
    it cannot answer it: ↑ / ↓ pick a choice first (or a number or letter key answers)."""

    def set_choices(self, choices: tuple[str, ...], removed: frozenset[str] = frozenset()) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(
            Option(
                choice_label(i, text, struck=text in removed),
                id=f"choice-{i}",
                disabled=text in removed,
            )
            for i, text in enumerate(choices)
        )
        if highlighted is not None and (
            highlighted >= len(choices) or choices[highlighted] in removed
        ):
            highlighted = None
        self.highlighted = highlighted
