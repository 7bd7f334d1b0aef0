"""Play a `GameRound` line by line: each event on its own line, answers read one per line.

The engine enforces the countdown: the deadline is checked when an answer arrives, so an
answer typed after it is a time-out. Lines starting with "!" are commands (`COMMANDS`).
A choice is picked by its number or its text, read by the engine's answer matcher ("Fasle"
is False); a number outside the choices or text naming none of them asks again (the clock
keeps running). After the last question: the result and the recap of every answer.

`!report REASON [note]` reports the question just answered (the one whose feedback was last
shown) as wrong, unclear, too easy or too hard; it is typed at the next answer prompt, as
every command is, and the question on screen keeps its clock.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TextIO

from boschquiz.core.model import Mode, Outcome, Question, QuestionType, Show
from boschquiz.core.numbers import points
from boschquiz.game import ladder
from boschquiz.game.modes import MODES
from boschquiz.game.recap import heading, recap, recap_lines
from boschquiz.game.reports import ReportReason, reason_from_word
from boschquiz.game.round import Feedback, GameResult, GameRound, Lifeline, ShownQuestion
from boschquiz.plain.lines import choice_number, player_text, read_line

COMMANDS: Mapping[str, str] = {
    "!5050": "50:50 lifeline (ladder): two choices left",
    "!skip": "skip lifeline (ladder): climb this rung without answering",
    "!time": "+15 s lifeline (ladder): more time for this question",
    "!walk": "walk away (ladder): stop and keep your score",
    "!report": "report the question just answered: !report wrong|unclear|easy|hard [a note]",
    "!quit": "stop now; an unfinished game is not saved (a daily is: scored on what you answered)",
    "!help": "list these commands",
}

LIFELINE_COMMANDS: Mapping[str, Lifeline] = {
    "!5050": Lifeline.FIFTY_FIFTY,
    "!skip": Lifeline.SKIP,
    "!time": Lifeline.EXTRA_TIME,
}


SHOW_NAMES: Mapping[Show, str] = {
    Show.BOSCH: "Bosch",
    Show.LEGACY: "Bosch: Legacy",
    Show.BALLARD: "Ballard",
    Show.GENERAL: "the Bosch universe",
}


class InputEnded(Exception):
    """Standard input closed before the game was over."""


class PlayerQuit(Exception):
    """The player typed !quit."""


Reporter = Callable[[str, ReportReason, str | None], str]
"""Saves a report (question id, reason, note) and returns the sentence to tell the player."""


class PlainGame:
    """Runs one game on a pair of text streams. `reporter` saves `!report`s (None: reports
    cannot be saved here, and `!report` says so)."""

    def __init__(
        self, game: GameRound, stdin: TextIO, stdout: TextIO, reporter: Reporter | None = None
    ) -> None:
        self.game = game
        self._in = stdin
        self._out = stdout
        self._reporter = reporter
        self._answered: Question | None = None
        """The question whose feedback was shown last: what `!report` is about."""

    def say(self, line: str = "") -> None:
        self._out.write(line + "\n")
        self._out.flush()

    def play(self) -> GameResult:
        """Play to the end and return the result. Raises `InputEnded` or `PlayerQuit`."""
        self.say(describe_game(self.game))
        for line in describe_ladder(self.game):
            self.say(line)
        if self.game.notice:
            self.say(f"Note: {self.game.notice}.")
        while not self.game.finished:
            self._ask(self.game.shown)
            feedback = self._take_answer()
            if feedback is None:
                continue
            for line in describe_feedback(feedback, self.game.settings.mode):
                self.say(line)
            self._answered = feedback.question
            self.game.next()
        result = self.game.summary()
        for line in describe_result(result):
            self.say(line)
        self.say("Recap (✓ right, ✗ wrong, ⏱ time out, ↷ skipped):")
        questions = {q.id: q for q in result.questions}
        with_points = MODES[result.record.mode].scores_points
        for line in recap_lines(recap(result.record, questions), with_points=with_points):
            self.say(line)
        return result

    def _ask(self, shown: ShownQuestion) -> None:
        for line in describe_question(shown, self.game):
            self.say(line)

    def _take_answer(self) -> Feedback | None:
        """Read lines until one settles the question; None when the round ended otherwise."""
        while True:
            self.say(answer_hint(self.game.shown))
            raw = read_line(self._in)
            if raw is None:
                raise InputEnded
            text = player_text(raw)
            if not text:
                continue
            if text.lower().startswith("!report"):
                self._report(text[len("!report") :])
                continue
            if text.startswith("!"):
                handled = self._command(text.lower())
                if isinstance(handled, Feedback) or self.game.finished:
                    return handled
                continue
            choices = self.game.shown.choices
            if not choices:
                if self._confirmed(text):
                    return self.game.answer(text)
                continue
            number = choice_number(text, len(choices))
            if number is None and not looks_like_a_number(text):
                number = self.game.choice_for(text)
            if number is None:
                self.say(
                    f"{text!r} is none of the choices; answer 1-{len(choices)} or the"
                    " choice's text."
                )
                continue
            if self._confirmed(choices[number]):
                return self.game.answer_choice(number)

    def _confirmed(self, answer: str) -> bool:
        """With the "final answer?" setting on a high ladder rung: ask before it counts."""
        if not self.game.asks_final_answer:
            return True
        self.say(f"{answer}: final answer? (y/n)")
        raw = read_line(self._in)
        if raw is None:
            raise InputEnded
        if player_text(raw).lower() in ("y", "yes"):
            return True
        self.say("Not locked in; answer again when you are sure.")
        return False

    def _report(self, rest: str) -> None:
        """`!report REASON [note]`: report the question just answered."""
        question = self._answered
        if question is None:
            self.say("Nothing to report yet: !report is about the question you just answered.")
            return
        reason, note = split_report(rest)
        if reason is None:
            self.say(
                "Report the question just answered with !report wrong, !report unclear,"
                " !report easy or !report hard, then a note if you like."
            )
            return
        if self._reporter is None:
            self.say("Reports are saved with your player data, which this game does not keep.")
            return
        self.say(self._reporter(question.id, reason, note))

    def _command(self, command: str) -> Feedback | None:
        game = self.game
        if command == "!quit":
            raise PlayerQuit
        if command == "!help":
            for name, meaning in COMMANDS.items():
                self.say(f"{name}: {meaning}")
            return None
        if command == "!walk":
            if not game.rules.lifelines:
                self.say("Walking away is only for ladder games.")
                return None
            game.walk_away()
            self.say(f"You walk away with {points(game.score)} points.")
            return None
        lifeline = LIFELINE_COMMANDS.get(command)
        if lifeline is None:
            self.say(f"Unknown command {command}; type !help for the list.")
            return None
        if lifeline not in game.lifelines:
            self.say(f"The {lifeline} lifeline is not available now.")
            return None
        if lifeline is Lifeline.SKIP:
            return game.skip()
        if lifeline is Lifeline.FIFTY_FIFTY:
            shown = game.fifty_fifty()
            self.say("50:50: two choices are left.")
            for line in numbered_choices(shown):
                self.say(line)
        else:
            shown = game.extra_time()
            self.say(f"+15 s: {shown.time_limit:g} seconds for this question now.")
        game.resume()
        return None


def split_report(rest: str) -> tuple[ReportReason | None, str | None]:
    """What follows `!report`: a reason in words ("too easy" or "easy", "wrong", ...) and the
    rest as the note (None when there is none)."""
    words = rest.split()
    for taken in (2, 1):
        if len(words) >= taken:
            reason = reason_from_word(" ".join(words[:taken]))
            if reason is not None:
                note = " ".join(words[taken:])
                return reason, note or None
    return None, None


def describe_game(game: GameRound) -> str:
    s = game.settings
    size = "as many questions as fit in 60 seconds" if game.total is None else f"{game.total}"
    if game.total is not None:
        size += " question" if game.total == 1 else " questions"
    steady = ", steady scoring" if s.steady else ""
    return (
        f"boschquiz {s.mode} game, {s.tier} tier{steady}, {size}, player {s.player},"
        f" seed {game.seed}."
    )


def looks_like_a_number(text: str) -> bool:
    """A choice number out of range (asks again) rather than a typed answer."""
    return text.isdecimal() and len(text) <= 3


def describe_ladder(game: GameRound) -> list[str]:
    """The ladder before it starts: each rung's difficulty and what a right answer there earns
    at least (and the total so far), top rung first, safe havens marked."""
    rungs = game.rungs
    if not rungs:
        return []
    lines = [
        "The ladder: each rung's difficulty, what a right answer there earns at least, and"
        " the total at least (faster answers earn more); ★ safe haven (a miss later falls"
        " back to it)."
    ]
    for rung in reversed(rungs):
        haven = "★" if rung.safe_haven else " "
        lines.append(
            f"{rung.number:>3} {haven} {rung.difficulty.value:<6}"
            f" +{points(rung.minimum):>6}  {points(rung.total):>7}"
        )
    return lines


def ladder_status(shown: ShownQuestion, game: GameRound) -> str:
    """One line for a ladder question: what this rung earns, what walking away keeps, and
    where a miss would fall to."""
    rung = game.rungs[shown.index - 1]
    fall = ladder.landing(ladder.haven_below(shown.index), game.banked)
    return (
        f"Rung {rung.number} of {len(game.rungs)}{' ★ safe haven' if rung.safe_haven else ''}:"
        f" a right answer earns at least +{points(rung.minimum)}."
        f" Walk away now with {points(game.score)}; a miss falls to {fall}."
    )


def describe_question(shown: ShownQuestion, game: GameRound) -> list[str]:
    q = shown.question
    where = f"Question {shown.index}" + (f" of {shown.total}" if shown.total else "")
    details = [q.difficulty.value]
    if q.show:
        details.append(SHOW_NAMES[q.show])
    left = game.seconds_left()
    if game.rules.open_ended and left is not None:
        details.append(f"{left:.0f} seconds left on the game clock")
    elif shown.time_limit is not None:
        details.append(f"{shown.time_limit:g} seconds")
    else:
        details.append("no time limit")
    lines = [f"{where} ({', '.join(details)}):"]
    if game.rules.lifelines:
        lines.append(ladder_status(shown, game))
    lines.append(q.prompt)
    lines.extend(numbered_choices(shown))
    if game.rules.lifelines:
        left_now = game.lifelines
        names = " ".join(c for c, lifeline in LIFELINE_COMMANDS.items() if lifeline in left_now)
        lines.append(f"Lifelines left: {names or 'none'}. Walk away: !walk.")
    return lines


def numbered_choices(shown: ShownQuestion) -> list[str]:
    return [f"{i}. {choice}" for i, choice in enumerate(shown.choices, start=1)]


def answer_hint(shown: ShownQuestion) -> str:
    if shown.question.type is QuestionType.TYPED or not shown.choices:
        return "Your answer:"
    return f"Your answer (1-{len(shown.choices)} or the text):"


def describe_feedback(feedback: Feedback, mode: Mode) -> list[str]:
    p = feedback.points
    if feedback.outcome is Outcome.CORRECT and mode is Mode.PRACTICE:
        lines = [f"Right! Streak {feedback.streak}."]
    elif feedback.outcome is Outcome.CORRECT:
        lines = [
            f"Right! +{points(p.total)} points (base {points(p.base)}, speed {points(p.speed)},"
            f" streak {points(p.streak)}). Streak {feedback.streak}."
            f" Score {points(feedback.score)}."
        ]
        if feedback.close:
            lines.append(f"Close enough: {feedback.right_answer}.")
    elif feedback.outcome is Outcome.SKIPPED:
        lines = [
            f"Skipped. The answer was {feedback.right_answer}. Score {points(feedback.score)}."
        ]
    else:
        opening = "Time is up." if feedback.outcome is Outcome.TIMEOUT else "Wrong."
        lines = [
            f"{opening} The answer was {feedback.right_answer}. Score {points(feedback.score)}."
        ]
    if feedback.time_penalty:
        lines.append(f"{feedback.time_penalty:g} seconds off the game clock.")
    if feedback.explanation:
        lines.append(f"Why: {feedback.explanation}")
    if feedback.source:
        lines.append(f"Source: {feedback.source}")
    if feedback.safe_haven is not None:
        lines.append(ladder.haven_cheer(feedback.safe_haven, feedback.score))
    if feedback.fall is not None:
        lines.append(ladder.fall_news(feedback.fall, feedback.score))
    return lines


def describe_result(result: GameResult) -> list[str]:
    r = result.record
    score = "" if r.mode is Mode.PRACTICE else f" Score {points(r.score)}."
    lines = [
        heading(r, walked_away=result.walked_away),
        f"Game over. {r.correct} of {r.answered} right.{score} Best streak {r.best_streak}.",
    ]
    if r.mode is Mode.LADDER:
        lines.append(ladder.ladder_result(r).sentence())
    if result.left_early:
        lines.append("You left before the end: scored on the questions answered.")
    if not MODES[r.mode].ranked:
        lines.append(f"{MODES[r.mode].label} games do not count for high scores.")
    elif not result.ranked:
        lines.append(
            f"Not ranked: a custom game ({'; '.join(result.custom)});"
            " it is saved and listed by `boschquiz scores --all`."
        )
    if result.share_line:
        lines.append(result.share_line)
    return lines
