"""For pack authors: `packs new`, `packs import` and `questions export`.

`packs new` and `packs import` write a pack only when it validates, through a temporary file
beside the target, and never over an existing file unless `--force` (import) is given.
Exit codes: 0 done (warnings allowed), 1 the source or the result has errors, 2 usage.
"""

from __future__ import annotations

import argparse
import codecs
import json
import sys
from pathlib import Path

from boschquiz.commands import Subparsers, add_horizon_options
from boschquiz.core.diagnostics import Diagnostic, error
from boschquiz.core.paths import AppPaths
from boschquiz.interchange.formats import EXPORT_FORMATS, FORMATS, IMPORT_FORMATS
from boschquiz.interchange.packwriter import PackHeader, pack_text, slugify, write_new_file
from boschquiz.packs.structure import schema_path
from boschquiz.yamlsafe import MAX_BYTES
from boschquiz.yamlsafe.guards import line_col, read_capped

EXIT_OK = 0
EXIT_ERRORS = 1


def register_pack_actions(actions: Subparsers) -> None:
    new = actions.add_parser(
        "new",
        help="start a pack file",
        description="Write a new pack: the schema line for editors, the header and one question "
        "of each type, ready to edit. Never overwrites a file.",
    )
    new.add_argument("file", type=Path, metavar="FILE", help="the pack file to create")
    new.add_argument("--id", help="the pack id (default: from the file name)")
    new.add_argument("--title", help="the pack's title (default: from the file name)")
    new.add_argument("--author", help="who writes the pack")
    new.set_defaults(run=run_new)

    studio = actions.add_parser(
        "studio",
        help="write a pack with a live preview",
        description="Open the pack studio on FILE: it re-checks the file every time it is saved "
        "and shows each question as the game draws it. Needs a terminal.",
    )
    studio.add_argument("file", type=Path, metavar="FILE", help="the pack file to watch")
    studio.set_defaults(run=run_studio)

    imported = actions.add_parser(
        "import",
        help="make a pack from another quiz tool's file",
        description="Read questions from another format and write them as a pack that "
        "validates. What the format has and packs lack is reported with its line.",
    )
    imported.add_argument(
        "--from",
        dest="source_format",
        required=True,
        choices=IMPORT_FORMATS,
        metavar="FORMAT",
        help=f"the source's format: {', '.join(IMPORT_FORMATS)}",
    )
    imported.add_argument("source", type=Path, metavar="SOURCE", help="the file to read")
    imported.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    imported.add_argument("--id", help="the pack id (default: from the output file's name)")
    imported.add_argument("--title", help="the pack's title (default: from the source's name)")
    imported.add_argument("--author", help="who wrote the questions")
    imported.add_argument("--force", action="store_true", help="replace FILE if it exists")
    imported.set_defaults(run=run_import)


def register_export(parser: argparse.ArgumentParser) -> None:
    """`questions export` (its parser's other options stay the listing's)."""
    from boschquiz.commands.packs import add_pack_option

    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    export = actions.add_parser(
        "export",
        help="write questions in another quiz tool's format",
        description="Write the question bank (or the packs given with --pack) in another "
        "format. Questions a format cannot hold are adapted or skipped, one line each.",
    )
    export.add_argument(
        "--format",
        dest="target_format",
        required=True,
        choices=EXPORT_FORMATS,
        metavar="FORMAT",
        help=f"one of: {', '.join(EXPORT_FORMATS)}",
    )
    add_pack_option(export, "only this pack file or folder (repeatable)")
    add_horizon_options(export, inherit=True)
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="'-' for stdout")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.set_defaults(run=run_export)


def _template(header: PackHeader) -> str:
    author = f"\n  author: {_scalar(header.author)}" if header.author else ""
    return f"""\
# yaml-language-server: $schema={schema_path()}
#
# A boschquiz pack. Check it with `boschquiz packs validate {{file}}`,
# play it with `boschquiz play --pack {{file}}`. Format: docs/packs.md.
pack:
  id: {_scalar(header.id)}
  title: {_scalar(header.title)}{author}
  version: 1
  default_difficulty: medium
questions:
  - id: who-plays-ballard
    type: choice
    prompt: Who plays Renée Ballard in Ballard?
    choices: [Maggie Q, Titus Welliver, Madison Lintz]
    answer: Maggie Q
    difficulty: easy
    category: cast
    show: ballard
    explanation: Titus Welliver plays Harry Bosch, and Madison Lintz his daughter Maddie.
    source: Franchise article, 2025-07-07

  - id: bosch-ended
    type: true_false
    prompt: Bosch ended in 2021.
    answer: true
    category: production
    show: bosch
    explanation: It ran for seven seasons on Prime Video.
    source: Franchise article, 2025-07-07

  - id: home-city
    type: typed
    prompt: In which city are Bosch and Ballard set?
    answer: Los Angeles
    accept: [LA, L.A.]
    difficulty: easy
    category: setting
    show: general
    explanation: Both follow detectives of the LAPD.
    source: Franchise article, 2025-07-07
"""


