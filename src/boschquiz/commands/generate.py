"""`boschquiz generate` (to be built)."""

from __future__ import annotations

from boschquiz.commands import Subparsers


def register(sub: Subparsers) -> None:
    sub.add_parser("generate", help="(not yet available)")
