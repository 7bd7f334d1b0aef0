"""Playing the e2e pack by reading the screen: which question is shown, which key answers it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.e2e.commands import E2E_QUESTIONS
from tests.e2e.tmux_session import TmuxSession

KEY_LETTERS = "ABCDEF"


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


def wait_for_question(terminal: TmuxSession, k: int) -> str:
    """Poll until question `k` can be answered; that screen."""
    return terminal.wait_until(lambda screen: answerable(screen, k), f"question {k} to be painted")


def continue_from_feedback(terminal: TmuxSession, screen: str) -> None:
    """Press Enter on the feedback screen unless it is about to move on by itself.

    Timed modes leave feedback on their own after a few seconds; an Enter sent just as that
    happens would land on the next question and pick its first choice.
    """
    left = re.search(r"\(in (\d+) s\)", screen)
    if left is None or int(left.group(1)) >= 2:
        terminal.send_keys("Enter")


def answer_right(terminal: TmuxSession, screen: str) -> None:
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


def answer_blind(terminal: TmuxSession, screen: str) -> None:
    """Answer without knowing the question: the first choice, or a typed guess."""
    if TYPED_PLACEHOLDER in screen:
        terminal.type_text("Harry Bosch")
        terminal.send_keys("Enter")
    else:
        terminal.send_keys("1")


def wait_for_verdict(terminal: TmuxSession) -> str:
    """Poll until a feedback screen shows its verdict, whichever it is."""
    return terminal.wait_until(lambda s: any(v in s for v in VERDICTS), "a feedback verdict")
