"""The question bank the game draws from: every valid pack plus the generated questions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from boschquiz.core.diagnostics import Diagnostic
from boschquiz.core.model import (
    GENERATED_PACK_ID,
    GENERATED_PACK_TITLE,
    Question,
    QuestionBank,
)
from boschquiz.core.paths import AppPaths
from boschquiz.facts import generate_from_dir
from boschquiz.packs.discovery import discover
from boschquiz.packs.loader import PackLoadResult


@dataclass(frozen=True)
class InstalledPack:
    """One of "the installed packs" as a player sees them: a pack file (valid or not), or the
    questions generated from the facts base, which play and filter like one more pack."""

    id: str
    title: str
    questions: tuple[Question, ...]
    result: PackLoadResult | None = None
    """The pack file's outcome; None for the generated pack."""

    @property
    def generated(self) -> bool:
        return self.result is None


@dataclass(frozen=True)
class BankLoad:
    """The bank, and what happened to each pack and to the facts on the way."""

    bank: QuestionBank
    packs: tuple[PackLoadResult, ...]
    facts_diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def broken_packs(self) -> tuple[PackLoadResult, ...]:
        return tuple(p for p in self.packs if p.pack is None)

    @property
    def installed(self) -> tuple[InstalledPack, ...]:
        """The installed packs, the one list the menu, New game and Packs all show: every pack
        file found (a broken one with no questions), then the generated questions when there
        are any."""
        files = tuple(
            InstalledPack(result.pack.id, result.pack.info.title, result.pack.questions, result)
            if result.pack is not None
            else InstalledPack(result.path.stem, result.path.stem, (), result)
            for result in self.packs
        )
        generated = tuple(q for q in self.bank.questions if q.pack == GENERATED_PACK_ID)
        if not generated:
            return files
        return (*files, InstalledPack(GENERATED_PACK_ID, GENERATED_PACK_TITLE, generated))

    @property
    def playable(self) -> tuple[InstalledPack, ...]:
        """The installed packs that have questions to play."""
        return tuple(p for p in self.installed if p.questions)


def load_bank(
    paths: AppPaths, extra_packs: Sequence[Path] = (), *, only_extra: bool = False
) -> BankLoad:
    """Every valid pack's questions, then the generated ones; broken packs are skipped.

    With `only_extra`, only `extra_packs` are used and nothing is generated: playing a pack
    while writing it.
    """
    results = discover(paths, extra_packs, installed=not only_extra)
    questions = [q for result in results if result.pack for q in result.pack.questions]
    shipped = paths.builtin_packs.resolve()
    user_packs = frozenset(
        result.pack.id
        for result in results
        if result.pack is not None and not result.path.resolve().is_relative_to(shipped)
    )
    facts_diagnostics: tuple[Diagnostic, ...] = ()
    if not only_extra:
        facts = generate_from_dir(paths.builtin_facts, cache_dir=paths.cache)
        questions.extend(facts.questions)
        facts_diagnostics = facts.diagnostics
    return BankLoad(
        QuestionBank(tuple(questions), complete=not only_extra, user_packs=user_packs),
        results,
        facts_diagnostics,
    )
