"""Turning a fact's parts into words: names, formatted values, filled templates, sentences."""

from __future__ import annotations

import re
import zlib
from datetime import date

from boschquiz.facts.model import Canon, Entity, Fact, FactsBase, FactValue, ValueKind
from boschquiz.facts.templates import Phrasing, RelationSpec, phrasings

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_NUMBER_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
_LOWER_AFTER_PREFIX = frozenset(
    {"What", "Who", "Whom", "Whose", "Which", "How", "When", "Where", "Why", "In", "On", "At", "To"}
    | {"For", "According", "The", "True", "Season", "Fans", "Together", "Ballard's"}
    | {"A", "An", "With", "Besides"}
)


def format_value(value: FactValue, spec: RelationSpec) -> str:
    if isinstance(value, date):
        return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"
    if spec.kind is ValueKind.NUMBER:
        return spec.value_format.format(value=value)
    return str(value)


def typed_spellings(value: FactValue, spec: RelationSpec) -> tuple[str, ...]:
    """Other ways of writing a value that count as right when typed."""
    if isinstance(value, date):
        month = _MONTHS[value.month - 1]
        return (
            value.isoformat(),
            f"{value.day} {month} {value.year}",
            f"{month} {value.day} {value.year}",
        )
    if isinstance(value, int) and spec.kind is ValueKind.NUMBER:
        spelled = [str(value)]
        if 0 <= value < len(_NUMBER_WORDS):
            spelled.append(_NUMBER_WORDS[value])
        shown = format_value(value, spec)
        return tuple(s for s in dict.fromkeys(spelled) if s != shown)
    return ()


def rotation(template: Phrasing | None, key: str) -> tuple[str, ...]:
    """A slot's phrasings, starting at the one `key` picks (then the others, in order, for when
    the picked one cannot be used): the same key always picks the same phrasing."""
    options = phrasings(template)
    if len(options) <= 1:
        return options
    start = zlib.crc32(key.encode()) % len(options)
    return options[start:] + options[:start]


def month_year(iso: str) -> str:
    year, month = iso[:4], int(iso[5:7])
    return f"{_MONTHS[month - 1]} {year}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def joined(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def prefixed(prefix: str, text: str) -> str:
    """ "<prefix>, <text>", the text's first word lowered where it is not a name."""
    first = text.split(" ", 1)[0]
    rest = text[:1].lower() + text[1:] if first in _LOWER_AFTER_PREFIX else text
    return f"{prefix}, {rest}"


def with_as_of(text: str, as_of: str | None) -> str:
    """ "As of July 2025, ..." for a fact that can change; the text as it is otherwise."""
    if as_of is None:
        return capitalised(text)
    return prefixed(f"As of {month_year(as_of)}", text)


NAMES_THE_BOOKS = re.compile(r"\b(novels?|books?)\b", re.IGNORECASE)
"""A wording that says it is about the novels ("in the novel Angels Flight", "the Harry Bosch
novels"): a book-canon question must match it, or it reads as a question about the shows."""


def in_the_novels(text: str, canon: Canon) -> str:
    """A book-canon sentence or prompt that does not say so already, as "In the novels, ..."
    (the shows tell some of these stories differently: the question must say which canon)."""
    if canon is not Canon.BOOKS or NAMES_THE_BOOKS.search(text):
        return text
    return prefixed("In the novels", text)


class Wording:
    """Fills one fact's templates; `subject`/`obj`/`value` may be swapped for a wrong one."""

    def __init__(self, base: FactsBase, fact: Fact, spec: RelationSpec) -> None:
        self.base = base
        self.fact = fact
        self.spec = spec
        source = base.sources[fact.sources[0]]
        self._fields = {
            "subject": self.name(fact.subject),
            "object": self.name(fact.object) if fact.object else "",
            "value": self.answer_text(),
            "detail": fact.detail or "",
            "others": "",
            "source": source.cited_as,
            "in_context": self._in_context(fact.context),
        }

    def _in_context(self, context: str | None) -> str:
        """ " in Bosch: Legacy", " in the novel Angels Flight", or "" without a context."""
        if context is None:
            return ""
        kind = "the novel " if self.entity(context).type == "novel" else ""
        return f" in {kind}{self.name(context)}"

    def name(self, entity_id: str) -> str:
        return self.base.entities[entity_id].name

    def entity(self, entity_id: str) -> Entity:
        return self.base.entities[entity_id]

    def answer_text(self) -> str:
        """The fact's object or value as words."""
        if self.fact.object is not None:
            return self.name(self.fact.object)
        assert self.fact.value is not None
        return format_value(self.fact.value, self.spec)

    def fill(
        self,
        template: str,
        *,
        subject: str | None = None,
        obj: str | None = None,
        value: str | None = None,
        others: str = "",
    ) -> str:
        fields = dict(self._fields)
        for key, given in (("subject", subject), ("object", obj), ("value", value)):
            if given is not None:
                fields[key] = given
        fields["others"] = others
        text = in_the_novels(template.format_map(fields), self.fact.canon)
        return with_as_of(text, self.fact.as_of)

    def statement(
        self,
        *,
        subject: str | None = None,
        answer: str | None = None,
        template: str | None = None,
    ) -> str:
        """The fact as a sentence (in `template`, else the first phrasing); with `answer` (or
        `subject`) swapped, a false one."""
        wording = template if template is not None else phrasings(self.spec.statement)[0]
        if self.spec.kind is ValueKind.ENTITY:
            return self.fill(wording, subject=subject, obj=answer)
        return self.fill(wording, subject=subject, value=answer)

    def explanation(self, *, judged: bool, related: str | None) -> str | None:
        """What the player learns after answering; never the statement they just judged.

        `judged` is True after a true statement: the player has read the fact already, so the
        explanation is the fact's note, else a related fact (None when there is neither).
        Otherwise (a false statement, a choice, a typed answer) it is the fact as a sentence,
        which for a false statement is what is true, followed by the note or a related fact.
        """
        extra = self.fact.note or related
        if judged:
            return extra
        truth = self.statement()
        return f"{truth} {extra}" if extra else truth
