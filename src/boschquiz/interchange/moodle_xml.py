"""Moodle XML (https://docs.moodle.org/en/Moodle_XML_format), written only.

Choice questions become `multichoice` (one right answer, shuffled), true/false `truefalse`,
typed `shortanswer` (every accepted spelling at 100%). Categories become `category` entries;
the explanation is the general feedback. Text is written as plain text (`format="plain_text"`),
so nothing in a prompt is read as HTML.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from boschquiz.core.model import Question, QuestionType
from boschquiz.interchange.draft import ExportResult

_TYPES = {
    QuestionType.CHOICE: "multichoice",
    QuestionType.TRUE_FALSE: "truefalse",
    QuestionType.TYPED: "shortanswer",
}


def _text(parent: ET.Element, tag: str, value: str, plain: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "plain_text"} if plain else {})
    ET.SubElement(element, "text").text = value
    return element


def _answer(parent: ET.Element, text: str, right: bool) -> None:
    answer = ET.SubElement(parent, "answer", {"fraction": "100" if right else "0"})
    answer.attrib["format"] = "plain_text"
    ET.SubElement(answer, "text").text = text


def write(questions: Sequence[Question]) -> ExportResult:
    quiz = ET.Element("quiz")
    category: str | None = None
    for q in questions:
        if q.category and q.category != category:
            category = q.category
            entry = ET.SubElement(quiz, "question", {"type": "category"})
            _text(entry, "category", f"$course$/top/{category}", plain=False)
        question = ET.SubElement(quiz, "question", {"type": _TYPES[q.type]})
        _text(question, "name", q.id, plain=False)
        _text(question, "questiontext", q.prompt)
        if q.explanation:
            _text(question, "generalfeedback", q.explanation)
        ET.SubElement(question, "defaultgrade").text = "1"
        if q.type is QuestionType.CHOICE:
            ET.SubElement(question, "single").text = "true"
            ET.SubElement(question, "shuffleanswers").text = "1"
            ET.SubElement(question, "answernumbering").text = "abc"
            for choice in q.choices:
                _answer(question, choice, choice == q.answer)
        elif q.type is QuestionType.TRUE_FALSE:
            _answer(question, "true", q.answer == "True")
            _answer(question, "false", q.answer == "False")
        else:
            ET.SubElement(question, "usecase").text = "0"
            for spelling in (q.answer, *q.accept):
                _answer(question, spelling, True)
    ET.indent(quiz)
    data = ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"
    return ExportResult(data, (), len(questions))
