"""`GameSettings`: everything a player chooses before a game starts."""

from __future__ import annotations

from dataclasses import dataclass

from boschquiz.core.model import Difficulty, Mode, Show
from boschquiz.core.spoilers import Horizon

DEFAULT_PLAYER = "player"


@dataclass(frozen=True)
class GameSettings:
    """A game's choices, built by the New Game screen or `boschquiz play`.

    `questions` is the count for classic, review and practice (None: the mode's default);
    ladder (15), daily (10) and blitz (as many as fit in 60 s) set their own. Empty filter
    tuples mean "no filter". `seed` None means "pick one"; the game records the seed it used.
    Daily ignores `questions`, `tier`, the filters and `seed`: everyone gets the same set.
    `horizon` is how far the player has watched: no question tagged past it is drawn (the
    daily needs none: it draws only questions that spoil nothing). None means "the player's
    own": a front end puts the horizon saved with the player there before the game starts
    (`spoiler_horizon` reads None as everything, book spoilers off).
    """

    mode: Mode = Mode.CLASSIC
    tier: Difficulty = Difficulty.MEDIUM
    questions: int | None = None
    steady: bool = False
    player: str = DEFAULT_PLAYER
    packs: tuple[str, ...] = ()
    shows: tuple[Show, ...] = ()
    categories: tuple[str, ...] = ()
    seed: int | None = None
    final_answer: bool = False
    """Ladder: ask "final answer?" before an answer counts on rungs 11 to 15 (a setting, off
    by default; the clock keeps running while the player confirms)."""
    horizon: Horizon | None = None
    players: tuple[str, ...] = ()
    """A party's players in seat order (`--players`); empty for every other mode, and for a
    party whose players are still to be chosen (the TUI's party set-up)."""

    @property
    def spoiler_horizon(self) -> Horizon:
        """The horizon the questions are drawn within (everything when none was given)."""
        return self.horizon if self.horizon is not None else _EVERYTHING


_EVERYTHING = Horizon.everything()
