"""The answer choices: keys 1-4 or A-D, arrows and Enter, or the mouse."""

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
    """An option list of one question's choices; removed choices (50:50) are disabled."""

    def set_choices(self, choices: tuple[str, ...], removed: frozenset[str] = frozenset()) -> None:
        self.clear_options()
        self.add_options(
            Option(
                choice_label(i, text, struck=text in removed),
                id=f"choice-{i}",
                disabled=text in removed,
            )
            for i, text in enumerate(choices)
        )
        first = next((i for i, text in enumerate(choices) if text not in removed), None)
        self.highlighted = first
