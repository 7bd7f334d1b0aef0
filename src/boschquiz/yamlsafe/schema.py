"""JSON Schema checks over loaded YAML, with every error located and worded for people.

`SchemaCheck` answers "is it valid?" with a checker compiled from the schema (jsonschema takes
over a second on a 10,000-question pack; the compiled one a few tens of milliseconds). Only when
that says no does jsonschema (Draft 2020-12) run, to report every error. Tests prove both agree.
A schema may carry `x-message` on any subschema: the sentence shown when that subschema fails.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, cast

from boschquiz.core.diagnostics import Diagnostic, error
from boschquiz.yamlsafe.loader import LoadedYaml, PathStep

if TYPE_CHECKING:
    import jsonschema
    from jsonschema.exceptions import ValidationError

Check = Callable[[object], bool]

_ANNOTATIONS = frozenset(
    {
        "$schema",
        "$id",
        "$comment",
        "$defs",
        "title",
        "description",
        "markdownDescription",
        "default",
        "examples",
        "deprecated",
        "x-message",
    }
)
_KIND_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "empty",
}


MAX_SCHEMA_ERRORS = 100
"""Schema errors worded per file; past it they are counted, not listed (see `diagnostics`)."""


class SchemaCheck:
    """A JSON Schema ready to check loaded YAML quickly and explain what fails."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        self._refs: dict[str, Check] = {}
        self.is_valid: Check = self._compile(schema)

    @cached_property
    def _validator(self) -> jsonschema.Draft202012Validator:
        """jsonschema itself, imported only when something fails (it costs ~60 ms to import)."""
        validator = full_match_validator()
        validator.check_schema(self.schema)
        return validator(self.schema)

    def diagnostics(
        self, loaded: LoadedYaml, *, limit: int = MAX_SCHEMA_ERRORS
    ) -> tuple[Diagnostic, ...]:
        """The schema errors in `loaded`, located; empty when the data is valid or absent.

        Wording an error costs far more than finding it, so after `limit` errors the rest are
        only counted (with the compiled checker, per entry of each top-level list) and told in
        one last finding, located at the first entry not listed.
        """
        if loaded.data is None or self.is_valid(loaded.data):
            return ()
        found: set[Diagnostic] = set()
        listed: dict[str, int] = {}
        for err in self._validator.iter_errors(loaded.data):
            found.update(_explain(loaded, err))
            where = tuple(err.absolute_path)
            if len(where) >= 2 and isinstance(where[0], str) and isinstance(where[1], int):
                listed[where[0]] = max(listed.get(where[0], -1), where[1])
            if len(found) >= limit:
                found.add(self._not_listed(loaded, listed, limit))
                break
        return tuple(sorted(found, key=lambda d: (d.line, d.col, d.message)))

    def _not_listed(self, loaded: LoadedYaml, listed: dict[str, int], limit: int) -> Diagnostic:
        """One finding for the errors past `limit`: how many entries of each list still fail."""
        data = loaded.data if isinstance(loaded.data, dict) else {}
        properties = self.schema.get("properties", {})
        counts: list[str] = []
        first: tuple[PathStep, ...] | None = None
        for key, entries in data.items():
            items = properties.get(key, {}).get("items") if key in properties else None
            if not isinstance(entries, list) or not isinstance(items, Mapping | bool):
                continue
            check = self._compile(items)
            start = listed.get(key, -1) + 1
            failing = [i for i in range(start, len(entries)) if not check(entries[i])]
            if failing:
                counts.append(
                    f"{len(failing):,} more {'entry' if len(failing) == 1 else 'entries'}"
                    f" of '{key}'"
                )
                first = first or (key, failing[0])
        line, col = loaded.location(first) if first else (0, 0)
        message = f"only the first {limit} schema errors are listed"
        if counts:
            message += f"; {' and '.join(counts)} have errors too"
        return error(loaded.path, line, col, message, "fix these and check again")

    def _compile(self, schema: object) -> Check:
        if schema is True:
            return _always
        if schema is False:
            return _never
        if not isinstance(schema, Mapping):
            raise ValueError(f"not a schema: {schema!r}")
        checks = [self._keyword(key, value, schema) for key, value in schema.items()]
        return _all([c for c in checks if c is not None])

    def _keyword(self, key: str, value: Any, schema: Mapping[str, Any]) -> Check | None:
        if key in _ANNOTATIONS or key in ("then", "else"):
            return None
        builder = _KEYWORDS.get(key)
        if builder is not None:
            return builder(self, value, schema)
        raise ValueError(f"schema keyword '{key}' is not supported by the compiled checker")

    def _ref(self, ref: str) -> Check:
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported, not {ref!r}")
        compiled = self._refs.get(ref)
        if compiled is None:
            target: Any = self.schema
            for part in ref[2:].split("/"):
                target = target[part]
            self._refs[ref] = lambda value: self._refs[ref](value)  # while compiling a cycle
            compiled = self._refs[ref] = self._compile(target)
        return compiled


