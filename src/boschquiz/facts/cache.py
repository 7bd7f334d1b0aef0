"""Generated questions kept in the user's cache folder, keyed on everything they depend on.

The key hashes the facts files' bytes, the facts schema, the seed and the generator's own source,
so an edit to any of them is a miss, never a stale bank. An entry that cannot be read back
exactly is ignored and rebuilt. Only error-free results are cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from boschquiz.core.model import AnswerKind, Difficulty, Question, QuestionType, Show
from boschquiz.yamlsafe import paused_gc

CACHE_FORMAT = 4
_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _generator_fingerprint() -> bytes:
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.digest()


def cache_key(names: Sequence[Path], contents: Sequence[bytes], schema: bytes, seed: int) -> str:
    """The key for facts files with these names and bytes (the very bytes that get parsed)."""
    digest = hashlib.sha256(_generator_fingerprint())
    digest.update(hashlib.sha256(schema).digest())
    digest.update(f"seed={seed}".encode())
    for path, raw in zip(names, contents, strict=True):
        digest.update(hashlib.sha256(path.name.encode()).digest())
        digest.update(hashlib.sha256(raw).digest())
    return digest.hexdigest()[:32]


def entry_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"facts-v{CACHE_FORMAT}-{key}.json"


def read_entry(cache_dir: Path, key: str) -> tuple[Question, ...] | None:
    """The cached questions, or None on a miss or an entry that is not exactly right."""
    try:
        with paused_gc(), entry_path(cache_dir, key).open(encoding="utf-8") as handle:
            data = json.load(handle)
            if data["key"] != key:
                return None
            strings = data["strings"]
            pack = data["pack"]
            if not isinstance(pack, str) or not all(type(s) is str for s in strings):
                return None
            return tuple(_question(row, pack, strings) for row in data["rows"])
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def write_entry(cache_dir: Path, key: str, questions: Sequence[Question]) -> None:
    """Write atomically (a reader sees no entry or a whole one); a cache that cannot be
    written is not an error, the next start generates again.

    Rows rather than objects, and the long repeated texts (explanation, source, category)
    stored once each: the entry is a third of the size and reads back three times faster.
    """
    packs = {q.pack for q in questions}
    if len(packs) != 1:
        return
    strings: dict[str, int] = {}

    def ref(text: str | None) -> int | None:
        return None if text is None else strings.setdefault(text, len(strings))

    rows = [
        [
            q.id,
            q.type.value,
            q.prompt,
            q.answer,
            q.difficulty.value,
            list(q.choices),
            list(q.accept),
            ref(q.category),
            q.show.value if q.show else None,
            ref(q.explanation),
            ref(q.source),
            q.kind.value if q.kind else None,
            [ref(tag) for tag in q.spoils],
        ]
        for q in questions
    ]
    payload = {"key": key, "pack": packs.pop(), "strings": list(strings), "rows": rows}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=cache_dir, prefix=".facts-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(temp, entry_path(cache_dir, key))
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return
    _prune(cache_dir, keep=entry_path(cache_dir, key))


def _prune(cache_dir: Path, keep: Path) -> None:
    """Remove the entries of earlier facts (and earlier cache formats) once a new one is in
    place: the game reads one facts base, so only the newest entry can be asked for again.
    An entry that cannot be removed is left; it is never read unless its key comes back."""
    for entry in cache_dir.glob("facts-v*-*.json"):
        if entry != keep:
            with contextlib.suppress(OSError):
                entry.unlink()


_TYPES = {t.value: t for t in QuestionType}
_DIFFICULTIES = {d.value: d for d in Difficulty}
_SHOWS: dict[str | None, Show | None] = {s.value: s for s in Show} | {None: None}
_KINDS: dict[str | None, AnswerKind | None] = {k.value: k for k in AnswerKind} | {None: None}


def _question(row: list[object], pack: str, strings: list[str]) -> Question:
    """One row back to a `Question`; any value of the wrong kind raises (the entry is rebuilt)."""
    qid, kind, prompt, answer, difficulty, choices, accept, category, show, explanation, source = (
        row[:11]
    )
    answer_kind, spoils = row[11:]
    if not (type(qid) is str and type(prompt) is str and type(answer) is str):
        raise TypeError("id, prompt and answer must be text")
    if not (isinstance(choices, list) and isinstance(accept, list)):
        raise TypeError("choices and accept must be lists")
    if not all(type(text) is str for text in (*choices, *accept)):
        raise TypeError("choices and accept must be text")
    if not isinstance(spoils, list):
        raise TypeError("spoils must be a list")
    return Question(
        id=qid,
        pack=pack,
        type=_TYPES[kind],  # type: ignore[index]
        prompt=prompt,
        answer=answer,
        difficulty=_DIFFICULTIES[difficulty],  # type: ignore[index]
        choices=tuple(choices),
        accept=tuple(accept),
        category=_text_at(strings, category),
        show=_SHOWS[show],  # type: ignore[index]
        explanation=_text_at(strings, explanation),
        source=_text_at(strings, source),
        kind=_KINDS[answer_kind],  # type: ignore[index]
        spoils=tuple(_tag_at(strings, tag) for tag in spoils),
    )


def _text_at(strings: list[str], index: object) -> str | None:
    if index is None:
        return None
    if type(index) is not int or index < 0:
        raise TypeError("a text reference must be a position in the strings")
    return strings[index]


def _tag_at(strings: list[str], index: object) -> str:
    tag = _text_at(strings, index)
    if tag is None:
        raise TypeError("a spoiler tag cannot be empty")
    return tag
