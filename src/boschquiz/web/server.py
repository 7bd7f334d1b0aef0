"""The web server of `boschquiz serve`: textual-serve's, with our page and our game processes.

What differs from textual-serve's `Server`, and why:
- our page template (`templates/app_index.html`) loads the Roboto Mono font textual-serve ships
  from this server instead of linking a web font from the internet, so the game works offline
  and the terminal is measured with the font it draws with;
- the page's addresses come from the request (the host name the browser used), so a game served
  on a local network works from another machine;
- each tab's game is a `GameProcess` (see `games.py`), and `run()` reaps every game when the
  server stops (SIGINT, SIGTERM, SIGHUP);
- at most `MAX_GAMES` games run at once, so an open port cannot be used to fill the machine.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from boschquiz.web.games import GameProcess, Games

TEMPLATES = Path(__file__).with_name("templates")
MAX_GAMES = 32
"""Games running at once; a further tab is told the table is full."""

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def game_command(game_args: Sequence[str]) -> list[str]:
    """The program one tab runs: this Python, the game menu, with the server's options."""
    return [sys.executable, "-m", "boschquiz.web.child", *game_args]


class QuizServer(Server):
    """Serves the game menu to browsers, one game process per websocket."""

    def __init__(
        self, game_args: Sequence[str], host: str, port: int, *, max_games: int = MAX_GAMES
    ) -> None:
        self.game_argv = game_command(game_args)
        super().__init__(
            " ".join(self.game_argv),
            host=host,
            port=port,
            title="boschquiz",
            templates_path=TEMPLATES,
        )
        self.games = Games()
        self.max_games = max_games
        self.stopping = asyncio.Event()
        """Set by a stop signal (or a test): `run()` then stops every game and returns."""

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its banner here; `run()` prints our own line instead."""

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        scheme = "wss" if request.secure else "ws"
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "websocket_url": f"{scheme}://{request.host}/ws",
            "static_url": "/static/",
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if len(self.games) >= self.max_games:
            await websocket.send_bytes(b"\r\nEvery table is taken: try again later.\r\n")
            await websocket.close()
            return websocket

        async def close() -> None:
            await websocket.close()

        game = GameProcess(
            self.game_argv,
            env={},
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
        )
        self.games.add(game)
        try:
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            await game.start(width, height)
            await self._process_messages(websocket, game)
        except Exception:
            logging.getLogger("boschquiz.serve").exception("game connection failed")
        finally:
            try:
                await game.stop()
            finally:
                self.games.discard(game)
                if not websocket.closed:
                    await websocket.close()
        return websocket

    async def run(self, ready: Callable[[list[Any]], None]) -> None:
        """Serve until a stop signal, then stop every game and wait for it to end.

        `ready` gets the bound addresses once the port is open (`--port 0` picks a free one).
        """
        logging.basicConfig(level=logging.WARNING, format="boschquiz serve: %(message)s")
        app = await self._make_app()
        runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await runner.setup()
        loop = asyncio.get_running_loop()
        for signum in STOP_SIGNALS:
            loop.add_signal_handler(signum, self.stopping.set)
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            ready(list(runner.addresses))
            await self.stopping.wait()
        finally:
            await self.games.stop_all()
            await runner.cleanup()
            for signum in STOP_SIGNALS:
                loop.remove_signal_handler(signum)
