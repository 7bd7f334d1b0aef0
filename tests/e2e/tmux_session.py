"""A program running in a real terminal: a private tmux server, driven and read from outside.

Every wait polls the screen for a condition with a deadline; nothing sleeps for a fixed time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

WIDTH = 80
HEIGHT = 24
DEFAULT_TIMEOUT = 20.0
POLL_INTERVAL = 0.05
_MAX_SOCKET_PATH = 100
"""Unix socket paths are limited to about 104-108 bytes."""

_CONFIG = """\
set -g status off
set -g remain-on-exit on
set -g default-terminal xterm-256color
set -g history-limit 2000
"""
"""No status line (the pane gets all 24 rows); a dead pane stays so its exit status can be read."""


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class ScreenTimeout(AssertionError):
    """The screen did not show what was expected in time; the message carries the last screen."""


@dataclass(frozen=True)
class PaneState:
    dead: bool
    exit_status: int | None


class TmuxSession:
    """One tmux server on a private socket, with a single 80x24 pane running one program."""

    def __init__(self, workdir: Path, env: Mapping[str, str]) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self._socket = workdir / "tmux.sock"
        if len(str(self._socket)) > _MAX_SOCKET_PATH:
            self._socket = Path(tempfile.mkdtemp(prefix="bq-tmux-")) / "tmux.sock"
        self._config = workdir / "tmux.conf"
        self._config.write_text(_CONFIG, encoding="utf-8")
        self._env = dict(env)
        self._started = False

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-S", str(self._socket), "-f", str(self._config), *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=10,
            env={**os.environ, **self._env},
        )

    def start(self, argv: Sequence[str], cwd: Path | None = None) -> None:
        """Start `argv` in a fresh detached session of WIDTH x HEIGHT."""
        env_args = [arg for key, value in self._env.items() for arg in ("-e", f"{key}={value}")]
        cwd_args = ["-c", str(cwd)] if cwd is not None else []
        self._tmux(
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            str(WIDTH),
            "-y",
            str(HEIGHT),
            *cwd_args,
            *env_args,
            "--",
            *argv,
        )
        self._started = True

    def send_keys(self, *keys: str) -> None:
        """Send tmux key names (`Enter`, `Escape`, `Down`, `C-q`, or single characters)."""
        self._tmux("send-keys", "-t", "main", *keys)

    def type_text(self, text: str) -> None:
        """Send `text` literally, character by character, as a user typing it."""
        self._tmux("send-keys", "-t", "main", "-l", text)

    def screen(self) -> str:
        """The visible screen as plain text, one line per row."""
        return self._tmux("capture-pane", "-p", "-t", "main").stdout

    def size(self) -> tuple[int, int]:
        out = self._tmux("display-message", "-p", "-t", "main", "#{pane_width} #{pane_height}")
        width, height = out.stdout.split()
        return int(width), int(height)

    def resize(self, width: int, height: int) -> None:
        """Resize the terminal, as a player dragging the window's corner would."""
        self._tmux("resize-window", "-t", "main", "-x", str(width), "-y", str(height))

    def pane_state(self) -> PaneState:
        out = self._tmux("display-message", "-p", "-t", "main", "#{pane_dead} #{pane_dead_status}")
        fields = out.stdout.split()
        dead = fields[0] == "1"
        status = int(fields[1]) if dead and len(fields) > 1 else None
        return PaneState(dead=dead, exit_status=status)

    def wait_until(
        self, condition: Callable[[str], bool], what: str, timeout: float = DEFAULT_TIMEOUT
    ) -> str:
        """Poll the screen until `condition(screen)` holds; return that screen."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while not condition(screen):
            if time.monotonic() > deadline:
                raise ScreenTimeout(f"timed out after {timeout:g}s waiting for {what}:\n{screen}")
            time.sleep(POLL_INTERVAL)
            screen = self.screen()
        return screen

    def wait_for_text(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        """Poll until `text` is on screen; return that screen."""
        return self.wait_until(lambda screen: text in screen, repr(text), timeout)

    def wait_for_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Poll until the program has exited; return its exit status."""
        deadline = time.monotonic() + timeout
        state = self.pane_state()
        while not state.dead:
            if time.monotonic() > deadline:
                raise ScreenTimeout(
                    f"program still running after {timeout:g}s; screen:\n{self.screen()}"
                )
            time.sleep(POLL_INTERVAL)
            state = self.pane_state()
        assert state.exit_status is not None
        return state.exit_status

    def close(self) -> None:
        """Kill the server and everything in it; safe to call twice or before start."""
        if self._started:
            self._tmux("kill-server", check=False)
            self._started = False
        self._socket.unlink(missing_ok=True)
        if self._socket.parent.name.startswith("bq-tmux-"):
            shutil.rmtree(self._socket.parent, ignore_errors=True)
