"""Compiler-style findings about a user's file: `path:line:col: error: message`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One finding in a file. `line` and `col` are 1-based; 0 means "the whole file"."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def location(self) -> str:
        """`line:col` as editors read it, 1-based: a finding about the whole file is at 1:1."""
        return f"{max(1, self.line)}:{max(1, self.col)}"

    def format(self) -> str:
        text = f"{self.path}:{self.location}: {self.severity.value}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }


def error(
    path: str | Path, line: int, col: int, message: str, hint: str | None = None
) -> Diagnostic:
    return Diagnostic(str(path), line, col, Severity.ERROR, message, hint)


def warning(
    path: str | Path, line: int, col: int, message: str, hint: str | None = None
) -> Diagnostic:
    return Diagnostic(str(path), line, col, Severity.WARNING, message, hint)


class UserFacingError(Exception):
    """An error the CLI reports as a sentence (and diagnostics) and exits non-zero on."""

    def __init__(self, message: str, diagnostics: tuple[Diagnostic, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostics = diagnostics
