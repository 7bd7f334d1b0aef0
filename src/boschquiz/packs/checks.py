"""What a schema cannot say: answers among the choices, unique ids, and the authors' warnings.

Every check reads the loaded data defensively (a value the schema already rejected is skipped
here), so a file with structural errors still gets these findings too.
"""

from __future__ import annotations

import difflib
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import Any

from rapidfuzz import fuzz, process

from boschquiz.core.diagnostics import Diagnostic, error, warning
from boschquiz.core.giveaways import (
    absolute_word,
    answer_in_prompt,
    lone_option_match,
    missing_context,
)
from boschquiz.core.spoilers import SpoilerError, parse_spoilers
from boschquiz.yamlsafe import LoadedYaml

NEAR_DUPLICATE_SCORE = 90
"""rapidfuzz ratio (0-100) from which two prompts count as near-duplicates."""

FUZZY_PROMPT_LIMIT = 300
"""Above this many questions only prompts equal after normalising are compared (pairs grow fast)."""

COMPARED_CHARS = 100
"""Characters of a long text that fuzzy comparisons and "did you mean" hints read."""

MIN_QUESTIONS_FOR_PATTERNS = 4
"""The pattern warnings (longest choice, one position, all true) need this many questions."""

_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680\u2028\u2029"
"""Whitespace NFKC leaves as it is (it turns the other Unicode spaces into a plain space)."""
_FOLD = str.maketrans(dict.fromkeys(string.punctuation + "‘’“”—–…" + _SPACES, " "))
FORMAT_CHARACTERS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
"""Unicode's format characters (category Cf: zero-width space, soft hyphen, bidi controls):
invisible, so dropped when comparing. A test keeps this in step with `unicodedata`."""

DOMINANT_SHARE = 0.6
"""One answer slot, or one truth value, holding more than this share of a pack is a pattern."""


