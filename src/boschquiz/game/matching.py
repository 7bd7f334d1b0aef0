"""Is a typed answer right? Forgiving about form, strict about identity.

Every answer has a kind (`AnswerKind`: person, date, number, title, other), given by the
question or worked out here (a date, a number, else other), and is graded by it:

- **Any kind**: case, accents, punctuation, extra spaces, dotted acronyms ("the L.A.P.D." is
  "the LAPD") and a leading "the"/"a"/"an" never matter, and the question's `accept` aliases
  count.
- **Dates** match in any common spelling: "July 9, 2025", "9 July 2025", "July 9th, 2025",
  "Jul 9 2025", "2025-07-09", and numbers with slashes, dots or dashes. "07/09/2025" is read
  the American way, month first (July 9), as the shows are American; when the first number is
  over 12 it can only be a day ("13/07/2025" is July 13).
- **Numbers** match written in figures or words, with or without a unit: "100%", "100
  percent", "one hundred percent", "7", "seven seasons".
- **People**: the surname alone counts ("Ballard" for Renée Ballard) when no other person the
  bank knows shares it ("Bosch" is Harry's and Maddie's, so it counts for neither).
- **Misspellings** count when they read as a slip of the keyboard: word by word, same number of
  words, each word keeping its first letter and within a small edit distance (optimal string
  alignment, so a swapped pair of letters is one edit): words of up to 4 letters must be exact,
  5 to 8 letters allow one edit, longer words two; answers shorter than 5 characters exactly.
- A close answer never counts when it is, or is at least as close to, another answer the bank
  knows: "Maddie Bosch" is not "Harry Bosch", and neither is "Larry Bosch" when the bank has one.

An answer accepted other than as written (an alias, the surname, a misspelling) is `close`: the
feedback says "close enough: Renée Ballard" so the player learns the full answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rapidfuzz import process
from rapidfuzz.distance import OSA

from boschquiz.core.model import AnswerKind

MIN_FUZZY_LENGTH = 5
"""Answers shorter than this (normalized, spaces included) must be typed exactly."""

_ARTICLES = ("the ", "a ", "an ")
_APOSTROPHES = re.compile(r"['’`´]")
_NOT_WORD = re.compile(r"[^\w]+|_")
_DOTTED = re.compile(r"(?<!\w)([^\W\d_](?:\.[^\W\d_])+)\.?(?!\w)")


def _undot(match: re.Match[str]) -> str:
    return match.group(1).replace(".", "")


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
        if "." in folded:
            folded = _DOTTED.sub(_undot, folded)
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


# --- dates ---------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"\s*(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,4})\s*")
_DATE_FILLERS = frozenset({"st", "nd", "rd", "th", "of", "the", "on"})


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """A calendar date in any common spelling, or None. Numbers with slashes are read month
    first ("07/09/2025" is July 9, 2025) unless the first is over 12 (then it is the day)."""
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric:
        a, b, c = (int(g) for g in numeric.groups())
        if len(numeric.group(1)) == 4:
            return _date(a, b, c)
        if len(numeric.group(3)) != 4:
            return None
        return _date(c, b, a) if a > 12 else _date(c, a, b)
    tokens = [t for t in re.findall(r"[a-z]+|\d+", normalize(text)) if t not in _DATE_FILLERS]
    months = [t for t in tokens if t in _MONTHS]
    numbers = [t for t in tokens if t.isdigit()]
    if len(months) != 1 or len(numbers) != 2 or len(tokens) != 3:
        return None
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) != 1:
        return None
    return _date(int(years[0]), _MONTHS[months[0]], int(days[0]))


# --- numbers -------------------------------------------------------------------------------

_UNITS = frozenset(
    {"percent", "per", "cent", "pc", "episodes", "episode", "seasons", "season", "years"}
    | {"year", "old", "age", "aged", "book", "number", "no", "st", "nd", "rd", "th"}
)
"""Words around a number that do not change it: "11 years old", "age 11", "book 9", "9th"."""
_SMALL = {
    word: n
    for n, word in enumerate(
        (
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
            *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
            *("seventeen", "eighteen", "nineteen"),
        )
    )
}
_TENS = {
    word: 10 * n
    for n, word in enumerate(
        ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    )
    if word
}
_ORDINALS = {
    word: n
    for n, word in enumerate(
        (
            *("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"),
            *("ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"),
            *("sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"),
        )
    )
    if word
}
"""Ordinal words read as their number ("seventh" for 7, "twenty first" for 21)."""
_FIGURES = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


def _words_to_number(words: list[str]) -> float | None:
    """ "one hundred", "a hundred and ten", "twenty one", "two thousand twenty one"."""
    total, current, seen = 0, 0, False
    for word in words:
        if word == "and":
            continue
        if word == "a":
            current = max(current, 1)
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _ORDINALS:
            current += _ORDINALS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def parse_number(text: str) -> float | None:
    """A number in figures or words, with an optional unit ("%", "percent", "seasons"), an
    ordinal ("9th", "seventh") or words that leave it as it is ("book 9", "11 years old")."""
    cleaned = text.casefold().replace("%", " percent ").replace("-", " ")
    figures = _FIGURES.findall(cleaned)
    words = [w for w in re.findall(r"[a-z]+", cleaned) if w not in _UNITS]
    if figures:
        if len(figures) != 1 or words:
            return None
        return float(figures[0].replace(",", ""))
    return _words_to_number(words)


# --- the verdict ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """`right`: the answer counts. `close`: it counts, but not as written (an alias, the
    surname, a misspelling): the feedback names the full answer."""

    right: bool
    close: bool = False


WRONG = Verdict(False)
RIGHT = Verdict(True)
CLOSE = Verdict(True, close=True)


def kind_of(answer: str, kind: AnswerKind | None) -> AnswerKind:
    """The question's kind, or the one the answer shows: a date, a number, else other."""
    if kind is not None:
        return kind
    if parse_date(answer) is not None:
        return AnswerKind.DATE
    if parse_number(answer) is not None:
        return AnswerKind.NUMBER
    return AnswerKind.OTHER


