"""Is a typed answer right? Forgiving about form, strict about identity.

Case, accents, punctuation, extra spaces and a leading "the"/"a"/"an" never matter, and the
question's `accept` aliases count. A misspelling counts when the answer is long enough to be
unmistakable: word by word, same number of words, each word keeping its first letter and
within a small edit distance (optimal string alignment, so a swapped pair of letters is one
edit): words of up to 4 letters must be exact, 5 to 8 letters allow one edit, longer words two.
A close answer never counts when it is, or is at least as close to, another answer the bank
knows: "Maddie Bosch" is not "Harry Bosch", and neither is "Larry Bosch" when the bank has one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_FUZZY_LENGTH = 5
"""Answers shorter than this (normalized, spaces included) must be typed exactly."""

_ARTICLES = ("the ", "a ", "an ")
_APOSTROPHES = re.compile(r"['’`´]")
_NOT_WORD = re.compile(r"[^\w]+|_")


def normalize(text: str) -> str:
    """Lower-case, accent-free, punctuation-free words separated by single spaces."""
    folded = text.casefold()
    if folded.isascii() and folded.replace(" ", "").isalnum():
        words = folded.split()
    else:
        if not folded.isascii():
            decomposed = unicodedata.normalize("NFKD", folded)
            stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
            folded = stripped.casefold()
        words = _NOT_WORD.sub(" ", _APOSTROPHES.sub("", folded)).split()
    joined = " ".join(words)
    if not joined.startswith(_ARTICLES):
        return joined
    for article in _ARTICLES:
        if joined.startswith(article) and len(joined) > len(article):
            return joined[len(article) :]
    return joined


def allowed_edits(word: str) -> int:
    if len(word) <= 4:
        return 0
    if len(word) <= 8:
        return 1
    return 2


def is_close_misspelling(typed: str, target: str) -> bool:
    """Both normalized. True when `typed` reads as a slip of the keyboard for `target`."""
    if len(target) < MIN_FUZZY_LENGTH:
        return False
    typed_words, target_words = typed.split(), target.split()
    if len(typed_words) != len(target_words):
        return False
    for got, want in zip(typed_words, target_words, strict=True):
        if got[0] != want[0]:
            return False
        if OSA.distance(got, want) > allowed_edits(want):
            return False
    return True


class AnswerMatcher:
    """Checks typed answers; knows the bank's other answers so it never accepts one of them.

    The known answers are normalized on the first answer that needs them, so starting a game
    on a large bank costs nothing here.
    """

    def __init__(self, known_answers: Iterable[str] = ()) -> None:
        self._raw: Iterable[str] | None = known_answers
        self._known: frozenset[str] = frozenset()
        self._known_list: list[str] = []

    def _rivals(self) -> frozenset[str]:
        if self._raw is not None:
            self._known = frozenset(n for n in map(normalize, set(self._raw)) if n)
            self._known_list = sorted(self._known)
            self._raw = None
        return self._known

    def matches(self, typed: str, answer: str, accept: Iterable[str] = ()) -> bool:
        got = normalize(typed)
        if not got:
            return False
        targets = {n for n in (normalize(t) for t in (answer, *accept)) if n}
        if got in targets:
            return True
        if got in self._rivals():
            return False
        close = [t for t in targets if is_close_misspelling(got, t)]
        if not close:
            return False
        distance = min(OSA.distance(got, t) for t in close)
        near = process.extract(
            got, self._known_list, scorer=OSA.distance, score_cutoff=distance, limit=None
        )
        return all(rival in targets for rival, _, _ in near)
