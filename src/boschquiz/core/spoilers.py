"""Spoilers: what a fact or question reveals, and how far a player has watched.

`SEASONS` is the one table of the shows' released seasons: spoiler tags in facts files and
packs, `--watched` on the command line and the `Horizon` are all checked against it.

A spoiler tag says what reveals a fact: `bosch:3` (season 3 of Bosch), `legacy:2`, `ballard:1`,
or `novel:<novel entity id>` for a story turn only the novels tell. A question carries the tags
of everything it shows (its fact, the facts its wrong answers and explanation come from), at
most one per show, the latest season. A horizon lets a question through when every tag is at or
before what the player has watched; novel tags pass only with book spoilers switched on.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from boschquiz.core.model import Show

SEASONS: Mapping[Show, int] = MappingProxyType({Show.BOSCH: 7, Show.LEGACY: 3, Show.BALLARD: 1})
"""Released seasons per show (Bosch 2014-2021, Bosch: Legacy 2022-2025, Ballard 2025)."""

SHORT_NAMES: Mapping[Show, str] = MappingProxyType(
    {Show.BOSCH: "Bosch", Show.LEGACY: "Legacy", Show.BALLARD: "Ballard"}
)
"""The shows' names where space is short (a horizon's one-line summary)."""

NOVEL = "novel"
"""The prefix of a book spoiler tag: `novel:<novel entity id>`."""

EVERYTHING = "all"
"""`--watched all`: every released season of every show."""

_TAG = re.compile(r"\s*([^:\s]+)\s*:\s*(\S+?)\s*")
_NOVEL_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_SEASON = re.compile(r"[0-9]{1,2}")


class SpoilerError(ValueError):
    """A tag or horizon that names no real show or season; `hint` says what would."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True, order=True)
class Spoiler:
    """One spoiler tag: a show's season, or a novel (`show` None)."""

    show: Show | None
    season: int = 0
    novel: str | None = None

    def __str__(self) -> str:
        if self.show is None:
            return f"{NOVEL}:{self.novel}"
        return f"{self.show.value}:{self.season}"

    @property
    def is_book(self) -> bool:
        return self.show is None


def _shows_hint() -> str:
    ranges = (f"{s.value}:1" + (f"-{n}" if n > 1 else "") for s, n in SEASONS.items())
    return "shows: " + ", ".join(ranges)


def _show(word: str) -> Show:
    for show in SEASONS:
        if show.value == word:
            return show
    found = difflib.get_close_matches(word, [s.value for s in SEASONS], n=1, cutoff=0.6)
    hint = f"did you mean '{found[0]}'? {_shows_hint()}" if found else _shows_hint()
    raise SpoilerError(f"unknown show '{word}'", hint)


def _season(show: Show, text: str, *, lowest: int) -> int:
    last = SEASONS[show]
    if not _SEASON.fullmatch(text):
        raise SpoilerError(f"'{text}' is not a season number", f"write it like {show.value}:1")
    season = int(text)
    if not lowest <= season <= last:
        raise SpoilerError(
            f"{show.value} has seasons 1 to {last}; there is no season {season}",
            f"{show.value}:{lowest} to {show.value}:{last}",
        )
    return season


@lru_cache(maxsize=1024)
def parse_spoiler(text: str) -> Spoiler:
    """`bosch:3` or `novel:novel-the-late-show` as a `Spoiler`; raises `SpoilerError`."""
    match = _TAG.fullmatch(text)
    if match is None:
        raise SpoilerError(f"'{text}' is not a spoiler tag", "write show:season, like bosch:3")
    word, rest = match.groups()
    if word == NOVEL:
        if not _NOVEL_ID.fullmatch(rest):
            raise SpoilerError(f"'{rest}' is not a novel id", "like novel:novel-the-late-show")
        return Spoiler(None, 0, rest)
    show = _show(word)
    return Spoiler(show, _season(show, rest, lowest=1))


def parse_spoilers(text: str) -> tuple[Spoiler, ...]:
    """A comma-separated list of tags (`bosch:3,legacy:1`), each checked."""
    parts = text.split(",")
    if any(not part.strip() for part in parts):
        raise SpoilerError(f"'{text}' has an empty tag", "separate tags with single commas")
    return tuple(parse_spoiler(part.strip()) for part in parts)


