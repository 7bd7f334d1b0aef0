"""`boschquiz serve` leaves no game process behind: not after tabs that leave early, not after
the server is stopped. Loopback only; every loop and wait is bounded."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import aiohttp
import pytest

from boschquiz.web.server import QuizServer
from tests.e2e.served import ServedGame

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CYCLES = 20
LIVE_AT_STOP = 2
"""Tabs still playing when the server gets SIGTERM."""
WAIT = 30.0
MENU_TEXT = b"High scores"


async def read_until(socket: aiohttp.ClientWebSocketResponse, wanted: bytes | None) -> None:
    """Read the game's output until it holds `wanted` (None: until the first bytes)."""
    seen = b""
    async with asyncio.timeout(WAIT):
        while True:
            message = await socket.receive()
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
                if wanted is None or wanted in seen:
                    return
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                raise AssertionError(f"the server closed the game early; it sent {seen[-200:]!r}")


async def one_tab(session: aiohttp.ClientSession, ws_url: str, how: int) -> None:
    """One tab that connects and leaves: at once (mid start-up), after the first bytes, once
    the menu is painted, or by dropping the connection with no goodbye."""
    socket = await session.ws_connect(f"{ws_url}?width=80&height=24")
    if how == 0:
        await socket.close()
        return
    await read_until(socket, MENU_TEXT if how == 2 else None)
    if how == 3:
        connection = socket._response.connection
        assert connection is not None
        assert connection.transport is not None
        connection.transport.abort()
        return
    await socket.close()


async def tabs_then_stop(served: ServedGame) -> int:
    ws_url = served.url.replace("http://", "ws://").rstrip("/") + "/ws"
    async with aiohttp.ClientSession() as session:
        for cycle in range(CYCLES):
            await one_tab(session, ws_url, cycle % 4)
            served.game_processes()
        live = [
            await session.ws_connect(f"{ws_url}?width=80&height=24") for _ in range(LIVE_AT_STOP)
        ]
        for socket in live:
            await read_until(socket, MENU_TEXT)
        running = served.game_processes()
        assert len(running) >= LIVE_AT_STOP, running
        for pid in running:  # each game knows it is served (see boschquiz.core.served)
            assert b"BOSCHQUIZ_SERVED=1" in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        return await asyncio.to_thread(served.stop, signal.SIGTERM)


async def test_no_game_process_is_left_behind(served: ServedGame) -> None:
    """20 tabs leave in four ways, two more play on, SIGTERM: every game process is gone."""
    status = await tabs_then_stop(served)
    assert status == 0, served.output()
    assert "every game has ended" in served.output()
    assert len(served.seen) >= CYCLES // 2, f"only {len(served.seen)} games were ever seen"
    left = served.left_behind()
    assert left == {}, f"game processes left (pid: state): {left}\n{served.output()}"


async def test_a_full_server_turns_the_next_tab_away(tmp_path: Path) -> None:
    """With every table taken, a further tab is told so and closed; no game is started for
    it, and stopping the server ends the one that plays."""
    server = QuizServer(["--saves", str(tmp_path / "saves")], "127.0.0.1", 0, max_games=1)
    bound: list[tuple[str, int]] = []
    listening = asyncio.Event()

    def ready(addresses: list[tuple[str, int]]) -> None:
        bound.extend(addresses)
        listening.set()

    running = asyncio.create_task(server.run(ready))
    try:
        await asyncio.wait_for(listening.wait(), WAIT)
        ws_url = f"ws://127.0.0.1:{bound[0][1]}/ws?width=80&height=24"
        async with aiohttp.ClientSession() as session:
            playing = await session.ws_connect(ws_url)
            await read_until(playing, None)
            turned_away = await session.ws_connect(ws_url)
            told = await asyncio.wait_for(turned_away.receive(), WAIT)
            closed = await asyncio.wait_for(turned_away.receive(), WAIT)
            assert told.type == aiohttp.WSMsgType.BINARY
            assert b"Every table is taken" in told.data
            assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            assert len(server.games) == 1
            [game] = server.games.running()
            assert game.pid is not None
            server.stopping.set()
            await asyncio.wait_for(running, WAIT)
        assert len(server.games) == 0
        assert not Path(f"/proc/{game.pid}").exists()
    finally:
        server.stopping.set()
        await asyncio.wait_for(running, WAIT)
