"""Generated questions written as a regular question pack (format v1), for `boschquiz generate`.

Pack question ids may hold only `[a-z0-9-]`, so `gen/<fact-id>/<form>` is written as the
question id `<fact-id>--<form>` (fact ids never contain a double dash) in the pack `generated`,
with `fact: <fact-id>`, so the written pack keeps one question per fact in a game.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from boschquiz.core.model import TRUE_FALSE_CHOICES, Question, QuestionType
from boschquiz.facts.generator import PACK_ID

WRITTEN_PACK_ID = "generated"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/pack.schema.json"


def pack_question_id(question: Question) -> str:
    """`gen/<fact-id>/<form>` -> `<fact-id>--<form>`."""
    fact_id, form = question.id.removeprefix(f"{PACK_ID}/").split("/", 1)
    return f"{fact_id}--{form}"


def pack_data(questions: Sequence[Question], *, title: str, description: str) -> dict[str, object]:
    return {
        "pack": {
            "id": WRITTEN_PACK_ID,
            "title": title,
            "version": 1,
            "author": "boschquiz generate",
            "description": description,
            "default_difficulty": "medium",
        },
        "questions": [_question_data(q) for q in questions],
    }


def _question_data(question: Question) -> dict[str, object]:
    data: dict[str, object] = {
        "id": pack_question_id(question),
        "type": question.type.value,
        "fact": question.family.removeprefix(f"{PACK_ID}/"),
        "prompt": question.prompt,
    }
    if question.type is QuestionType.CHOICE:
        data["choices"] = list(question.choices)
    if question.type is QuestionType.TRUE_FALSE:
        data["answer"] = question.answer == TRUE_FALSE_CHOICES[0]
    else:
        data["answer"] = question.answer
    if question.accept:
        data["accept"] = list(question.accept)
    data["difficulty"] = question.difficulty.value
    for key, value in (
        ("category", question.category),
        ("show", question.show.value if question.show else None),
        ("explanation", question.explanation),
        ("source", question.source),
    ):
        if value is not None:
            data[key] = value
    return data


def pack_yaml(questions: Sequence[Question], *, title: str, description: str) -> str:
    """The whole pack file as text, starting with the editor's schema comment."""
    body = yaml.safe_dump(
        pack_data(questions, title=title, description=description),
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    header = (
        f"{SCHEMA_COMMENT}\n"
        "# Written by `boschquiz generate` from the facts base; regenerate instead of editing.\n"
    )
    return header + body
