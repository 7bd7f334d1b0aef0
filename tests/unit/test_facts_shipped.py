"""The shipped facts base: valid, large enough, and every generated answer true to its fact.

The answer check reads the facts file with plain PyYAML and its own small formatter, not through
the generator's loader, templates or wording, so a bug there cannot hide itself.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from boschquiz.core.model import TRUE_FALSE_CHOICES, Difficulty, Question, QuestionType
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.facts import generate_from_dir, validate_facts_file
from boschquiz.facts.templates import RELATIONS

FACTS_DIR = builtin_questions_dir() / "facts"


@cache
def shipped() -> tuple[Question, ...]:
    result = generate_from_dir(FACTS_DIR)
    assert result.diagnostics == ()
    return result.questions


@cache
def raw() -> dict[str, Any]:
    """Every facts file merged, read by plain PyYAML (the loader under test is not used)."""
    merged: dict[str, Any] = {"sources": [], "entities": [], "facts": []}
    for path in sorted(FACTS_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in merged:
            merged[key].extend(data.get(key) or [])
    return merged


def entities() -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in raw()["entities"]}


def facts() -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in raw()["facts"]}


def spellings(entity_id: str) -> set[str]:
    entity = entities()[entity_id]
    return {s.casefold() for s in [entity["name"], *entity.get("aliases", [])]}


def as_date(value: object) -> date | None:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return date.fromisoformat(value)
    return value if isinstance(value, date) else None


def value_texts(value: object) -> set[str]:
    """Every way the independent formatter writes a value: 2021, 100%, July 9, 2025."""
    value = as_date(value) or value
    if isinstance(value, date):
        month = calendar.month_name[value.month]
        return {f"{month} {value.day}, {value.year}".casefold()}
    text = str(value).casefold()
    return {text, f"{text}%"}


def stated(subject: str, relation: str) -> set[str]:
    """Every object or value the file states (or contests) for subject and relation."""
    found: set[str] = set()
    for fact in raw()["facts"]:
        if fact["subject"] == subject and fact["relation"] == relation:
            if "object" in fact:
                found |= spellings(fact["object"])
            else:
                found |= value_texts(fact["value"])
    return found


def stated_subjects(relation: str, target: object) -> set[str]:
    found: set[str] = set()
    for fact in raw()["facts"]:
        if fact["relation"] != relation:
            continue
        same = fact.get("object") == target if "object" in fact else fact.get("value") == target
        if same:
            found |= spellings(fact["subject"])
    return found


def split_id(question: Question) -> tuple[dict[str, Any], str]:
    pack, fact_id, form = question.id.split("/")
    assert pack == "gen"
    return facts()[fact_id], form


def right_answer_texts(fact: dict[str, Any], form: str) -> set[str]:
    if form in ("reverse", "typed-reverse"):
        return spellings(fact["subject"])
    if "object" in fact:
        return spellings(fact["object"])
    return value_texts(fact["value"]) | {a.casefold() for a in fact.get("accept", [])}


def test_shipped_base_is_valid() -> None:
    """Every shipped facts file passes validation with no finding at all."""
    for path in sorted(FACTS_DIR.glob("*.yaml")):
        assert validate_facts_file(path) == ()


def test_at_least_120_distinct_questions_on_50_facts() -> None:
    """The shipped base makes at least 120 questions on at least 50 facts, with distinct ids.

    (It made 198 before each tier was held to at most 40% true/false: a game asks one question
    per fact, so the surplus statements of a fact that has other forms added nothing to play;
    see facts/balance.py.)"""
    questions = shipped()
    assert len(questions) >= 120
    assert len({q.family for q in questions}) >= 50
    assert len({q.id for q in questions}) == len(questions)


def test_every_tier_type_and_form_is_present() -> None:
    """All three tiers, all three question types and every form occur."""
    questions = shipped()
    assert {q.difficulty for q in questions} == set(Difficulty)
    assert {q.type for q in questions} == set(QuestionType)
    forms = Counter(q.id.rsplit("/", 1)[1] for q in questions)
    assert set(forms) == {"forward", "reverse", "true", "false", "typed", "typed-reverse"}


def choice_questions() -> Iterator[Question]:
    return (q for q in shipped() if q.type is QuestionType.CHOICE)


def test_every_choice_answer_is_the_fact_and_no_wrong_choice_is_true() -> None:
    """Each choice answer is what its fact states; no other choice is stated for the fact."""
    for question in choice_questions():
        fact, form = split_id(question)
        assert question.answer.casefold() in right_answer_texts(fact, form), question.id
        if form == "reverse":
            target = fact.get("object", fact.get("value"))
            also_true = stated_subjects(fact["relation"], target)
        else:
            also_true = stated(fact["subject"], fact["relation"])
        for choice in question.choices:
            if choice != question.answer:
                assert choice.casefold() not in also_true, (question.id, choice)


def test_every_typed_answer_and_spelling_belongs_to_the_fact() -> None:
    """A typed answer and each accepted spelling name the fact's own object, subject or value."""
    for question in shipped():
        if question.type is not QuestionType.TYPED:
            continue
        fact, form = split_id(question)
        allowed = right_answer_texts(fact, form)
        if isinstance(fact.get("value"), int):
            allowed |= set(_NUMBER_WORDS.get(fact["value"], ()))
        day = as_date(fact.get("value"))
        if day is not None:
            month = calendar.month_name[day.month]
            allowed |= {day.isoformat(), f"{day.day} {month} {day.year}".casefold()}
            allowed |= {f"{month} {day.day} {day.year}".casefold()}
        for text in (question.answer, *question.accept):
            assert text.casefold() in allowed, (question.id, text)


