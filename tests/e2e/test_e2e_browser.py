"""The game served by `boschquiz serve`, played in a real browser (Chromium via Playwright)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.e2e.browser import BrowserTerminal, launched_browser, why_no_browser
from tests.e2e.commands import scores_json
from tests.e2e.playing import (
    MENU_ROUND_QUESTIONS,
    bank_loaded,
    play_menu_round_blind,
    start_menu_round,
)
from tests.e2e.served import ServedGame

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e

PLAYER = "Browser Player"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    reason = why_no_browser()
    if reason is not None:
        pytest.skip(f"browser tests skipped: {reason}")
    with launched_browser() as launched:
        yield launched


def test_page_works_offline_with_the_shipped_font(browser: Browser, served: ServedGame) -> None:
    """The page loads nothing from outside the server, and the terminal draws in Roboto Mono."""
    page = browser.new_page(viewport={"width": 1024, "height": 640})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("websocket", lambda socket: requested.append(socket.url))
    terminal = BrowserTerminal(page)
    terminal.open(served.url)
    screen = terminal.wait_until(bank_loaded, "the menu with its questions loaded")
    assert "High scores" in screen
    origin = urlsplit(served.url).netloc
    assert requested, "the page made no request at all"
    assert [url for url in requested if urlsplit(url).netloc != origin] == []
    assert any(urlsplit(url).path == "/ws" for url in requested), requested
    faces = page.evaluate("[...document.fonts].map(f => `${f.family}:${f.status}`)")
    assert '"Roboto Mono":loaded' in faces or "Roboto Mono:loaded" in faces, faces
    family = page.evaluate("window.__bqTerminals[0].terminal.options.fontFamily")
    assert str(family).startswith("'Roboto Mono'")
    page.close()


def test_game_played_in_the_browser_is_saved(
    browser: Browser, served: ServedGame, tmp_path: Path
) -> None:
    """Sign in, New Game, ten answers: the result lands in the saves and in `scores --json`."""
    page = browser.new_page(viewport={"width": 1024, "height": 640})
    terminal = BrowserTerminal(page)
    terminal.open(served.url)
    start_menu_round(terminal, PLAYER)
    results = play_menu_round_blind(terminal)
    terminal.screenshot(tmp_path / "results.png")
    score = re.search(r"([\d,]+) points", results)
    assert score is not None, results
    page.close()

    [row] = scores_json(served.saves)
    assert (row["player"], row["mode"], row["answered"]) == (
        PLAYER,
        "classic",
        MENU_ROUND_QUESTIONS,
    )
    assert row["score"] == int(score.group(1).replace(",", ""))
    logs = [p for p in served.saves.rglob("*") if p.is_file() and PLAYER in p.read_text("utf-8")]
    assert logs, f"no file in {served.saves} names the player"
