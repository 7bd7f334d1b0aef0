"""Which games are ranked: the one place that decides whether a game enters a high-score table.

A game is *ranked* only when it is comparable with the other games of its table: a mode that
has a table, the mode's standard length, the full bank of installed packs, no filter chosen
for the game, no seed chosen by the player. Other games are saved and listed (history, stats,
`scores --all`) and marked "custom". A game recorded before these rules (`terms` None) keeps
the standing it had, so no player silently loses a high score.

The daily ignores seeds and filters (everyone gets the same ten), so only its bank and its
length can unrank it.

A party's table ranks its winners: every player's game of a party is saved, and those that
did not finish first (ties share first place) are listed as custom, "placed 2 of 3".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from boschquiz.core.model import GameTerms, Mode, PartySeat
from boschquiz.game.modes import MODES

TABLED_MODES = frozenset(mode for mode, rules in MODES.items() if rules.ranked)
"""Modes that may be ranked at all (`ModeRules.ranked`). Review (your own missed questions)
and practice (no clock, no points) have no high-score table."""

STANDARD_LENGTH: Mapping[Mode, int | None] = {
    mode: None if rules.open_ended else rules.questions
    for mode, rules in MODES.items()
    if rules.ranked
}
"""Questions a ranked game has (None: open-ended, any length), from the mode table."""


def may_be_ranked(mode: Mode) -> bool:
    """Whether games of `mode` have a high-score table at all."""
    return mode in TABLED_MODES


def custom_reasons(
    mode: Mode, terms: GameTerms | None, party: PartySeat | None = None
) -> tuple[str, ...]:
    """Why a game is not ranked, in a few words each; empty when it is ranked."""
    if not may_be_ranked(mode):
        return (f"{mode.value} has no table",)
    reasons: list[str] = []
    if party is not None and party.place != 1:
        reasons.append(f"placed {party.place} of {party.players}")
    if terms is None:
        return tuple(reasons)
    standard = STANDARD_LENGTH.get(mode)
    if standard is not None and terms.length != standard:
        reasons.append(f"{terms.length} questions, not {standard}")
    if terms.own_bank:
        reasons.append("own packs (--pack)")
    if mode is not Mode.DAILY:
        if terms.seeded:
            reasons.append("chosen seed")
        reasons.extend(filter_phrases(terms.packs, terms.shows, terms.categories))
    return tuple(reasons)


def filter_phrases(
    packs: Sequence[str], shows: Sequence[str], categories: Sequence[str]
) -> list[str]:
    """The filters chosen for a game, in words: "packs core", "shows bosch, ballard"."""
    named = (("packs", packs), ("shows", shows), ("categories", categories))
    return [f"{what} {', '.join(chosen)}" for what, chosen in named if chosen]


def is_ranked(mode: Mode, terms: GameTerms | None, party: PartySeat | None = None) -> bool:
    """Whether a game of `mode` played with `terms` (and `party` seat) enters its table."""
    return not custom_reasons(mode, terms, party)
