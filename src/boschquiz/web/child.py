"""The program each browser tab runs: the ordinary game menu, tied to its server's life.

A game process must not outlive `boschquiz serve`: the server reaps its games when it stops,
and if the server itself is killed outright, the kernel kills its games too (Linux's
parent-death signal, set here before anything else runs).
"""

from __future__ import annotations

import os
import signal
import sys

SERVER_PID_ENV = "BOSCHQUIZ_SERVER_PID"
"""The server's process id, so a game that started after its server died ends at once."""

_PR_SET_PDEATHSIG = 1


def die_with_server() -> None:
    """Have the kernel kill this process when the server that started it dies (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    server = os.environ.get(SERVER_PID_ENV, "")
    if server.isdecimal() and os.getppid() != int(server):
        os._exit(1)  # the server was gone before the signal could be armed


def main() -> int:
    die_with_server()
    from boschquiz.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
