"""The Textual UI. Only this package (and the entry points) may import Textual or Rich."""
