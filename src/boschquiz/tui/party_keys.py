"""Party key blocks: which four characters answer for which player (no Textual here).

A terminal reports the character a key types, not which physical key was pressed, so a block
is four characters. On QWERTY the default blocks are four keyboard rows apart; on AZERTY or
QWERTZ they scatter (`q` and `a` swap places, `z` and `y`, and `1234` needs Shift on AZERTY),
so every block can be remapped: `--party-keys "&é\"',azer,qsdf,wxcv"`, or on the party set-up
screen. Letters answer in either case (Caps Lock on, or Shift held, changes nothing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

DEFAULT_KEY_BLOCKS: tuple[str, ...] = ("1234", "qwer", "asdf", "zxcv", "uiop", "jkl;")
"""One block of four keys per seat, in seat order (on QWERTY: rows of the keyboard)."""

BLOCK_SIZE = 4


class KeyBlockError(ValueError):
    """Key blocks that cannot be played with; the message says what to write instead."""


def parse_key_blocks(text: str) -> tuple[str, ...]:
    """`"1234,qwer,asdf"` as blocks; raises `KeyBlockError` for a block that is not four
    different printable characters, or a character in two blocks (either case)."""
    blocks = tuple(part.strip() for part in text.split(","))
    check_key_blocks(blocks)
    return blocks


def check_key_blocks(blocks: Sequence[str]) -> None:
    seen: dict[str, int] = {}
    for seat, block in enumerate(blocks, start=1):
        if len(block) != BLOCK_SIZE:
            raise KeyBlockError(
                f"key block {seat} {block!r} is not {BLOCK_SIZE} characters"
                " (write blocks like 1234,qwer,asdf, one per player)"
            )
        for char in block:
            if not char.isprintable() or char.isspace() or char == ",":
                raise KeyBlockError(
                    f"key block {seat} {block!r} holds {char!r}, which is not a key to press"
                )
            for form in {char.casefold(), char.swapcase().casefold()}:
                if form in seen:
                    other = seen[form]
                    where = "twice" if other == seat else f"in blocks {other} and {seat}"
                    raise KeyBlockError(f"the key {char!r} is {where}; each key answers once")
                seen[form] = seat


def blocks_for(players: int, chosen: Sequence[str] = ()) -> tuple[str, ...]:
    """A block for each of `players` seats: the chosen ones first, then defaults that share
    no key with them. Raises `KeyBlockError` when the defaults cannot fill the rest."""
    blocks = list(chosen[:players])
    for default in DEFAULT_KEY_BLOCKS:
        if len(blocks) >= players:
            break
        taken = {c.casefold() for block in blocks for c in block}
        if not any(c.casefold() in taken for c in default):
            blocks.append(default)
    if len(blocks) < players:
        raise KeyBlockError(
            f"{players} players need {players} key blocks; name them all (like 1234,qwer,...)"
        )
    check_key_blocks(blocks)
    return tuple(blocks)


def key_map(blocks: Sequence[str]) -> Mapping[str, tuple[int, int]]:
    """Character -> (seat, choice), both 0-based; letters answer in either case."""
    mapping: dict[str, tuple[int, int]] = {}
    for seat, block in enumerate(blocks):
        for choice, char in enumerate(block):
            mapping[char] = (seat, choice)
            mapping[char.swapcase()] = (seat, choice)
    return mapping
