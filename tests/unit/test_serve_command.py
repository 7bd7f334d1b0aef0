"""`boschquiz serve` before any browser: where it listens, what it warns, what it refuses."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from boschquiz.commands.serve import exposure_warning, is_loopback, url_for
from boschquiz.core.served import is_served


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.9", "localhost", "::1", "[::1]"])
def test_loopback_addresses_need_no_warning(host: str, tmp_path: Path) -> None:
    """Only this machine can reach a loopback address: nothing to warn about."""
    assert is_loopback(host)
    assert exposure_warning(host, tmp_path) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "quiz.local"])
def test_any_other_address_is_warned_about(host: str, tmp_path: Path) -> None:
    """Another address warns that anyone reaching it can play and write scores, and where."""
    warning = exposure_warning(host, tmp_path / "saves")
    assert warning is not None
    assert host in warning
    assert "anyone who can reach this address can play and write scores" in warning
    assert str(tmp_path / "saves") in warning


def test_url_names_a_reachable_host() -> None:
    """All-interfaces addresses are shown as localhost; IPv6 gets its brackets."""
    assert url_for(("0.0.0.0", 8123), "0.0.0.0") == "http://localhost:8123/"
    assert url_for(("::1", 8123, 0, 0), "::1") == "http://[::1]:8123/"
    assert url_for(("127.0.0.1", 80), "127.0.0.1") == "http://127.0.0.1:80/"


@pytest.mark.parametrize(
    ("env", "served"),
    [
        ({}, False),
        ({"BOSCHQUIZ_SERVED": "1"}, True),
        ({"BOSCHQUIZ_SERVED": "0"}, False),
        ({"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}, True),
        ({"TEXTUAL_DRIVER": "textual.drivers.linux_driver:LinuxDriver"}, False),
    ],
)
def test_a_served_game_knows_it(env: dict[str, str], served: bool) -> None:
    """Our server's marker, or Textual's web driver, make a game served."""
    assert is_served(env) is served


def run_boschquiz(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "boschquiz", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


@pytest.mark.process
def test_a_port_in_use_is_one_error_line(tmp_path: Path) -> None:
    """A busy port: exit 1, what to do, no traceback, nothing started."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = run_boschquiz("serve", "--port", str(port), "--saves", str(tmp_path))
    assert done.returncode == 1
    assert f"cannot serve on 127.0.0.1 port {port}" in done.stderr
    assert "--port" in done.stderr
    assert "Traceback" not in done.stderr
    assert "served on" not in done.stdout


@pytest.mark.process
def test_another_host_is_warned_about_before_listening(tmp_path: Path) -> None:
    """--host with a non-loopback address prints the warning first (192.0.2.1 is a
    documentation address no machine here has, so nothing is ever exposed)."""
    done = run_boschquiz("serve", "--host", "192.0.2.1", "--port", "0", "--saves", str(tmp_path))
    assert "warning: serving on 192.0.2.1: anyone who can reach this address" in done.stderr
    assert done.returncode == 1
    assert "cannot serve on 192.0.2.1" in done.stderr


@pytest.mark.process
@pytest.mark.parametrize("port", ["-1", "65536", "eighty"])
def test_a_bad_port_is_a_usage_error(port: str) -> None:
    """A port outside 0-65535 is refused by the parser (exit 2)."""
    done = run_boschquiz("serve", "--port", port)
    assert done.returncode == 2
    assert "--port" in done.stderr


def run_game_program(server_pid: int) -> subprocess.CompletedProcess[str]:
    """`python -m boschquiz.web.child --version`, told that its server is `server_pid`."""
    return subprocess.run(
        [sys.executable, "-m", "boschquiz.web.child", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "BOSCHQUIZ_SERVER_PID": str(server_pid)},
    )


@pytest.mark.process
def test_a_game_whose_server_is_gone_ends_at_once() -> None:
    """The game program refuses to start when its server is no longer its parent."""
    orphan = run_game_program(server_pid=1)
    child = run_game_program(server_pid=os.getpid())
    assert (orphan.returncode, orphan.stdout) == (1, "")
    assert child.returncode == 0
    assert child.stdout.startswith("boschquiz ")
