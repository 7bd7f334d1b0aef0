"""Questions from facts: every form a fact's relation allows and its distractors support.

Ids are `gen/<fact-id>/<form>`, so adding or reordering facts never renames a question. A form
is skipped, never padded, when the base cannot supply enough answers that are certainly wrong.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from boschquiz.core.model import (
    GENERATED_PACK_ID,
    TRUE_FALSE_CHOICES,
    Difficulty,
    Question,
    QuestionType,
)
from boschquiz.facts.difficulty import Form, tier
from boschquiz.facts.distractors import (
    MAX_DISTRACTORS,
    MIN_DISTRACTORS,
    Context,
    Distractor,
    entity_distractors,
    near_misses,
    text_distractors,
)
from boschquiz.facts.model import Fact, FactsBase, ValueKind
from boschquiz.facts.templates import RELATIONS, RelationSpec
from boschquiz.facts.wording import Wording, capitalised, format_value, joined, typed_spellings

PACK_ID = GENERATED_PACK_ID
WITH_SPARES = MAX_DISTRACTORS + 2
"""Wrong answers drawn, so that some may be dropped (named in the prompt) and three remain."""
DEFAULT_SEED = 0


def question_id(fact_id: str, form: Form) -> str:
    return f"{PACK_ID}/{fact_id}/{form.value}"


@dataclass(frozen=True)
class _Choice:
    """A choice question before it becomes a `Question`: answer, wrong answers, closeness."""

    prompt: str
    answer: str
    wrong: tuple[str, ...]
    similarity: float


def generate(base: FactsBase, *, seed: int = DEFAULT_SEED) -> tuple[Question, ...]:
    """Every question the base supports, in fact order, each form in `Form` order."""
    ctx = Context(base)
    contested = {(f.subject, f.relation) for f in base.facts if f.contested}
    contested_objects = {(f.subject, f.relation, f.object) for f in base.facts if f.contested}
    questions: list[Question] = []
    for fact in base.facts:
        if fact.contested:
            continue
        maker = _FactQuestions(ctx, fact, seed, contested, contested_objects)
        questions.extend(maker.all())
    return tuple(questions)


_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=8192)
def _words(text: str) -> str:
    """ " renée ballard " for "Renée Ballard": case and punctuation away, for whole-word search."""
    return f" {_NOT_WORD.sub(' ', text.casefold()).strip()} "


def _not_named_in(text: str, wrong: list[Distractor]) -> list[Distractor]:
    """Wrong answers the text does not already name: "Titus Welliver spoke about how
    supportive Titus Welliver has been" would be wrong, but silly."""
    words = _words(text)
    return [d for d in wrong if _words(d.text) not in words]


def gives_away(question: Question) -> bool:
    """True when the answer stands in the prompt as whole words ("Which series centres on
    Renée Ballard?" -> Ballard): such a question is not made."""
    if question.answer.casefold() not in question.prompt.casefold():
        return False
    return _words(question.answer) in _words(question.prompt)


