"""Start-up in a browser: page load to an interactive main menu, next to textual-serve serving a
minimal Textual app, in the same run and the same browser.

`boschquiz serve` (our page, our game processes) and textual-serve's own `Server` (its page, a
minimal app with a header, four buttons and a footer) both run on loopback. For each, the
figure is the median over `--runs` page loads, alternating, each in a fresh browser context (no
cache, as a first visit), after one unmeasured load each (which also warms the pack cache):

- *painted*: from `page.goto` until the terminal's buffer, read in the page, holds the menu's
  text (`High scores`; for the floor, a button label);
- *interactive*: after that, Ctrl+P is pressed and the clock stops when the command palette
  (`Search for commands`) is in the buffer.

Requests for anything but the server itself are refused at once in both (textual-serve's page
links a web font from the internet; this machine has no route there, and a slow failure would
flatter us). Target: at most 1.3x the floor on both.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.e2e.browser import CAPTURE_TERMINAL, READ_SCREEN, launched_browser, why_no_browser

from bench._report import Startup, report_startup
from bench._tui import bench_home, bench_parser, boschquiz_command, write_script
from bench.bench_tui_startup import FLOOR_APP, FLOOR_TEXT, MENU_TEXT, PALETTE_TEXT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

MAX_RATIO = 1.3
START_TIMEOUT = 30.0
PAGE_TIMEOUT_MS = 60_000

FLOOR_SERVER = """\
import sys
from textual_serve.server import Server

Server(sys.argv[1], host="127.0.0.1", port=int(sys.argv[2])).serve()
"""

SCREEN_HOLDS = f"(text) => ({READ_SCREEN})().includes(text)"
"""True in the page once the terminal's buffer shows `text`."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_port(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and server.poll() is None:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"no server answered on port {port}")


def start_server(
    stack: ExitStack, argv: list[str], port: int, env: dict[str, str], log: Path
) -> None:
    """Start a server listening on `port`, stopped (SIGTERM, then SIGKILL) when `stack` closes."""
    out = stack.enter_context(log.open("wb"))
    server = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env
    )

    def stop() -> None:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    stack.callback(stop)
    wait_for_port(port, server)


def only_loopback(route: Route) -> None:
    if route.request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        route.abort()


def measure(browser: Browser, url: str, ready_text: str) -> Startup:
    """One first visit: seconds until `ready_text` is in the terminal, then until Ctrl+P's
    palette is."""
    context = browser.new_context(viewport={"width": 1024, "height": 640})
    try:
        context.route("**/*", only_loopback)
        page = context.new_page()
        page.add_init_script(CAPTURE_TERMINAL)
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_function(SCREEN_HOLDS, arg=ready_text, timeout=PAGE_TIMEOUT_MS)
        painted = time.perf_counter() - start
        page.evaluate("window.__bqTerminals[0].terminal.focus()")
        page.keyboard.press("Control+p")
        page.wait_for_function(SCREEN_HOLDS, arg=PALETTE_TEXT, timeout=PAGE_TIMEOUT_MS)
        return Startup(painted, time.perf_counter() - start)
    finally:
        context.close()


def main() -> int:
    parser = bench_parser(__doc__)
    parser.add_argument("--runs", type=int, default=9, help="measured page loads of each")
    args = parser.parse_args()
    reason = why_no_browser()
    if reason is not None:
        print(f"NOT MEASURED browser start-up: {reason}")
        return 1

    with bench_home("bench-serve-startup-") as (root, env), ExitStack() as stack:
        env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")}
        game_port, floor_port = free_port(), free_port()
        floor_app = " ".join(write_script(root, "minimal_app.py", FLOOR_APP))
        floor_argv = [*write_script(root, "floor_server.py", FLOOR_SERVER), floor_app]
        game_argv = [*boschquiz_command(), "serve", "--port", str(game_port)]
        start_server(stack, game_argv, game_port, env, root / "serve.log")
        start_server(stack, [*floor_argv, str(floor_port)], floor_port, env, root / "floor.log")
        game_url, floor_url = f"http://127.0.0.1:{game_port}/", f"http://127.0.0.1:{floor_port}/"
        game_runs: list[Startup] = []
        floor_runs: list[Startup] = []
        browser = stack.enter_context(launched_browser())
        try:
            measure(browser, game_url, MENU_TEXT)
            measure(browser, floor_url, FLOOR_TEXT)
            print(
                f"setup: Debian Chromium headless, 1024x640 page, shipped packs (cache warmed),"
                f" empty saves, {args.runs} first visits each, alternating; both on loopback"
            )
            for _ in range(args.runs):
                floor_runs.append(measure(browser, floor_url, FLOOR_TEXT))
                game_runs.append(measure(browser, game_url, MENU_TEXT))
        except Exception as exc:
            print(f"NOT MEASURED browser start-up: {type(exc).__name__}: {exc}")
            return 1

    ok = report_startup(
        "boschquiz served menu", game_runs, "textual-serve minimal app", floor_runs, MAX_RATIO
    )
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
