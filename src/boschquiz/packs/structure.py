"""The pack schema (`questions/schema/pack.schema.json`), which drives the structural checks."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from boschquiz.core.paths import builtin_questions_dir
from boschquiz.yamlsafe import SchemaCheck

SCHEMA_FILE_NAME = "pack.schema.json"


def schema_path() -> Path:
    return builtin_questions_dir() / "schema" / SCHEMA_FILE_NAME


@cache
def schema_bytes() -> bytes:
    """The schema as shipped; its hash is part of every cache key."""
    return schema_path().read_bytes()


@cache
def pack_schema_check() -> SchemaCheck:
    return SchemaCheck(json.loads(schema_bytes()))
