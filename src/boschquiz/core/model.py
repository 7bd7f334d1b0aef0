"""The question model every layer shares: packs, generated questions, the engine, the UI."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
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

GENERATED_PACK_ID = "gen"
"""The pack id of questions generated from the facts base (reserved: no pack may use it)."""

GENERATED_PACK_TITLE = "Generated from the facts base"


class AnswerKind(StrEnum):
    """What an answer is, so a typed answer is graded like a fair judge would: a date in any
    spelling, a number in words or with its unit, a person by surname where that is unique."""

    PERSON = "person"
    DATE = "date"
    NUMBER = "number"
    TITLE = "title"
    OTHER = "other"


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
    kind: AnswerKind | None = None
    """What the answer is; None: the matcher works it out (a date, a number, else other)."""
    spoils: tuple[str, ...] = ()
    """Spoiler tags (`bosch:3`, `novel:<id>`; see `core.spoilers`): what the question, its
    choices and its explanation reveal. Empty: it spoils nothing."""
    fact: str | None = None
    """A pack question's `fact:`: the id of the facts-base fact it restates (None: none named;
    generated questions carry theirs in the id)."""

    @cached_property
    def family(self) -> str:
        """Questions of one family give each other away, so a game asks at most one of them.

        The forms generated from one fact ("gen/<fact-id>/<form>") are a family, and so is a
        pack question that names that fact (`fact: <fact-id>`): "gen/<fact-id>". Any other
        question is a family of its own.
        """
        if self.fact:
            return f"{GENERATED_PACK_ID}/{self.fact}"
        parts = self.id.split("/")
        return "/".join(parts[:2]) if parts[0] == GENERATED_PACK_ID and len(parts) >= 3 else self.id

    def to_json(self) -> dict[str, object]:
        """The public shape used by `boschquiz questions --json` and the generated-pack writer
        (`fact` only when a pack question names one)."""
        data: dict[str, object] = {
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
            "spoils": list(self.spoils),
        }
        if self.fact:
            data["fact"] = self.fact
        return data


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


@dataclass(frozen=True)
class QuestionBank:
    """Every question the game may draw from: packs and generated ones, in a stable order.

    `content_hash` identifies the bank's content (daily seeds, saved games); it does not
    depend on the order packs were found in.
    """

    questions: tuple[Question, ...]
    complete: bool = True
    """False when the bank is not every installed pack (only the packs named with `--pack`):
    a game drawn from it is not comparable with the others."""
    user_packs: frozenset[str] = frozenset()
    """Ids of the packs that are not shipped with the game (the player's folder, `--pack`):
    the daily never draws from them."""

    @cached_property
    def content_hash(self) -> str:
        """Computed once per bank (a frozen bank's content cannot change)."""
        digest = hashlib.sha256()
        for q in sorted(self.questions, key=lambda q: q.id):
            digest.update(json.dumps(q.to_json(), sort_keys=True, ensure_ascii=False).encode())
            digest.update(b"\n")
        return digest.hexdigest()[:16]

    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}


class Mode(StrEnum):
    CLASSIC = "classic"
    BLITZ = "blitz"
    LADDER = "ladder"
    DAILY = "daily"
    REVIEW = "review"
    PRACTICE = "practice"
    PARTY = "party"


class Outcome(StrEnum):
    CORRECT = "correct"
    WRONG = "wrong"
    TIMEOUT = "timeout"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ShownText:
    """A question as the player saw it: the prompt, the choices in the order shown (after
    easy's cut or a 50:50 the ones left; empty for a typed question) and the right answer.
    Kept with each answer, so the recap of an old game stays true after the pack changes."""

    prompt: str
    choices: tuple[str, ...]
    answer: str


@dataclass(frozen=True)
class AnswerRecord:
    """One answered (or timed-out, or skipped) question, with enough to recompute its points.

    `shown` is the question as it was shown (None in games saved before it was recorded)."""

    question_id: str
    given: str | None
    outcome: Outcome
    seconds: float
    time_limit: float | None
    base_points: int
    speed_points: int
    streak_bonus: int
    shown: ShownText | None = None

    @property
    def points(self) -> int:
        return self.base_points + self.speed_points + self.streak_bonus


@dataclass(frozen=True)
class GameTerms:
    """What a game was played with, as far as comparing it with other games goes (see
    `boschquiz.game.ranking`).

    `seeded`: the player chose the seed (`--seed`), so the game could be replayed from memory.
    `packs`, `shows`, `categories`: filters chosen for this game (empty: none). `own_bank`:
    the bank was not the full set of installed packs (`--pack`). `length`: the questions the
    game had (None: open-ended, blitz).
    """

    seeded: bool = False
    packs: tuple[str, ...] = ()
    shows: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    own_bank: bool = False
    length: int | None = None


@dataclass(frozen=True)
class PartySeat:
    """A party game's link to the others of its party: every player's record of one party
    carries the same `id`, their own final `place` (ties share one) and the party's size."""

    id: str
    place: int
    players: int


@dataclass(frozen=True)
class GameRecord:
    """A finished game as the store keeps it. `started_at` is an ISO-8601 timestamp.

    `terms` is None for a game recorded before the ranking rules (it keeps its standing).
    `party` links a party game to the other players' records of the same party (None: a
    game played alone)."""

    player: str
    mode: Mode
    tier: Difficulty
    steady: bool
    seed: int
    packs: tuple[str, ...]
    bank_hash: str
    started_at: str
    duration: float
    score: int
    correct: int
    answered: int
    best_streak: int
    answers: tuple[AnswerRecord, ...]
    daily_date: str | None = None
    terms: GameTerms | None = None
    party: PartySeat | None = None


@dataclass(frozen=True)
class QuestionStats:
    """What one player has done with one question: feeds no-repeat selection and review.

    `last_seen` and `due` are ISO-8601 timestamps; `box` is the Leitner box (0 = not in review,
    1 = missed, most urgent; higher boxes come back later).
    """

    question_id: str
    seen: int = 0
    right: int = 0
    wrong: int = 0
    last_seen: str | None = None
    box: int = 0
    due: str | None = None
