"""Generated questions read like a quizmaster's: varied, standing alone, not giving themselves away.

These read the templates and the shipped bank; the rules themselves live in `core.giveaways`.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from functools import cache

from boschquiz.core.giveaways import answer_in_prompt, lone_option_match, missing_context
from boschquiz.core.model import Question, QuestionType
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.facts import generate, generate_from_dir
from boschquiz.facts.loading import load_facts_dir
from boschquiz.facts.model import Canon
from boschquiz.facts.templates import RELATIONS, phrasings
from boschquiz.facts.wording import NAMES_THE_BOOKS

FACTS_DIR = builtin_questions_dir() / "facts"
PROMPT_SLOTS = ("forward", "forward_many", "reverse", "typed", "statement")


@cache
def bank(seed: int = 0) -> tuple[Question, ...]:
    result = generate_from_dir(FACTS_DIR, seed=seed)
    assert result.diagnostics == ()
    return result.questions


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_no_template_cites_a_source_the_player_never_sees() -> None:
    """No prompt or statement wording names the source or an article: a question reads alone."""
    for spec in RELATIONS.values():
        for slot in PROMPT_SLOTS:
            for template in phrasings(getattr(spec, slot)):
                assert "source" not in fields(template), (spec.name, slot, template)
                assert not re.search(r"\barticle\b", template, re.I), (spec.name, template)
                assert missing_context(template.replace("{", "").replace("}", "")) is None, (
                    spec.name,
                    template,
                )


def test_phrasings_of_one_slot_use_the_same_placeholders() -> None:
    """Alternatives say the same thing: none drops the context or the detail another keeps."""
    for spec in RELATIONS.values():
        for slot in PROMPT_SLOTS:
            options = phrasings(getattr(spec, slot))
            if options:
                wanted = fields(options[0])
                for template in options[1:]:
                    assert fields(template) == wanted, (spec.name, slot, template)


def test_most_relations_that_ask_have_several_phrasings() -> None:
    """A relation that asks a question has more than one way to ask it."""
    asking = [s for s in RELATIONS.values() if s.forward or s.reverse or s.typed]
    varied = [
        s
        for s in asking
        if all(
            len(phrasings(getattr(s, k))) > 1
            for k in ("forward", "reverse", "typed")
            if getattr(s, k)
        )
    ]
    assert len(varied) == len(asking), [s.name for s in asking if s not in varied]


def test_the_seed_picks_the_wording_and_the_same_seed_the_same() -> None:
    """Another seed rewords some questions; the same seed repeats every wording. (A seed may
    also make or skip a form: a question whose drawn options make it a giveaway is not made.)"""
    first = {q.id: q.prompt for q in bank(0)}
    again = {q.id: q.prompt for q in generate_from_dir(FACTS_DIR, seed=0).questions}
    other = {q.id: q.prompt for q in bank(1)}
    assert first == again
    common = set(first) & set(other)
    assert len(common) >= 0.8 * len(first)
    assert sum(first[i] != other[i] for i in common) >= 20


def test_the_bank_uses_several_wordings_of_one_relation() -> None:
    """The cast questions do not all open alike."""
    openings = Counter(
        q.prompt.split()[0] for q in bank() if "played-by" in q.id and q.id.endswith("/forward")
    )
    assert len(openings) >= 2, openings


def test_no_generated_prompt_leans_on_missing_context() -> None:
    """No "the article", "this show", "the spinoff" or leading pronoun in any prompt."""
    for question in bank():
        assert missing_context(question.prompt) is None, question.prompt
        assert "article" not in question.prompt.casefold(), question.prompt


def test_no_generated_question_gives_its_answer_away() -> None:
    """Neither the answer nor a word only it has stands in the prompt, and no option alone
    echoes a word of the prompt."""
    for question in bank():
        if question.type is QuestionType.TRUE_FALSE:
            continue
        others = [c for c in question.choices if c != question.answer]
        assert answer_in_prompt(question.prompt, question.answer, others) is None, question.id
        if question.type is QuestionType.CHOICE:
            assert lone_option_match(question.prompt, question.choices) is None, question.id


def test_as_of_only_on_facts_that_change() -> None:
    """ "As of" opens only the questions of facts with a date on them, and each of those."""
    base = load_facts_dir(FACTS_DIR).base
    changing = {f.id for f in base.facts if f.as_of is not None}
    assert changing
    for question in bank():
        assert ("As of" in question.prompt) == (question.id.split("/")[1] in changing), question.id


def test_a_two_answer_reverse_question_is_not_made() -> None:
    """Harry Bosch is at the centre of Bosch and of Bosch: Legacy: "Which series centres on
    Harry Bosch?" would have two right answers, so neither centres_on fact asks it."""
    ids = {q.id for q in bank()}
    for fact in ("bosch-centres-on-harry-bosch", "legacy-centres-on-harry-bosch"):
        assert f"gen/{fact}/reverse" not in ids
        assert f"gen/{fact}/typed-reverse" not in ids


