"""Facts files: guarded loading, schema checks, and the checks a schema cannot say.

A facts folder is read as one base (an entity may be defined in one file and used in another).
Every problem is a located `Diagnostic`; a fact or entity with an error is left out of the base,
so what is generated is built only from facts that passed every check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz import fuzz, process

from boschquiz.core.diagnostics import Diagnostic, error
from boschquiz.core.model import Show
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.core.spoilers import Spoiler, SpoilerError, parse_spoiler
from boschquiz.facts.model import (
    Canon,
    DateIs,
    Entity,
    Fact,
    FactsBase,
    FactValue,
    Salience,
    Source,
    ValueKind,
)
from boschquiz.facts.templates import RELATIONS
from boschquiz.yamlsafe import MAX_BYTES, LoadedYaml, SchemaCheck, load_yaml_bytes
from boschquiz.yamlsafe.guards import read_capped
from boschquiz.yamlsafe.schema import MAX_COMPARED

FACTS_KEYS = ("sources", "entities", "facts")
SEASON = "season"
NOVEL = "novel"
ENDED_IN = "ended_in"
_YEAR = re.compile(r"[0-9]{4}")
MAX_NUMBER_DIGITS = 15
"""Digits a number value may have (Python refuses to read over 4,300; no fact needs 16)."""
_NUMBER = re.compile(rf"-?[0-9]{{1,{MAX_NUMBER_DIGITS}}}")

_E = TypeVar("_E", bound=StrEnum)
KeyPath = tuple[str | int, ...]
Locate = Callable[[KeyPath], tuple[int, int]]


@dataclass(frozen=True)
class FactsLoad:
    """A facts folder (or file) read as one base: what passed every check, and every finding."""

    base: FactsBase
    diagnostics: tuple[Diagnostic, ...]
    files: tuple[Path, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


@dataclass
class _Document:
    """One file's plain data, and how to locate a value in it."""

    path: Path
    data: object
    locate: Locate
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, keypath: KeyPath, message: str, hint: str | None = None) -> Diagnostic:
        line, col = self.locate(keypath)
        found = error(self.path, line, col, message, hint)
        self.diagnostics.append(found)
        return found

    def items(self, key: str) -> Iterable[tuple[int, Mapping[str, Any]]]:
        data = self.data
        section = data.get(key) if isinstance(data, dict) else None
        if isinstance(section, list):
            for index, item in enumerate(section):
                if isinstance(item, dict):
                    yield index, item


@cache
def schema_bytes() -> bytes:
    """The facts JSON Schema file as shipped (`questions/schema/facts.schema.json`)."""
    return (builtin_questions_dir() / "schema" / "facts.schema.json").read_bytes()


@cache
def facts_schema_json() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_bytes())
    return schema


@cache
def facts_schema() -> SchemaCheck:
    return SchemaCheck(facts_schema_json())


def is_facts_data(data: object) -> bool:
    """True for a YAML top level that is a facts file rather than a question pack."""
    return isinstance(data, dict) and "pack" not in data and any(k in data for k in FACTS_KEYS)


def facts_files(folder: Path) -> tuple[Path, ...]:
    return tuple(
        sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    )


@dataclass(frozen=True)
class FactsFile:
    """One facts file's bytes as read (None when it could not be read; `problem` says why)."""

    path: Path
    raw: bytes | None
    problem: Diagnostic | None = None


def read_facts_dir(folder: Path) -> tuple[FactsFile, ...]:
    """Every facts file directly in `folder`, read once and size-checked."""
    if not folder.is_dir():
        return ()
    return tuple(read_facts_file(path) for path in facts_files(folder))


def read_facts_file(path: Path) -> FactsFile:
    raw, problem = read_capped(path, MAX_BYTES)
    return FactsFile(path, raw, problem)


def load_facts_dir(folder: Path) -> FactsLoad:
    """Every facts file in `folder` (not its subfolders) as one base."""
    return load_facts_files(read_facts_dir(folder))


def load_facts_files(files: Sequence[FactsFile]) -> FactsLoad:
    """Files already read (`read_facts_dir`) as one base."""
    return load_documents([_parse(f) for f in files], tuple(f.path for f in files))


