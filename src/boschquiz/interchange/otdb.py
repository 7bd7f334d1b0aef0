"""Open Trivia DB's JSON: the API's response, `{"response_code": 0, "results": [...]}`.

Each result has `type` ("multiple" or "boolean"), `difficulty`, `category`, `question`,
`correct_answer` and `incorrect_answers`, with HTML entities in the text (the API's default
encoding). Entities are decoded; one that decodes to a control character is dropped with a
warning (packs refuse control characters). The format has no typed questions, explanations or
time limits: exporting those is adapted or skipped, and said so.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from boschquiz.core.diagnostics import Diagnostic, error, warning
from boschquiz.core.model import TRUE_FALSE_CHOICES, Difficulty, Question, QuestionType
from boschquiz.interchange.draft import Draft, ExportResult, ImportResult
from boschquiz.interchange.text import clean_text, decode_entities

_QUESTION_KEY = re.compile(r'"question"\s*:')
_DIFFICULTIES = {d.value for d in Difficulty}


def _result_lines(text: str) -> list[int]:
    """The line of each `"question":` key in order: where each result is, for messages."""
    return [text.count("\n", 0, m.start()) + 1 for m in _QUESTION_KEY.finditer(text)]


def read(text: str, path: Path) -> ImportResult:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as problem:
        return ImportResult(
            (), (error(path, problem.lineno, problem.colno, f"not JSON: {problem.msg}"),)
        )
    results = document.get("results") if isinstance(document, dict) else None
    if not isinstance(results, list):
        hint = "Open Trivia DB's response is an object with a 'results' list"
        return ImportResult((), (error(path, 1, 1, "no 'results' list", hint),))
    lines = _result_lines(text)
    findings: list[Diagnostic] = []
    drafts = []
    for index, item in enumerate(results):
        line = lines[index] if index < len(lines) else 1
        draft = _draft(item, path, line, findings)
        if draft is not None:
            drafts.append(draft)
    return ImportResult(tuple(drafts), tuple(findings))


def _decoded(value: object, path: Path, line: int, what: str, findings: list[Diagnostic]) -> str:
    decoded = decode_entities(str(value), path, line, what, findings)
    return clean_text(decoded, path, line, what, findings)


def _draft(item: Any, path: Path, line: int, findings: list[Diagnostic]) -> Draft | None:
    if not isinstance(item, dict) or not {"question", "correct_answer"} <= item.keys():
        findings.append(warning(path, line, 1, "skipped a result without question/answer"))
        return None
    prompt = _decoded(item["question"], path, line, "question", findings)
    answer = _decoded(item["correct_answer"], path, line, "answer", findings)
    wrong_raw = item.get("incorrect_answers", [])
    wrong = [_decoded(w, path, line, "wrong answer", findings) for w in wrong_raw or []]
    difficulty = item.get("difficulty")
    category = item.get("category")
    common: dict[str, Any] = {
        "prompt": prompt,
        "line": line,
        "difficulty": Difficulty(difficulty) if difficulty in _DIFFICULTIES else None,
        "category": _decoded(category, path, line, "category", findings) if category else None,
    }
    if item.get("type") == "boolean":
        truth = answer.strip().lower()
        if truth not in ("true", "false"):
            findings.append(warning(path, line, 1, f"skipped: a boolean answer of {answer!r}"))
            return None
        return Draft(type=QuestionType.TRUE_FALSE, answer=truth.title(), **common)
    choices = tuple(dict.fromkeys([answer, *wrong]))
    if len(choices) < 2:
        findings.append(warning(path, line, 1, "skipped: a multiple-choice result with one choice"))
        return None
    if len(choices) > 6:
        findings.append(
            warning(path, line, 1, f"kept the first 6 of {len(choices)} choices (packs allow 6)")
        )
        choices = choices[:6]
    return Draft(type=QuestionType.CHOICE, answer=answer, choices=choices, **common)


def write(questions: Sequence[Question]) -> ExportResult:
    results = []
    notes = []
    for q in questions:
        if q.type is QuestionType.TYPED:
            notes.append(f"{q.id}: skipped: Open Trivia DB has no typed questions")
            continue
        boolean = q.type is QuestionType.TRUE_FALSE
        wrong = [c for c in (TRUE_FALSE_CHOICES if boolean else q.choices) if c != q.answer]
        results.append(
            {
                "type": "boolean" if boolean else "multiple",
                "difficulty": q.difficulty.value,
                "category": html.escape(q.category or "", quote=True),
                "question": html.escape(q.prompt, quote=True),
                "correct_answer": html.escape(q.answer, quote=True),
                "incorrect_answers": [html.escape(w, quote=True) for w in wrong],
            }
        )
    document = {"response_code": 0, "results": results}
    data = json.dumps(document, ensure_ascii=False, indent=2).encode() + b"\n"
    return ExportResult(data, tuple(notes), len(results))
