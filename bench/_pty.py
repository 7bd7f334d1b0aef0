"""Run a program in a pseudo-terminal of a fixed size and watch what it paints, from outside.

Benchmarks use it to time a TUI until a known text is on screen and to read its CPU time from
/proc. It needs no terminal of its own (CI has none), and always reaps the child.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

COLUMNS = 80
ROWS = 24
CTRL_Q = b"\x11"

_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, clipboard, colour queries
    rb"|\x1b[P^_][^\x1b]*\x1b\\"  # DCS, PM, APC
    rb"|\x1b[@-Z\\-_]"  # two-byte escapes
    rb"|\x1b[()][0-9A-Za-z]"  # character set selection
)


def visible_text(raw: bytes) -> str:
    """What a terminal would print from `raw`, minus every escape sequence (layout is lost)."""
    return _ESCAPES.sub(b"", raw).decode("utf-8", errors="replace")


class ProgramTimeout(RuntimeError):
    pass


class PtyProgram:
    """A child process whose stdin, stdout and stderr are one pty of COLUMNS x ROWS."""

    def __init__(
        self, argv: Sequence[str], env: Mapping[str, str], cwd: Path | None = None
    ) -> None:
        self._argv = list(argv)
        self._env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")}
        self._env["TERM"] = "xterm-256color"
        self._cwd = cwd
        self._master = -1
        self._process: subprocess.Popen[bytes] | None = None
        self._output = bytearray()
        self._text_seen = 0
        self._text = ""
        self.launched_at = 0.0

    def __enter__(self) -> PtyProgram:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def start(self) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self._master = master
        self.launched_at = time.perf_counter()
        try:
            self._process = subprocess.Popen(
                self._argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=self._env,
                cwd=self._cwd,
                start_new_session=True,
                preexec_fn=_take_controlling_terminal,
            )
        finally:
            os.close(slave)

    def _read_available(self, wait: float) -> bool:
        """Read whatever the child has written within `wait` seconds; False once it is gone."""
        ready, _, _ = select.select([self._master], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(self._master, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        self._output += chunk
        return True

    @property
    def text(self) -> str:
        """Everything painted so far, with escape sequences removed."""
        if self._text_seen != len(self._output):
            self._text = visible_text(bytes(self._output))
            self._text_seen = len(self._output)
        return self._text

    @property
    def tail(self) -> str:
        """The last screenful or so of text, for error messages."""
        return self.text[-2000:]

    def wait_for_text(self, needle: str, timeout: float = 30.0, after: int = 0) -> float:
        """Read until `needle` is painted at or after text offset `after`; seconds since launch."""
        deadline = time.perf_counter() + timeout
        while needle not in self.text[after:]:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise ProgramTimeout(f"{needle!r} not painted in {timeout:g}s:\n{self.tail}")
            if not self._read_available(min(remaining, 0.5)):
                raise ProgramTimeout(f"program ended before painting {needle!r}:\n{self.tail}")
        return time.perf_counter() - self.launched_at

    def pump(self, seconds: float) -> None:
        """Keep reading (so the child never blocks on a full pty) for `seconds` of wall time."""
        deadline = time.perf_counter() + seconds
        while (remaining := deadline - time.perf_counter()) > 0:
            if not self._read_available(min(remaining, 0.5)):
                return

    def send(self, data: bytes) -> None:
        os.write(self._master, data)

    def cpu_seconds(self) -> float:
        """User plus system CPU time of the child (all its threads) so far, from /proc."""
        stat = Path(f"/proc/{self.pid}/stat").read_text(encoding="ascii")
        fields = stat[stat.rindex(")") + 2 :].split()
        utime, stime = int(fields[11]), int(fields[12])
        return (utime + stime) / os.sysconf("SC_CLK_TCK")

    def stop(self, grace: float = 5.0) -> int | None:
        """Ask the app to quit (Ctrl+Q), then terminate, then kill; always reap and close."""
        process = self._process
        if process is None:
            return None
        try:
            if process.poll() is None:
                with contextlib.suppress(OSError):
                    self.send(CTRL_Q)
                deadline = time.perf_counter() + grace
                while process.poll() is None and time.perf_counter() < deadline:
                    self._read_available(0.05)
            for sig in (signal.SIGTERM, signal.SIGKILL):
                if process.poll() is not None:
                    break
                os.killpg(process.pid, sig)
                try:
                    process.wait(timeout=grace)
                except subprocess.TimeoutExpired:
                    continue
            return process.wait()
        finally:
            os.close(self._master)
            self._process = None


def _take_controlling_terminal() -> None:
    """In the child, after setsid: make the pty on stdin its controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
