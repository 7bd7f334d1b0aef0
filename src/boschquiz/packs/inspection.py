"""A pack file looked at the way an author needs while writing it: every finding, and every
question that can be shown, even when other parts of the file are broken.

`load_pack` gives all or nothing (a pack with one error is not played); the studio shows the
questions that parsed and the errors beside them. Nothing here is cached: the studio calls
`inspect_pack` after every save.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from boschquiz.core.diagnostics import Diagnostic
from boschquiz.core.model import TRUE_FALSE_CHOICES, Difficulty, Question, QuestionType
from boschquiz.packs.build import DEFAULT_DIFFICULTY, build_question
from boschquiz.packs.loader import check_loaded
from boschquiz.yamlsafe import MAX_BYTES, LoadedYaml, load_yaml_bytes
from boschquiz.yamlsafe.guards import read_capped

DRAFT_PACK_ID = "draft"
"""The pack id questions get while the header's own id is missing or broken."""


@dataclass(frozen=True)
class InspectedQuestion:
    """One entry of `questions:`: where it starts, its errors, and the question when it has none."""

    index: int
    line: int
    label: str
    question: Question | None
    errors: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class PackStats:
    """What an author checks for balance: counts, where the right answer sits, true vs false."""

    by_type: dict[str, int] = field(default_factory=dict)
    by_tier: dict[str, int] = field(default_factory=dict)
    by_show: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    answer_slots: dict[int, int] = field(default_factory=dict)
    """For choice questions: how many have their right answer written 1st, 2nd, ..."""
    true_answers: int = 0
    false_answers: int = 0


@dataclass(frozen=True)
class PackInspection:
    path: Path
    diagnostics: tuple[Diagnostic, ...]
    questions: tuple[InspectedQuestion, ...]
    title: str | None = None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if not d.is_error)

    @property
    def playable(self) -> tuple[Question, ...]:
        return tuple(q.question for q in self.questions if q.question is not None)

    def stats(self) -> PackStats:
        return pack_stats(self.playable)


def inspect_pack(path: Path) -> PackInspection:
    """Check `path` as `packs validate` does, and build each question that has no error."""
    raw, problem = read_capped(path, MAX_BYTES)
    if raw is None:
        return PackInspection(path, (problem,) if problem else (), ())
    loaded = load_yaml_bytes(path, raw)
    findings = check_loaded(loaded)
    data = loaded.data
    if not isinstance(data, dict):
        return PackInspection(path, findings, ())
    raw_header = data.get("pack")
    header: dict[str, Any] = raw_header if isinstance(raw_header, dict) else {}
    entries = data.get("questions")
    if not isinstance(entries, list):
        return PackInspection(path, findings, (), _title(header))
    pack_id, default = _header_defaults(loaded, header, findings)
    starts = [loaded.location(("questions", i))[0] for i in range(len(entries))]
    errors_of: dict[int, list[Diagnostic]] = {}
    for finding in findings:
        at = bisect_right(starts, finding.line) - 1
        if finding.is_error and at >= 0:
            errors_of.setdefault(at, []).append(finding)
    inspected = []
    for index, entry in enumerate(entries):
        first = starts[index]
        errors = tuple(errors_of.get(index, ()))
        label = _label(entry, index)
        question = None
        if not errors and isinstance(entry, dict):
            question = build_question(pack_id, default, entry)
        inspected.append(InspectedQuestion(index, first, label, question, errors))
    return PackInspection(path, findings, tuple(inspected), _title(header))


def _title(header: Any) -> str | None:
    title = header.get("title") if isinstance(header, dict) else None
    return str(title) if isinstance(title, (str, int, float)) else None


def _header_defaults(
    loaded: LoadedYaml, header: dict[str, Any], findings: Iterable[Diagnostic]
) -> tuple[str, Difficulty]:
    """The header's id and default tier, or stand-ins while they have errors."""
    id_line = loaded.location(("pack", "id"))[0]
    tier_line = loaded.location(("pack", "default_difficulty"))[0]
    broken = {d.line for d in findings if d.is_error}
    pack_id = str(header.get("id")) if "id" in header and id_line not in broken else None
    tier = header.get("default_difficulty")
    default = (
        Difficulty(tier)
        if tier in {d.value for d in Difficulty} and tier_line not in broken
        else DEFAULT_DIFFICULTY
    )
    return pack_id or DRAFT_PACK_ID, default


def _label(entry: object, index: int) -> str:
    if isinstance(entry, dict) and isinstance(entry.get("id"), (str, int)):
        return str(entry["id"])
    return f"#{index + 1}"


def pack_stats(questions: Sequence[Question]) -> PackStats:
    slots: Counter[int] = Counter()
    truth: Counter[str] = Counter()
    for q in questions:
        if q.type is QuestionType.CHOICE and q.answer in q.choices:
            slots[q.choices.index(q.answer) + 1] += 1
        elif q.type is QuestionType.TRUE_FALSE:
            truth[q.answer] += 1
    return PackStats(
        by_type=dict(Counter(q.type.value for q in questions)),
        by_tier=dict(Counter(q.difficulty.value for q in questions)),
        by_show=dict(Counter(q.show.value if q.show else "none" for q in questions)),
        by_category=dict(Counter(q.category or "none" for q in questions)),
        answer_slots=dict(sorted(slots.items())),
        true_answers=truth[TRUE_FALSE_CHOICES[0]],
        false_answers=truth[TRUE_FALSE_CHOICES[1]],
    )
