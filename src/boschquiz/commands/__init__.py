"""One module per `boschquiz` sub-command; each has `register(subparsers)`.

A command sets `run=<function(args) -> int>` as its parser default.
"""

from __future__ import annotations

import argparse
from typing import TypeAlias

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
