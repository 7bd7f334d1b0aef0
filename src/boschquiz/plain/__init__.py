"""The plain front end: any game mode on standard input and output, one line per event.

For terminals where a full-screen interface will not do, for screen readers and for piped
input. Never imports Textual or Rich.
"""