def schema_diagnostics(loaded: LoadedYaml, schema: Mapping[str, Any]) -> tuple[Diagnostic, ...]:
    """Run `schema` (JSON Schema, Draft 2020-12) over `loaded`: every error, located."""
    return SchemaCheck(schema).diagnostics(loaded)


def _all(checks: Sequence[Check]) -> Check:
    """One check that passes when every check in `checks` does (unrolled: this is hot)."""
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)
    head, rest = checks[0], _all(checks[1:])
    return lambda v: head(v) and rest(v)


def _always(value: object) -> bool:
    return True


def _never(value: object) -> bool:
    return False


def _is_type(value: object, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "null":
        return value is None
    if kind == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    raise ValueError(f"unknown JSON Schema type {kind!r}")


def _same(a: object, b: object) -> bool:
    """JSON equality: true is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def _type(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    kinds = [value] if isinstance(value, str) else list(value)
    exact: set[type] = set()
    for kind in kinds:
        _is_type(None, kind)
        exact.update(_EXACT_TYPES[kind])
    frozen = frozenset(exact)
    if "integer" in kinds and "number" not in kinds:
        return lambda v: type(v) in frozen or _is_type(v, "integer")
    return lambda v: type(v) in frozen or any(_is_type(v, k) for k in kinds)


_EXACT_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "object": (dict,),
    "array": (list,),
    "boolean": (bool,),
    "null": (type(None),),
    "integer": (int,),
    "number": (int, float),
}
"""Types accepted at a glance; anything else (subclasses, 3.0 as an integer) takes the slow path."""


def _enum(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    options = list(value)
    if all(isinstance(o, str) for o in options):
        allowed = frozenset(options)
        return lambda v: isinstance(v, str) and v in allowed
    return lambda v: any(_same(v, o) for o in options)


def _const(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    return lambda v: _same(v, value)


def json_pattern(pattern: str) -> re.Pattern[str]:
    """`pattern` as JSON Schema means it (ECMA-262): `$` matches only at the very end.

    Python's `$` also matches before a final newline, so `^[a-z0-9-]+$` would accept
    "mini\\n" (a block scalar's id) where an editor refuses it. Every `$` outside a character
    class becomes `\\Z`; the compiled checker and jsonschema's wording both use this.
    """
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            out.append(r"\Z")
            continue
        out.append(char)
    return _compiled_pattern("".join(out))


@cache
def _compiled_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@cache
def full_match_validator() -> type[jsonschema.Draft202012Validator]:
    """jsonschema's Draft 2020-12 validator with `pattern` read as `json_pattern` does."""
    import jsonschema
    from jsonschema.exceptions import ValidationError

    def pattern(
        validator: object, value: str, instance: object, schema: object
    ) -> Iterator[ValidationError]:
        if isinstance(instance, str) and not json_pattern(value).search(instance):
            yield ValidationError(f"{instance!r} does not match {value!r}")

    extended = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        jsonschema.Draft202012Validator, {"pattern": pattern}
    )
    return cast("type[jsonschema.Draft202012Validator]", extended)


def _pattern(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    search = json_pattern(value).search
    return lambda v: not isinstance(v, str) or search(v) is not None


def _min_length(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    return lambda v: not isinstance(v, str) or len(v) >= value


def _max_length(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    return lambda v: not isinstance(v, str) or len(v) <= value


def _number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _minimum(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    return lambda v: not _number(v) or v >= value


def _maximum(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    return lambda v: not _number(v) or v <= value


def _required(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    names = frozenset(value)
    return lambda v: not isinstance(v, dict) or names.issubset(v)


def _properties(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    checks = {name: sc._compile(sub) for name, sub in value.items()}
    pairs = tuple(checks.items())

    def check(v: object) -> bool:
        if not isinstance(v, dict):
            return True
        if len(v) < len(pairs):
            for name, item in v.items():
                sub = checks.get(name)
                if sub is not None and not sub(item):
                    return False
        else:
            for name, sub in pairs:
                if name in v and not sub(v[name]):
                    return False
        return True

    return check


def _additional(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    known = frozenset(schema.get("properties", {}))
    if "patternProperties" in schema:
        raise ValueError("patternProperties is not supported by the compiled checker")
    sub = sc._compile(value)
    if sub is _never:
        return lambda v: not isinstance(v, dict) or known.issuperset(v)
    return lambda v: (
        not isinstance(v, dict) or all(sub(item) for name, item in v.items() if name not in known)
    )


def _items(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    sub = sc._compile(value)

    def check(v: object) -> bool:
        if isinstance(v, list):
            for item in v:
                if not sub(item):
                    return False
        return True

    return check


def _min_items(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    return lambda v: not isinstance(v, list) or len(v) >= value


def _max_items(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    return lambda v: not isinstance(v, list) or len(v) <= value


def _unique_items(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    if not value:
        return _always

    def check(v: object) -> bool:
        if not isinstance(v, list):
            return True
        seen: list[object] = []
        for item in v:
            if any(_same(item, other) for other in seen):
                return False
            seen.append(item)
        return True

    return check


def _all_of(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    return _all([sc._compile(sub) for sub in value])


def _any_of(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    checks = [sc._compile(sub) for sub in value]
    return lambda v: any(c(v) for c in checks)


def _one_of(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    checks = [sc._compile(sub) for sub in value]
    return lambda v: sum(1 for c in checks if c(v)) == 1


def _not(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    sub = sc._compile(value)
    return lambda v: not sub(v)


def _if(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    condition = sc._compile(value)
    then = sc._compile(schema.get("then", True))
    otherwise = sc._compile(schema.get("else", True))
    return lambda v: then(v) if condition(v) else otherwise(v)


def _ref_keyword(sc: SchemaCheck, value: Any, schema: Mapping[str, Any]) -> Check:
    return sc._ref(value)


_KEYWORDS: dict[str, Callable[[SchemaCheck, Any, Mapping[str, Any]], Check]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minimum": _minimum,
    "maximum": _maximum,
    "required": _required,
    "properties": _properties,
    "additionalProperties": _additional,
    "items": _items,
    "minItems": _min_items,
    "maxItems": _max_items,
    "uniqueItems": _unique_items,
    "allOf": _all_of,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "not": _not,
    "if": _if,
    "$ref": _ref_keyword,
}


def describe(keypath: Sequence[PathStep]) -> str:
    """`questions[3].answer` for ("questions", 3, "answer"); "the file" for the root."""
    text = ""
    for step in keypath:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "the file"


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return "a number"


MAX_COMPARED = 200
"""Characters of a value compared for "did you mean" hints (difflib's cost grows as a square)."""


def shorten(text: str, keep: int = 60) -> str:
    """`text` for a message: a value thousands of characters long is shown by its ends."""
    return text if len(text) <= keep else f"{text[: keep - 15]}...{text[-10:]}"


def _closest(word: str, options: Sequence[str]) -> str | None:
    found = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{found[0]}'?" if found else None


def _explain(loaded: LoadedYaml, err: ValidationError) -> list[Diagnostic]:
    keypath: tuple[PathStep, ...] = tuple(err.absolute_path)
    where = describe(keypath)
    schema = err.schema if isinstance(err.schema, Mapping) else {}
    custom = schema.get("x-message")
    path = loaded.path
    line, col = loaded.location(keypath)
    kind = err.validator
    expected: Any = err.validator_value
    instance: Any = err.instance
    if kind == "additionalProperties" and isinstance(err.instance, dict):
        known = list(schema.get("properties", {}))
        found = []
        for name in err.instance:
            if name not in known:
                line, col = loaded.key_location((*keypath, name))
                message = f"unknown key '{shorten(name)}' in {where}"
                found.append(error(path, line, col, message, _closest(name[:MAX_COMPARED], known)))
        return found
    if kind == "required":
        missing = [n for n in expected if n not in instance]
        return [error(path, line, col, f"{where} is missing '{n}'") for n in missing]
    if err.schema is False:
        key_line, key_col = loaded.key_location(keypath)
        return [error(path, key_line, key_col, custom or f"'{where}' is not allowed here")]
    if custom:
        return [error(path, line, col, f"{where}: {custom}")]
    if kind == "type":
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_KIND_NAMES.get(n, n) for n in names)
        message = f"{where} must be {wanted}, not {_kind_of(instance)}"
        return [error(path, line, col, message)]
    if kind == "enum":
        options = [str(o) for o in expected]
        if isinstance(instance, str):
            hint = _closest(instance[:MAX_COMPARED], options)
            message = f"{where} is '{shorten(instance)}'; it must be one of: {', '.join(options)}"
        else:
            hint = None
            message = f"{where} must be one of: {', '.join(options)}, not {_kind_of(instance)}"
        return [error(path, line, col, message, hint)]
    if kind == "minItems":
        message = f"{where} needs at least {err.validator_value} entries"
        return [error(path, line, col, message)]
    if kind == "maxItems":
        message = f"{where} has more than {err.validator_value} entries"
        return [error(path, line, col, message)]
    if kind == "uniqueItems":
        return [error(path, line, col, f"{where} has the same entry twice")]
    if kind == "minLength" and err.validator_value == 1:
        return [error(path, line, col, f"{where} must not be empty")]
    if kind in ("anyOf", "oneOf") and err.context:
        from jsonschema.exceptions import best_match

        best = best_match(err.context)
        return _explain(loaded, best)
    return [error(path, line, col, f"{where}: {err.message}")]
