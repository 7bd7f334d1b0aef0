"""The game's own widgets. Their styles live in `widgets.tcss`, loaded by the screens using them."""

from pathlib import Path

WIDGETS_CSS = str(Path(__file__).with_name("widgets.tcss"))
