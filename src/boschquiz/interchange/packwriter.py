"""Drafts written as a pack file that validates: ids made, YAML dumped, the result re-checked."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from boschquiz.core.diagnostics import Diagnostic, error
from boschquiz.core.model import QuestionType
from boschquiz.interchange.draft import Draft
from boschquiz.packs import load_pack
from boschquiz.packs.structure import schema_path

MAX_ID_LENGTH = 40
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class PackHeader:
    id: str
    title: str
    author: str | None = None
    description: str | None = None


def slugify(text: str, fallback: str) -> str:
    """Lowercase letters, digits and single dashes (a pack or question id), or `fallback`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_ID_LENGTH:
        slug = slug[:MAX_ID_LENGTH].rsplit("-", 1)[0] or slug[:MAX_ID_LENGTH]
    return slug.strip("-") or fallback


def question_ids(drafts: Sequence[Draft]) -> list[str]:
    """One id per draft, from its name or its prompt's first words; unique in the pack."""
    taken: set[str] = set()
    ids = []
    for number, draft in enumerate(drafts, start=1):
        words = " ".join(draft.prompt.split()[:6])
        base = slugify(draft.name or words, f"q-{number}")
        candidate, suffix = base, 2
        while candidate in taken:
            candidate, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(candidate)
        ids.append(candidate)
    return ids


def _question(draft: Draft, question_id: str) -> dict[str, object]:
    entry: dict[str, object] = {"id": question_id, "type": draft.type.value}
    entry["prompt"] = draft.prompt
    if draft.type is QuestionType.CHOICE:
        entry["choices"] = list(draft.choices)
    if draft.type is QuestionType.TRUE_FALSE:
        entry["answer"] = draft.answer == "True"
    else:
        entry["answer"] = draft.answer
    if draft.accept:
        entry["accept"] = list(draft.accept)
    optional = {
        "difficulty": draft.difficulty.value if draft.difficulty else None,
        "category": draft.category,
        "show": draft.show,
        "explanation": draft.explanation,
        "source": draft.source,
        "time_limit": draft.time_limit,
    }
    entry.update((key, value) for key, value in optional.items() if value is not None)
    return entry


def pack_text(header: PackHeader, drafts: Sequence[Draft]) -> str:
    """The pack as YAML, with the schema comment editors use for completion and checks."""
    pack: dict[str, object] = {"id": header.id, "title": header.title, "version": 1}
    if header.author:
        pack["author"] = header.author
    if header.description:
        pack["description"] = header.description
    questions = [_question(d, i) for d, i in zip(drafts, question_ids(drafts), strict=True)]
    body = yaml.safe_dump(
        {"pack": pack, "questions": questions},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    return f"# yaml-language-server: $schema={schema_path()}\n{body}"


def write_new_file(target: Path, text: str, *, force: bool = False) -> list[Diagnostic]:
    """Write `text` to `target` atomically, checked as a pack first; nothing is written on error.

    An existing file is refused unless `force`. The text is checked in a temporary file
    beside the target, which replaces the target only when it has no errors.
    """
    if target.exists() and not force:
        return [error(target, 0, 0, "the file exists already", "choose another name")]
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as problem:
        return [error(target, 0, 0, f"cannot write here: {problem.strerror}")]
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        result = load_pack(temp)
        findings = [_relocate(d, target) for d in result.diagnostics]
        if not result.ok:
            return findings
        os.replace(temp, target)
        return findings
    finally:
        temp.unlink(missing_ok=True)


def _relocate(finding: Diagnostic, target: Path) -> Diagnostic:
    return Diagnostic(
        str(target), finding.line, finding.col, finding.severity, finding.message, finding.hint
    )


def count_by_type(drafts: Iterable[Draft]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for draft in drafts:
        counts[draft.type.value] = counts.get(draft.type.value, 0) + 1
    return counts
