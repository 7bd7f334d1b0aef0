"""Where things live: shipped questions, the user's packs, saves and the cache.

Resolved once, by `AppPaths.discover()`, and handed to whatever needs them; nothing opens a
file at import time. Environment overrides (used by the tests to keep the real folders out):
`BOSCHQUIZ_SAVES`, `BOSCHQUIZ_CACHE`, `BOSCHQUIZ_PACKS`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "boschquiz"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def source_checkout_root() -> Path | None:
    """The repository root when running from a checkout (`make play`), else None."""
    root = _PACKAGE_DIR.parent.parent
    if (root / "pyproject.toml").is_file() and (root / "src" / "boschquiz").is_dir():
        return root
    return None


def builtin_questions_dir() -> Path:
    """`questions/` as shipped: inside the wheel, or at the top of a source checkout."""
    bundled = _PACKAGE_DIR / "questions"
    if bundled.is_dir():
        return bundled
    root = source_checkout_root()
    return (root or _PACKAGE_DIR.parent.parent) / "questions"


def default_saves_dir(env: Mapping[str, str]) -> Path:
    if env.get("BOSCHQUIZ_SAVES"):
        return Path(env["BOSCHQUIZ_SAVES"]).expanduser()
    root = source_checkout_root()
    if root is not None and (root / "saves").is_dir():
        return root / "saves"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "saves"


@dataclass(frozen=True)
class AppPaths:
    builtin_questions: Path
    user_packs: Path
    saves: Path
    cache: Path

    @property
    def builtin_packs(self) -> Path:
        return self.builtin_questions / "packs"

    @property
    def builtin_facts(self) -> Path:
        return self.builtin_questions / "facts"

    @property
    def schema_dir(self) -> Path:
        return self.builtin_questions / "schema"

    @classmethod
    def discover(cls, saves: Path | None = None, env: Mapping[str, str] | None = None) -> AppPaths:
        env = os.environ if env is None else env
        packs = env.get("BOSCHQUIZ_PACKS") or platformdirs.user_data_dir(APP_NAME, appauthor=False)
        cache = env.get("BOSCHQUIZ_CACHE") or platformdirs.user_cache_dir(APP_NAME, appauthor=False)
        return cls(
            builtin_questions=builtin_questions_dir(),
            user_packs=Path(packs).expanduser() / ("" if env.get("BOSCHQUIZ_PACKS") else "packs"),
            saves=saves if saves is not None else default_saves_dir(env),
            cache=Path(cache).expanduser(),
        )
