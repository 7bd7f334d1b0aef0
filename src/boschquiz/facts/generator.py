"""Questions from facts: every form a fact's relation allows and its distractors support.

Ids are `gen/<fact-id>/<form>`, so adding or reordering facts never renames a question. A form
is skipped, never padded, when the base cannot supply enough answers that are certainly wrong.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

from boschquiz.core.giveaways import answer_in_prompt, distinctive_words
from boschquiz.core.model import (
    GENERATED_PACK_ID,
    TRUE_FALSE_CHOICES,
    AnswerKind,
    Difficulty,
    Question,
    QuestionType,
)
from boschquiz.core.spoilers import Spoiler, tag_texts
from boschquiz.facts.balance import balanced
from boschquiz.facts.difficulty import Form, Prominence, prominence, tier
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
from boschquiz.facts.templates import RELATIONS, Phrasing, RelationSpec
from boschquiz.facts.wording import (
    Wording,
    capitalised,
    format_value,
    joined,
    rotation,
    typed_spellings,
)

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
    spoils: tuple[Spoiler | None, ...] = ()
    """What the wrong answers (and any other facts the prompt names) reveal."""


def generate(
    base: FactsBase, *, seed: int = DEFAULT_SEED, balance: bool = True
) -> tuple[Question, ...]:
    """Every question the base supports, in fact order, each form in `Form` order; with
    `balance`, less the surplus true/false statements of each tier (`balance.balanced`)."""
    ctx = Context(base)
    contested = {(f.subject, f.relation) for f in base.facts if f.contested}
    contested_objects = {(f.subject, f.relation, f.object) for f in base.facts if f.contested}
    related = _Related(base)
    questions: list[Question] = []
    for fact in base.facts:
        if fact.contested:
            continue
        maker = _FactQuestions(
            ctx, fact, seed, contested, contested_objects, related.to(fact), related.naming
        )
        questions.extend(maker.all())
    return balanced(questions, seed) if balance else tuple(questions)


RENAMED_TO = "renamed_to"

_KIN_GROUPS: tuple[tuple[str, ...], ...] = (
    ("created_by", "developed_by"),
    ("executive_produced_by", "produced_by", "showrunner"),
)
KIN_RELATIONS: Mapping[str, tuple[str, ...]] = {r: group for group in _KIN_GROUPS for r in group}
"""Relations whose true answers overlap in what a player means: a credited co-creator is not
a wrong answer to "who developed Ballard", nor a showrunner to "who produced Bosch". An
entity true under any relation of the group is never offered as wrong for another."""


class _Related:
    """For an explanation: another fact about the same subject (or about this fact's object),
    as a sentence. Only facts that spoil nothing beyond what this one spoils are used (nothing,
    an earlier season of the same show, or the same tag), so an explanation never reveals more
    than its question."""

    def __init__(self, base: FactsBase) -> None:
        self.base = base
        self.about: dict[str, list[Fact]] = {}
        self.peers: dict[str, list[Fact]] = {}
        self.position: dict[str, int] = {}
        for fact in base.facts:
            if fact.contested:
                continue
            peers = self.peers.setdefault(fact.relation, [])
            self.position[fact.id] = len(peers)
            peers.append(fact)
            self.about.setdefault(fact.subject, []).append(fact)
            if fact.object is not None:
                self.about.setdefault(fact.object, []).append(fact)

    def to(self, fact: Fact) -> str | None:
        """A fact about its subject or object in another relation; else the next fact of the
        same relation ("True Detective is recommended ... for its intense storytelling")."""
        for entity in (fact.subject, fact.object):
            for other in self.about.get(entity, ()) if entity is not None else ():
                if other.relation != fact.relation and _no_later(other.spoils, fact.spoils):
                    return self._sentence(other)
        peers = self.peers.get(fact.relation, [])
        at = self.position.get(fact.id, 0)
        for step in range(1, len(peers)):
            other = peers[(at + step) % len(peers)]
            if other.subject != fact.subject and _no_later(other.spoils, fact.spoils):
                return self._sentence(other)
        return None

    def naming(self, entity: str) -> int:
        return len(self.about.get(entity, ()))

    def _sentence(self, fact: Fact) -> str:
        return Wording(self.base, fact, RELATIONS[fact.relation]).statement()


def _no_later(other: Spoiler | None, than: Spoiler | None) -> bool:
    """True when a fact tagged `other` reveals nothing a fact tagged `than` does not."""
    if other is None or other == than:
        return True
    return (
        than is not None
        and other.show is not None
        and other.show == than.show
        and (other.season <= than.season)
    )


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


_ENTITY_KINDS = {
    "person": AnswerKind.PERSON,
    "character": AnswerKind.PERSON,
    "series": AnswerKind.TITLE,
    "season": AnswerKind.TITLE,
    "novel": AnswerKind.TITLE,
    "song": AnswerKind.TITLE,
}
_VALUE_KINDS = {
    ValueKind.DATE: AnswerKind.DATE,
    ValueKind.NUMBER: AnswerKind.NUMBER,
    ValueKind.YEAR: AnswerKind.NUMBER,
}


def _not_lures(prompt: str, answer: str, wrong: list[Distractor]) -> list[Distractor]:
    """Wrong answers sharing no distinctive word with the prompt that the answer lacks: "Who
    now heads the LAPD in Ballard?" does not offer Renée Ballard, the one option echoing it."""
    echoes = distinctive_words(prompt) - distinctive_words(answer)
    return [d for d in wrong if not distinctive_words(d.text) & echoes]


def gives_away(question: Question) -> bool:
    """True when the prompt gives the answer away: the answer, or a distinctive word of it no
    other option shares, stands in the prompt ("Who leads the cold-case unit in Ballard?" ->
    Renée Ballard). Such a question is not made (`core.giveaways` owns the rule)."""
    if question.type is QuestionType.TRUE_FALSE:
        return False
    others = [c for c in question.choices if c != question.answer]
    return answer_in_prompt(question.prompt, question.answer, others) is not None


class _FactQuestions:
    def __init__(
        self,
        ctx: Context,
        fact: Fact,
        seed: int,
        contested: set[tuple[str, str]],
        contested_objects: set[tuple[str, str, str | None]],
        related: str | None = None,
        naming: Callable[[str], int] = lambda _: 2,
    ) -> None:
        self.ctx = ctx
        self.base = ctx.base
        self.fact = fact
        self.seed = seed
        self.spec: RelationSpec = RELATIONS[fact.relation]
        self.words = Wording(ctx.base, fact, self.spec)
        self.has_contested = (fact.subject, fact.relation) in contested
        self.contested_objects = contested_objects
        self.source = "; ".join(ctx.base.sources[s].citation for s in fact.sources)
        self.closed = self.spec.forward_closed or ctx.base.is_closed(fact.subject, fact.relation)
        """Every true object (or value) of this subject and relation is in the base."""
        self.spoils: tuple[Spoiler | None, ...] = (
            fact.spoils,
            *(ctx.reveals.get(e) for e in (fact.subject, fact.object, fact.context) if e),
        )
        """What every form of this fact shows: the fact itself and the entities it names."""
        self.show = ctx.fact_show(fact)
        self.related = related
        self.naming = naming
        """How many facts name an entity (how well known it is)."""
        self.rng = random.Random(zlib.crc32(f"{seed}/{fact.id}".encode()))
        """Seeded by the seed and this fact's id alone: adding or moving other facts never
        changes this fact's draws. Its forms draw from it in a fixed order."""

    def all(self) -> Iterator[Question]:
        forward = self.forward()
        reverse = self.reverse()
        if forward is not None:
            yield forward
        if reverse is not None:
            yield reverse
        false = self.false_statement()
        rival = false[1].similarity if false is not None else 0.0
        """A true statement is as hard to judge as the alternative the player must rule out."""
        yield self.true_false(
            Form.TRUE, self.words.statement(template=self.phrase(Form.TRUE)), rival
        )
        if false is not None:
            statement, wrong = false
            yield self.true_false(
                Form.FALSE, statement, similarity=wrong.similarity, spoils=(wrong.spoils,)
            )
        typed = self.typed()
        if typed is not None:
            yield typed
        typed_reverse = self.typed_reverse()
        if typed_reverse is not None:
            yield typed_reverse

    # -- the forms ------------------------------------------------------------------------

    def phrase(self, form: Form) -> str:
        """The statement's wording for a true/false form, picked by the seed."""
        return rotation(self.spec.statement, f"{self.seed}/{self.fact.id}/{form.value}")[0]

    def _prompts(self, form: Form, template: Phrasing | None, **fields: str) -> Iterator[str]:
        """Every wording of the slot as a filled prompt, the seed's pick first (filled only
        when the one before it could not be used)."""
        key = f"{self.seed}/{self.fact.id}/{form.value}"
        return (self.words.fill(t, **fields) for t in rotation(template, key))

    def _first_fair(self, form: Form, made: Iterable[_Choice | None]) -> Question | None:
        """The first wording whose question does not give its answer away."""
        for choice in made:
            if choice is None:
                return None
            question = self.choice(form, choice)
            if not gives_away(question):
                return question
        return None

    def forward(self) -> Question | None:
        spec, fact = self.spec, self.fact
        if spec.forward is None:
            return None
        named: tuple[Spoiler | None, ...] = ()
        if spec.kind is ValueKind.ENTITY:
            assert fact.object is not None
            true_objects = self.base.objects_of(fact.subject, fact.relation)
            if not self.closed:
                return None
            template = spec.forward
            others = ""
            stated = self._stated_others()
            if len(true_objects) > 1 and stated:
                # the others the prompt names are the true ones; a contested other is named
                # nowhere (and never offered), so with no other left the plain prompt asks
                if spec.forward_many is None:
                    return None
                template = spec.forward_many
                others = joined(sorted(self.words.name(o) for o in stated))
                named = self._others_spoils(stated)
            prompts = self._prompts(Form.FORWARD, template, others=others)
            wrong = self.wrong_objects
        else:
            prompts = self._prompts(Form.FORWARD, spec.forward)
            wrong = self.wrong_values
        made = (self._choice(p, wrong, spoils=named) for p in prompts)
        return self._first_fair(Form.FORWARD, made)

    def reverse(self) -> Question | None:
        """Only where the fact's object (or value) has this one subject: "Which series centres
        on Harry Bosch?" has two right answers, so it is not asked."""
        spec, fact = self.spec, self.fact
        if spec.reverse is None or not spec.reverse_closed or len(self._true_subjects()) != 1:
            return None
        answer = self.words.name(fact.subject)
        prompts = self._prompts(Form.REVERSE, spec.reverse)
        made = (self._choice(p, self.wrong_subjects, answer=answer) for p in prompts)
        return self._first_fair(Form.REVERSE, made)

    def false_statement(self) -> tuple[str, Distractor] | None:
        """The statement with the closest certainly-wrong object (or subject) in its place."""
        spec, words = self.spec, self.words
        wording = self.phrase(Form.FALSE)
        if spec.kind is ValueKind.ENTITY:
            if self.closed:
                blank = words.statement(answer="", template=wording)
                wrong = _not_named_in(blank, self.wrong_objects)
                if wrong:
                    text = words.statement(answer=wrong[0].text, template=wording)
                    return text, wrong[0]
            if spec.reverse_closed:
                blank = words.statement(subject="", template=wording)
                wrong = _not_named_in(blank, self.wrong_subjects)
                if wrong:
                    text = words.statement(subject=wrong[0].text, template=wording)
                    return text, wrong[0]
            return None
        values = _not_named_in(words.statement(answer="", template=wording), self.wrong_values)
        if not values:
            return None
        return words.statement(answer=values[0].text, template=wording), values[0]

    def typed(self) -> Question | None:
        spec, fact = self.spec, self.fact
        prompt = spec.typed_prompt
        if prompt is None or self.has_contested:
            return None
        if spec.typed is None and not self.closed:
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
        return self._first_fair_typed(Form.TYPED, prompt, answer, accept)

    def typed_reverse(self) -> Question | None:
        spec, fact = self.spec, self.fact
        if spec.reverse is None or not spec.reverse_closed or self.has_contested:
            return None
        if len(self._true_subjects()) != 1:
            return None
        entity = self.base.entities[fact.subject]
        return self._first_fair_typed(Form.TYPED_REVERSE, spec.reverse, entity.name, entity.aliases)

    def _first_fair_typed(
        self, form: Form, template: Phrasing, answer: str, accept: tuple[str, ...]
    ) -> Question | None:
        for prompt in self._prompts(form, template):
            question = self.typed_question(form, prompt, answer, accept)
            if not gives_away(question):
                return question
        return None

    # -- helpers --------------------------------------------------------------------------

    def _stated_others(self) -> list[str]:
        fact = self.fact
        return [
            o
            for o in self.base.objects_of(fact.subject, fact.relation)
            if o != fact.object and (fact.subject, fact.relation, o) not in self.contested_objects
        ]

    def _others_spoils(self, others: list[str]) -> tuple[Spoiler | None, ...]:
        """What the facts naming `others` (the other true objects) reveal."""
        fact = self.fact
        return tuple(
            f.spoils
            for f in self.base.facts_about(fact.subject, fact.relation)
            if f.object in others
        )

    def _true_subjects(self) -> frozenset[str]:
        fact = self.fact
        if fact.object is not None:
            return self.base.subjects_of(fact.relation, fact.object)
        assert fact.value is not None
        return self.base.subjects_with_value(fact.relation, fact.value)

    @cached_property
    def wrong_objects(self) -> list[Distractor]:
        """Certainly-wrong objects, closest first, with spares: for the forward choice and
        the false statement alike. Never one the base states under a kin relation (a
        co-creator is not a wrong answer to "who developed it") or another name of a true one
        (a renamed service)."""
        fact = self.fact
        assert fact.object is not None
        kin = KIN_RELATIONS.get(fact.relation, (fact.relation,))
        true_objects = frozenset().union(*(self.base.objects_of(fact.subject, r) for r in kin))
        return entity_distractors(
            self.ctx,
            fact.object,
            self._with_other_names(true_objects),
            fact.relation,
            "object",
            self.rng,
            WITH_SPARES,
        )

    @cached_property
    def wrong_subjects(self) -> list[Distractor]:
        fact = self.fact
        subjects = self._true_subjects()
        if fact.object is not None:
            kin = KIN_RELATIONS.get(fact.relation, ())
            subjects = subjects.union(*(self.base.subjects_of(r, fact.object) for r in kin))
        return entity_distractors(
            self.ctx,
            fact.subject,
            self._with_other_names(subjects),
            fact.relation,
            "subject",
            self.rng,
            WITH_SPARES,
        )

    def _with_other_names(self, entities: frozenset[str]) -> frozenset[str]:
        """`entities` and every name they had or took (`renamed_to` either way): IMDb TV is
        not a wrong answer where Amazon Freevee is right."""
        base = self.base
        return entities.union(
            *(base.objects_of(e, RENAMED_TO) | base.subjects_of(RENAMED_TO, e) for e in entities)
        )

    @cached_property
    def wrong_values(self) -> list[Distractor]:
        """Certainly-wrong values, closest first: what the source rules out, other subjects'
        values of a closed relation, or near misses of a number, year or date."""
        spec, fact = self.spec, self.fact
        assert fact.value is not None
        if spec.kind is ValueKind.TEXT:
            if not (self.closed or fact.ruled_out):
                return []
            return text_distractors(self.ctx, fact, spec, self.rng, WITH_SPARES)
        if not self.closed:
            return []
        true_values = self.base.values_of(fact.subject, fact.relation)
        return [
            Distractor(format_value(v, spec), similarity)
            for v, similarity in near_misses(fact.value, true_values, spec, self.rng)
        ]

    def _choice(
        self,
        prompt: str,
        wrong: list[Distractor],
        answer: str | None = None,
        spoils: tuple[Spoiler | None, ...] = (),
    ) -> _Choice | None:
        shown = answer if answer is not None else self.words.answer_text()
        wrong = _not_lures(prompt, shown, _not_named_in(prompt, wrong))[:MAX_DISTRACTORS]
        if len(wrong) < MIN_DISTRACTORS:
            return None
        similarity = round(sum(d.similarity for d in wrong) / len(wrong), 3)
        return _Choice(
            prompt=prompt,
            answer=capitalised(shown),
            wrong=tuple(capitalised(d.text) for d in wrong),
            similarity=similarity,
            spoils=(*spoils, *(d.spoils for d in wrong)),
        )

    def choice(self, form: Form, made: _Choice) -> Question:
        options = [made.answer, *made.wrong]
        self.rng.shuffle(options)
        return self.question(
            form,
            QuestionType.CHOICE,
            made.prompt,
            made.answer,
            tuple(options),
            made.similarity,
            spoils=made.spoils,
        )

    def true_false(
        self,
        form: Form,
        statement: str,
        similarity: float,
        spoils: tuple[Spoiler | None, ...] = (),
    ) -> Question:
        answer = TRUE_FALSE_CHOICES[0] if form is Form.TRUE else TRUE_FALSE_CHOICES[1]
        prompt = f"True or false: {statement}"
        return self.question(
            form,
            QuestionType.TRUE_FALSE,
            prompt,
            answer,
            TRUE_FALSE_CHOICES,
            similarity,
            spoils=spoils,
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
        return self.question(
            form, QuestionType.TYPED, prompt, shown, (), self._confusable(form), accept=spellings
        )

    def _confusable(self, form: Form) -> float:
        """How close the answers a player could confuse with a typed one are (0 when none)."""
        fact = self.fact
        if form is Form.TYPED_REVERSE:
            near = self.wrong_subjects
        else:
            near = self.wrong_objects if fact.object is not None else self.wrong_values
        near = near[:MAX_DISTRACTORS]
        return round(sum(d.similarity for d in near) / len(near), 3) if near else 0.0

    @cached_property
    def _explanations(self) -> tuple[str | None, str | None]:
        """After any other form, and after the true statement (which the player just read)."""
        words, related = self.words, self.related
        return (
            words.explanation(judged=False, related=related),
            words.explanation(judged=True, related=related),
        )

    def _prominence(self, form: Form) -> Prominence:
        """How well known the answer is: the subject for a reverse form, else the object (a
        value is ordinary)."""
        fact = self.fact
        if form in (Form.REVERSE, Form.TYPED_REVERSE):
            return prominence(self.naming(fact.subject))
        if fact.object is not None:
            return prominence(self.naming(fact.object))
        return Prominence.ORDINARY

    def answer_kind(self, form: Form) -> AnswerKind:
        """What the answer is: a person or character, a title, a date, a number, or other."""
        fact = self.fact
        if form in (Form.REVERSE, Form.TYPED_REVERSE):
            return _ENTITY_KINDS.get(self.base.entities[fact.subject].type, AnswerKind.OTHER)
        if fact.object is not None:
            return _ENTITY_KINDS.get(self.base.entities[fact.object].type, AnswerKind.OTHER)
        return _VALUE_KINDS.get(self.spec.kind, AnswerKind.OTHER)

    def question(
        self,
        form: Form,
        kind: QuestionType,
        prompt: str,
        answer: str,
        choices: tuple[str, ...],
        similarity: float,
        accept: tuple[str, ...] = (),
        spoils: tuple[Spoiler | None, ...] = (),
    ) -> Question:
        """The question, tagged with everything it shows: its fact, the entities it names,
        and whatever its wrong answers or other named answers come from."""
        difficulty: Difficulty = tier(form, self.fact.salience, similarity, self._prominence(form))
        explanation = self._explanations[form is Form.TRUE]
        answer_kind = None if kind is QuestionType.TRUE_FALSE else self.answer_kind(form)
        tags = (t for t in (*self.spoils, *spoils) if t is not None)
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
            explanation=explanation,
            kind=answer_kind,
            source=self.source,
            spoils=tag_texts(tags),
        )
