"""`load_yaml`: guarded, fast, located YAML loading that never raises for bad input.

Values are built straight from the parser's event stream (libyaml's C parser when available),
so nesting depth and alias expansion are counted as the file is read and the parser never
recurses: the C composer segfaults on deep nesting and the pure one raises RecursionError.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from boschquiz.core.diagnostics import Diagnostic, error
from boschquiz.yamlsafe.guards import decode, read_capped
from boschquiz.yamlsafe.limits import MAX_ALIAS_VALUES, MAX_BYTES, MAX_DEPTH

_Parser: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
"""Only its parser is used: libyaml's when installed, else the pure-Python one."""

PathStep = str | int
"""A mapping key or a list index."""


@dataclass(frozen=True)
class LoadedYaml:
    """The plain data of one YAML file, its findings, and where each value was written.

    `data` is None when the file could not be loaded; then `diagnostics` says why.
    """

    path: Path
    data: object | None
    diagnostics: tuple[Diagnostic, ...]
    _root_mark: tuple[int, int] = field(default=(0, 0), repr=False, compare=False)
    _value_marks: dict[int, Any] = field(default_factory=dict, repr=False, compare=False)
    _key_marks: dict[int, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)

    def location(self, keypath: Sequence[PathStep]) -> tuple[int, int]:
        """1-based line and column of the value at `keypath`, else of its nearest parent."""
        line, col = self._root_mark
        node = self.data
        for step in keypath:
            marks = self._value_marks.get(id(node))
            if marks is None:
                break
            in_dict = isinstance(node, dict) and isinstance(step, str) and step in node
            in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
            if not (in_dict or in_list):
                break
            mark = marks[step]
            node = node[step]  # type: ignore[index]
            line, col = mark.line + 1, mark.column + 1
        return line, col

    def key_location(self, keypath: Sequence[PathStep]) -> tuple[int, int]:
        """Where the key that ends `keypath` was written (the value's place for list items)."""
        if keypath and isinstance(keypath[-1], str):
            parent = self.value_at(keypath[:-1])
            marks = self._key_marks.get(id(parent))
            if marks is not None and keypath[-1] in marks:
                mark = marks[keypath[-1]]
                return mark.line + 1, mark.column + 1
        return self.location(keypath)

    def value_at(self, keypath: Sequence[PathStep]) -> object:
        node = self.data
        for step in keypath:
            if isinstance(node, dict) and isinstance(step, str):
                node = node.get(step)
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                node = node[step]
            else:
                return None
        return node


