"""Every format we read or write, by the name the command line uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from boschquiz.core.model import Question
from boschquiz.interchange import anki, delimited, gift, kahoot, moodle_xml, otdb
from boschquiz.interchange.draft import ExportResult, ImportResult

Reader = Callable[[str, Path], ImportResult]
Writer = Callable[[Sequence[Question]], ExportResult]


@dataclass(frozen=True)
class Format:
    name: str
    title: str
    suffix: str
    reader: Reader | None = None
    writer: Writer | None = None
    binary: bool = False
    """Written as bytes that are not text (cannot go to standard output)."""


FORMATS = {
    f.name: f
    for f in (
        Format("otdb", "Open Trivia DB JSON", ".json", otdb.read, otdb.write),
        Format("gift", "Moodle GIFT", ".gift", gift.read, gift.write),
        Format("csv", "CSV with a header row", ".csv", delimited.read_csv, delimited.write_csv),
        Format("tsv", "TSV with a header row", ".tsv", delimited.read_tsv, delimited.write_tsv),
        Format("anki", "Anki notes as plain text", ".txt", anki.read, anki.write),
        Format("moodle-xml", "Moodle XML", ".xml", writer=moodle_xml.write),
        Format("kahoot", "Kahoot spreadsheet", ".xlsx", writer=kahoot.write, binary=True),
    )
}

IMPORT_FORMATS = tuple(name for name, f in FORMATS.items() if f.reader is not None)
EXPORT_FORMATS = tuple(name for name, f in FORMATS.items() if f.writer is not None)
