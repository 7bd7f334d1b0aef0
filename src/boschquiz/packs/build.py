"""Valid pack data (as checked by the schema and `checks`) turned into the shared model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from boschquiz.core.model import (
    TRUE_FALSE_CHOICES,
    Difficulty,
    Pack,
    PackInfo,
    Question,
    QuestionType,
    Show,
)
from boschquiz.core.spoilers import parse_spoilers, tag_texts

DEFAULT_DIFFICULTY = Difficulty.MEDIUM
DEFAULT_VERSION = 1


def build_pack(data: dict[str, Any], path: Path) -> Pack:
    """The `Pack` for data that passed every check; values are the exact text written."""
    header: dict[str, Any] = data["pack"]
    pack_id = str(header["id"])
    default = Difficulty(header.get("default_difficulty") or DEFAULT_DIFFICULTY)
    info = PackInfo(
        id=pack_id,
        title=str(header["title"]),
        version=int(header.get("version") or DEFAULT_VERSION),
        default_difficulty=default,
        author=_text(header.get("author")),
        description=_text(header.get("description")),
        path=path,
    )
    return Pack(info, tuple(build_question(pack_id, default, q) for q in data["questions"]))


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def build_question(pack_id: str, default: Difficulty, q: dict[str, Any]) -> Question:
    """One question's entry, already checked, as the model's `Question`."""
    kind = QuestionType(q["type"])
    answer = q["answer"]
    if kind is QuestionType.TRUE_FALSE:
        choices: tuple[str, ...] = TRUE_FALSE_CHOICES
        answer = TRUE_FALSE_CHOICES[0] if answer else TRUE_FALSE_CHOICES[1]
    else:
        choices = tuple(str(c) for c in q.get("choices") or ())
    difficulty = q.get("difficulty")
    show = q.get("show")
    time_limit = q.get("time_limit")
    spoils = q.get("spoils")
    return Question(
        id=f"{pack_id}/{q['id']}",
        pack=pack_id,
        type=kind,
        prompt=str(q["prompt"]),
        answer=str(answer),
        difficulty=Difficulty(difficulty) if difficulty else default,
        choices=choices,
        accept=tuple(str(a) for a in q.get("accept") or ()),
        category=_text(q.get("category")),
        show=Show(show) if show else None,
        explanation=_text(q.get("explanation")),
        source=_text(q.get("source")),
        time_limit=int(time_limit) if time_limit is not None else None,
        spoils=tag_texts(parse_spoilers(spoils)) if isinstance(spoils, str) else (),
        fact=_text(q.get("fact")),
    )
