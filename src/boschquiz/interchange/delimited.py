"""Spreadsheets: CSV (comma) and TSV (tab) files with a header row, one question a row.

Columns, in any order, names case-insensitive (spaces and dashes count as `_`):
`prompt` and `answer` are required; `type` (choice, true_false, typed; left empty it is
inferred: choices make a choice question, an answer of true/false with none a true/false one,
anything else a typed one); `choice_1` ... `choice_6`; `accept` (other spellings, separated by
`|`); `id`, `difficulty`, `category`, `show`, `explanation`, `source`, `time_limit`.
An unknown column is reported once and left out. A cell written with a leading `'` before
`=`, `+`, `-` or `@` (how our export defuses formulas) is read without the `'`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic, error, warning
from boschquiz.core.model import Difficulty, Question, QuestionType
from boschquiz.interchange.draft import Draft, ExportResult, ImportResult
from boschquiz.interchange.text import clean_text, defuse_formula, restore_formula

MAX_CHOICES = 6
CHOICE_COLUMNS = tuple(f"choice_{n}" for n in range(1, MAX_CHOICES + 1))
COLUMNS = (
    "id",
    "type",
    "prompt",
    "answer",
    *CHOICE_COLUMNS,
    "accept",
    "difficulty",
    "category",
    "show",
    "explanation",
    "source",
    "time_limit",
)
ACCEPT_SEPARATOR = "|"
_TYPES = {t.value for t in QuestionType}
_DIFFICULTIES = {d.value for d in Difficulty}
_SHOWS = {"bosch", "legacy", "ballard", "general"}


def _column(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def read_csv(text: str, path: Path) -> ImportResult:
    return _read(text, path, ",")


def read_tsv(text: str, path: Path) -> ImportResult:
    return _read(text, path, "\t")


def _read(text: str, path: Path, delimiter: str) -> ImportResult:
    findings: list[Diagnostic] = []
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return ImportResult((), (error(path, 1, 1, "the file is empty"),))
    except csv.Error as problem:
        return ImportResult((), (error(path, 1, 1, f"not readable as a table: {problem}"),))
    names = [_column(n) for n in header]
    missing = [c for c in ("prompt", "answer") if c not in names]
    if missing:
        hint = f"the first row names the columns: {', '.join(COLUMNS)}"
        return ImportResult((), (error(path, 1, 1, f"no {' or '.join(missing)} column", hint),))
    for position, name in enumerate(names, start=1):
        if name and name not in COLUMNS:
            findings.append(
                warning(path, 1, position, f"unknown column {header[position - 1]!r} left out")
            )
    drafts = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            cells = {n: restore_formula(c) for n, c in zip(names, row, strict=False) if n}
            draft = _draft(cells, path, line, findings)
            if draft is not None:
                drafts.append(draft)
    except csv.Error as problem:
        findings.append(error(path, reader.line_num, 1, f"not readable as a table: {problem}"))
    return ImportResult(tuple(drafts), tuple(findings))


def _draft(
    cells: dict[str, str], path: Path, line: int, findings: list[Diagnostic]
) -> Draft | None:
    def text(name: str) -> str:
        return clean_text(cells.get(name, ""), path, line, name, findings)

    prompt, answer = text("prompt"), text("answer")
    if not prompt or not answer:
        findings.append(warning(path, line, 1, "skipped: a row without a prompt or an answer"))
        return None
    choices = tuple(dict.fromkeys(c for c in (text(n) for n in CHOICE_COLUMNS) if c))
    accept = tuple(a.strip() for a in text("accept").split(ACCEPT_SEPARATOR) if a.strip())
    kind = text("type").lower() or _inferred(answer, choices)
    if kind not in _TYPES:
        findings.append(warning(path, line, 1, f"skipped: unknown type {kind!r}"))
        return None
    qtype = QuestionType(kind)
    if qtype is QuestionType.TRUE_FALSE:
        if answer.lower() not in ("true", "false"):
            findings.append(warning(path, line, 1, f"skipped: true_false answer {answer!r}"))
            return None
        answer = answer.title()
    if qtype is QuestionType.CHOICE and answer not in choices:
        findings.append(warning(path, line, 1, "skipped: the answer is not one of the choices"))
        return None
    difficulty, show, limit = text("difficulty").lower(), text("show").lower(), text("time_limit")
    return Draft(
        type=qtype,
        prompt=prompt,
        answer=answer,
        line=line,
        choices=choices if qtype is QuestionType.CHOICE else (),
        accept=accept if qtype is QuestionType.TYPED else (),
        difficulty=Difficulty(difficulty) if difficulty in _DIFFICULTIES else None,
        category=text("category") or None,
        show=show if show in _SHOWS else None,
        explanation=text("explanation") or None,
        source=text("source") or None,
        time_limit=int(limit) if limit.isascii() and limit.isdigit() and len(limit) < 4 else None,
        name=text("id") or None,
    )


def _inferred(answer: str, choices: tuple[str, ...]) -> str:
    if choices:
        return QuestionType.CHOICE.value
    if answer.lower() in ("true", "false"):
        return QuestionType.TRUE_FALSE.value
    return QuestionType.TYPED.value


def _row(q: Question) -> list[str]:
    choices = list(q.choices) + [""] * (MAX_CHOICES - len(q.choices))
    cells = [
        q.id,
        q.type.value,
        q.prompt,
        q.answer,
        *choices[:MAX_CHOICES],
        ACCEPT_SEPARATOR.join(q.accept),
        q.difficulty.value,
        q.category or "",
        q.show.value if q.show else "",
        q.explanation or "",
        q.source or "",
        str(q.time_limit) if q.time_limit else "",
    ]
    return [defuse_formula(cell) for cell in cells]


def _write(questions: Sequence[Question], delimiter: str) -> ExportResult:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for q in questions:
        writer.writerow(_row(q))
    return ExportResult(out.getvalue().encode(), (), len(questions))


def write_csv(questions: Sequence[Question]) -> ExportResult:
    return _write(questions, ",")


def write_tsv(questions: Sequence[Question]) -> ExportResult:
    return _write(questions, "\t")
