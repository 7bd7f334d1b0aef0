"""boschquiz: a terminal trivia game about the Bosch crime-drama universe."""

__version__ = "0.1.0"