def normalise(text: str) -> str:
    """Case, spacing and punctuation folded away: what two texts look like to a player.

    Unicode compatibility forms are folded too (`é` written as `e` + accent is `é`) and
    invisible format characters (a zero-width space, a soft hyphen) are dropped. Linear in
    the text with a small constant: a 1 MB prompt costs a few milliseconds.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        folded = FORMAT_CHARACTERS.sub("", folded)
    folded = folded.translate(_FOLD)
    while "  " in folded:
        folded = folded.replace("  ", " ")
    return folded.strip()


def _questions(loaded: LoadedYaml) -> Iterator[tuple[int, dict[str, Any]]]:
    data = loaded.data
    questions = data.get("questions") if isinstance(data, dict) else None
    if isinstance(questions, list):
        for index, question in enumerate(questions):
            if isinstance(question, dict):
                yield index, question


def _texts(value: object) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def pack_errors(loaded: LoadedYaml) -> list[Diagnostic]:
    """Errors the schema cannot express: duplicate question ids, answers not among choices."""
    found: list[Diagnostic] = []
    first_line: dict[str, int] = {}
    for index, question in _questions(loaded):
        qid = question.get("id")
        if isinstance(qid, str):
            if qid in first_line:
                line, col = loaded.location(("questions", index, "id"))
                message = f"duplicate question id '{qid}' (first used at line {first_line[qid]})"
                found.append(
                    error(loaded.path, line, col, message, "give each question its own id")
                )
            else:
                first_line[qid] = loaded.location(("questions", index, "id"))[0]
        if question.get("type") == "choice":
            found.extend(_choice_errors(loaded, index, question))
        spoils = question.get("spoils")
        if isinstance(spoils, str) and spoils:
            found.extend(_spoiler_errors(loaded, index, spoils))
    return found


def _spoiler_errors(loaded: LoadedYaml, index: int, spoils: str) -> list[Diagnostic]:
    """A `spoils:` tag naming a show or season that does not exist (`bosch:8`, `boch:3`)."""
    try:
        parse_spoilers(spoils)
    except SpoilerError as problem:
        line, col = loaded.location(("questions", index, "spoils"))
        return [error(loaded.path, line, col, problem.message, problem.hint)]
    return []


def _choice_errors(loaded: LoadedYaml, index: int, question: dict[str, Any]) -> list[Diagnostic]:
    choices = _texts(question.get("choices"))
    answer = question.get("answer")
    if choices is None:
        return []
    found: list[Diagnostic] = []
    seen: dict[str, str] = {}
    for position, choice in enumerate(choices):
        key = normalise(choice)
        if key in seen and seen[key] != choice:
            line, col = loaded.location(("questions", index, "choices", position))
            message = f"choices '{seen[key]}' and '{choice}' look the same to a player"
            found.append(error(loaded.path, line, col, message, _alike_hint(seen[key], choice)))
        seen.setdefault(key, choice)
    if isinstance(answer, str) and answer not in choices:
        line, col = loaded.location(("questions", index, "answer"))
        message = f"answer '{answer}' is not among the choices"
        found.append(error(loaded.path, line, col, message, _closest_choice(answer, choices)))
    return found


def _alike_hint(first: str, second: str) -> str:
    """What to do about two look-alike choices, naming an invisible character or the two
    ways of writing an accent when that is the difference."""
    hidden = sorted({c for c in first + second if unicodedata.category(c) == "Cf"})
    if hidden:
        return f"one has the invisible character U+{ord(hidden[0]):04X}; remove it"
    if unicodedata.normalize("NFC", first) == unicodedata.normalize("NFC", second):
        return "the same letters, written once with combining accents; retype one of them"
    return "make every choice different"


def _closest_choice(answer: str, choices: list[str]) -> str:
    for choice in choices:
        if normalise(choice) == normalise(answer):
            return f"did you mean '{choice}'?"
    heads = {choice[:COMPARED_CHARS]: choice for choice in choices}
    close = difflib.get_close_matches(answer[:COMPARED_CHARS], list(heads), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{heads[close[0]]}'?"
    return "write the answer exactly as one of the choices"


def pack_warnings(loaded: LoadedYaml) -> list[Diagnostic]:
    """Things that make a pack worse to play but not wrong."""
    prompts = {
        index: normalise(q["prompt"])
        for index, q in _questions(loaded)
        if isinstance(q.get("prompt"), str)
    }
    return [
        *_answer_in_prompt(loaded, prompts),
        *_giveaways(loaded),
        *_near_duplicate_prompts(loaded, prompts),
        *_choice_patterns(loaded),
        *_all_true_or_false(loaded),
    ]


CHECKS = {
    "missing-context": "the prompt leans on context the player never sees",
    "answer-in-prompt": "the prompt gives the answer away",
    "lone-option": "one option alone echoes a word of the prompt",
    "absolute-word": "an absolute word marks a false statement",
}
"""The per-question checks a question may waive with `allow: {<check>: <reason>}`."""


def _allowed(question: dict[str, Any]) -> set[str]:
    allow = question.get("allow")
    if not isinstance(allow, dict):
        return set()
    return {k for k, v in allow.items() if isinstance(k, str) and isinstance(v, str) and v.strip()}


def _giveaways(loaded: LoadedYaml) -> Iterator[Diagnostic]:
    """Prompts leaning on missing context, and questions that give themselves away
    (`core.giveaways` owns the rules; the generator follows the same ones)."""
    for index, question in _questions(loaded):
        prompt, answer = question.get("prompt"), question.get("answer")
        if not isinstance(prompt, str):
            continue
        allowed = _allowed(question)
        where = ("questions", index, "prompt")
        how = "or mark it `allow: {%s: <why>}` if it is on purpose"
        found = missing_context(prompt) if "missing-context" not in allowed else None
        if found is not None:
            line, col = loaded.location(where)
            yield warning(
                loaded.path,
                line,
                col,
                f"the prompt leans on context the player never sees ('{found}')",
                "name what it refers to, so the question reads alone, " + how % "missing-context",
            )
        kind = question.get("type")
        choices = _texts(question.get("choices")) or []
        if kind == "choice" and isinstance(answer, str) and "lone-option" not in allowed:
            lone = lone_option_match(prompt, choices)
            if lone is not None:
                option, word = lone
                position = choices.index(option)
                line, col = loaded.location(("questions", index, "choices", position))
                who = "the answer" if option == answer else "a wrong option"
                yield warning(
                    loaded.path,
                    line,
                    col,
                    f"only one option, {who} '{option}', shares the word '{word}' with the prompt",
                    "reword the prompt or the options so no option stands out, "
                    + how % "lone-option",
                )
        if kind == "true_false" and answer is False and "absolute-word" not in allowed:
            extreme = absolute_word(prompt)
            if extreme is not None:
                line, col = loaded.location(where)
                yield warning(
                    loaded.path,
                    line,
                    col,
                    f"the false statement says '{extreme}': absolute words give false ones away",
                    "make it false by a fact, not by an extreme word, " + how % "absolute-word",
                )


def _answer_in_prompt(loaded: LoadedYaml, prompts: dict[int, str]) -> Iterator[Diagnostic]:
    """The answer, or a distinctive word of it no other option shares, in the prompt."""
    for index, question in _questions(loaded):
        answer, prompt = question.get("answer"), question.get("prompt")
        if question.get("type") == "true_false" or not isinstance(answer, str):
            continue
        if not isinstance(prompt, str) or "answer-in-prompt" in _allowed(question):
            continue
        others = [c for c in _texts(question.get("choices")) or [] if c != answer]
        found = answer_in_prompt(prompt, answer, others)
        if found is None:
            continue
        line, col = loaded.location(("questions", index, "prompt"))
        what = f"the answer '{answer}'" if found == answer else f"'{found}', from the answer,"
        yield warning(
            loaded.path,
            line,
            col,
            f"{what} appears in the prompt",
            "reword the prompt so it does not give the answer away, or mark it "
            "`allow: {answer-in-prompt: <why>}` if it is on purpose",
        )


def _near_duplicate_prompts(loaded: LoadedYaml, prompts: dict[int, str]) -> Iterator[Diagnostic]:
    ids = {index: q.get("id") for index, q in _questions(loaded)}
    written = [(index, text, ids[index]) for index, text in prompts.items()]
    fuzzy = len(written) <= FUZZY_PROMPT_LIMIT
    first: dict[str, tuple[int, object]] = {}
    samples: list[str] = []
    for index, text, qid in written:
        twin: tuple[int, object] | None = first.get(text)
        sample = compared_part(text)
        if twin is None and fuzzy and samples:
            close = process.extractOne(
                sample, samples, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE_SCORE
            )
            if close is not None:
                twin = (written[close[2]][0], written[close[2]][2])
        samples.append(sample)
        first.setdefault(text, (index, qid))
        if twin is not None:
            line, col = loaded.location(("questions", index, "prompt"))
            other_line = loaded.location(("questions", twin[0], "prompt"))[0]
            yield warning(
                loaded.path,
                line,
                col,
                f"prompt is nearly the same as question '{twin[1]}' (line {other_line})",
                "players notice repeats; merge them or ask something different",
            )


def compared_part(text: str) -> str:
    """What of a prompt the fuzzy comparison reads: its first and last `COMPARED_CHARS // 2`
    characters (comparing two texts costs the product of their lengths)."""
    if len(text) <= COMPARED_CHARS:
        return text
    half = COMPARED_CHARS // 2
    return text[:half] + text[-half:]


def _choice_patterns(loaded: LoadedYaml) -> Iterator[Diagnostic]:
    positions: list[int] = []
    longest = 0
    for _, question in _questions(loaded):
        choices, answer = _texts(question.get("choices")), question.get("answer")
        if question.get("type") != "choice" or choices is None or answer not in choices:
            continue
        positions.append(choices.index(answer))
        if all(len(answer) > len(c) for c in choices if c != answer):
            longest += 1
    if len(positions) < MIN_QUESTIONS_FOR_PATTERNS:
        return
    line, col = loaded.key_location(("questions",))
    if longest * 2 > len(positions):
        yield warning(
            loaded.path,
            line,
            col,
            f"the correct choice is the longest in {longest} of {len(positions)} choice questions",
            "players learn to pick the longest; make some wrong choices as long",
        )
    slot, most = Counter(positions).most_common(1)[0]
    if len(set(positions)) == 1:
        yield warning(
            loaded.path,
            line,
            col,
            f"every correct answer is written as choice {positions[0] + 1}",
            "the game shuffles choices, but anyone reading the pack sees the pattern; vary it",
        )
    elif most > DOMINANT_SHARE * len(positions):
        yield warning(
            loaded.path,
            line,
            col,
            f"the correct answer is written as choice {slot + 1} in {most} of "
            f"{len(positions)} choice questions",
            "exports keep the written order, where players learn the pattern; vary it",
        )


def _all_true_or_false(loaded: LoadedYaml) -> Iterator[Diagnostic]:
    answers = [
        q.get("answer")
        for _, q in _questions(loaded)
        if q.get("type") == "true_false" and isinstance(q.get("answer"), bool)
    ]
    if len(answers) < MIN_QUESTIONS_FOR_PATTERNS:
        return
    line, col = loaded.key_location(("questions",))
    value, most = Counter(answers).most_common(1)[0]
    word = "true" if value else "false"
    if len(set(answers)) == 1:
        yield warning(
            loaded.path,
            line,
            col,
            f"every true_false answer is {word}",
            "players learn the pattern; write some statements the other way round",
        )
    elif most > DOMINANT_SHARE * len(answers):
        yield warning(
            loaded.path,
            line,
            col,
            f"{most} of {len(answers)} true_false answers are {word}",
            "players learn to guess the common one; write some statements the other way round",
        )
