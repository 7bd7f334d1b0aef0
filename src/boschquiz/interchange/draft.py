"""What an importer produces: questions not yet in a pack, each with the line it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from boschquiz.core.diagnostics import Diagnostic
from boschquiz.core.model import Difficulty, QuestionType


@dataclass(frozen=True)
class Draft:
    """One imported question, in the pack's terms; `line` is where it starts in the source.

    For a true/false question `answer` is "True" or "False"; for a typed one `choices` is
    empty and `accept` lists the other spellings that count.
    """

    type: QuestionType
    prompt: str
    answer: str
    line: int
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    difficulty: Difficulty | None = None
    category: str | None = None
    show: str | None = None
    explanation: str | None = None
    source: str | None = None
    time_limit: int | None = None
    name: str | None = None
    """A name the source gives the question (a GIFT title, a CSV id): becomes its id."""


@dataclass(frozen=True)
class ImportResult:
    """Every question read, and every finding: warnings for what was adapted or left out."""

    drafts: tuple[Draft, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


@dataclass(frozen=True)
class ExportResult:
    """The file's bytes and one sentence per question that was adapted or skipped."""

    data: bytes
    notes: tuple[str, ...] = ()
    written: int = 0