_NUMBER_WORDS: dict[int, tuple[str, ...]] = dict(
    enumerate(
        (word,)
        for word in (
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
            *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
            *("seventeen", "eighteen", "nineteen", "twenty"),
        )
    )
)
"""Number words written out here, not taken from the generator's own table."""


def test_true_statements_say_true_and_name_the_fact() -> None:
    """A `true` statement's answer is True and it names the fact's subject and object."""
    for question in shipped():
        fact, form = split_id(question)
        if form != "true":
            continue
        assert question.answer == TRUE_FALSE_CHOICES[0]
        prompt = question.prompt.casefold()
        assert entities()[fact["subject"]]["name"].casefold() in prompt, question.id
        if "object" in fact:
            assert entities()[fact["object"]]["name"].casefold() in prompt, question.id


def test_false_statements_replace_the_truth_with_something_stated_false() -> None:
    """A `false` statement is answered False, drops the true object/subject or value, and
    what it names instead is not stated true for the fact."""
    for question in shipped():
        fact, form = split_id(question)
        if form != "false":
            continue
        assert question.answer == TRUE_FALSE_CHOICES[1]
        prompt = question.prompt.casefold()
        if "value" in fact:
            assert not any(_has_phrase(prompt, t) for t in value_texts(fact["value"])), question.id
            continue
        subject_name = entities()[fact["subject"]]["name"].casefold()
        object_name = entities()[fact["object"]]["name"].casefold()
        swapped_object = _has_phrase(prompt, subject_name) and not _has_phrase(prompt, object_name)
        swapped_subject = _has_phrase(prompt, object_name) and not _has_phrase(prompt, subject_name)
        assert swapped_object or swapped_subject, question.id
        kind = entities()[fact["object" if swapped_object else "subject"]]["type"]
        stand_ins = [
            e
            for e in entities().values()
            if e["type"] == kind and _has_phrase(prompt, e["name"].casefold())
        ]
        assert stand_ins, question.id
        for stand_in in stand_ins:
            if swapped_object:
                assert stand_in["name"].casefold() not in stated(fact["subject"], fact["relation"])
            else:
                target = fact["object"]
                assert stand_in["name"].casefold() not in stated_subjects(fact["relation"], target)


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w:]){re.escape(phrase)}(?![\w:])", text) is not None


def test_contested_fact_never_decides_an_answer() -> None:
    """A contested fact asks nothing, and what it contests is never a right or wrong answer for
    its subject and relation (Paulina Calderon's actress, Overmyer as a creator of Bosch)."""
    contested = [f for f in raw()["facts"] if "contested" in f]
    assert contested
    asked = {split_id(q)[0]["id"] for q in shipped()}
    assert not asked & {f["id"] for f in contested}
    disputed: dict[tuple[str, str], set[str]] = {}
    for fact in contested:
        names = spellings(fact["object"]) if "object" in fact else value_texts(fact["value"])
        disputed.setdefault((fact["subject"], fact["relation"]), set()).update(names)
    for question in shipped():
        fact, form = split_id(question)
        if form in ("reverse", "typed-reverse"):
            continue
        names = disputed.get((fact["subject"], fact["relation"]), set())
        offered = {t.casefold() for t in (question.answer, *question.choices, *question.accept)}
        assert not names & offered, question.id


def test_ballard_creators_are_all_true() -> None:
    """Alaimo, Sherwood and Connelly all created Ballard (settled): a question about its
    creators names the others as true or never offers one of them as wrong."""
    creators = {"michael alaimo", "kendall sherwood", "michael connelly"}
    for question in shipped():
        fact, form = split_id(question)
        if fact["subject"] != "ballard" or fact["relation"] != "created_by":
            continue
        if form == "false":
            assert not any(_has_phrase(question.prompt.casefold(), c) for c in creators)
        wrong = {c.casefold() for c in question.choices if c != question.answer}
        assert not wrong & creators, question.id


def test_time_sensitive_facts_say_so() -> None:
    """Every question from a fact with `as_of` opens its statement with "As of <month year>",
    the month of its `as_of`."""
    dated = {f["id"]: as_date(f["as_of"]) for f in raw()["facts"] if "as_of" in f}
    assert dated
    for question in shipped():
        fact, _ = split_id(question)
        day = dated.get(fact["id"])
        if day is not None:
            month = calendar.month_name[day.month]
            assert f"As of {month} {day.year}, " in question.prompt, question.id


