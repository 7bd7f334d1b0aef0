"""The game processes behind the browser tabs: started, fed, and always reaped.

textual-serve's own `AppService` starts the app through a shell, and when the browser leaves it
asks the app to quit and then waits for it forever. Measured here: a tab closed during start-up
can leave its app spinning at ~98% CPU and ignoring SIGTERM, and stopping the server leaves its
apps running. `GameProcess` keeps textual-serve's protocol but owns the process's life:

- the game runs without a shell, in a session (and process group) of its own, with
  `BOSCHQUIZ_SERVED=1` (see `boschquiz.core.served`) and its server's pid (see `child.py`);
- its output is always read, even after the browser left, so it never blocks on a full pipe;
- stopping asks it to quit, then after `QUIT_GRACE` seconds sends SIGTERM to its group, then
  after `TERM_GRACE` seconds SIGKILL, and waits for it: no zombie, no orphan;
- `Games` knows every running game, so the server can stop them all when it stops.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import signal
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextlib import suppress

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from boschquiz.core.served import SERVED_ENV
from boschquiz.web.child import SERVER_PID_ENV

QUIT_GRACE = 2.0
"""Seconds a game gets to leave by itself after it was asked to quit."""

TERM_GRACE = 1.0
"""Seconds after SIGTERM before the game's process group is killed outright."""

WRITE_GRACE = 1.0
"""Seconds to hand the quit request to a game that is not reading its input."""


class GameProcess(AppService):
    """One browser tab's game: textual-serve's protocol, with a process life we own."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        write_bytes: Callable[[bytes], Awaitable[None]],
        write_str: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[None]],
        download_manager: DownloadManager,
    ) -> None:
        super().__init__(
            shlex.join(argv),
            write_bytes=write_bytes,
            write_str=write_str,
            close=close,
            download_manager=download_manager,
        )
        self.argv = tuple(argv)
        self.extra_env = dict(env)
        self.browser_gone = False
        self._stopping: asyncio.Future[None] | None = None

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        environment = self._build_environment(width=width, height=height)
        environment.update(self.extra_env)
        environment[SERVED_ENV] = "1"
        environment[SERVER_PID_ENV] = str(os.getpid())
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def on_data(self, payload: bytes) -> None:
        """Forward the game's output; once the browser is gone, keep reading and drop it."""
        if self.browser_gone:
            return
        try:
            await self.remote_write_bytes(payload)
        except (ConnectionError, RuntimeError):
            self.browser_gone = True

    async def stop(self) -> None:
        """Stop the game and reap it; safe to call again, and to cancel the caller of."""
        if self._stopping is None:
            self._stopping = asyncio.ensure_future(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        process = self._process
        if process is None:
            return
        with suppress(Exception):
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            with suppress(Exception):
                await asyncio.wait_for(self.send_meta({"type": "quit"}), WRITE_GRACE)
        if not await _exited_within(process, QUIT_GRACE):
            _signal_group(process.pid, signal.SIGTERM)
            if not await _exited_within(process, TERM_GRACE):
                _signal_group(process.pid, signal.SIGKILL)
                await process.wait()
        _signal_group(process.pid, signal.SIGKILL)  # anything the game left in its group
        if self._task is not None:
            with suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(self._task, TERM_GRACE)
            self._task = None


async def _exited_within(process: asyncio.subprocess.Process, seconds: float) -> bool:
    try:
        await asyncio.wait_for(asyncio.shield(process.wait()), seconds)
    except TimeoutError:
        return False
    return True


def _signal_group(pgid: int, signum: signal.Signals) -> None:
    """Signal a game's process group. Linux never reuses an id still naming a group, so once
    the game was reaped this reaches only what it left behind, or nobody."""
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


class Games:
    """Every game the server is running."""

    def __init__(self) -> None:
        self._running: set[GameProcess] = set()

    def __len__(self) -> int:
        return len(self._running)

    def add(self, game: GameProcess) -> None:
        self._running.add(game)

    def running(self) -> list[GameProcess]:
        return list(self._running)

    def discard(self, game: GameProcess) -> None:
        self._running.discard(game)

    async def stop_all(self) -> None:
        """Stop and reap every running game, all at once."""
        games = list(self._running)
        await asyncio.gather(*(game.stop() for game in games), return_exceptions=True)
        for game in games:
            self.discard(game)
