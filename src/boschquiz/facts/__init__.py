"""The franchise facts base and the question generator (stub until the facts issue lands)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic
from boschquiz.core.model import Question


@dataclass(frozen=True)
class FactsResult:
    questions: tuple[Question, ...]
    diagnostics: tuple[Diagnostic, ...]


def generate_from_dir(facts_dir: Path, *, cache_dir: Path | None = None) -> FactsResult:
    """Load every facts file under `facts_dir` and generate its questions (stub: none yet)."""
    return FactsResult(questions=(), diagnostics=())


def validate_facts_file(path: Path) -> tuple[Diagnostic, ...]:
    """Every problem in one facts file, as diagnostics (stub: none yet)."""
    return ()
