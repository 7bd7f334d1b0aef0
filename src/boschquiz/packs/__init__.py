"""Question packs: YAML files a fan writes, checked against the schema and our own rules.

`load_pack` loads one file (through the content-keyed cache); `discover` loads every pack the
game would see. A broken pack is returned with its errors and no `pack`, never raised.
"""

from __future__ import annotations

from boschquiz.packs.discovery import discover, pack_files
from boschquiz.packs.loader import PACK_FORMAT_VERSION, PackLoadResult, load_pack

__all__ = ["PACK_FORMAT_VERSION", "PackLoadResult", "discover", "load_pack", "pack_files"]
