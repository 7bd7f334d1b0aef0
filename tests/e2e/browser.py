"""A served game in a real browser: Debian's Chromium driven by Playwright.

Playwright's own browser download cannot work here, so it drives the system's Chromium
(`make chromium` installs it) through `executable_path`. The page draws the terminal on a
canvas, so the screen is read from the terminal's own buffer: a script added before the page's
own (`CAPTURE_TERMINAL`) keeps a reference to the xterm.js terminal textual.js creates, and
`BrowserTerminal.screen()` reads its rows as text, as `tmux capture-pane` does for the tmux tests.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""Headless as root, and no connection of Chromium's own (this machine's network is closed)."""

DEFAULT_TIMEOUT = 30.0
POLL_INTERVAL = 0.05

CAPTURE_TERMINAL = """
window.__bqTerminals = [];
Object.defineProperty(Object.prototype, "fitAddon", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "fitAddon",
      {value, writable: true, configurable: true, enumerable: true});
    window.__bqTerminals.push(this);
  },
});
"""
"""textual.js's terminal object sets `this.fitAddon` in its constructor: a setter on
Object.prototype sees that assignment, stores the value as an ordinary property, and keeps the
object (whose `terminal` is the xterm.js Terminal)."""

READ_SCREEN = """() => {
  const holder = window.__bqTerminals[0];
  if (!holder) return "";
  const term = holder.terminal, buffer = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}"""

KEYS = {
    "Enter": "Enter",
    "Escape": "Escape",
    "Tab": "Tab",
    "Up": "ArrowUp",
    "Down": "ArrowDown",
    "Left": "ArrowLeft",
    "Right": "ArrowRight",
    "Space": " ",
}
"""tmux key names (what `playing.py` sends) as Playwright's; `C-x` becomes `Control+x`."""


def chromium_path() -> str | None:
    """Debian's Chromium, if installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found is not None:
            return found
    return None


def why_no_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if chromium_path() is None:
        return "Chromium is not installed (`make chromium` installs Debian's chromium package)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (it is in the dev extras: `make lint`)"
    return None


@contextmanager
def launched_browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    assert path is not None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=list(CHROMIUM_FLAGS))
        try:
            yield browser
        finally:
            browser.close()


class ScreenTimeout(AssertionError):
    """The page did not show what was expected in time; the message carries its screen."""


class BrowserTerminal:
    """A browser tab showing a served game, driven and read like `TmuxSession`."""

    def __init__(self, page: Page) -> None:
        self.page = page
        page.add_init_script(CAPTURE_TERMINAL)

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.wait_until(lambda screen: screen.strip() != "", "the first frame")
        self.page.evaluate("window.__bqTerminals[0].terminal.focus()")  # keys go to the game

    def screen(self) -> str:
        text = self.page.evaluate(READ_SCREEN)
        assert isinstance(text, str)
        return text

    def send_keys(self, *keys: str) -> None:
        for key in keys:
            if key.startswith("C-"):
                key = f"Control+{key[2:]}"
            self.page.keyboard.press(KEYS.get(key, key))

    def type_text(self, text: str) -> None:
        self.page.keyboard.type(text)

    def wait_until(
        self, condition: Callable[[str], bool], what: str, timeout: float = DEFAULT_TIMEOUT
    ) -> str:
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while not condition(screen):
            if time.monotonic() > deadline:
                raise ScreenTimeout(f"timed out after {timeout:g}s waiting for {what}:\n{screen}")
            self.page.wait_for_timeout(POLL_INTERVAL * 1000)
            screen = self.screen()
        return screen

    def wait_for_text(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        return self.wait_until(lambda screen: text in screen, repr(text), timeout)

    def screenshot(self, path: Path) -> None:
        self.page.screenshot(path=str(path))