class _FactQuestions:
    def __init__(
        self,
        ctx: Context,
        fact: Fact,
        seed: int,
        contested: set[tuple[str, str]],
        contested_objects: set[tuple[str, str, str | None]],
    ) -> None:
        self.ctx = ctx
        self.base = ctx.base
        self.fact = fact
        self.seed = seed
        self.spec: RelationSpec = RELATIONS[fact.relation]
        self.words = Wording(ctx.base, fact, self.spec)
        self.has_contested = (fact.subject, fact.relation) in contested
        self.contested_objects = contested_objects
        source = ctx.base.sources[fact.source]
        self.source = source.citation
        self.show = ctx.fact_show(fact)
        self.explanation = self.words.explanation()
        self.rng = random.Random(zlib.crc32(f"{seed}/{fact.id}".encode()))
        """Seeded by the seed and this fact's id alone: adding or moving other facts never
        changes this fact's draws. Its forms draw from it in a fixed order."""

    def all(self) -> Iterator[Question]:
        for question in self._every_form():
            if question.type is QuestionType.TRUE_FALSE or not gives_away(question):
                yield question

    def _every_form(self) -> Iterator[Question]:
        forward = self.forward()
        reverse = self.reverse()
        if forward is not None:
            yield self.choice(Form.FORWARD, forward)
        if reverse is not None:
            yield self.choice(Form.REVERSE, reverse)
        yield self.true_false(Form.TRUE, self.words.statement(), similarity=0.0)
        false = self.false_statement()
        if false is not None:
            yield self.true_false(Form.FALSE, false[0], similarity=false[1])
        typed = self.typed()
        if typed is not None:
            yield typed
        typed_reverse = self.typed_reverse()
        if typed_reverse is not None:
            yield typed_reverse

    # -- the forms ------------------------------------------------------------------------

    def forward(self) -> _Choice | None:
        spec, fact = self.spec, self.fact
        if spec.forward is None:
            return None
        if spec.kind is ValueKind.ENTITY:
            assert fact.object is not None
            true_objects = self.base.objects_of(fact.subject, fact.relation)
            if not spec.forward_closed:
                return None
            template = spec.forward
            others = ""
            if len(true_objects) > 1:
                if spec.forward_many is None:
                    return None
                template = spec.forward_many
                others = joined(sorted(self.words.name(o) for o in self._stated_others()))
            return self._choice(self.words.fill(template, others=others), self.wrong_objects)
        return self._choice(self.words.fill(spec.forward), self.wrong_values)

    def reverse(self) -> _Choice | None:
        spec, fact = self.spec, self.fact
        if spec.reverse is None or not spec.reverse_closed:
            return None
        return self._choice(
            self.words.fill(spec.reverse), self.wrong_subjects, answer=self.words.name(fact.subject)
        )

    def false_statement(self) -> tuple[str, float] | None:
        """The statement with the closest certainly-wrong object (or subject) in its place."""
        spec = self.spec
        if spec.kind is ValueKind.ENTITY:
            if spec.forward_closed:
                wrong = _not_named_in(self.words.statement(answer=""), self.wrong_objects)
                if wrong:
                    return self.words.statement(answer=wrong[0].text), wrong[0].similarity
            if spec.reverse_closed:
                wrong = _not_named_in(self.words.statement(subject=""), self.wrong_subjects)
                if wrong:
                    return self.words.statement(subject=wrong[0].text), wrong[0].similarity
            return None
        values = _not_named_in(self.words.statement(answer=""), self.wrong_values)
        if not values:
            return None
        return self.words.statement(answer=values[0].text), values[0].similarity

    def typed(self) -> Question | None:
        spec, fact = self.spec, self.fact
        prompt = spec.typed_prompt
        if prompt is None or self.has_contested:
            return None
        if spec.typed is None and not spec.forward_closed:
            return None
        if fact.object is not None:
            if len(self.base.objects_of(fact.subject, fact.relation)) != 1:
                return None
            entity = self.base.entities[fact.object]
            answer, accept = entity.name, entity.aliases
        else:
            assert fact.value is not None
            if len(self.base.values_of(fact.subject, fact.relation)) != 1:
                return None
            if spec.kind is ValueKind.TEXT and not fact.accept:
                return None
            answer = format_value(fact.value, spec)
            accept = fact.accept or typed_spellings(fact.value, spec)
        return self.typed_question(Form.TYPED, self.words.fill(prompt), answer, accept)

    def typed_reverse(self) -> Question | None:
        spec, fact = self.spec, self.fact
        if spec.reverse is None or not spec.reverse_closed or self.has_contested:
            return None
        if len(self._true_subjects()) != 1:
            return None
        entity = self.base.entities[fact.subject]
        prompt = self.words.fill(spec.reverse)
        return self.typed_question(Form.TYPED_REVERSE, prompt, entity.name, entity.aliases)

    # -- helpers --------------------------------------------------------------------------

    def _stated_others(self) -> list[str]:
        fact = self.fact
        return [
            o
            for o in self.base.objects_of(fact.subject, fact.relation)
            if o != fact.object and (fact.subject, fact.relation, o) not in self.contested_objects
        ]

    def _true_subjects(self) -> frozenset[str]:
        fact = self.fact
        if fact.object is not None:
            return self.base.subjects_of(fact.relation, fact.object)
        assert fact.value is not None
        return self.base.subjects_with_value(fact.relation, fact.value)

    @cached_property
    def wrong_objects(self) -> list[Distractor]:
        """Certainly-wrong objects, closest first, with spares: for the forward choice and
        the false statement alike."""
        fact = self.fact
        assert fact.object is not None
        true_objects = self.base.objects_of(fact.subject, fact.relation)
        return entity_distractors(
            self.ctx, fact.object, true_objects, fact.relation, "object", self.rng, WITH_SPARES
        )

    @cached_property
    def wrong_subjects(self) -> list[Distractor]:
        fact = self.fact
        subjects = self._true_subjects()
        return entity_distractors(
            self.ctx, fact.subject, subjects, fact.relation, "subject", self.rng, WITH_SPARES
        )

    @cached_property
    def wrong_values(self) -> list[Distractor]:
        """Certainly-wrong values, closest first: what the source rules out, other subjects'
        values of a closed relation, or near misses of a number, year or date."""
        spec, fact = self.spec, self.fact
        assert fact.value is not None
        if spec.kind is ValueKind.TEXT:
            if not (spec.forward_closed or fact.ruled_out):
                return []
            return text_distractors(self.ctx, fact, spec, self.rng, WITH_SPARES)
        if not spec.forward_closed:
            return []
        true_values = self.base.values_of(fact.subject, fact.relation)
        return [
            Distractor(format_value(v, spec), similarity)
            for v, similarity in near_misses(fact.value, true_values, spec, self.rng)
        ]

    def _choice(
        self, prompt: str, wrong: list[Distractor], answer: str | None = None
    ) -> _Choice | None:
        wrong = _not_named_in(prompt, wrong)[:MAX_DISTRACTORS]
        if len(wrong) < MIN_DISTRACTORS:
            return None
        similarity = round(sum(d.similarity for d in wrong) / len(wrong), 3)
        return _Choice(
            prompt=prompt,
            answer=capitalised(answer if answer is not None else self.words.answer_text()),
            wrong=tuple(capitalised(d.text) for d in wrong),
            similarity=similarity,
        )

    def choice(self, form: Form, made: _Choice) -> Question:
        options = [made.answer, *made.wrong]
        self.rng.shuffle(options)
        return self.question(
            form, QuestionType.CHOICE, made.prompt, made.answer, tuple(options), made.similarity
        )

    def true_false(self, form: Form, statement: str, similarity: float) -> Question:
        answer = TRUE_FALSE_CHOICES[0] if form is Form.TRUE else TRUE_FALSE_CHOICES[1]
        prompt = f"True or false: {statement}"
        return self.question(
            form, QuestionType.TRUE_FALSE, prompt, answer, TRUE_FALSE_CHOICES, similarity
        )

    def typed_question(
        self, form: Form, prompt: str, answer: str, accept: tuple[str, ...]
    ) -> Question:
        """A typed question; a spelling the prompt already holds ("Bosch" for "Which
        character is at the centre of Bosch?") is not accepted, it would give the answer away."""
        shown = capitalised(answer)
        in_prompt = _words(prompt)
        spellings = tuple(
            dict.fromkeys(a for a in (answer, *accept) if a != shown and _words(a) not in in_prompt)
        )
        return self.question(form, QuestionType.TYPED, prompt, shown, (), 0.0, accept=spellings)

    def question(
        self,
        form: Form,
        kind: QuestionType,
        prompt: str,
        answer: str,
        choices: tuple[str, ...],
        similarity: float,
        accept: tuple[str, ...] = (),
    ) -> Question:
        difficulty: Difficulty = tier(form, self.fact.salience, similarity)
        return Question(
            id=question_id(self.fact.id, form),
            pack=PACK_ID,
            type=kind,
            prompt=prompt,
            answer=answer,
            difficulty=difficulty,
            choices=choices,
            accept=accept,
            category=self.spec.category,
            show=self.show,
            explanation=self.explanation,
            source=self.source,
        )