def test_explanations_add_something() -> None:
    """A true statement's explanation is not the statement again (in any wording); a false
    statement's explanation says what is true; every question has one."""
    by_id = {q.id: q for q in bank()}
    for question in bank():
        assert question.explanation, question.id
        statement = question.prompt.removeprefix("True or false: ")
        assert statement.casefold() not in question.explanation.casefold(), question.id
        if question.id.endswith("/false"):
            truth = by_id.get(question.id.replace("/false", "/true"))
            if truth is not None:
                assert truth.answer == "True"
    repeated = [
        q.id
        for q in bank()
        if q.id.endswith("/true") and q.explanation and q.prompt.endswith(q.explanation)
    ]
    assert repeated == []


def test_a_false_statement_is_explained_by_the_truth() -> None:
    """ "Bosch ended in 2022." is followed by the year it did end."""
    base = load_facts_dir(FACTS_DIR).base
    question = {q.id: q for q in generate(base, balance=False)}["gen/bosch-ended-in-2021/false"]
    assert question.explanation is not None
    assert "2021" in question.explanation


def test_every_book_canon_question_says_it_is_about_the_novels() -> None:
    """A question on the novels' story says so ("In the novels, ...", "in the novel Angels
    Flight"): the shows tell some of these stories differently, and a player who knows only
    the shows would be marked wrong on a question that reads as one about them."""
    base = load_facts_dir(FACTS_DIR).base
    books = {fact.id for fact in base.facts if fact.canon is Canon.BOOKS}
    asked = [q for q in bank(0) if q.id.split("/")[1] in books]
    assert len({q.family for q in asked}) >= 25
    unclear = [(q.id, q.prompt) for q in asked if not NAMES_THE_BOOKS.search(q.prompt)]
    assert unclear == []


def test_a_question_on_the_shows_or_the_real_world_never_says_in_the_novels() -> None:
    """Only book canon is prefixed: a cast or season question keeps its own wording."""
    base = load_facts_dir(FACTS_DIR).base
    other = {fact.id for fact in base.facts if fact.canon is not Canon.BOOKS}
    prefixed = [
        q.id for q in bank(0) if q.id.split("/")[1] in other and "In the novels" in q.prompt
    ]
    assert prefixed == []


def test_partners_are_told_in_a_tense_true_of_a_former_partner() -> None:
    """Many `partner_of` facts are former partners (Sheehan and Harry in Bosch: Legacy, Olivas
    and Ballard): every wording says they *have been* partners, never that they work together
    now, which would make a true statement false."""
    spec = RELATIONS["partner_of"]
    for slot in PROMPT_SLOTS:
        for template in phrasings(getattr(spec, slot)):
            assert "work together" not in template, (slot, template)
            assert " been" in template, (slot, template)
