"""The bare `boschquiz`: open the TUI's main menu."""

from __future__ import annotations

import argparse

from boschquiz.core.paths import AppPaths
from boschquiz.services import Services


def run_menu(args: argparse.Namespace) -> int:
    from boschquiz.tui.app import make_app, run_app

    services = Services(paths=AppPaths.discover(saves=args.saves), extra_packs=tuple(args.pack))
    return run_app(make_app(services))
