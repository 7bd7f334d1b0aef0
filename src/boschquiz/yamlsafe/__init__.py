"""Guarded YAML loading shared by question packs and facts files.

`load_yaml` never raises for bad input: every problem comes back as a located `Diagnostic`.
Only `true`/`false` become booleans and an empty value becomes None; every other scalar keeps
the exact text written (`2021`, `3.10`, `007`, `12:30`, `2025-07-09`, `null`, `yes` stay text).
See docs/packs.md for the limits.
"""

from __future__ import annotations

from boschquiz.yamlsafe.limits import MAX_ALIAS_VALUES, MAX_BYTES, MAX_DEPTH
from boschquiz.yamlsafe.loader import (
    LoadedYaml,
    load_yaml,
    load_yaml_bytes,
    load_yaml_text,
    paused_gc,
)
from boschquiz.yamlsafe.schema import SchemaCheck, schema_diagnostics

__all__ = [
    "MAX_ALIAS_VALUES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "LoadedYaml",
    "SchemaCheck",
    "load_yaml",
    "load_yaml_bytes",
    "load_yaml_text",
    "paused_gc",
    "schema_diagnostics",
]
