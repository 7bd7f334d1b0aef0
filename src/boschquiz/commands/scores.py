"""`boschquiz scores` (to be built)."""

from __future__ import annotations

from boschquiz.commands import Subparsers


def register(sub: Subparsers) -> None:
    sub.add_parser("scores", help="(not yet available)")