def load_facts_file(path: Path) -> FactsLoad:
    """One facts file on its own; references may point into its sibling facts files."""
    siblings = [p for p in facts_files(path.parent) if p.resolve() != path.resolve()]
    documents = [_read(path)]
    for sibling in siblings:
        document = _read(sibling)
        if is_facts_data(document.data):
            documents.append(document)
    load = load_documents(documents, (path,))
    own = tuple(d for d in load.diagnostics if d.path == str(path))
    return FactsLoad(load.base, own, (path,))


def load_facts_data(data: object, path: Path = Path("<facts>")) -> FactsLoad:
    """Plain data already in memory (a JSON facts file, tests): located at the file only."""
    return load_documents([_checked(LoadedYaml(path=path, data=data, diagnostics=()))], (path,))


def _read(path: Path) -> _Document:
    return _parse(read_facts_file(path))


def _parse(file: FactsFile) -> _Document:
    if file.raw is None:
        problems = [file.problem] if file.problem else []
        return _Document(file.path, None, lambda keypath: (0, 0), problems)
    return _checked(load_yaml_bytes(file.path, file.raw))


def _checked(loaded: LoadedYaml) -> _Document:
    document = _Document(loaded.path, loaded.data, loaded.location, list(loaded.diagnostics))
    if loaded.data is not None:
        document.diagnostics.extend(facts_schema().diagnostics(loaded))
    return document


def load_documents(documents: Sequence[_Document], files: Sequence[Path]) -> FactsLoad:
    base = _Builder(documents).build()
    diagnostics = [d for doc in documents for d in doc.diagnostics]
    return FactsLoad(base, tuple(_unique(diagnostics)), tuple(files))


