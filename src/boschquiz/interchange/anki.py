"""Anki notes exported as plain text ("Notes in Plain Text"): front -> prompt, back -> typed answer.

Read: the `#separator:`, `#html:`, `#tags column:`, `#deck column:`, `#notetype column:` and
`#guid column:` header lines Anki writes; the first two remaining fields are the front and the
back (more fields are reported and left out). With `#html:true` tags are removed and entities
decoded; an image or a sound is reported and left out. The deck's last part (or the first tag)
becomes the category. Cloze notes are reported and skipped.
Written: one Basic note a question, tab-separated, every field quoted, no HTML. A choice or
true/false question is adapted (its choices go on the front), and said so; other typed
spellings are not carried.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic, error, warning
from boschquiz.core.model import Question, QuestionType
from boschquiz.interchange.draft import Draft, ExportResult, ImportResult
from boschquiz.interchange.text import clean_text, decode_entities

_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</(?:div|p|li)>", re.IGNORECASE)
_MEDIA = re.compile(r"<img\b|\[sound:", re.IGNORECASE)
_CLOZE = re.compile(r"\{\{c\d+::")
_COLUMN = re.compile(r"^#(tags|deck|notetype|guid) column:(\d+)$")
_HEADER = re.compile(r"^#(separator|html|tags|deck|notetype|guid|columns|if matches)[a-z ]*:")
"""A file header line as Anki writes them; any other line, even one starting with #, is a note."""


def read(text: str, path: Path) -> ImportResult:
    findings: list[Diagnostic] = []
    separator, is_html, special, body_start = "\t", False, {}, 0
    lines = text.removeprefix("\ufeff").splitlines(keepends=True)
    for number, raw in enumerate(lines):
        line = raw.strip()
        if not _HEADER.match(line):
            break
        body_start = number + 1
        key, _, value = line[1:].partition(":")
        if key == "separator":
            separator = _SEPARATORS.get(value.strip().lower(), value.strip()[:1] or "\t")
        elif key == "html":
            is_html = value.strip().lower() == "true"
        elif found := _COLUMN.match(line):
            special[found.group(1)] = int(found.group(2)) - 1
    reader = csv.reader(io.StringIO("".join(lines[body_start:])), delimiter=separator)
    drafts = []
    try:
        for row in reader:
            line_number = body_start + reader.line_num
            fields = [c for i, c in enumerate(row) if i not in special.values()]
            if not any(f.strip() for f in fields):
                continue
            category = _category(row, special)
            draft = _draft(fields, category, is_html, path, line_number, findings)
            if draft is not None:
                drafts.append(draft)
    except csv.Error as problem:
        findings.append(error(path, body_start + reader.line_num, 1, f"unreadable: {problem}"))
    if not drafts and not findings:
        findings.append(error(path, 1, 1, "no notes found"))
    return ImportResult(tuple(drafts), tuple(findings))


def _category(row: list[str], special: dict[str, int]) -> str | None:
    deck_at, tags_at = special.get("deck"), special.get("tags")
    if deck_at is not None and deck_at < len(row) and row[deck_at].strip():
        return row[deck_at].strip().split("::")[-1]
    if tags_at is not None and tags_at < len(row) and row[tags_at].split():
        return row[tags_at].split()[0]
    return None


def _plain(field: str, is_html: bool, path: Path, line: int, findings: list[Diagnostic]) -> str:
    if not is_html:
        return field
    if _MEDIA.search(field):
        findings.append(warning(path, line, 1, "an image or sound is not in packs: left out"))
    field = re.sub(r"\[sound:[^\]]*\]", "", field)
    return decode_entities(_TAG.sub("", _BREAK.sub(" ", field)), path, line, "note", findings)


def _draft(
    fields: list[str],
    category: str | None,
    is_html: bool,
    path: Path,
    line: int,
    findings: list[Diagnostic],
) -> Draft | None:
    if len(fields) < 2:
        findings.append(warning(path, line, 1, "skipped: a note without a back"))
        return None
    if _CLOZE.search(fields[0]):
        findings.append(warning(path, line, 1, "skipped: a cloze note"))
        return None
    if len(fields) > 2 and any(f.strip() for f in fields[2:]):
        findings.append(
            warning(path, line, 1, f"{len(fields) - 2} field(s) after the back left out")
        )
    front = clean_text(
        _plain(fields[0], is_html, path, line, findings), path, line, "front", findings
    )
    back = clean_text(
        _plain(fields[1], is_html, path, line, findings), path, line, "back", findings
    )
    if not front or not back:
        findings.append(warning(path, line, 1, "skipped: an empty front or back"))
        return None
    return Draft(type=QuestionType.TYPED, prompt=front, answer=back, line=line, category=category)


def write(questions: Sequence[Question]) -> ExportResult:
    out = io.StringIO()
    out.write("#separator:tab\n#html:false\n#tags column:3\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_ALL)
    notes = []
    for q in questions:
        front = q.prompt
        if q.type is QuestionType.CHOICE:
            front = f"{q.prompt} ({' / '.join(q.choices)})"
            notes.append(f"{q.id}: adapted: its choices are written on the front")
        elif q.type is QuestionType.TRUE_FALSE:
            front = f"True or false: {q.prompt}"
            notes.append(f"{q.id}: adapted: asked as 'True or false: ...'")
        elif q.accept:
            notes.append(f"{q.id}: adapted: other spellings ({len(q.accept)}) are not carried")
        tag = (q.category or "").replace(" ", "_")
        writer.writerow([front, q.answer, tag])
    return ExportResult(out.getvalue().encode(), tuple(notes), len(questions))
