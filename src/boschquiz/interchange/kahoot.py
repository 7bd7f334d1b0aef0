"""Kahoot's spreadsheet import (`.xlsx`), written with openpyxl, in the layout of Kahoot's
template: a few lines of notes, the header on row 8 (columns B to H), one question a row from
row 9 with its number in column A.

Kahoot's limits, and what the export does about each (one note per question):
- at most 120 characters a question and 75 an answer: the question is skipped (cutting text
  could change what it asks);
- 2 to 4 answers: a choice question with more keeps its right answer and the first wrong ones;
- time limits of 5, 10, 20, 30, 60, 90, 120 or 240 seconds: a question's own `time_limit` is
  rounded to the nearest (said so); otherwise the tier's seconds are, silently;
- no typed answers: typed questions are skipped.
True/false questions become two answers, True and False. Every cell that a spreadsheet could
run as a formula is written with a leading `'` (see `text.defuse_formula`) and as a string.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from boschquiz.core.model import TRUE_FALSE_CHOICES, Question, QuestionType
from boschquiz.game.tiers import TIERS
from boschquiz.interchange.draft import ExportResult
from boschquiz.interchange.text import defuse_formula

MAX_QUESTION = 120
MAX_ANSWER = 75
MAX_ANSWERS = 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADER_ROW = 8
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
NOTES = (
    "Quiz exported by boschquiz for Kahoot's spreadsheet import.",
    "Questions have at most 120 characters, answers at most 75.",
    "Time limits are 5, 10, 20, 30, 60, 90, 120 or 240 seconds.",
)


def nearest_time_limit(seconds: int) -> int:
    return min(TIME_LIMITS, key=lambda allowed: (abs(allowed - seconds), allowed))


def _answers(q: Question, notes: list[str]) -> list[str] | None:
    if q.type is QuestionType.TYPED:
        notes.append(f"{q.id}: skipped: Kahoot has no typed answers")
        return None
    answers = list(TRUE_FALSE_CHOICES if q.type is QuestionType.TRUE_FALSE else q.choices)
    if len(answers) > MAX_ANSWERS:
        wrong = [a for a in answers if a != q.answer][: MAX_ANSWERS - 1]
        answers = [a for a in answers if a == q.answer or a in wrong]
        notes.append(f"{q.id}: adapted: kept {MAX_ANSWERS} of {len(q.choices)} answers")
    if len(q.prompt) > MAX_QUESTION:
        notes.append(f"{q.id}: skipped: the question is over {MAX_QUESTION} characters")
        return None
    if any(len(a) > MAX_ANSWER for a in answers):
        notes.append(f"{q.id}: skipped: an answer is over {MAX_ANSWER} characters")
        return None
    return answers


def _seconds(q: Question, notes: list[str]) -> int:
    wanted = q.time_limit or TIERS[q.difficulty].seconds
    allowed = nearest_time_limit(wanted)
    if q.time_limit and allowed != q.time_limit:
        notes.append(f"{q.id}: adapted: time limit {q.time_limit} s -> {allowed} s")
    return allowed


def write(questions: Sequence[Question]) -> ExportResult:
    from openpyxl import Workbook  # imported here: only this export needs it

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    for row, note in enumerate(NOTES, start=2):
        _put(sheet, row, 2, note)
    for column, header in enumerate(HEADERS, start=2):
        _put(sheet, HEADER_ROW, column, header)
    notes: list[str] = []
    row = HEADER_ROW
    for q in questions:
        answers = _answers(q, notes)
        if answers is None:
            continue
        row += 1
        sheet.cell(row=row, column=1, value=row - HEADER_ROW)
        _put(sheet, row, 2, q.prompt)
        for offset, answer in enumerate(answers):
            _put(sheet, row, 3 + offset, answer)
        sheet.cell(row=row, column=7, value=_seconds(q, notes))
        _put(sheet, row, 8, str(answers.index(q.answer) + 1))
    out = io.BytesIO()
    book.save(out)
    return ExportResult(out.getvalue(), tuple(notes), row - HEADER_ROW)


def _put(sheet: object, row: int, column: int, text: str) -> None:
    cell = sheet.cell(row=row, column=column)  # type: ignore[attr-defined]
    cell.value = defuse_formula(text)
    cell.data_type = "s"
