"""Moodle GIFT: multiple choice, true/false and short answer, with escapes, comments and
categories (https://docs.moodle.org/en/GIFT_format).

Written: one question a block, with its id as the title, `[plain]` text and a
`// difficulty:` comment; the explanation is the general feedback.
Read: `//` comments (a `// difficulty: hard` comment before a question is ours and sets its
tier), `$CATEGORY:` lines (the last part of the path becomes the category; `$course$/top`
means none), `::title::` (the
question's id), `[html]`-style format markers, `{...}` answer blocks with `=right`, `~wrong`,
`#feedback` (the right answer's becomes the explanation) and `####general feedback`, the escapes
`\\~ \\= \\# \\{ \\} \\:` and `\\n`. Matching, numeric ranges, essays and partial credit are not
in our packs: each is reported with its line and left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic, error, warning
from boschquiz.core.model import Difficulty, Question, QuestionType
from boschquiz.interchange.draft import Draft, ExportResult, ImportResult
from boschquiz.interchange.text import clean_text

_SPECIAL = "~=#{}:"
_DIFFICULTY_COMMENT = re.compile(r"^//\s*difficulty:\s*(easy|medium|hard)\s*$")
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]")
_PERCENT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_TRUE = {"T", "TRUE"}
MATCHING_ARROW = "->"
TOP_CATEGORIES = ("", "$course$/top", "$course$", "top")
"""Category paths that mean "no category" (we write the first of Moodle's own for that)."""
_FALSE = {"F", "FALSE"}


@dataclass(frozen=True)
class _Chunk:
    text: str
    line: int
    category: str | None
    difficulty: Difficulty | None


def _unescape(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            follow = text[i + 1]
            out.append("\n" if follow == "n" else follow if follow in _SPECIAL + "\\" else char)
            i += 2 if follow in _SPECIAL + "\\n" else 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """`text` cut before every unescaped character of `marks`: (mark, text after it) pairs;
    the first pair's mark is "" (what comes before any mark)."""
    parts: list[tuple[str, str]] = []
    mark, start, i = "", 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in marks:
            parts.append((mark, text[start:i]))
            mark, start = text[i], i + 1
        i += 1
    parts.append((mark, text[start:]))
    return parts


def _find_unescaped(text: str, char: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == char:
            return i
        i += 1
    return -1


def _chunks(text: str) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    category: str | None = None
    difficulty: Difficulty | None = None
    lines: list[str] = []
    first = 0
    depth = 0

    def flush() -> None:
        nonlocal lines, difficulty
        body = "\n".join(lines).strip()
        if body:
            chunks.append(_Chunk(body, first, category, difficulty))
        lines, difficulty = [], None

    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if depth == 0 and stripped.startswith("//"):
            found = _DIFFICULTY_COMMENT.match(stripped)
            if found:
                difficulty = Difficulty(found.group(1))
            continue
        if depth == 0 and stripped.startswith("$CATEGORY:"):
            flush()
            path = stripped.removeprefix("$CATEGORY:").strip().rstrip("/")
            category = None if path in TOP_CATEGORIES else path.rsplit("/", 1)[-1] or None
            continue
        if depth == 0 and not stripped:
            flush()
            continue
        if not lines:
            first = number
        lines.append(raw)
        depth = max(0, depth + _brace_balance(raw))
    flush()
    return chunks


def _brace_balance(line: str) -> int:
    balance = 0
    for mark, _ in _split_unescaped(line, "{}")[1:]:
        balance += 1 if mark == "{" else -1
    return balance


def read(text: str, path: Path) -> ImportResult:
    findings: list[Diagnostic] = []
    drafts = []
    for chunk in _chunks(text):
        draft = _question(chunk, path, findings)
        if draft is not None:
            drafts.append(draft)
    if not drafts and not findings:
        findings.append(error(path, 1, 1, "no GIFT questions found"))
    return ImportResult(tuple(drafts), tuple(findings))


def _question(chunk: _Chunk, path: Path, findings: list[Diagnostic]) -> Draft | None:
    body, line = chunk.text, chunk.line
    name = None
    if body.startswith("::"):
        end = body.find("::", 2)
        if end > 0:
            name, body = _unescape(body[2:end]).strip(), body[end + 2 :].lstrip()
    marker = _FORMAT.match(body)
    if marker:
        if marker.group(1) == "html":
            findings.append(warning(path, line, 1, "HTML formatting is kept as plain text"))
        body = body[marker.end() :]
    open_at = _find_unescaped(body, "{")
    close_at = _find_unescaped(body, "}", open_at + 1) if open_at >= 0 else -1
    if open_at < 0 or close_at < 0:
        findings.append(
            warning(path, line, 1, "skipped: a description or text without an answer block")
        )
        return None
    before, block, after = body[:open_at], body[open_at + 1 : close_at], body[close_at + 1 :]
    prompt_raw = _unescape(before).strip()
    if after.strip():
        prompt_raw = f"{prompt_raw} _____ {_unescape(after).strip()}".strip()
    prompt = clean_text(prompt_raw, path, line, "question", findings)
    block, general = _general_feedback(block)
    kind = _answers(block, path, line, findings)
    if kind is None:
        return None
    qtype, answer, choices, accept, feedback = kind
    explanation_raw = general or feedback
    explanation = (
        clean_text(explanation_raw, path, line, "explanation", findings)
        if explanation_raw
        else None
    )
    return Draft(
        type=qtype,
        prompt=prompt,
        answer=answer,
        choices=choices,
        accept=accept,
        line=line,
        difficulty=chunk.difficulty,
        category=chunk.category,
        explanation=explanation or None,
        name=name,
    )


def _general_feedback(block: str) -> tuple[str, str | None]:
    i = 0
    while i < len(block):
        if block[i] == "\\":
            i += 2
            continue
        if block.startswith("####", i):
            return block[:i], _unescape(block[i + 4 :]).strip() or None
        i += 1
    return block, None


_Kind = tuple[QuestionType, str, tuple[str, ...], tuple[str, ...], str | None]


def _answers(block: str, path: Path, line: int, findings: list[Diagnostic]) -> _Kind | None:
    content = block.strip()
    if not content:
        findings.append(warning(path, line, 1, "skipped: an essay question (no answer to check)"))
        return None
    head = _split_unescaped(content, "#")
    truth = head[0][1].strip().upper()
    if truth in _TRUE | _FALSE:
        truth_note = _unescape(head[1][1]).strip() if len(head) > 1 else None
        answer = "True" if truth in _TRUE else "False"
        return QuestionType.TRUE_FALSE, answer, (), (), truth_note or None
    if content.startswith("#"):
        return _numeric(content[1:], path, line, findings)
    entries = [(mark, text) for mark, text in _split_unescaped(content, "=~") if mark]
    if any(MATCHING_ARROW in text for _, text in entries):
        findings.append(warning(path, line, 1, "skipped: a matching question"))
        return None
    right: list[str] = []
    wrong: list[str] = []
    feedback: str | None = None
    for mark, text in entries:
        answer_text, note = _answer_and_feedback(text)
        weight = _PERCENT.match(answer_text)
        if weight:
            answer_text = answer_text[weight.end() :]
            percent = float(weight.group(1))
            if percent not in (0.0, 100.0):
                findings.append(
                    warning(
                        path,
                        line,
                        1,
                        f"partial credit ({weight.group(1)}%) is not in packs: "
                        f"{answer_text.strip()!r} counts as wrong",
                    )
                )
            mark = "=" if percent == 100.0 else "~"
        value = clean_text(answer_text, path, line, "answer", findings)
        if not value:
            continue
        if mark == "=":
            right.append(value)
            feedback = feedback or note
        else:
            wrong.append(value)
    if not right:
        findings.append(warning(path, line, 1, "skipped: no right answer marked with '='"))
        return None
    if not wrong:
        return QuestionType.TYPED, right[0], (), tuple(right[1:]), feedback
    if len(right) > 1:
        findings.append(
            warning(path, line, 1, "several right answers: only the first is kept as right")
        )
    choices = tuple(dict.fromkeys([right[0], *wrong]))
    if len(choices) > 6:
        findings.append(warning(path, line, 1, f"kept the first 6 of {len(choices)} choices"))
        choices = choices[:6]
    return QuestionType.CHOICE, right[0], choices, (), feedback


def _answer_and_feedback(text: str) -> tuple[str, str | None]:
    parts = _split_unescaped(text, "#")
    answer = _unescape(parts[0][1])
    note = _unescape(parts[1][1]).strip() if len(parts) > 1 else None
    return answer, note or None


def _numeric(content: str, path: Path, line: int, findings: list[Diagnostic]) -> _Kind | None:
    value = _unescape(_split_unescaped(content, "#=~")[0][1]).strip()
    if ".." in value or not value:
        findings.append(warning(path, line, 1, "skipped: a numeric range question"))
        return None
    number, _, tolerance = value.partition(":")
    if tolerance.strip() and tolerance.strip() not in ("0", "0.0"):
        findings.append(
            warning(path, line, 1, f"numeric tolerance ±{tolerance.strip()} dropped: typed exactly")
        )
    return QuestionType.TYPED, number.strip(), (), (), None


def escape(text: str) -> str:
    out = []
    for char in text:
        if char in _SPECIAL or char == "\\":
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        else:
            out.append(char)
    return "".join(out)


def write(questions: Sequence[Question]) -> ExportResult:
    lines: list[str] = ["// Exported by boschquiz. Format: Moodle GIFT.", ""]
    category: str | None = None
    notes: list[str] = []
    written = 0
    for q in questions:
        if any(MATCHING_ARROW in a for a in (*q.choices, q.answer, *q.accept)):
            notes.append(f"{q.id}: skipped: GIFT reads '->' in an answer as a matching question")
            continue
        written += 1
        if q.category != category:
            category = q.category
            lines += [f"$CATEGORY: {category or TOP_CATEGORIES[1]}", ""]
        lines.append(f"// difficulty: {q.difficulty.value}")
        feedback = f"####{escape(q.explanation)}" if q.explanation else ""
        title = f"::{escape(q.id)}::[plain]"
        if q.type is QuestionType.TRUE_FALSE:
            answer = "TRUE" if q.answer == "True" else "FALSE"
            lines.append(f"{title}{escape(q.prompt)}{{{answer}{feedback}}}")
        elif q.type is QuestionType.TYPED:
            spellings = " ".join(f"={escape(a)}" for a in (q.answer, *q.accept))
            lines.append(f"{title}{escape(q.prompt)}{{{spellings}{feedback}}}")
        else:
            lines.append(f"{title}{escape(q.prompt)}{{")
            lines += [f"\t{'=' if c == q.answer else '~'}{escape(c)}" for c in q.choices]
            if feedback:
                lines.append(f"\t{feedback}")
            lines.append("}")
        lines.append("")
    return ExportResult("\n".join(lines).encode(), tuple(notes), written)
