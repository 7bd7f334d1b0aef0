"""Every use of Textual's private API in the tests, in one module.

Tests read what Textual keeps no public accessor for (the notifications on screen, the
compositor's frame, the stylesheet's variables, the footer's key widget). A Textual upgrade
that renames any of them is a change to this file only; `test_textual_internals_stay_here`
fails when a test reaches for one elsewhere.
"""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from textual.app import App
from textual.widgets._footer import FooterKey

__all__ = ["FooterKey", "frame", "notification_messages", "stylesheet_variable"]


def notification_messages(app: App[Any]) -> list[str]:
    """The text of every notification the app holds (shown or still queued)."""
    return [notification.message for notification in app._notifications]


def frame(app: App[Any]) -> RenderableType:
    """The whole current frame, with the screens that show through behind the top one."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert update is not None
    return update


def stylesheet_variable(app: App[Any], name: str) -> str:
    """A CSS variable (`$background`, ...) as the stylesheet resolved it."""
    return str(app.stylesheet._variables[name])
