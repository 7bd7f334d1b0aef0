"""`boschquiz packs validate PATH...` and `boschquiz packs list`: for pack authors.

Exit codes: 0 when everything is valid (warnings allowed), 1 when anything has an error,
2 for a usage error (argparse's own).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from boschquiz.commands import Subparsers, path_argument
from boschquiz.core.diagnostics import Diagnostic, error
from boschquiz.core.model import Difficulty, QuestionType
from boschquiz.core.paths import AppPaths
from boschquiz.facts import validate_facts_file
from boschquiz.packs import PackLoadResult, discover, load_pack, pack_files
from boschquiz.packs.discovery import refuse_repeated_ids
from boschquiz.packs.factrefs import check_fact_references, known_fact_ids

EXIT_OK = 0
EXIT_ERRORS = 1

FACTS_FOLDER = "facts"
_FACTS_TOP_LEVEL = re.compile(rb"^(?:entities|facts|sources)\s*:", re.MULTILINE)


def register(sub: Subparsers) -> None:
    packs = sub.add_parser(
        "packs",
        help="check and list question packs",
        description="Check question packs (and facts files) and list the packs the game finds.",
    )
    actions = packs.add_subparsers(title="actions", metavar="ACTION", required=True)

    validate = actions.add_parser(
        "validate",
        help="check pack files or folders",
        description="Check pack files (and facts files) and print every problem as "
        "path:line:col: severity: message. Exit 0 when all are valid (warnings allowed), "
        "1 when any has an error, 2 for a usage error.",
    )
    validate.add_argument(
        "paths", nargs="+", type=path_argument, metavar="PATH", help="file or folder"
    )
    validate.add_argument("--json", action="store_true", help="print the findings as JSON")
    validate.set_defaults(run=run_validate)

    listing = actions.add_parser(
        "list",
        help="list every pack the game finds",
        description="List the built-in packs, the packs in your packs folder and any --pack, "
        "with their questions counted by type and difficulty, and whether each is valid.",
    )
    add_pack_option(listing, "also list this pack file or folder (repeatable)")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    listing.set_defaults(run=run_list)

    from boschquiz.commands.authoring import register_pack_actions

    register_pack_actions(actions)


def add_pack_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    """`--pack PATH` (repeatable); left out, it keeps a --pack given before the command."""
    parser.add_argument(
        "--pack",
        action="append",
        type=path_argument,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=help_text,
    )


def is_facts_file(path: Path, root: Path) -> bool:
    """A facts file lives under a `facts/` folder or has entities/facts/sources at the top."""
    inside = path.relative_to(root).parts[:-1] if path != root else ()
    if FACTS_FOLDER in inside or path.parent.name == FACTS_FOLDER:
        return True
    try:
        head = path.read_bytes()
    except OSError:
        return False
    return _FACTS_TOP_LEVEL.search(head) is not None and not head.startswith(b"pack:")


def validate_paths(
    locations: list[Path], cache: Path, facts_dir: Path | None = None
) -> tuple[int, list[Diagnostic]]:
    """How many files were checked, and every finding in them, packs and facts files alike.
    With `facts_dir`, a question's `fact:` must name a fact of that base."""
    checked = 0
    findings: list[Diagnostic] = []
    pack_results: list[PackLoadResult] = []
    for location in locations:
        files = pack_files(location)
        if not files:
            findings.append(error(location, 0, 0, "no .yaml or .yml files in this folder"))
        checked += len(files)
        for file in files:
            if file.is_file() and is_facts_file(file, location):
                findings.extend(validate_facts_file(file))
            else:
                pack_results.append(load_pack(file, cache_dir=cache))
    known: frozenset[str] | None = None
    for result in refuse_repeated_ids(pack_results):
        findings.extend(result.diagnostics)
        if result.pack is None or facts_dir is None:
            continue
        if any(q.fact for q in result.pack.questions):
            known = known_fact_ids(facts_dir) if known is None else known
            findings.extend(check_fact_references(result.pack, result.path, known))
    return checked, findings


def run_validate(args: argparse.Namespace) -> int:
    paths = AppPaths.discover(saves=getattr(args, "saves", None))
    checked, findings = validate_paths(list(args.paths), paths.cache, paths.builtin_facts)
    errors = sum(1 for d in findings if d.is_error)
    if args.json:
        print(json.dumps([d.to_json() for d in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(finding.format())
        warnings = len(findings) - errors
        summary = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
        print(f"{_count(checked, 'file')} checked: {summary}")
    return EXIT_ERRORS if errors else EXIT_OK


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def pack_summary(result: PackLoadResult) -> dict[str, object]:
    """What `packs list --json` prints for one pack."""
    pack = result.pack
    questions = pack.questions if pack else ()
    by_type = Counter(q.type.value for q in questions)
    by_difficulty = Counter(q.difficulty.value for q in questions)
    return {
        "path": str(result.path),
        "id": pack.id if pack else None,
        "title": pack.info.title if pack else None,
        "valid": result.ok,
        "questions": len(questions),
        "by_type": {t.value: by_type[t.value] for t in QuestionType},
        "by_difficulty": {d.value: by_difficulty[d.value] for d in Difficulty},
        "errors": len(result.errors),
        "warnings": len(result.warnings),
    }


def run_list(args: argparse.Namespace) -> int:
    paths = AppPaths.discover(saves=getattr(args, "saves", None))
    results = discover(paths, tuple(getattr(args, "pack", [])))
    summaries = [pack_summary(r) for r in results]
    if args.json:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
    elif not results:
        print(f"No packs found (built-in: {paths.builtin_packs}, yours: {paths.user_packs}).")
    for summary in [] if args.json else summaries:
        print(_describe(summary))
    return EXIT_OK if all(r.ok for r in results) else EXIT_ERRORS


def _describe(summary: dict[str, object]) -> str:
    by_type = summary["by_type"]
    by_difficulty = summary["by_difficulty"]
    assert isinstance(by_type, dict)
    assert isinstance(by_difficulty, dict)
    if not summary["valid"]:
        return (
            f"BROKEN  {summary['path']}: {_count(int(str(summary['errors'])), 'error')}"
            f" (see: boschquiz packs validate {summary['path']})"
        )
    types = ", ".join(f"{n} {t}" for t, n in by_type.items())
    tiers = ", ".join(f"{n} {d}" for d, n in by_difficulty.items())
    notes = f", {_count(int(str(summary['warnings'])), 'warning')}" if summary["warnings"] else ""
    return (
        f"{summary['id']}: {summary['title']}"
        f" ({_count(int(str(summary['questions'])), 'question')}{notes})\n"
        f"    {types}; {tiers}\n"
        f"    {summary['path']}"
    )
