"""Does a question give itself away, or lean on context the player never sees?

One owner for the rules the generator follows when it writes a question and the pack checks
apply to what authors write:

- **the answer's distinctive word in the prompt**: a word of the answer (three letters or more,
  not a common word) that the prompt also holds, while no other option holds it ("Which
  character is at the centre of Bosch: Legacy?" -> Harry Bosch);
- **a lone match**: one option, and only that one, shares a word with the prompt (the only
  option with "Chief" in it for "Who is the new chief?");
- **absolute words** ("only", "never", "entirely", ...) in a false statement: test-wise players
  learn that they mark the false ones;
- **missing context**: a prompt that points at something the game never shows ("the article",
  "this show", "the spinoff") or opens with a pronoun whose noun is nowhere ("She ...").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
_LONG_WORD = re.compile(r"(?<![^\W_])[^\W_]{3,}")
"""A whole word (as `_WORD` finds them) of three characters or more."""
_POSSESSIVE = re.compile(r"['’]s\b")
COMMON_WORDS = frozenset(
    {
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "these",
        "those",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "its",
        "his",
        "her",
        "hers",
        "their",
        "them",
        "they",
        "she",
        "him",
        "not",
        "but",
        "all",
        "any",
        "one",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "than",
        "then",
        "also",
        "only",
        "more",
        "most",
        "some",
        "such",
        "very",
        "does",
        "did",
        "done",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "being",
        "been",
        "true",
        "false",
        "series",
        "show",
        "shows",
        "season",
        "seasons",
        "episode",
        "episodes",
        "character",
        "characters",
        "first",
        "new",
    }
)
"""Words too common to give an answer away (also: any word shorter than three letters)."""

ABSOLUTE_WORDS = (
    "only",
    "never",
    "always",
    "entirely",
    "completely",
    "every",
    "none",
    "no one",
    "nobody",
    "all",
    "solely",
    "exclusively",
)
"""Words that, in a false statement, tell a test-wise player it is false."""

MISSING_CONTEXT = (
    "the article",
    "this article",
    "the piece",
    "the source",
    "this show",
    "this series",
    "the show",
    "the spinoff",
    "the spin-off",
    "that specialised",
    "that specialized",
    "that unit",
    "that division",
    "the first season",
    "the new series",
    "the latest addition",
)
"""Phrases that point at context the game never shows. "The first season" counts only when no
series is named after "of" ("the first season of Ballard" is fine)."""

LEADING_PRONOUNS = frozenset({"she", "he", "her", "his", "they", "their", "it", "its", "this"})
"""A prompt may not open with one of these: the player has no noun to attach it to."""


@lru_cache(maxsize=16384)
def _folded(text: str) -> str:
    folded = _POSSESSIVE.sub("", text.casefold())
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(_folded(text)))


def words(text: str) -> list[str]:
    """Lower-case, accent-free words; "Bosch's" is "bosch"."""
    return list(_words(text))


@lru_cache(maxsize=16384)
def distinctive_words(text: str) -> frozenset[str]:
    """The words of `text` that could tell one answer from another (not "the", "series")."""
    # The words of three letters or more found by the regex itself, all in C: this runs on
    # every prompt, and a 1 MB prompt has over 100,000 distinct words.
    return frozenset(_LONG_WORD.findall(_folded(text))) - COMMON_WORDS


def _phrase_in(phrase: str, text: str) -> bool:
    return f" {' '.join(words(phrase))} " in f" {' '.join(words(text))} "


def answer_in_prompt(prompt: str, answer: str, others: Sequence[str] = ()) -> str | None:
    """The word of `answer` the prompt gives away, unless some other option shares it."""
    if answer.casefold() in prompt.casefold() and words(answer) and _phrase_in(answer, prompt):
        return answer
    overlap = distinctive_words(answer) & distinctive_words(prompt)
    if not overlap:
        return None
    shared: frozenset[str] = frozenset().union(*(distinctive_words(o) for o in others))
    for word in sorted(overlap):
        if word not in shared:
            return word
    return None


def lone_option_match(prompt: str, options: Sequence[str]) -> tuple[str, str] | None:
    """(option, word) when exactly one option holds a distinctive word of the prompt."""
    in_prompt = distinctive_words(prompt)
    by_option = [(o, distinctive_words(o) & in_prompt) for o in options]
    counts: dict[str, int] = {}
    for _, found in by_option:
        for word in found:
            counts[word] = counts.get(word, 0) + 1
    for option, found in by_option:
        for word in sorted(found):
            if counts[word] == 1:
                return option, word
    return None


def absolute_word(statement: str) -> str | None:
    for phrase in ABSOLUTE_WORDS:
        if _phrase_in(phrase, statement):
            return phrase
    return None


def missing_context(prompt: str) -> str | None:
    """The phrase that leans on context the player cannot see, or None."""
    found = words(prompt)
    if found[:3] == ["true", "or", "false"]:
        found = found[3:]
    if found and found[0] in LEADING_PRONOUNS:
        return found[0]
    text = f" {' '.join(found)} "
    for phrase in MISSING_CONTEXT:
        key = f" {' '.join(words(phrase))} "
        at = text.find(key)
        if at < 0:
            continue
        if phrase == "the first season" and text[at + len(key) :].startswith("of "):
            continue
        return phrase
    return None