def _scalar(text: str) -> str:
    """`text` as a YAML scalar read back exactly (a JSON string is a YAML double-quoted one)."""
    return json.dumps(text, ensure_ascii=False)


def _header(args: argparse.Namespace, target: Path, title_from: Path) -> PackHeader:
    pack_id = args.id or slugify(target.stem, "my-pack")
    title = args.title or title_from.stem.replace("-", " ").replace("_", " ").strip() or pack_id
    return PackHeader(pack_id, title, args.author)


def _report(findings: list[Diagnostic]) -> int:
    for finding in findings:
        print(finding.format(), file=sys.stderr)
    return EXIT_ERRORS if any(f.is_error for f in findings) else EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    header = _header(args, args.file, args.file)
    shown = " ".join(str(args.file).split())
    text = _template(header).replace("{file}", shown)
    findings = write_new_file(args.file, text)
    status = _report(findings)
    if status == EXIT_OK:
        print(f"wrote {args.file}: edit it, then `boschquiz packs validate {args.file}`")
    return status


def run_studio(args: argparse.Namespace) -> int:
    from boschquiz.commands.preflight import refuse_without_terminal
    from boschquiz.core.served import is_served
    from boschquiz.services import Services
    from boschquiz.tui.app import make_app, run_app

    if is_served():
        print(
            "boschquiz: error: the pack studio is not available in a served game", file=sys.stderr
        )
        return EXIT_ERRORS
    refused = refuse_without_terminal(sys.stdin, sys.stdout, sys.stderr)
    if refused is not None:
        return refused
    saves = getattr(args, "saves", None)
    services = Services(paths=AppPaths.discover(saves=saves))
    return run_app(make_app(services, studio=args.file))


def _source_text(path: Path) -> tuple[str | None, Diagnostic | None]:
    raw, problem = read_capped(path, MAX_BYTES)
    if raw is None:
        return None, problem
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line, col = line_col(raw, exc.start)
        return None, error(path, line, col, "invalid UTF-8", "save the file as UTF-8 text")


def run_import(args: argparse.Namespace) -> int:
    text, problem = _source_text(args.source)
    if text is None:
        return _report([problem] if problem else [])
    reader = FORMATS[args.source_format].reader
    assert reader is not None
    result = reader(text, args.source)
    findings = list(result.diagnostics)
    if result.has_errors or not result.drafts:
        if not result.has_errors:
            findings.append(error(args.source, 0, 0, "no question could be imported"))
        return _report(findings)
    header = _header(args, args.output, args.source)
    described = PackHeader(
        header.id,
        header.title,
        header.author,
        f"Imported from {FORMATS[args.source_format].title}: {args.source.name}.",
    )
    findings += write_new_file(args.output, pack_text(described, result.drafts), force=args.force)
    status = _report(findings)
    if status == EXIT_OK:
        print(f"wrote {args.output}: {len(result.drafts)} question(s)")
    return status


def run_export(args: argparse.Namespace) -> int:
    from boschquiz.packs.bank import load_bank

    paths = AppPaths.discover(saves=getattr(args, "saves", None))
    extra = tuple(getattr(args, "pack", []))
    load = load_bank(paths, extra, only_extra=bool(extra))
    for broken in load.broken_packs:
        print(f"boschquiz: skipped {broken.path}: it has errors", file=sys.stderr)
    from boschquiz.commands.questions import listed

    chosen = listed(load.bank.questions, args)
    target = FORMATS[args.target_format]
    assert target.writer is not None
    result = target.writer(chosen)
    for note in result.notes:
        print(f"boschquiz: {note}", file=sys.stderr)
    if args.output == "-":
        if target.binary:
            print(
                "boschquiz: error: a Kahoot spreadsheet cannot go to standard output; give -o FILE",
                file=sys.stderr,
            )
            return EXIT_ERRORS
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    else:
        output = Path(args.output)
        if output.exists() and not args.force:
            return _report([error(output, 0, 0, "the file exists already", "add --force")])
        try:
            output.write_bytes(result.data)
        except OSError as exc:
            return _report([error(output, 0, 0, f"cannot write: {exc.strerror or exc}")])
    skipped = len(chosen) - result.written
    print(
        f"exported {result.written} question(s) as {target.title}"
        + (f"; {skipped} skipped" if skipped else ""),
        file=sys.stderr,
    )
    return EXIT_OK
