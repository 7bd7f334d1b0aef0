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
"""No status line (the pane gets all 24 rows); the last screen stays after the program ends."""

_RECORD_EXIT = '"$@"; echo $? > "$0.part" && mv "$0.part" "$0"'
"""The pane runs `sh -c _RECORD_EXIT STATUS_FILE ARGV...`: the shell reaps the program and
writes its exit status. tmux 3.3 under load was seen to leave an exited program a zombie for
over 20 s, with no status to read, so tmux's own `pane_dead_status` is not relied on."""


_NOT_INHERITED = ("COLUMNS", "LINES", "NO_COLOR")
"""pytest-xdist exports COLUMNS=80 and LINES=24, and Textual would then ignore every resize;
NO_COLOR from the developer's shell would change every screen. A test sets it when it wants it."""


def _inherited_environment() -> dict[str, str]:
    """This process's environment, minus what would pin the program's size or colours."""
    return {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class ScreenTimeout(AssertionError):
    """The screen did not show what was expected in time; the message carries the last screen."""


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
        self._status_file = workdir / "exit-status"
        self._started = False

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-S", str(self._socket), "-f", str(self._config), *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=10,
            env={**_inherited_environment(), **self._env},
        )

    def start(
        self, argv: Sequence[str], cwd: Path | None = None, env: Mapping[str, str] | None = None
    ) -> None:
        """Start `argv` in a fresh detached session of WIDTH x HEIGHT, with `env` added."""
        program_env = {**self._env, **(env or {})}
        env_args = [arg for key, value in program_env.items() for arg in ("-e", f"{key}={value}")]
        cwd_args = ["-c", str(cwd)] if cwd is not None else []
        self._status_file.unlink(missing_ok=True)
        self._tmux(
            *("new-session", "-d", "-s", "main", "-x", str(WIDTH), "-y", str(HEIGHT)),
            *cwd_args,
            *env_args,
            *("--", "sh", "-c", _RECORD_EXIT, str(self._status_file), *argv),
        )
        self._started = True

    def send_keys(self, *keys: str) -> None:
        """Send tmux key names (`Enter`, `Escape`, `Down`, `C-q`, or single characters)."""
        self._tmux("send-keys", "-t", "main", *keys)

    def type_text(self, text: str) -> None:
        """Send `text` literally, character by character, as a user typing it."""
        self._tmux("send-keys", "-t", "main", "-l", text)

    def screen(self, *, styles: bool = False) -> str:
        """The visible screen as plain text, one line per row; with `styles`, the SGR escape
        sequences (colours, bold, ...) are kept in it."""
        return self._tmux("capture-pane", "-p", *(["-e"] if styles else []), "-t", "main").stdout

    def size(self) -> tuple[int, int]:
        out = self._tmux("display-message", "-p", "-t", "main", "#{pane_width} #{pane_height}")
        width, height = out.stdout.split()
        return int(width), int(height)

    def resize(self, width: int, height: int) -> None:
        """Resize the terminal, as a player dragging the window's corner would."""
        self._tmux("resize-window", "-t", "main", "-x", str(width), "-y", str(height))

    def exit_status(self) -> int | None:
        """The program's exit status once it has ended (128 + N if killed by signal N)."""
        try:
            return int(self._status_file.read_text(encoding="ascii"))
        except FileNotFoundError:
            return None

    def wait_until(
        self,
        condition: Callable[[str], bool],
        what: str,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        styles: bool = False,
    ) -> str:
        """Poll the screen until `condition(screen)` holds; return that screen (with
        `styles`, the screen as `screen(styles=True)` gives it)."""
        deadline = time.monotonic() + timeout
        screen = self.screen(styles=styles)
        while not condition(screen):
            if time.monotonic() > deadline:
                width, height = self.size()
                raise ScreenTimeout(
                    f"timed out after {timeout:g}s waiting for {what}"
                    f" (terminal {width}x{height}); screen:\n{_framed(screen)}"
                )
            time.sleep(POLL_INTERVAL)
            screen = self.screen(styles=styles)
        return screen

    def wait_for_text(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        """Poll until `text` is on screen; return that screen."""
        return self.wait_until(lambda screen: text in screen, repr(text), timeout)

    def wait_for_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Poll until the program has ended; return its exit status."""
        deadline = time.monotonic() + timeout
        while (status := self.exit_status()) is None:
            if time.monotonic() > deadline:
                raise ScreenTimeout(
                    f"program still running after {timeout:g}s ({self._process_report()});"
                    f" screen:\n{_framed(self.screen())}"
                )
            time.sleep(POLL_INTERVAL)
        return status

    def program_pid(self) -> int | None:
        """The program's process id (the child of the pane's wrapping shell), while it runs."""
        shell = self._tmux("display-message", "-p", "-t", "main", "#{pane_pid}").stdout.strip()
        try:
            children = Path(f"/proc/{shell}/task/{shell}/children").read_text(encoding="ascii")
            return int(children.split()[0])
        except (OSError, IndexError, ValueError):
            return None

    def _process_report(self) -> str:
        """The program as /proc sees it (state and thread names), for a hang report."""
        pid = self.program_pid()
        if pid is None:
            return "the program is no longer in /proc"
        try:
            status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
            state = next(line for line in status.splitlines() if line.startswith("State:"))
            threads = sorted(
                (task / "comm").read_text(encoding="utf-8").strip()
                for task in Path(f"/proc/{pid}/task").iterdir()
            )
        except (OSError, IndexError, StopIteration):
            return "the program is no longer in /proc"
        return f"pid {pid} {state}, threads {threads}"

    def close(self) -> None:
        """Kill the server and everything in it; safe to call twice or before start."""
        if self._started:
            self._tmux("kill-server", check=False)
            self._started = False
        self._socket.unlink(missing_ok=True)
        if self._socket.parent.name.startswith("bq-tmux-"):
            shutil.rmtree(self._socket.parent, ignore_errors=True)


def _framed(screen: str) -> str:
    """The screen with each row numbered, so blank rows survive in a failure message."""
    rows = screen.rstrip("\n").split("\n")
    return "\n".join(f"{n:2} |{row}" for n, row in enumerate(rows, start=1))


def process_alive(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