def latest(tags: Iterable[Spoiler]) -> tuple[Spoiler, ...]:
    """The tags that matter together: per show the latest season, and every novel, sorted."""
    by_show: dict[Show, Spoiler] = {}
    novels: set[Spoiler] = set()
    for tag in tags:
        if tag.show is None:
            novels.add(tag)
        elif tag.show not in by_show or by_show[tag.show].season < tag.season:
            by_show[tag.show] = tag
    shows = [by_show[s] for s in SEASONS if s in by_show]
    return (*shows, *sorted(novels, key=str))


def tag_texts(tags: Iterable[Spoiler]) -> tuple[str, ...]:
    """`latest(tags)` as text, the form questions carry (`("bosch:3", "legacy:1")`)."""
    return tuple(str(tag) for tag in latest(tags))


@dataclass(frozen=True)
class Horizon:
    """How far a player has watched each show, and whether book spoilers are on.

    `watched` maps a show to the last season seen (0: none); a show left out counts as 0.
    `Horizon.everything()` is every released season; book spoilers are off unless asked for.
    """

    watched: Mapping[Show, int] = field(default_factory=lambda: MappingProxyType({}))
    books: bool = False

    @classmethod
    def everything(cls, *, books: bool = False) -> Horizon:
        return cls(MappingProxyType(dict(SEASONS)), books)

    @classmethod
    def parse(cls, text: str, *, books: bool = False) -> Horizon:
        """`bosch:7,legacy:2,ballard:0` or `all`; raises `SpoilerError`. Shows left out: 0."""
        if text.strip().casefold() == EVERYTHING:
            return cls.everything(books=books)
        watched: dict[Show, int] = {}
        for part in text.split(","):
            match = _TAG.fullmatch(part)
            if match is None:
                raise SpoilerError(
                    f"'{part.strip()}' is not show:season",
                    "like bosch:7,legacy:2,ballard:0 or all",
                )
            show = _show(match.group(1))
            if show in watched:
                raise SpoilerError(f"{show.value} is given twice", "name each show once")
            watched[show] = _season(show, match.group(2), lowest=0)
        return cls(MappingProxyType(watched), books)

    @property
    def is_everything(self) -> bool:
        return all(self.watched.get(show, 0) >= last for show, last in SEASONS.items())

    def allows(self, tag: Spoiler) -> bool:
        if tag.show is None:
            return self.books
        return tag.season <= self.watched.get(tag.show, 0)

    def allows_texts(self, tags: Iterable[str]) -> bool:
        """True when every tag (as questions carry them) is within the horizon."""
        return all(self.allows(parse_spoiler(tag)) for tag in tags)

    @property
    def watched_text(self) -> str:
        """The seasons part as `--watched` takes it: `all` or `bosch:7,legacy:2,ballard:0`."""
        if self.is_everything:
            return EVERYTHING
        return ",".join(f"{s.value}:{self.watched.get(s, 0)}" for s in SEASONS)

    def describe(self) -> str:
        """For a player: "up to Bosch 7 · Legacy 2 · Ballard 0 · books off", or
        "everything · books off"."""
        books = "books on" if self.books else "books off"
        if self.is_everything:
            return f"everything · {books}"
        seasons = " · ".join(f"{SHORT_NAMES[s]} {self.watched.get(s, 0)}" for s in SEASONS)
        return f"up to {seasons} · {books}"

    def __str__(self) -> str:
        text = self.watched_text
        return f"{text} (with book spoilers)" if self.books else text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Horizon):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[tuple[int, ...], bool]:
        return tuple(self.watched.get(s, 0) for s in SEASONS), self.books


def strictest(horizons: Iterable[Horizon]) -> Horizon:
    """The horizon several players share: per show the fewest seasons any of them has
    watched, book spoilers only when every one of them has them on. No horizon at all:
    everything (a game nobody limits)."""
    chosen = list(horizons)
    if not chosen:
        return Horizon.everything()
    watched = {show: min(h.watched.get(show, 0) for h in chosen) for show in SEASONS}
    return Horizon(MappingProxyType(watched), all(h.books for h in chosen))
