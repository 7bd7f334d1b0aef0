"""The recap of a finished game: every question with the prompt, the answer given, the right
answer, the points and the time. One source for plain mode (after the last question),
`boschquiz history` and the TUI's results.

The prompt, choices and right answer are the ones recorded as shown (`AnswerRecord.shown`),
so an old game's recap stays true after its pack is reworded or corrected; a game saved
before they were recorded reads them from the current bank."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from boschquiz.core.model import GameRecord, Mode, Outcome, Question, ShownText
from boschquiz.core.numbers import points, seconds


@dataclass(frozen=True)
class RecapLine:
    """One question of a finished game. `shown` is the question as the player saw it (None
    in games saved before that was recorded); `question` is the bank's current one, None when
    the bank no longer has it (a pack removed since). With neither, the id, the answer given
    and the points are still known."""

    number: int
    question_id: str
    question: Question | None
    given: str | None
    outcome: Outcome
    points: int
    seconds: float
    time_limit: float | None
    shown: ShownText | None = None

    @property
    def right(self) -> bool:
        return self.outcome is Outcome.CORRECT

    @property
    def missed(self) -> bool:
        """Wrong or timed out (a ladder skip is neither right nor missed)."""
        return self.outcome in (Outcome.WRONG, Outcome.TIMEOUT)

    @property
    def prompt(self) -> str | None:
        if self.shown is not None:
            return self.shown.prompt
        return None if self.question is None else self.question.prompt

    @property
    def choices(self) -> tuple[str, ...] | None:
        """The choices in the order shown (None: not recorded; empty: a typed question)."""
        return None if self.shown is None else self.shown.choices

    @property
    def right_answer(self) -> str | None:
        if self.shown is not None:
            return self.shown.answer
        return None if self.question is None else self.question.answer

    @property
    def explanation(self) -> str | None:
        return None if self.question is None else self.question.explanation

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "question_id": self.question_id,
            "prompt": self.prompt,
            "choices": None if self.choices is None else list(self.choices),
            "given": self.given,
            "right_answer": self.right_answer,
            "outcome": self.outcome.value,
            "points": self.points,
            "seconds": self.seconds,
            "time_limit": self.time_limit,
        }


def heading(record: GameRecord, *, walked_away: bool = False) -> str:
    """The result's heading, in the tone of the outcome: a perfect game, a good one, a poor
    one (the ladder: the top, a walk, a fall; practice: no verdict on points)."""
    asked = len(record.answers)
    share = record.correct / asked if asked else 0.0
    if record.mode is Mode.LADDER:
        if walked_away:
            return "You walked away."
        if asked and record.answers[-1].outcome in (Outcome.WRONG, Outcome.TIMEOUT):
            return "The ladder gave way." if record.score == 0 else "Caught by the safe haven."
        return "Top of the ladder!"
    if asked and record.correct == asked:
        return "Perfect: case closed!"
    if share >= 0.7:
        return "Good work, detective."
    if share >= 0.4:
        return "Some leads went cold."
    return "A tough case: review the file."


def recap(record: GameRecord, questions: Mapping[str, Question]) -> tuple[RecapLine, ...]:
    """Every answer of `record`, in the order asked, with its question when `questions`
    (by id) has it."""
    return tuple(
        RecapLine(
            number=number,
            question_id=answer.question_id,
            question=questions.get(answer.question_id),
            given=answer.given,
            outcome=answer.outcome,
            points=answer.points,
            seconds=answer.seconds,
            time_limit=answer.time_limit,
            shown=answer.shown,
        )
        for number, answer in enumerate(record.answers, start=1)
    )


OUTCOME_MARKS: Mapping[Outcome, str] = {
    Outcome.CORRECT: "✓",
    Outcome.WRONG: "✗",
    Outcome.TIMEOUT: "⏱",
    Outcome.SKIPPED: "↷",
}
"""A mark per outcome that reads without colour."""

OUTCOME_WORDS: Mapping[Outcome, str] = {
    Outcome.CORRECT: "right",
    Outcome.WRONG: "wrong",
    Outcome.TIMEOUT: "time out",
    Outcome.SKIPPED: "skipped",
}


def recap_details(line: RecapLine, *, with_points: bool = True) -> list[str]:
    """What happened to one question, part by part: the answer given, the right one when it
    was not given, the outcome, the points (not in a mode without points) and the time."""
    given = "(no answer)" if line.given is None else line.given
    parts = [f"you: {given}"]
    if line.right_answer is not None and not line.right:
        parts.append(f"answer: {line.right_answer}")
    parts.append(OUTCOME_WORDS[line.outcome])
    if with_points:
        parts.append(f"{points(line.points)} points")
    parts.append(seconds(line.seconds))
    return parts


def recap_lines(lines: tuple[RecapLine, ...], *, with_points: bool = True) -> list[str]:
    """The recap as plain text, one block per question, each missed one marked."""
    out: list[str] = []
    for line in lines:
        mark = OUTCOME_MARKS[line.outcome]
        out.append(f"{mark} {line.number}. {line.prompt or line.question_id}")
        out.append("   " + "; ".join(recap_details(line, with_points=with_points)))
    return out
