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
from boschquiz.facts.cache import cache_key, read_entry, write_entry
from boschquiz.facts.generator import DEFAULT_SEED, generate
from boschquiz.facts.loading import load_facts_file, load_facts_files, read_facts_dir, schema_bytes
from boschquiz.yamlsafe import paused_gc


@dataclass(frozen=True)
class FactsResult:
    questions: tuple[Question, ...]
    diagnostics: tuple[Diagnostic, ...]


def generate_from_dir(
    facts_dir: Path, *, cache_dir: Path | None = None, seed: int = DEFAULT_SEED
) -> FactsResult:
    """Load every facts file in `facts_dir` and generate its questions.

    Facts with errors are left out (their diagnostics come back); the rest still generate.
    With `cache_dir`, a base that loaded without findings is kept there, keyed on the files'
    bytes, and an unchanged base is read back instead of generated again.
    """
    files = read_facts_dir(facts_dir)
    key = None
    if cache_dir is not None and files and all(f.raw is not None for f in files):
        key = cache_key(
            [f.path for f in files], [f.raw or b"" for f in files], schema_bytes(), seed
        )
        hit = read_entry(cache_dir, key)
        if hit is not None:
            return FactsResult(questions=hit, diagnostics=())
    with paused_gc():
        load = load_facts_files(files)
        questions = generate(load.base, seed=seed)
    if key is not None and cache_dir is not None and not load.diagnostics:
        write_entry(cache_dir, key, questions)
    return FactsResult(questions=questions, diagnostics=load.diagnostics)


def validate_facts_file(path: Path) -> tuple[Diagnostic, ...]:
    """Every problem in one facts file, as diagnostics (references may use sibling files)."""
    return load_facts_file(path).diagnostics


__all__ = ["FactsResult", "generate", "generate_from_dir", "validate_facts_file"]
