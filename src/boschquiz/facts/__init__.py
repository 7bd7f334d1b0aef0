"""The franchise facts base and the question generator.

`generate_from_dir` is what the question bank calls; `validate_facts_file` is what
`boschquiz packs validate` calls for a facts file. The parts: `model` (Source, Entity, Fact),
`loading` (guarded loading and every check), `templates` (the relations and their wording),
`distractors`, `difficulty`, `generator`, `writer` (a generated pack as YAML).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic
from boschquiz.core.model import Question
from boschquiz.facts.generator import DEFAULT_SEED, generate
from boschquiz.facts.loading import load_facts_dir, load_facts_file


@dataclass(frozen=True)
class FactsResult:
    questions: tuple[Question, ...]
    diagnostics: tuple[Diagnostic, ...]


def generate_from_dir(
    facts_dir: Path, *, cache_dir: Path | None = None, seed: int = DEFAULT_SEED
) -> FactsResult:
    """Load every facts file in `facts_dir` and generate its questions.

    Facts with errors are left out (their diagnostics come back); the rest still generate.
    `cache_dir` is accepted for the bank's sake; generating is fast enough not to need it.
    """
    load = load_facts_dir(facts_dir)
    return FactsResult(questions=generate(load.base, seed=seed), diagnostics=load.diagnostics)


def validate_facts_file(path: Path) -> tuple[Diagnostic, ...]:
    """Every problem in one facts file, as diagnostics (references may use sibling files)."""
    return load_facts_file(path).diagnostics


__all__ = ["FactsResult", "generate", "generate_from_dir", "validate_facts_file"]