def load_yaml(path: Path, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> LoadedYaml:
    """Read, guard and load one YAML file; problems come back as diagnostics, never raised."""
    raw, problem = read_capped(path, max_bytes)
    if raw is None:
        return LoadedYaml(path, None, (problem,) if problem else ())
    return load_yaml_bytes(path, raw, max_depth=max_depth)


def load_yaml_bytes(path: Path, raw: bytes, *, max_depth: int = MAX_DEPTH) -> LoadedYaml:
    """`load_yaml` for bytes already read (size already checked by the caller)."""
    text, problem = decode(path, raw)
    if text is None:
        return LoadedYaml(path, None, (problem,) if problem else ())
    return load_yaml_text(path, text, max_depth=max_depth)


def load_yaml_text(path: Path, text: str, *, max_depth: int = MAX_DEPTH) -> LoadedYaml:
    """Load YAML from text already decoded; `path` is only used to label diagnostics."""
    builder = _Builder(path, text, max_depth)
    with paused_gc():
        builder.run()
    return builder.result()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large acyclic structure.

    With it running, loading a 10,000-question pack takes about twice as long: every few
    hundred new objects it walks the whole growing structure, which holds no cycles anyway.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Abort(Exception):
    """Stops the build after a fatal finding."""


_NO_KEY: Any = object()


class _Frame:
    __slots__ = ("anchor", "container", "key", "key_marks", "mark", "marks", "size")

    def __init__(self, container: Any, marks: Any, anchor: str | None, mark: Any) -> None:
        self.container = container
        self.marks = marks
        self.key_marks: dict[str, Any] | None = {} if isinstance(container, dict) else None
        self.key: Any = _NO_KEY
        self.anchor = anchor
        self.mark = mark
        self.size = 1


class _Builder:
    def __init__(self, path: Path, text: str, max_depth: int) -> None:
        self.path = path
        self.text = text
        self.max_depth = max_depth
        self.diagnostics: list[Diagnostic] = []
        self.data: object | None = None
        self.root_mark = (1, 1)
        self.value_marks: dict[int, Any] = {}
        self.key_marks: dict[int, dict[str, Any]] = {}
        self.anchors: dict[str, tuple[object, int]] = {}
        self.alias_values = 0
        self.documents = 0

    def result(self) -> LoadedYaml:
        ok = not any(d.is_error for d in self.diagnostics)
        if ok and self.documents == 0:
            self.diagnostics.append(error(self.path, 0, 0, "file has no content, only comments"))
        elif ok and self.data is None:
            self.diagnostics.append(error(self.path, 1, 1, "the document is empty"))
        ok = not any(d.is_error for d in self.diagnostics)
        return LoadedYaml(
            self.path,
            self.data if ok else None,
            tuple(self.diagnostics),
            self.root_mark,
            self.value_marks if ok else {},
            self.key_marks if ok else {},
        )

    @property
    def too_deep(self) -> str:
        return f"nesting is deeper than {self.max_depth} levels"

    def fail(self, mark: Any, message: str, hint: str | None = None) -> _Abort:
        self.diagnostics.append(error(self.path, mark.line + 1, mark.column + 1, message, hint))
        return _Abort()

    def report(self, mark: Any, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(error(self.path, mark.line + 1, mark.column + 1, message, hint))

    def run(self) -> None:
        parser = _Parser(self.text)
        try:
            self._consume(parser)
        except _Abort:
            pass
        except yaml.MarkedYAMLError as exc:
            self.diagnostics.append(self._syntax_error(exc))
        except yaml.YAMLError as exc:
            self.diagnostics.append(error(self.path, 0, 0, f"invalid YAML: {exc}"))
        finally:
            parser.dispose()

    def _consume(self, parser: Any) -> None:
        stack: list[_Frame] = []
        get_event = parser.get_event
        escapes = "\\" in self.text  # no backslash: no escape, so no escaped control character
        scalar_event = yaml.ScalarEvent
        stream_end = yaml.StreamEndEvent
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                if event.tag is not None:
                    self._report_tag(event)
                value = event.value
                if escapes and event.style == '"' and _ESCAPED_CONTROL.search(value):
                    self._report_control(event)
                if event.implicit[0]:
                    if value == "true":
                        value = True
                    elif value == "false":
                        value = False
                    elif value == "":
                        value = None
                top = stack[-1] if stack else None
                if top is not None and event.anchor is None:
                    # The common cases inline (this loop is most of a cold pack load);
                    # anything unusual goes through `_add`.
                    if top.key_marks is None:
                        top.container.append(value)
                        top.marks.append(event.start_mark)
                        top.size += 1
                        continue
                    key = top.key
                    if key is _NO_KEY:
                        if type(value) is str and value not in top.container:
                            top.key = value
                            top.key_marks[value] = event.start_mark
                            top.size += 1
                            continue
                    elif key is not None:
                        top.container[key] = value
                        top.marks[key] = event.start_mark
                        top.key = _NO_KEY
                        top.size += 1
                        continue
                self._add(stack, value, 1, event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.tag is not None:
                    self._report_tag(event)
                if len(stack) >= self.max_depth:
                    raise self.fail(event.start_mark, self.too_deep, TOO_DEEP_HINT)
                if kind is yaml.MappingStartEvent:
                    container: Any = {}
                    marks: Any = {}
                else:
                    container = []
                    marks = []
                stack.append(_Frame(container, marks, event.anchor, event.start_mark))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                self.value_marks[id(frame.container)] = frame.marks
                if frame.key_marks is not None:
                    self.key_marks[id(frame.container)] = frame.key_marks
                self._add(stack, frame.container, frame.size, frame, anchor=frame.anchor)
            elif kind is yaml.AliasEvent:
                self._alias(stack, event)
            elif kind is stream_end:
                return
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise self.fail(
                        event.start_mark,
                        "several documents in one file (a second '---')",
                        "put each pack in its own file",
                    )

    def _add(
        self, stack: list[_Frame], value: Any, size: int, source: Any, anchor: Any = _NO_KEY
    ) -> None:
        mark = source.mark if isinstance(source, _Frame) else source.start_mark
        if anchor is _NO_KEY:
            anchor = source.anchor
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if not stack:
            self.data = value
            self.root_mark = (mark.line + 1, mark.column + 1)
            return
        top = stack[-1]
        top.size += size
        container = top.container
        if top.key_marks is None:
            container.append(value)
            top.marks.append(mark)
        elif top.key is _NO_KEY:
            if not isinstance(value, str | bool) and value is not None:
                raise self.fail(mark, "a mapping key must be plain text, not a list or mapping")
            key = "" if value is None else str(value).lower() if isinstance(value, bool) else value
            if key in container:
                first = top.key_marks[key]
                self.report(
                    mark,
                    f"duplicate key '{key}' (first written at line {first.line + 1})",
                    "remove one of them; YAML would silently keep only the last",
                )
                top.key = None
            else:
                top.key = key
                top.key_marks[key] = mark
        else:
            if top.key is not None:
                container[top.key] = value
                top.marks[top.key] = mark
            top.key = _NO_KEY

    def _alias(self, stack: list[_Frame], event: Any) -> None:
        target = self.anchors.get(event.anchor)
        if target is None:
            raise self.fail(
                event.start_mark,
                f"alias '*{event.anchor}' refers to no finished anchor '&{event.anchor}'",
                "define the anchor before using it; an anchor cannot contain itself",
            )
        value, size = target
        self.alias_values += size
        if self.alias_values > MAX_ALIAS_VALUES:
            raise self.fail(
                event.start_mark,
                f"aliases expand to more than {MAX_ALIAS_VALUES:,} values",
                "this looks like an alias bomb ('billion laughs'); write the values out",
            )
        self._add(stack, value, size, event, anchor=None)

    def _report_control(self, event: Any) -> None:
        """A control character written as an escape (`\\e`, `\\x1b`, `\\a`) would act on the
        player's terminal (a title change, a screen clear, the clipboard): refused, as the raw
        character already is. Reading goes on so every one is reported."""
        found = _ESCAPED_CONTROL.search(event.value)
        assert found is not None
        self.report(
            event.start_mark,
            f"control character U+{ord(found.group()):04X} (written as an escape) is not allowed",
            "remove it: only \\n and \\t escapes are allowed in text the game shows",
        )

    def _report_tag(self, event: Any) -> None:
        """A tag is an error; reading goes on so every tag in the file is reported."""
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        self.report(
            event.start_mark,
            f"tag '{tag}' is not allowed",
            "remove the tag: only plain text, lists, mappings and true/false are used",
        )

    def _syntax_error(self, exc: yaml.MarkedYAMLError) -> Diagnostic:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or "invalid YAML"
        hint: str | None = None
        context = exc.context or ""
        at_tab = mark is not None and 0 <= mark.index < len(self.text)
        if at_tab and mark is not None and self.text[mark.index] == "\t":
            message = "tab character where YAML expects spaces"
            hint = "indent with spaces only"
        elif "maximum nesting depth" in problem:
            message, hint = self.too_deep, TOO_DEEP_HINT
        elif "quoted scalar" in context and "end of stream" in problem:
            start = exc.context_mark
            message = "unclosed quote: the quoted text never ends"
            if start is not None:
                line, col = start.line + 1, start.column + 1
            hint = "add the closing quote"
        else:
            message = f"invalid YAML: {problem}"
            if context and exc.context_mark is not None:
                message += f" ({context} at line {exc.context_mark.line + 1})"
            hint = next((h for cause, h in _SYNTAX_HINTS if cause in problem), None)
        return error(self.path, line, col, message, hint)


_ESCAPED_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters other than tab and newline: only a double-quoted escape can write them
(the raw characters are refused before parsing, see `guards.decode`)."""

TOO_DEEP_HINT = "flatten the structure; a question pack needs four levels"
"""For nesting past `max_depth`, found by us or (libyaml 0.2.6 and later, bundled with PyYAML
6.0.4) refused at a thousand levels by the C scanner before its first event reaches us."""

_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "a value containing ': ' must be quoted, e.g. prompt: \"Who stars in Bosch: Legacy?\"; "
        "otherwise check the indentation",
    ),
    ("expected ',' or ']'", "close the list with ']', or quote an entry containing ',' or ']'"),
    ("expected ',' or '}'", "close the mapping with '}', or quote a value containing ',' or '}'"),
    ("expected '-' indicator", "check the indentation: the entries of a list must line up"),
    ("expected key", "check the indentation, and quote a value that has text after a quote"),
    ("cannot start any token", "quote a value that starts with @, ` or %"),
)
