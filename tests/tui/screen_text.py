"""Read what a running app shows, as plain text, the way a player sees it."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from textual.app import App

from tests.tui.textual_internals import frame


def screen_text(app: App[Any]) -> str:
    """The current screen (with any screens showing through behind it) as plain text lines."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(frame(app))
    return console.export_text()
