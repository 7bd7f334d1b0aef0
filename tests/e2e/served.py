"""A real `boschquiz serve` on loopback for a test, and the game processes it starts.

The server runs as its own process (as a player starts it), on a free port (`--port 0`), with
the test's saves folder; its output goes to a file, so a full pipe can never stall it. Game
processes are recognised by their command line (`boschquiz.web.child` and the test's saves
folder) and remembered with their start time, so a process id reused later is never mistaken
for a game left behind.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from contextlib import suppress
from pathlib import Path

from tests.e2e.commands import boschquiz_command

START_TIMEOUT = 30.0
STOP_TIMEOUT = 20.0
POLL_INTERVAL = 0.05
_URL = re.compile(r"served on (http://\S+)")


class ServeTimeout(AssertionError):
    """The server did not reach the expected state in time; the message carries its output."""


class ServedGame:
    """One `boschquiz serve --port 0 --saves DIR` process."""

    def __init__(self, workdir: Path, saves: Path, *extra: str) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.saves = saves
        self.log = workdir / "serve.log"
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [*boschquiz_command(), "serve", "--port", "0", "--saves", str(saves), *extra],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
            )
        self.seen: dict[int, str] = {}
        """Every game process seen so far: pid -> start time (field 22 of /proc/PID/stat)."""
        self.url = self._wait_for_url()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def _wait_for_url(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        while (found := _URL.search(self.output())) is None:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise ServeTimeout(f"the server did not start; its output:\n{self.output()}")
            time.sleep(POLL_INTERVAL)
        return found.group(1)

    def game_processes(self) -> dict[int, str]:
        """The server's game processes running now (and remembered in `seen`)."""
        running: dict[int, str] = {}
        marker = str(self.saves).encode()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdecimal():
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes()
                stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
            except OSError:
                continue
            if b"boschquiz.web.child" in cmdline and marker in cmdline:
                running[int(entry.name)] = _start_time(stat)
        self.seen.update(running)
        return running

    def left_behind(self) -> dict[int, str]:
        """Game processes seen during the test that still exist (zombies included)."""
        left: dict[int, str] = {}
        for pid, started in self.seen.items():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
            except OSError:
                continue
            if _start_time(stat) == started:
                left[pid] = stat.rsplit(") ", 1)[-1][:1]
        return left

    def stop(self, signum: int = signal.SIGTERM) -> int:
        """Signal the server and wait for it to exit; its exit status."""
        self.process.send_signal(signum)
        try:
            return self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ServeTimeout(
                f"the server still runs {STOP_TIMEOUT:g}s after signal {signum}; "
                f"its output:\n{self.output()}"
            ) from None

    def close(self) -> None:
        """Teardown, pass or fail: the server and any game still running are killed."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=STOP_TIMEOUT)
        for pid in self.left_behind():
            with suppress(OSError):
                os.killpg(pid, signal.SIGKILL)


def _start_time(stat: str) -> str:
    """Field 22 of /proc/PID/stat (after the parenthesised command name, which may hold spaces)."""
    return stat.rsplit(") ", 1)[-1].split()[19]
