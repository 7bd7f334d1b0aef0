"""Playing the e2e pack by reading the screen: which question is shown, which key answers it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from tests.e2e.commands import E2E_QUESTIONS

KEY_LETTERS = "ABCDEF"


class Terminal(Protocol):
    """What playing needs of a terminal: tmux's (`TmuxSession`) or a browser tab's."""

    def send_keys(self, *keys: str) -> None: ...

    def type_text(self, text: str) -> None: ...

    def wait_until(self, condition: Callable[[str], bool], what: str) -> str: ...

    def wait_for_text(self, text: str) -> str: ...


@dataclass(frozen=True)
class Expected:
    """A question of the e2e pack, as its prompt reads on screen, and how to answer it."""

    prompt: str
    answer: str
    typed: bool = False


ROUND = (
    Expected("Who plays Renée Ballard in Ballard?", "Maggie Q"),
    Expected("How many seasons did Bosch run on Prime Video?", "7"),
    Expected("Which streaming service premiered Ballard on July 9?", "Prime Video", typed=True),
)


TYPED_PLACEHOLDER = "type your answer"


def find_choice_key(screen: str, answer: str) -> str | None:
    """The number key of the choice line showing exactly `answer` (`1 A  Maggie Q`), if any."""
    for n, letter in enumerate(KEY_LETTERS, start=1):
        if re.search(rf"(?m)\b{n} {letter}  {re.escape(answer)}(\s|│|$)", screen):
            return str(n)
    return None


def choice_key(screen: str, answer: str) -> str:
    key = find_choice_key(screen, answer)
    if key is None:
        raise AssertionError(f"no choice line shows {answer!r}:\n{screen}")
    return key


def question_on(screen: str) -> Expected:
    shown = [q for q in ROUND if q.prompt in screen]
    assert len(shown) == 1, f"expected exactly one known prompt on screen:\n{screen}"
    return shown[0]


def answerable(screen: str, k: int) -> bool:
    """Question `k` is fully painted: its header, its prompt, and the way to answer it.

    Textual paints a new screen over several frames; the choices can arrive after the prompt.
    """
    if f"question {k} of {E2E_QUESTIONS}" not in screen:
        return False
    shown = [q for q in ROUND if q.prompt in screen]
    if len(shown) != 1:
        return False
    if shown[0].typed:
        return TYPED_PLACEHOLDER in screen
    return find_choice_key(screen, shown[0].answer) is not None


def wait_for_question(terminal: Terminal, k: int) -> str:
    """Poll until question `k` can be answered; that screen."""
    return terminal.wait_until(lambda screen: answerable(screen, k), f"question {k} to be painted")


def continue_from_feedback(terminal: Terminal, screen: str) -> None:
    """Press Enter on the feedback screen unless it is about to move on by itself.

    Timed modes leave feedback on their own after a few seconds; an Enter sent just as that
    happens would land on the next question and pick its first choice.
    """
    left = re.search(r"\(in (\d+) s\)", screen)
    if left is None or int(left.group(1)) >= 2:
        terminal.send_keys("Enter")


def answer_right(terminal: Terminal, screen: str) -> None:
    """Answer the question on `screen` correctly: its choice's number key, or typed text."""
    question = question_on(screen)
    if question.typed:
        terminal.type_text(question.answer)
        terminal.send_keys("Enter")
    else:
        terminal.send_keys(choice_key(screen, question.answer))


VERDICTS = ("✔ Right!", "✘ Wrong", "⏱ Time's up")
FIRST_CHOICE = re.compile(r"(?m)\b1 A  \S")


def any_question_answerable(screen: str, k: int, total: int) -> bool:
    """Question `k` of any bank is painted with a first choice line or the typed-answer box."""
    header = f"question {k} of {total}"
    return header in screen and (TYPED_PLACEHOLDER in screen or bool(FIRST_CHOICE.search(screen)))


def answer_blind(terminal: Terminal, screen: str) -> None:
    """Answer without knowing the question: the first choice, or a typed guess."""
    if TYPED_PLACEHOLDER in screen:
        terminal.type_text("Harry Bosch")
        terminal.send_keys("Enter")
    else:
        terminal.send_keys("1")


def wait_for_verdict(terminal: Terminal) -> str:
    """Poll until a feedback screen shows its verdict, whichever it is."""
    return terminal.wait_until(lambda s: any(v in s for v in VERDICTS), "a feedback verdict")


MENU_ROUND_QUESTIONS = 10
"""New Game's default count for a new player."""


def bank_loaded(screen: str) -> bool:
    """The menu has counted the question bank (so Play is enabled)."""
    return re.search(r"\d+ questions in \d+ packs", screen) is not None


def start_menu_round(terminal: Terminal, player: str) -> None:
    """From the main menu: `p`, sign in as a new player (skipping the one-time question of
    how far they have watched: every season), then start New Game's defaults with Ctrl+S.

    The defaults are kept (a classic game of ten): keys typed into the form just after it
    appears were seen to land elsewhere (see docs/testing.md), and the count box is too narrow
    at 80x24 to read back what was typed.
    """
    terminal.wait_until(bank_loaded, "the question bank to load")
    terminal.send_keys("p")
    terminal.wait_for_text("Who is playing?")
    terminal.type_text(player)
    terminal.send_keys("Enter")
    terminal.wait_for_text("esc Skip")
    terminal.send_keys("Escape")
    terminal.wait_for_text("questions match")
    terminal.send_keys("C-s")


def play_menu_round_blind(terminal: Terminal) -> str:
    """Answer the menu round's ten questions blind; the results screen once it is saved."""
    for k in range(1, MENU_ROUND_QUESTIONS + 1):
        answerable = partial(any_question_answerable, k=k, total=MENU_ROUND_QUESTIONS)
        screen = terminal.wait_until(answerable, f"question {k}")
        answer_blind(terminal, screen)
        continue_from_feedback(terminal, wait_for_verdict(terminal))
    terminal.wait_for_text("best streak")
    return terminal.wait_until(lambda s: "Saved" in s or "HIGH SCORE" in s, "the save")
