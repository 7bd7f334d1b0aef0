"""`boschquiz generate [--facts PATH] [-o FILE]`: the generated questions as a question pack."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path

from boschquiz.commands import Subparsers, path_argument
from boschquiz.core.diagnostics import UserFacingError
from boschquiz.core.files import describe_os_error
from boschquiz.core.paths import AppPaths
from boschquiz.facts import generate
from boschquiz.facts.loading import load_facts_dir, load_facts_file
from boschquiz.facts.writer import pack_yaml


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "generate",
        help="write the questions generated from the facts base as a question pack",
        description=(
            "Generate questions from the facts base and write them as a regular question pack "
            "(format v1). Without -o the pack is printed."
        ),
    )
    p.add_argument(
        "--facts",
        type=path_argument,
        default=None,
        metavar="PATH",
        help="a facts file or folder (default: the built-in facts base)",
    )
    p.add_argument(
        "-o", "--output", type=path_argument, default=None, metavar="FILE", help="write here"
    )
    p.add_argument("--seed", type=int, default=0, help="seed for the wrong answers (default 0)")
    p.set_defaults(run=run_generate)


def run_generate(args: argparse.Namespace) -> int:
    facts: Path = args.facts if args.facts is not None else AppPaths.discover().builtin_facts
    if not facts.exists():
        raise UserFacingError(f"no facts file or folder at {facts}")
    load = load_facts_file(facts) if facts.is_file() else load_facts_dir(facts)
    errors = tuple(d for d in load.diagnostics if d.is_error)
    if errors:
        raise UserFacingError(f"{len(errors)} error(s) in the facts; nothing written", errors)
    questions = generate(load.base, seed=args.seed)
    if not questions:
        raise UserFacingError(f"the facts at {facts} generate no questions")
    text = pack_yaml(
        questions,
        title="Generated from the franchise facts",
        description=f"{len(questions)} questions generated from {len(load.base.facts)} facts.",
    )
    if args.output is None:
        return _print(text)
    _write_atomically(args.output, text)
    print(f"wrote {len(questions)} questions to {args.output}", file=sys.stderr)
    return 0


def _print(text: str) -> int:
    """Print the pack (a reader that stops early is handled once, in `cli.main`)."""
    sys.stdout.write(text)
    sys.stdout.flush()
    return 0


def _write_atomically(path: Path, text: str) -> None:
    """Readers see the old file or the whole new one, never half of it.

    A symlink is written through (its target is replaced, the link stays a link), and the
    temporary file is removed whatever goes wrong.
    """
    target = _through_links(path)
    temp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise UserFacingError(f"cannot write {path}: {describe_os_error(exc)}") from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _through_links(path: Path) -> Path:
    """Where writing `path` lands: the final target of a symlink (even a dangling one)."""
    try:
        return path.resolve() if path.is_symlink() else path
    except (OSError, RuntimeError):  # a loop: let writing report it
        return path