def test_every_question_explains_and_cites() -> None:
    """Each question has an explanation and names every page its fact cites: the page's own
    title, its publisher and its date."""
    pages = {s["id"]: s for s in raw()["sources"]}
    for question in shipped():
        fact, _ = split_id(question)
        assert question.explanation
        assert question.source
        for source_id in fact["sources"]:
            page = pages[source_id]
            for part in (page["title"], page["publisher"], page["date"]):
                assert part in question.source, (question.id, part)
        assert question.show is not None
        assert question.category


def test_the_article_is_cited_by_its_real_title_and_publisher() -> None:
    """The July 2025 article is named as the page it is, not by a title we made up."""
    question = {q.id: q for q in shipped()}["gen/ballard-premiere-date/forward"]
    assert question.source == "Is Ballard a spinoff of Bosch? (Blavity, 2025-07-07)"


@pytest.mark.parametrize(
    ("question_id", "answer"),
    [
        ("gen/renee-ballard-played-by-maggie-q/forward", "Maggie Q"),
        ("gen/renee-ballard-played-by-maggie-q/typed-reverse", "Renée Ballard"),
        ("gen/bosch-ended-in-2021/forward", "2021"),
        ("gen/ballard-premiere-date/forward", "July 9, 2025"),
        ("gen/ballard-rotten-tomatoes/forward", "100%"),
        ("gen/rhd-stands-for/typed", "Robbery-Homicide Division"),
    ],
)
def test_known_questions_have_known_answers(question_id: str, answer: str) -> None:
    """Spot checks written by hand from the article."""
    assert {q.id: q for q in shipped()}[question_id].answer == answer


def test_year_near_misses_are_beside_the_year() -> None:
    """The year question offers only years within three of 2021."""
    question = {q.id: q for q in shipped()}["gen/bosch-ended-in-2021/forward"]
    assert {int(c) for c in question.choices} <= {2018, 2019, 2020, 2021, 2022, 2023, 2024}


def test_typed_alias_is_accepted() -> None:
    """The typed question about Maggie Q's character accepts the unaccented spelling."""
    question = {q.id: q for q in shipped()}["gen/renee-ballard-played-by-maggie-q/typed-reverse"]
    assert "Renee Ballard" in question.accept


def test_shipped_ids_are_pinned() -> None:
    """Ids never drift: a sample of ids written down when the base was made still exists."""
    ids = {q.id for q in shipped()}
    for pinned in (
        "gen/renee-ballard-played-by-maggie-q/forward",
        "gen/harry-bosch-played-by-titus-welliver/reverse",
        "gen/ballard-created-by-alaimo/false",
        "gen/ballard-created-by-sherwood/forward",
        "gen/bosch-ended-because-of-budget/false",
        "gen/mindhunter-recommended/true",  # /reverse withdrawn: reasons fit several shows
        "gen/maggie-q-spoke-to-today/false",
    ):
        assert pinned in ids


def test_shipped_folder_is_the_one_under_test() -> None:
    """Guards the tests above against reading an empty folder."""
    assert list(Path(FACTS_DIR).glob("*.yaml"))


def test_docs_list_every_relation() -> None:
    """docs/facts.md has a row for every relation the generator knows, so authors can look it up."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "facts.md").read_text(encoding="utf-8")
    missing = [name for name in RELATIONS if f"| `{name}` |" not in docs]
    assert missing == []


def test_no_wrong_option_is_named_in_its_prompt() -> None:
    """A wrong option the prompt already names ("who spoke about Titus Welliver?" offering
    Titus Welliver) would be wrong but silly: none is offered."""
    for question in choice_questions():
        prompt = _word_string(question.prompt)
        for choice in question.choices:
            if choice != question.answer:
                assert _word_string(choice) not in prompt, (question.id, choice)


def _word_string(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def test_no_typed_spelling_is_given_by_its_prompt() -> None:
    """Typing a word already in the prompt ("Bosch" for the centre of Bosch) never scores."""
    for question in shipped():
        if question.type is QuestionType.TYPED:
            prompt = _word_string(question.prompt)
            for spelling in (question.answer, *question.accept):
                assert _word_string(spelling) not in prompt, (question.id, spelling)


def test_no_wrong_option_is_true_under_a_kin_relation_or_another_name() -> None:
    """Found in review: Connelly (credited co-creator of Ballard) was offered as a wrong answer
    to "who developed Ballard", and Amazon Freevee (IMDb TV's later name) as a wrong answer to
    "which service was Bosch: Legacy first announced for"; a recommendation's reason, which
    fits several shows, was asked with choices."""
    questions = {q.id: q for q in shipped()}
    for form in ("forward", "false"):
        for fact in (
            "ballard-developed-by-michael-alaimo",
            "ballard-developed-by-kendall-sherwood",
        ):
            question = questions.get(f"gen/{fact}/{form}")
            if question is not None:
                assert "Connelly" not in " ".join((question.prompt, *question.choices))
    announced = questions["gen/legacy-announced-for-imdb-tv/forward"]
    assert "Amazon Freevee" not in announced.choices
    assert not [i for i in questions if "-recommended/" in i and not i.endswith("/true")]
