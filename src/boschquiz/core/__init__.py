"""Plain-Python foundations shared by every layer: the model, diagnostics, clocks, paths.

Nothing under `core`, `packs`, `facts`, `game` or `store` may import Textual or Rich.
"""
