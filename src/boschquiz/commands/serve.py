"""`boschquiz serve`: the game in a web browser, for a quiz night around several screens.

Safe by default: it listens on 127.0.0.1 (this machine only). Any other `--host` prints a
warning, because anyone who can reach that address can play and write scores. What a served
game may not do is decided in `boschquiz.core.served`.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import sys
from pathlib import Path
from typing import Any

from boschquiz.commands import Subparsers, add_common_options
from boschquiz.core.diagnostics import UserFacingError
from boschquiz.core.paths import AppPaths

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "serve",
        help="play in a web browser",
        description="Serve the game to web browsers: each tab gets its own game, and every "
        "game saves to the same saves folder. Listens on this machine only unless --host "
        "says otherwise.",
    )
    add_common_options(p, inherit=True)
    p.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}, this machine only; "
        "0.0.0.0 lets every machine on your network play)",
    )
    p.add_argument("--port", type=port_number, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    p.set_defaults(run=run_serve)


def port_number(text: str) -> int:
    """An argparse type for a TCP port (0 picks a free one)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is from 0 to 65535, not {value}")
    return value


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, saves: Path) -> str | None:
    """What to tell the person serving on an address other machines can reach."""
    if is_loopback(host):
        return None
    return (
        f"boschquiz: warning: serving on {host}: anyone who can reach this address can play "
        f"and write scores to {saves}. Serve only on a network you trust, and stop the server "
        "(Ctrl+C) when the quiz night is over."
    )


def url_for(address: Any, host: str) -> str:
    """The address to open in a browser, from a bound socket address."""
    shown = host if host not in ("0.0.0.0", "::", "") else "localhost"
    port = address[1] if isinstance(address, tuple) else address
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def run_serve(args: argparse.Namespace) -> int:
    from boschquiz.web.server import QuizServer

    paths = AppPaths.discover(saves=args.saves)
    game_args = ["--saves", str(paths.saves)]
    for pack in args.pack:
        game_args += ["--pack", str(pack.resolve())]
    warning = exposure_warning(args.host, paths.saves)
    if warning is not None:
        print(warning, file=sys.stderr)
    server = QuizServer(game_args, args.host, args.port)

    def ready(addresses: list[Any]) -> None:
        print(f"boschquiz is served on {url_for(addresses[0], args.host)}", flush=True)
        print(f"Saves go to {paths.saves}. Ctrl+C stops the server and every game.", flush=True)

    try:
        asyncio.run(server.run(ready))
    except OSError as exc:
        raise UserFacingError(
            f"cannot serve on {args.host} port {args.port}: {exc.strerror or exc}; "
            "pick another --port or --host"
        ) from None
    print("boschquiz serve: stopped; every game has ended.", flush=True)
    return 0
