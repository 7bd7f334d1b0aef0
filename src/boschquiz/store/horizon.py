"""A player's spoiler horizon as their settings keep it, and how a saved one is read back.

`players.json` keeps it in the player's settings under `horizon`:
`{"watched": "bosch:7,legacy:2,ballard:0", "books": false}` (`watched` in the form `--watched`
takes, `all` for every season). The key being there means the player has answered the
sign-in question (skipping it saves `all`), so it is never asked again.

A saved value that cannot be read (edited by hand, written by a foreign tool) counts as
"everything, books off" and comes with a one-sentence problem for the player; it is never a
traceback, and it stays as it is until the player sets a horizon again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from boschquiz.core.spoilers import Horizon, SpoilerError

HORIZON_KEY: Final = "horizon"
"""The key in a player's settings."""
MAX_WATCHED_LENGTH: Final = 200
"""Longer than any real `watched` text; a longer one is refused before it is parsed."""


@dataclass(frozen=True)
class SavedHorizon:
    """What a player's settings say about their horizon."""

    horizon: Horizon
    """The horizon to play with: everything (books off) when none is saved or it is unreadable."""
    answered: bool
    """The player has answered (or skipped) the question: one is saved, readable or not."""
    problem: str | None = None
    """Why the saved one could not be read, as a sentence for the player; None when fine."""


def horizon_to_settings(horizon: Horizon) -> dict[str, Any]:
    """The settings value for `horizon` (JSON)."""
    return {"watched": horizon.watched_text, "books": horizon.books}


def horizon_from_settings(settings: Mapping[str, Any]) -> SavedHorizon:
    """The horizon a player's saved settings hold; never raises."""
    if HORIZON_KEY not in settings:
        return SavedHorizon(Horizon.everything(), answered=False)
    reason = _problem(settings[HORIZON_KEY])
    if reason is None:
        value = settings[HORIZON_KEY]
        return SavedHorizon(Horizon.parse(value["watched"], books=value["books"]), answered=True)
    return SavedHorizon(
        Horizon.everything(),
        answered=True,
        problem=f"Your saved spoiler horizon could not be read ({reason}); questions from "
        "every season can come up until you set it again.",
    )


def _problem(value: object) -> str | None:
    if not isinstance(value, Mapping):
        return f"it is {type(value).__name__}, not a horizon"
    watched, books = value.get("watched"), value.get("books")
    if not isinstance(watched, str):
        return "it names no seasons"
    if len(watched) > MAX_WATCHED_LENGTH:
        return f"its seasons run to {len(watched):,} characters"
    if not isinstance(books, bool):
        return "book spoilers are neither on nor off"
    try:
        Horizon.parse(watched)
    except SpoilerError as exc:
        return exc.message
    return None
