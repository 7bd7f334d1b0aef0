"""A bank served from the cache must not import the YAML, schema and generator machinery.

Those imports (about 60 ms) hold the GIL while the TUI's menu waits for its first key.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import boschquiz.facts
from boschquiz.facts import generator
from boschquiz.packs import rawread
from boschquiz.yamlsafe import MAX_BYTES
from boschquiz.yamlsafe.guards import read_capped

HEAVY_MODULES = (
    "yaml",
    "boschquiz.yamlsafe",
    "jsonschema",
    "rapidfuzz",
    "boschquiz.packs.checks",
    "boschquiz.facts.generator",
    "boschquiz.facts.templates",
    "boschquiz.facts.loading",
)

LOAD_BANK = f"""
import json, sys
from boschquiz.core.paths import AppPaths
from boschquiz.packs.bank import load_bank

load = load_bank(AppPaths.discover())
print(json.dumps({{
    "questions": len(load.bank.questions),
    "all_packs_cached": all(p.cached for p in load.packs),
    "heavy": [m for m in {HEAVY_MODULES!r} if m in sys.modules],
}}))
"""


def load_bank_in_a_fresh_process() -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", LOAD_BANK],
        env=os.environ,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.fixture
def cold_and_warm() -> tuple[dict[str, object], dict[str, object]]:
    """The bank loaded with empty caches, then again in a new process from the caches."""
    cold = load_bank_in_a_fresh_process()
    return cold, load_bank_in_a_fresh_process()


def test_warm_bank_imports_no_heavy_module(
    cold_and_warm: tuple[dict[str, object], dict[str, object]],
) -> None:
    """A bank served from the caches imports none of the parsing and generating modules."""
    _, warm = cold_and_warm
    assert warm["all_packs_cached"] is True
    assert warm["heavy"] == []


def test_warm_bank_has_the_same_questions_count(
    cold_and_warm: tuple[dict[str, object], dict[str, object]],
) -> None:
    """The bank from the caches holds as many questions as the one built without them."""
    cold, warm = cold_and_warm
    assert cold["questions"] == warm["questions"]
    assert isinstance(warm["questions"], int)
    assert warm["questions"] > 0


def test_light_size_limit_is_yamlsafes() -> None:
    """The cache-hit path's copy of the size limit equals yamlsafe's."""
    assert rawread.MAX_BYTES == MAX_BYTES


def test_facts_default_seed_is_the_generators() -> None:
    """The facts package's copy of the default seed equals the generator's."""
    assert boschquiz.facts.DEFAULT_SEED == generator.DEFAULT_SEED


def test_generate_is_still_a_name_of_the_facts_package() -> None:
    """`from boschquiz.facts import generate` still gives the generator's function."""
    from boschquiz.facts import generate

    assert generate is generator.generate


@pytest.mark.parametrize("name", ["missing.yaml", "folder", "big.yaml"])
def test_light_read_reports_problems_as_yamlsafe_does(tmp_path: Path, name: str) -> None:
    """An unreadable or oversized file gets yamlsafe's own result from the light reader."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "big.yaml").write_bytes(b"#" * 200)
    path = tmp_path / name
    assert rawread.read_capped(path, 100) == read_capped(path, 100)
    assert rawread.read_capped(path, 100)[0] is None
