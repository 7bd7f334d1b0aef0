"""The bare `boschquiz`: open the TUI's main menu."""

from __future__ import annotations

import argparse
import sys

from boschquiz.core.paths import AppPaths
from boschquiz.services import Services


def run_menu(args: argparse.Namespace) -> int:
    from boschquiz.commands.preflight import refuse_without_terminal
    from boschquiz.tui.app import make_app, run_app

    services = Services(paths=AppPaths.discover(saves=args.saves), extra_packs=tuple(args.pack))
    if services.extra_packs:
        from boschquiz.commands.preflight import refuse_broken_packs

        refuse_broken_packs(services)
    refused = refuse_without_terminal(sys.stdin, sys.stdout, sys.stderr)
    if refused is not None:
        return refused
    return run_app(make_app(services))
