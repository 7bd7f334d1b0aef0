"""`boschquiz packs` (to be built)."""

from __future__ import annotations

from boschquiz.commands import Subparsers


def register(sub: Subparsers) -> None:
    sub.add_parser("packs", help="(not yet available)")
