"""A pack question's `fact:` checked against the facts base: it must name a fact that exists.

The schema checks the id's spelling; whether the fact exists needs the base, which a pack
alone does not know, so `boschquiz packs validate` runs this beside the pack's own checks. In
the game a `fact:` naming no fact is harmless: the question is then a family of its own.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic, error
from boschquiz.core.model import Pack
from boschquiz.facts.loading import load_facts_files, read_facts_dir
from boschquiz.yamlsafe import MAX_BYTES, load_yaml_bytes
from boschquiz.yamlsafe.guards import read_capped


def known_fact_ids(facts_dir: Path) -> frozenset[str]:
    """Every fact id of the base in `facts_dir` (facts with errors are left out)."""
    return frozenset(f.id for f in load_facts_files(read_facts_dir(facts_dir)).base.facts)


def check_fact_references(pack: Pack, path: Path, known: Collection[str]) -> list[Diagnostic]:
    """An error at the `fact:` value of each question of `pack` naming an unknown fact."""
    unknown = [
        (index, q.fact) for index, q in enumerate(pack.questions) if q.fact and q.fact not in known
    ]
    if not unknown:
        return []
    raw, _ = read_capped(path, MAX_BYTES)
    loaded = load_yaml_bytes(path, raw) if raw is not None else None
    findings = []
    for index, fact in unknown:
        line, col = loaded.location(("questions", index, "fact")) if loaded else (0, 0)
        findings.append(
            error(
                path,
                line,
                col,
                f"questions[{index}].fact is {fact!r}, which is not a fact in the facts base",
                "use the id of a fact in questions/facts/ that this question restates,"
                " or leave fact out",
            )
        )
    return findings
