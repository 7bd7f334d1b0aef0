"""The question model every layer shares: packs, generated questions, the engine, the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"

    @property
    def rank(self) -> int:
        return _DIFFICULTY_RANK[self]


_DIFFICULTY_RANK = {Difficulty.EASY: 0, Difficulty.MEDIUM: 1, Difficulty.HARD: 2}


class QuestionType(StrEnum):
    CHOICE = "choice"
    TRUE_FALSE = "true_false"
    TYPED = "typed"


class Show(StrEnum):
    BOSCH = "bosch"
    LEGACY = "legacy"
    BALLARD = "ballard"
    GENERAL = "general"


TRUE_FALSE_CHOICES: tuple[str, str] = ("True", "False")
"""A true/false question's choices; its `answer` is one of them."""


@dataclass(frozen=True)
class Question:
    """One question as the game plays it, whether written in a pack or generated from facts.

    `id` is the full id, "<pack>/<question-id>" (generated ones: "gen/<fact-id>/<form>").
    For a true/false question `choices` is `TRUE_FALSE_CHOICES` and `answer` one of them;
    for a typed question `choices` is empty and `accept` lists other spellings that count.
    """

    id: str
    pack: str
    type: QuestionType
    prompt: str
    answer: str
    difficulty: Difficulty
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    category: str | None = None
    show: Show | None = None
    explanation: str | None = None
    source: str | None = None
    time_limit: int | None = None

    def to_json(self) -> dict[str, object]:
        """The public shape used by `boschquiz questions --json` and the generated-pack writer."""
        return {
            "id": self.id,
            "pack": self.pack,
            "type": self.type.value,
            "prompt": self.prompt,
            "choices": list(self.choices),
            "answer": self.answer,
            "accept": list(self.accept),
            "difficulty": self.difficulty.value,
            "category": self.category,
            "show": self.show.value if self.show else None,
            "explanation": self.explanation,
            "source": self.source,
            "time_limit": self.time_limit,
        }


@dataclass(frozen=True)
class PackInfo:
    id: str
    title: str
    version: int
    default_difficulty: Difficulty
    author: str | None = None
    description: str | None = None
    path: Path | None = None


@dataclass(frozen=True)
class Pack:
    info: PackInfo
    questions: tuple[Question, ...] = field(default=())

    @property
    def id(self) -> str:
        return self.info.id
