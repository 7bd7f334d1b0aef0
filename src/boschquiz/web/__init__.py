"""`boschquiz serve`: the game in a web browser, one game process per tab (textual-serve).

`server.py` is the web server (our page, our websocket handler), `games.py` owns the game
processes from start to reaping, and `child.py` is the program each tab runs.
"""