def _unique(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    seen: set[Diagnostic] = set()
    out = []
    for diagnostic in diagnostics:
        if diagnostic not in seen:
            seen.add(diagnostic)
            out.append(diagnostic)
    return out


MAX_HINTS = 100
""""Did you mean" hints per load of a facts base (see `_Builder._closest`)."""
HINT_SCORE = 60
"""rapidfuzz ratio (0-100) from which an id is offered as "did you mean" (difflib's 0.6)."""


def _closest(word: str, options: Iterable[str]) -> str | None:
    found = process.extractOne(
        word[:MAX_COMPARED], sorted(options), scorer=fuzz.ratio, score_cutoff=HINT_SCORE
    )
    return f"did you mean '{found[0]}'?" if found else None


def _text(item: Mapping[str, Any], key: str) -> str | None:
    value = item.get(key)
    return value if isinstance(value, str) and value else None


def _texts(item: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = item.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(v for v in value if isinstance(v, str) and v)


def _enum(item: Mapping[str, Any], key: str, kind: type[_E]) -> _E | None:
    """`item[key]` as a member of `kind`, or None when absent or not one (the schema says so)."""
    value = item.get(key)
    if isinstance(value, str) and value in {member.value for member in kind}:
        return kind(value)
    return None


def _show(item: Mapping[str, Any]) -> Show | None:
    return _enum(item, "show", Show)


@dataclass
class _Seen:
    """Where an id was first defined, for "duplicate id" hints."""

    doc: _Document
    keypath: KeyPath

    def describe(self) -> str:
        line, _ = self.doc.locate(self.keypath)
        return f"first defined at {self.doc.path}:{line}"


class _Builder:
    def __init__(self, documents: Sequence[_Document]) -> None:
        self.documents = documents
        self.sources: dict[str, Source] = {}
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []
        self.fact_ids: dict[str, _Seen] = {}
        self.statements: dict[tuple[str, str, str, str | None], str] = {}
        self.until_ended: list[tuple[str, str, str, _Seen]] = []
        """Facts without `as_of` that need none only if their subject has ended."""
        self.hints_left = MAX_HINTS

    def _closest(self, word: str, options: Iterable[str]) -> str | None:
        """A "did you mean" hint, while `MAX_HINTS` last (each compares `word` with every
        option: thousands of unknown references against thousands of ids would cost their
        product, so later errors come without a hint)."""
        if self.hints_left <= 0:
            return None
        self.hints_left -= 1
        return _closest(word, options)

    def build(self) -> FactsBase:
        for doc in self.documents:
            if doc.data is not None and not is_facts_data(doc.data):
                if isinstance(doc.data, dict) and not doc.data:
                    doc.error((), "the file has none of sources, entities or facts")
                elif isinstance(doc.data, dict) and "pack" in doc.data:
                    doc.error((), "this is a question pack, not a facts file")
        self._collect_sources()
        self._collect_entities()
        for doc in self.documents:
            for index, item in doc.items("facts"):
                fact = self._fact(doc, ("facts", index), item)
                if fact is not None:
                    self.facts.append(fact)
        self._check_until_ended()
        return FactsBase(sources=self.sources, entities=self.entities, facts=tuple(self.facts))

    def _collect_sources(self) -> None:
        first: dict[str, _Seen] = {}
        for doc in self.documents:
            for index, item in doc.items("sources"):
                keypath: KeyPath = ("sources", index)
                source_id, title, when = (
                    _text(item, "id"),
                    _text(item, "title"),
                    _text(item, "date"),
                )
                if source_id is None or title is None or when is None:
                    continue
                if source_id in first:
                    doc.error(
                        (*keypath, "id"),
                        f"duplicate source id '{source_id}'",
                        first[source_id].describe(),
                    )
                    continue
                first[source_id] = _Seen(doc, keypath)
                if _parse_date(when) is None:
                    doc.error((*keypath, "date"), f"'{when}' is not a calendar date")
                    continue
                publisher = item.get("publisher")
                self.sources[source_id] = Source(
                    id=source_id,
                    title=title,
                    date=when,
                    publisher=publisher if isinstance(publisher, str) and publisher else None,
                    note=_text(item, "note"),
                    cite_as=_text(item, "cite_as"),
                    url=_text(item, "url"),
                    date_is=_enum(item, "date_is", DateIs) or DateIs.PUBLISHED,
                )

    def _collect_entities(self) -> None:
        first: dict[str, _Seen] = {}
        spellings: dict[tuple[str, str], tuple[str, _Seen]] = {}
        for doc in self.documents:
            for index, item in doc.items("entities"):
                keypath: KeyPath = ("entities", index)
                entity_id, kind, name = _text(item, "id"), _text(item, "type"), _text(item, "name")
                if entity_id is None or kind is None or name is None:
                    continue
                if entity_id in first:
                    doc.error(
                        (*keypath, "id"),
                        f"duplicate entity id '{entity_id}'",
                        first[entity_id].describe(),
                    )
                    continue
                here = _Seen(doc, keypath)
                first[entity_id] = here
                entity = Entity(
                    id=entity_id,
                    type=kind,
                    name=name,
                    aliases=_texts(item, "aliases"),
                    tags=_texts(item, "tags"),
                    show=_show(item),
                    season=self._season(doc, keypath, item, kind),
                )
                clash = kind == SEASON and entity.season is None
                for spelling in entity.spellings:
                    key = (kind, spelling.casefold())
                    if key in spellings and spellings[key][0] != entity_id:
                        other, seen = spellings[key]
                        doc.error(
                            (*keypath, "name" if spelling == name else "aliases"),
                            f"'{spelling}' names two {kind} entities: '{other}' and '{entity_id}'",
                            f"a typed answer could not tell them apart; {seen.describe()}",
                        )
                        clash = True
                    spellings.setdefault(key, (entity_id, here))
                if not clash:
                    self.entities[entity_id] = entity

    def _season(
        self, doc: _Document, keypath: KeyPath, item: Mapping[str, Any], kind: str
    ) -> int | None:
        """A season entity's number, checked against the show's real seasons."""
        raw = item.get("season")
        if kind != SEASON:
            if raw is not None:
                doc.error((*keypath, "season"), "'season' is only for entities of type season")
            return None
        show = _show(item)
        if show is None or show is Show.GENERAL or raw is None:
            if show is Show.GENERAL:
                doc.error(
                    (*keypath, "show"),
                    "a season belongs to bosch, legacy or ballard, not general",
                )
            return None
        try:
            return parse_spoiler(f"{show.value}:{raw}").season
        except SpoilerError as problem:
            doc.error((*keypath, "season"), problem.message, problem.hint)
            return None

    def _fact(self, doc: _Document, keypath: KeyPath, item: Mapping[str, Any]) -> Fact | None:
        fact_id = _text(item, "id")
        subject, relation = _text(item, "subject"), _text(item, "relation")
        sources, canon = _texts(item, "sources"), _enum(item, "canon", Canon)
        if fact_id is None or subject is None or relation is None or not sources or not canon:
            return None
        has_object, has_value = "object" in item, "value" in item
        if has_object == has_value:
            return None
        if fact_id in self.fact_ids:
            doc.error(
                (*keypath, "id"),
                f"duplicate fact id '{fact_id}'",
                self.fact_ids[fact_id].describe(),
            )
            return None
        self.fact_ids[fact_id] = _Seen(doc, keypath)
        errors_before = len(doc.diagnostics)
        spec = RELATIONS.get(relation)
        if spec is None:
            doc.error(
                (*keypath, "relation"),
                f"relation '{relation}' has no question template",
                self._closest(relation, RELATIONS) or "the relations are listed in docs/facts.md",
            )
        for position, source in enumerate(sources):
            if source not in self.sources:
                doc.error(
                    (*keypath, "sources", position),
                    f"unknown source '{source}'",
                    self._closest(source, self.sources) or "add it under sources:",
                )
        spoils = self._spoils(doc, keypath, item, canon)
        subject_entity = self._entity(doc, (*keypath, "subject"), subject)
        context = _text(item, "context")
        if context is not None:
            self._entity(doc, (*keypath, "context"), context)
        as_of = _text(item, "as_of")
        if as_of is not None and _parse_date(as_of) is None:
            doc.error((*keypath, "as_of"), f"'{as_of}' is not a calendar date")
        if as_of is None and spec is not None and spec.until_ended:
            self.until_ended.append((fact_id, subject, relation, _Seen(doc, keypath)))
        elif as_of is None and spec is not None and spec.time_varying:
            doc.error(
                keypath,
                f"'{relation}' can change over time: the fact needs 'as_of:'",
                'the date the source says it was true, like as_of: "2025-07-07"',
            )
        obj = _text(item, "object") if has_object else None
        value: FactValue | None = None
        detail, ruled_out, accept = (
            _text(item, "detail"),
            _texts(item, "ruled_out"),
            _texts(item, "accept"),
        )
        if spec is not None:
            if subject_entity is not None and subject_entity.type not in spec.subject_types:
                doc.error(
                    (*keypath, "subject"),
                    f"'{relation}' needs a subject of type {_either(spec.subject_types)}, "
                    f"but '{subject}' is a {subject_entity.type}",
                )
            if spec.kind is ValueKind.ENTITY:
                if not has_object:
                    doc.error(
                        (*keypath, "value"),
                        f"'{relation}' links to an entity: write 'object: <entity id>'",
                    )
                elif obj is not None:
                    target = self._entity(doc, (*keypath, "object"), obj)
                    if target is not None and target.type not in spec.object_types:
                        doc.error(
                            (*keypath, "object"),
                            f"'{relation}' needs an object of type {_either(spec.object_types)}, "
                            f"but '{obj}' is a {target.type}",
                        )
            elif has_object:
                doc.error(
                    (*keypath, "object"),
                    f"'{relation}' takes a {spec.kind.value} value: write 'value:', not 'object:'",
                )
            else:
                value = self._value(doc, (*keypath, "value"), item.get("value"), relation)
            if spec.needs_detail and detail is None:
                doc.error(
                    keypath,
                    f"'{relation}' needs a 'detail' (its questions use it)",
                    "see the relation's templates in docs/facts.md",
                )
            if (ruled_out or accept) and spec.kind is not ValueKind.TEXT:
                key = "ruled_out" if ruled_out else "accept"
                doc.error((*keypath, key), f"'{key}' is only for text values")
            if value is not None and str(value).casefold() in {r.casefold() for r in ruled_out}:
                doc.error((*keypath, "ruled_out"), "'ruled_out' lists the fact's own value")
        said = (subject, relation, obj if obj is not None else str(value).casefold(), context)
        if said in self.statements:
            doc.error(keypath, f"fact '{fact_id}' says the same as fact '{self.statements[said]}'")
        if len(doc.diagnostics) > errors_before:
            return None
        self.statements[said] = fact_id
        line, _ = doc.locate(keypath)
        return Fact(
            id=fact_id,
            subject=subject,
            relation=relation,
            sources=sources,
            canon=canon,
            spoils=spoils,
            object=obj,
            value=value,
            context=context,
            detail=detail,
            note=_text(item, "note"),
            as_of=as_of,
            salience=_enum(item, "salience", Salience) or Salience.MEDIUM,
            show=_show(item),
            ruled_out=ruled_out,
            accept=accept,
            contested=_text(item, "contested"),
            settled=_text(item, "settled"),
            closed=item.get("closed") is True,
            line=line,
        )

    def _spoils(
        self, doc: _Document, keypath: KeyPath, item: Mapping[str, Any], canon: Canon
    ) -> Spoiler | None:
        """The fact's spoiler tag: a real season of a real show, or a novel of the base.

        A story fact (canon tv or books) must say what reveals it; a tv fact is revealed by a
        season, a books fact by a novel.
        """
        text = _text(item, "spoils")
        where = (*keypath, "spoils")
        if text is None:
            if canon is not Canon.REAL:
                example = "bosch:3" if canon is Canon.TV else "novel:novel-the-black-echo"
                doc.error(
                    keypath,
                    f"a {canon.value}-canon fact must say what reveals it: add 'spoils:'",
                    f"like spoils: {example}; see the spoiler rule in docs/facts.md",
                )
            return None
        try:
            tag = parse_spoiler(text)
        except SpoilerError as problem:
            doc.error(where, problem.message, problem.hint)
            return None
        if tag.novel is not None:
            novel = self.entities.get(tag.novel)
            if novel is None or novel.type != NOVEL:
                novels = [e.id for e in self.entities.values() if e.type == NOVEL]
                doc.error(
                    where,
                    f"'{tag.novel}' is not a novel of the base",
                    self._closest(tag.novel, novels)
                    or "define it under entities: with type: novel",
                )
                return None
            if canon is Canon.TV:
                doc.error(where, "a tv-canon fact is revealed by a season, not a novel")
                return None
        elif canon is Canon.BOOKS:
            doc.error(where, "a books-canon fact is revealed by a novel: novel:<novel id>")
            return None
        return tag

    def _check_until_ended(self) -> None:
        """A running series' season count needs `as_of`; one that has ended does not."""
        ended = {f.subject for f in self.facts if f.relation == ENDED_IN}
        dropped = set()
        for fact_id, subject, relation, seen in self.until_ended:
            if subject not in ended:
                seen.doc.error(
                    seen.keypath,
                    f"'{relation}' can change while '{subject}' runs: the fact needs 'as_of:'",
                    f"add as_of, or an '{ENDED_IN}' fact for '{subject}' if it has ended",
                )
                dropped.add(fact_id)
        if dropped:
            self.facts = [f for f in self.facts if f.id not in dropped]

    def _entity(self, doc: _Document, keypath: KeyPath, entity_id: str) -> Entity | None:
        entity = self.entities.get(entity_id)
        if entity is None:
            doc.error(
                keypath,
                f"unknown entity '{entity_id}'",
                self._closest(entity_id, self.entities) or "add it under entities:",
            )
        return entity

    def _value(
        self, doc: _Document, keypath: KeyPath, raw: object, relation: str
    ) -> FactValue | None:
        kind = RELATIONS[relation].kind
        spec = RELATIONS[relation]
        text = str(raw).strip() if isinstance(raw, str | int) and not isinstance(raw, bool) else ""
        if not text:
            doc.error(keypath, f"'{relation}' needs a {kind.value} value")
            return None
        if kind is ValueKind.TEXT:
            return text
        if kind is ValueKind.DATE:
            parsed = _parse_date(text)
            if parsed is None:
                doc.error(keypath, f"'{text}' is not a calendar date", "write YYYY-MM-DD")
            return parsed
        pattern = _YEAR if kind is ValueKind.YEAR else _NUMBER
        if not pattern.fullmatch(text):
            example = "2021" if kind is ValueKind.YEAR else "10"
            if kind is ValueKind.NUMBER and text.lstrip("-").isdecimal():
                example += f"; at most {MAX_NUMBER_DIGITS} digits"
            shown = text if len(text) <= 40 else f"{text[:20]}...{text[-5:]}"
            doc.error(keypath, f"'{shown}' is not a {kind.value}", f"write it like {example}")
            return None
        number = int(text)
        low, high = spec.value_min, spec.value_max
        if (low is not None and number < low) or (high is not None and number > high):
            doc.error(
                keypath,
                f"{number} is out of range for '{relation}' ({_range(low, high)})",
            )
            return None
        return number


def _either(types: frozenset[str]) -> str:
    return " or ".join(sorted(types))


def _range(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{low} to {high}"
    return f"at least {low}" if low is not None else f"at most {high}"


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