class AnswerMatcher:
    """Checks typed answers; knows the bank's other answers so it never accepts one of them,
    and the people it names so a surname alone counts only when it is unique.

    The known answers are normalized on the first answer that needs them, so starting a game
    on a large bank costs nothing here.
    """

    def __init__(self, known_answers: Iterable[str] = (), people: Iterable[str] = ()) -> None:
        self._raw: Iterable[str] | None = known_answers
        self._raw_people: Iterable[str] | None = people
        self._known: frozenset[str] = frozenset()
        self._known_list: list[str] = []
        self._surnames: dict[str, frozenset[str]] = {}

    def _rivals(self) -> frozenset[str]:
        if self._raw is not None:
            self._known = frozenset(n for n in map(normalize, set(self._raw)) if n)
            self._known_list = sorted(self._known)
            self._raw = None
        return self._known

    def _people_by_surname(self) -> dict[str, frozenset[str]]:
        if self._raw_people is not None:
            found: dict[str, set[str]] = {}
            for name in map(normalize, set(self._raw_people)):
                if len(name.split()) >= 2:
                    found.setdefault(name.split()[-1], set()).add(name)
            self._surnames = {k: frozenset(v) for k, v in found.items()}
            self._raw_people = None
        return self._surnames

    def matches(
        self,
        typed: str,
        answer: str,
        accept: Iterable[str] = (),
        kind: AnswerKind | None = None,
    ) -> bool:
        return self.judge(typed, answer, accept, kind).right

    def judge(
        self,
        typed: str,
        answer: str,
        accept: Iterable[str] = (),
        kind: AnswerKind | None = None,
    ) -> Verdict:
        got = normalize(typed)
        if not got:
            return WRONG
        spellings = tuple(accept)
        shown = normalize(answer)
        if got == shown:
            return RIGHT
        aliases = {n for n in (normalize(t) for t in spellings) if n}
        if got in aliases:
            return CLOSE
        what = kind_of(answer, kind)
        if kind is None and what is AnswerKind.OTHER and self._is_person(shown):
            what = AnswerKind.PERSON
        if what is AnswerKind.DATE:
            return self._by_value(parse_date(typed), parse_date(answer))
        if what is AnswerKind.NUMBER:
            value = self._by_value(parse_number(typed), parse_number(answer))
            if value.right or parse_number(typed) is not None:
                return value
        surname = self._surname(got, shown) if what is AnswerKind.PERSON else None
        if surname is not None:
            return surname
        if got in self._rivals():
            return WRONG
        targets = {shown, *aliases}
        close = [t for t in targets if is_close_misspelling(got, t)]
        if not close:
            return WRONG
        distance = min(OSA.distance(got, t) for t in close)
        near = process.extract(
            got, self._known_list, scorer=OSA.distance, score_cutoff=distance, limit=None
        )
        return CLOSE if all(rival in targets for rival, _, _ in near) else WRONG

    @staticmethod
    def _by_value(got: object, want: object) -> Verdict:
        return RIGHT if got is not None and got == want else WRONG

    def _is_person(self, name: str) -> bool:
        """A written question's answer is a person when the bank names that person elsewhere."""
        words = name.split()
        return len(words) >= 2 and name in self._people_by_surname().get(words[-1], frozenset())

    def _surname(self, got: str, name: str) -> Verdict | None:
        """The surname alone (or a slip of it), when no other person shares it; None when the
        answer is not a surname at all."""
        words = name.split()
        if len(words) < 2 or len(got.split()) != 1:
            return None
        surname = words[-1]
        if got != surname and not is_close_misspelling(got, surname):
            return None
        sharing = self._people_by_surname().get(surname, frozenset()) - {name}
        return WRONG if sharing else CLOSE
