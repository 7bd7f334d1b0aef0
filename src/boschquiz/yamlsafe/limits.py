"""The documented limits every YAML file is checked against before it is parsed."""

from __future__ import annotations

MAX_BYTES = 16 * 1024 * 1024
"""Largest file accepted (16 MiB, about 45,000 questions)."""

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists; a pack needs 4."""

MAX_ALIAS_VALUES = 100_000
"""How many values aliases (`*name`) may add in total once expanded: stops "billion laughs"."""
