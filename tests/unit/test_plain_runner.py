"""Plain mode: every mode played line by line from piped input, saved only when finished."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from boschquiz.commands.play import EXIT_UNFINISHED, play_plain
from boschquiz.core.clock import FakeClock
from boschquiz.core.model import AnswerKind, Difficulty, Mode, QuestionBank, QuestionStats
from boschquiz.core.paths import AppPaths
from boschquiz.game.round import GameRound
from boschquiz.game.settings import GameSettings
from boschquiz.plain.runner import PlainGame
from boschquiz.services import Services
from boschquiz.store import Store
from tests.unit.test_game_support import (
    PLAYER,
    bank_of,
    choice_question,
    new_game,
    true_false_question,
    typed_question,
)

REPO = Path(__file__).resolve().parents[2]
YES_1 = "1\n" * 2000


class SlowInput(io.StringIO):
    """Piped lines that each arrive `delay` seconds after the previous one (on a FakeClock)."""

    def __init__(self, text: str, clock: FakeClock, delay: float) -> None:
        super().__init__(text)
        self._clock = clock
        self._delay = delay

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        self._clock.advance(self._delay)
        return super().readline(-1 if size is None else size)


def services_in(saves: Path, clock: FakeClock | None = None) -> Services:
    return Services(paths=AppPaths.discover(saves=saves), clock=clock or FakeClock())


def play(
    saves: Path,
    mode: Mode,
    text: str = YES_1,
    *,
    bank: QuestionBank | None = None,
    clock: FakeClock | None = None,
    **kw: object,
) -> tuple[int, str]:
    out = io.StringIO()
    settings = GameSettings(mode=mode, tier=Difficulty.EASY, seed=1, player=PLAYER, **kw)  # type: ignore[arg-type]
    code = play_plain(
        bank or bank_of(10), services_in(saves, clock), settings, io.StringIO(text), out
    )
    return code, out.getvalue()


@pytest.mark.parametrize("mode", [Mode.CLASSIC, Mode.BLITZ, Mode.LADDER, Mode.DAILY, Mode.PRACTICE])
def test_piped_ones_play_every_mode_to_the_end(tmp_path: Path, mode: Mode) -> None:
    """`yes 1` plays each mode to its result line and exits 0."""
    code, out = play(tmp_path, mode)
    assert code == 0, out
    assert "Game over." in out
    assert f"boschquiz {mode} game" in out.splitlines()[0]


def test_piped_review_plays_the_missed_questions(tmp_path: Path) -> None:
    """With missed questions saved, a piped review plays them to the end."""
    bank = bank_of(10)
    code, _ = play(tmp_path, Mode.CLASSIC, "2\n" * 50, bank=bank, questions=5)
    assert code == 0
    code, out = play(tmp_path, Mode.REVIEW, bank=bank)
    assert code == 0
    assert "Game over." in out


def test_review_with_nothing_missed_says_so_and_exits_zero(tmp_path: Path) -> None:
    """No misses: one clear sentence, exit 0, nothing saved."""
    code, out = play(tmp_path, Mode.REVIEW)
    assert code == 0
    assert out.startswith("Nothing to review for Renee")
    assert not Store(tmp_path, FakeClock()).has_games()


def test_each_question_prints_prompt_and_numbered_choices(tmp_path: Path) -> None:
    """The prompt has its own line, followed by numbered choices and an answer hint."""
    _, out = play(tmp_path, Mode.CLASSIC, questions=1)
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Question 1 of 1"))
    assert lines[at + 1].startswith("Which one is right for")
    assert [line[:3] for line in lines[at + 2 : at + 5]] == ["1. ", "2. ", "3. "]
    assert lines[at + 5] == "Your answer (1-3 or the text):"


def test_answer_by_text(tmp_path: Path) -> None:
    """Typing the answer's text works as well as its number."""
    game = new_game(questions=1)
    out = io.StringIO()
    PlainGame(game, io.StringIO(game.shown.question.answer.upper() + "\n"), out).play()
    assert "Right! +" in out.getvalue()


def test_finished_game_is_saved(tmp_path: Path) -> None:
    """A piped game that ends is in the store afterwards, with its score."""
    code, out = play(tmp_path, Mode.CLASSIC, questions=3)
    assert code == 0
    assert "Saved in" in out
    games = [record for _, record in Store(tmp_path, FakeClock()).games()]
    assert len(games) == 1
    assert games[0].player == PLAYER
    assert len(games[0].answers) == 3


def test_input_ending_mid_game_saves_nothing(tmp_path: Path) -> None:
    """Two answers for a ten-question game: a short message, exit code 3, no save."""
    code, out = play(tmp_path, Mode.CLASSIC, "1\n1\n")
    assert code == EXIT_UNFINISHED
    assert out.endswith("Input ended before the game was over; nothing was saved.\n")
    assert not Store(tmp_path, FakeClock()).has_games()


def test_quit_command_saves_nothing(tmp_path: Path) -> None:
    """`!quit` stops at once without saving."""
    code, out = play(tmp_path, Mode.CLASSIC, "1\n!quit\n")
    assert code == EXIT_UNFINISHED
    assert "nothing was saved" in out
    assert not Store(tmp_path, FakeClock()).has_games()


def test_late_answer_is_a_timeout(tmp_path: Path) -> None:
    """An answer that arrives after the deadline is reported as a time-out."""
    clock = FakeClock()
    out = io.StringIO()
    settings = GameSettings(tier=Difficulty.HARD, seed=1, player=PLAYER, questions=1)
    code = play_plain(
        bank_of(5), services_in(tmp_path, clock), settings, SlowInput("1\n", clock, 13.0), out
    )
    assert code == 0
    assert "Time is up. The answer was" in out.getvalue()


def test_daily_prints_its_share_line_and_is_played_once(tmp_path: Path) -> None:
    """The daily ends with the share line; a second daily that day is refused."""
    from boschquiz.core.diagnostics import UserFacingError

    code, out = play(tmp_path, Mode.DAILY)
    assert code == 0
    assert "boschquiz daily 2026-11-24  " in out
    with pytest.raises(UserFacingError, match="already played"):
        play(tmp_path, Mode.DAILY)


def test_ladder_piped_ones_stop_at_the_first_miss_or_the_top(tmp_path: Path) -> None:
    """Piped 1s end a ladder: either a miss ends it or all fifteen rungs are climbed."""
    code, out = play(tmp_path, Mode.LADDER)
    assert code == 0
    assert "You fall from rung" in out or "Top of the ladder: all 15 rungs" in out


class Scripted(io.StringIO):
    """Input that answers right wherever the script says RIGHT, reading the live game."""

    def __init__(self, game: GameRound, script: list[str]) -> None:
        super().__init__()
        self._game = game
        self._script = list(script)

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        if not self._script:
            return ""
        line = self._script.pop(0)
        return (self._game.shown.question.answer if line == "RIGHT" else line) + "\n"


def test_ladder_lifelines_and_walk_away_by_command() -> None:
    """!5050, !time and !skip each work once; a second !5050 is refused; !walk keeps the score."""
    game = new_game(bank_of(10), mode=Mode.LADDER)
    script = ["!5050", "RIGHT", "!5050", "!time", "RIGHT", "!skip", "RIGHT", "!walk"]
    out = io.StringIO()
    result = PlainGame(game, Scripted(game, script), out).play()
    text = out.getvalue()
    assert "50:50: two choices are left." in text
    assert "The 50:50 lifeline is not available now." in text
    assert "+15 s: 35 seconds for this question now." in text
    assert "Skipped. The answer was" in text
    assert "Lifelines left: none. Walk away: !walk." in text
    assert f"You walk away with {result.record.score:,} points." in text
    assert f"Walked away at rung 4 of 15 with {result.record.score:,} points." in text
    assert result.walked_away
    assert result.record.correct == 3


def test_help_lists_commands(tmp_path: Path) -> None:
    """!help lists the commands and the question is asked again."""
    code, out = play(tmp_path, Mode.CLASSIC, "!help\n" + YES_1, questions=1)
    assert code == 0
    assert "!walk: walk away" in out


def test_typed_question_in_plain_mode(tmp_path: Path) -> None:
    """A typed question reads free text; a close misspelling is right."""
    bank = QuestionBank((typed_question("who", "Renée Ballard"),))
    code, out = play(tmp_path, Mode.CLASSIC, "renee balard\n", bank=bank, questions=1)
    assert code == 0
    assert "Your answer:" in out
    assert "Right! +" in out
    assert "Close enough: Renée Ballard." in out


def test_surname_of_a_person_is_close_enough_in_plain_mode(tmp_path: Path) -> None:
    """A typed person answered by surname alone is right, and the full name is shown."""
    question = replace(typed_question("who", "Renée Ballard"), kind=AnswerKind.PERSON)
    code, out = play(
        tmp_path, Mode.CLASSIC, "Ballard\n", bank=QuestionBank((question,)), questions=1
    )
    assert code == 0
    assert "Right! +" in out
    assert "Close enough: Renée Ballard." in out


def test_an_exact_answer_is_not_called_close(tmp_path: Path) -> None:
    """Typing the answer as written says nothing about being close."""
    bank = QuestionBank((typed_question("who", "Renée Ballard"),))
    _, out = play(tmp_path, Mode.CLASSIC, "Renée Ballard\n", bank=bank, questions=1)
    assert "Right! +" in out
    assert "Close enough" not in out


def test_practice_result_says_it_does_not_count(tmp_path: Path) -> None:
    """Practice ends by saying it is not a high score, with explanations along the way."""
    _, out = play(tmp_path, Mode.PRACTICE, questions=2)
    assert "Practice games do not count for high scores." in out
    assert "Why: Because" in out


@pytest.mark.process
def test_real_process_plays_from_a_pipe(tmp_path: Path) -> None:
    """A separate interpreter reading `yes 1` from a real pipe plays to the end and saves."""
    code = (
        "import sys; from pathlib import Path\n"
        "from boschquiz.commands.play import play_plain\n"
        "from boschquiz.core.paths import AppPaths\n"
        "from boschquiz.game.settings import GameSettings\n"
        "from boschquiz.services import Services\n"
        "from tests.unit.test_game_support import bank_of\n"
        f"services = Services(paths=AppPaths.discover(saves=Path({str(tmp_path)!r})))\n"
        "settings = GameSettings(seed=1, player='Piped')\n"
        "sys.exit(play_plain(bank_of(10), services, settings, sys.stdin, sys.stdout))\n"
    )
    yes = subprocess.Popen(["yes", "1"], stdout=subprocess.PIPE)
    run = subprocess.run(
        [sys.executable, "-c", code],
        stdin=yes.stdout,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    yes.kill()
    yes.wait()
    assert run.returncode == 0, run.stderr
    assert "Game over." in run.stdout
    assert Store(tmp_path, FakeClock()).has_games()


def test_stats_feed_the_next_review(tmp_path: Path) -> None:
    """Questions missed in a saved plain game are in box 1 of the player's stats."""
    play(tmp_path, Mode.CLASSIC, "2\n" * 50, questions=4)
    stats = Store(tmp_path, FakeClock()).question_stats(PLAYER)
    assert stats
    assert all(isinstance(s, QuestionStats) for s in stats.values())
    assert any(s.box == 1 for s in stats.values())


class ClosingReader(io.StringIO):
    """Output whose reader goes away after `lines` lines (like `| head`)."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self._left = lines

    def write(self, text: str) -> int:
        if self._left <= 0:
            raise BrokenPipeError
        self._left -= 1
        return super().write(text)


def test_reader_going_away_mid_game_saves_nothing(tmp_path: Path) -> None:
    """When our output's reader leaves mid-game, the game ends unsaved, without a traceback."""
    settings = GameSettings(seed=1, player=PLAYER, questions=5)
    code = play_plain(
        bank_of(5), services_in(tmp_path), settings, io.StringIO(YES_1), ClosingReader(4)
    )
    assert code == EXIT_UNFINISHED
    assert not Store(tmp_path, FakeClock()).has_games()


def test_a_custom_game_says_why_it_is_not_ranked(tmp_path: Path) -> None:
    """A seeded 2-question game ends by naming what keeps it out of the table."""
    _, out = play(tmp_path, Mode.CLASSIC, questions=2)
    assert "Not ranked: a custom game (2 questions, not 10; chosen seed)" in out
    assert "table!" not in out


def test_a_ranked_game_that_beats_the_table_is_a_new_high_score(tmp_path: Path) -> None:
    """Only a ranked game that beats the best in its table is called a new high score; the
    first game of an empty table is number 1, not a "new high score"."""
    bank = QuestionBank(tuple(true_false_question(f"tf{i}") for i in range(10)))
    settings = GameSettings(mode=Mode.CLASSIC, tier=Difficulty.EASY, player=PLAYER)
    runs = []
    for answers in ("False\n" * 10, "True\n" * 10):
        out = io.StringIO()
        play_plain(bank, services_in(tmp_path), settings, io.StringIO(answers), out)
        runs.append(out.getvalue())
    first, second = runs
    assert "New high score" not in first
    assert "Number 1 in the classic table." in first
    assert "New high score: number 1 in the classic table!" in second


def test_a_misspelt_choice_text_picks_that_choice(tmp_path: Path) -> None:
    """ "Fasle" names False: the engine's answer matcher reads choice text too."""
    bank = QuestionBank((true_false_question("tf"),))
    _, out = play(tmp_path, Mode.CLASSIC, "Fasle\n", bank=bank, questions=1)
    assert "Wrong. The answer was True." in out
    assert "none of the choices" not in out


def test_a_number_or_text_naming_no_choice_asks_again(tmp_path: Path) -> None:
    """ "7" of three choices and "zebra" are asked again, never counted as wrong."""
    bank = QuestionBank((true_false_question("tf"),))
    code, out = play(tmp_path, Mode.CLASSIC, "7\nzebra\nTrue\n", bank=bank, questions=1)
    assert code == 0
    assert "'7' is none of the choices" in out
    assert "'zebra' is none of the choices" in out
    assert "Game over. 1 of 1 right." in out


def test_why_follows_right_answers_and_the_recap_ends_the_game(tmp_path: Path) -> None:
    """The explanation is shown after a right answer too; after the last question every
    answer is recapped: prompt, the answer given, the right one when missed, points, time."""
    bank = QuestionBank((choice_question("q1"),))
    _, out = play(tmp_path / "a", Mode.CLASSIC, "right q1\n", bank=bank, questions=1)
    assert "Why: Because q1." in out.split("Right!")[1]
    assert "✓ 1. Which one is right for q1?" in out.split("Recap")[1]
    bank = QuestionBank((true_false_question("tf"),))
    _, out = play(tmp_path / "b", Mode.CLASSIC, "False\n", bank=bank, questions=1)
    recap = out.split("Recap")[1]
    assert "✗ 1. Is tf true?" in recap
    assert "you: False; answer: True; wrong; 0 points" in recap


def test_a_practice_recap_shows_no_points(tmp_path: Path) -> None:
    """Practice scores nothing: its recap says what happened without "0 points"."""
    bank = QuestionBank((true_false_question("tf"),))
    _, out = play(tmp_path, Mode.PRACTICE, "False\n", bank=bank, questions=1)
    recap = out.split("Recap")[1]
    assert "you: False; answer: True; wrong;" in recap
    assert "points" not in recap


def test_final_answer_asks_before_rung_11_counts(tmp_path: Path) -> None:
    """With the setting on, "n" on rung 11 leaves the question open; "y" locks it in."""
    bank = QuestionBank(tuple(true_false_question(f"tf{i}") for i in range(15)))
    answers = "True\n" * 10 + "True\nn\nTrue\ny\n" + "True\ny\n" * 4
    code, out = play(tmp_path, Mode.LADDER, answers, bank=bank, final_answer=True)
    assert code == 0
    assert out.count("final answer? (y/n)") == 6
    assert "Not locked in; answer again when you are sure." in out
    assert "Top of the ladder: all 15 rungs climbed" in out
    assert "Safe haven! Rung 5 reached" in out
    assert "Safe haven! Rung 10 reached" in out


@pytest.mark.parametrize(
    ("answers", "expected"),
    [("True\n" * 3, "Perfect: case closed!"), ("False\n" * 3, "A tough case: review the file.")],
)
def test_the_heading_follows_the_outcome(tmp_path: Path, answers: str, expected: str) -> None:
    """A perfect game and a poor one are not both "case closed"."""
    bank = QuestionBank(tuple(true_false_question(f"tf{i}") for i in range(3)))
    _, out = play(tmp_path, Mode.CLASSIC, answers, bank=bank, questions=3)
    assert expected in out.split("Game over")[0].splitlines()[-1]


def test_practice_shows_no_points(tmp_path: Path) -> None:
    """Practice scores nothing, so it says nothing about points."""
    bank = QuestionBank(tuple(true_false_question(f"tf{i}") for i in range(2)))
    _, out = play(tmp_path, Mode.PRACTICE, "True\nTrue\n", bank=bank, questions=2)
    assert "Right! Streak 1." in out
    assert "points (base" not in out
    assert "Score 0" not in out


def test_quit_in_a_daily_saves_it_scored_on_what_was_answered(tmp_path: Path) -> None:
    """Bug 2 (issue 10): `!quit` in the daily says it counts, and saves the answered part."""
    code, out = play(tmp_path, Mode.DAILY, "1\n!quit\n")
    assert code == EXIT_UNFINISHED
    assert "today's daily counts as played, scored on the 1 question answered" in out
    ((_, saved),) = list(Store(tmp_path, FakeClock()).games())
    assert (saved.mode, saved.answered) == (Mode.DAILY, 1)


def test_a_daily_ended_before_any_answer_is_still_todays_try(tmp_path: Path) -> None:
    """Bug 2: input ending at the daily's first question saves no game, yet the try is used."""
    from boschquiz.core.diagnostics import UserFacingError

    code, out = play(tmp_path, Mode.DAILY, "")
    assert code == EXIT_UNFINISHED
    assert "today's daily counts as played (nothing answered)" in out
    assert not Store(tmp_path, FakeClock()).has_games()
    with pytest.raises(UserFacingError, match="already played"):
        play(tmp_path, Mode.DAILY)


def test_the_widening_notice_is_told_once_per_player(tmp_path: Path) -> None:
    """Easy games on a small bank widen game after game; plain mode says so in the first that
    widens only, and remembers it in the player's settings."""
    clock = FakeClock()
    bank = bank_of(12)
    outs = []
    for _ in range(4):
        clock.advance(3600)
        code, out = play(tmp_path, Mode.CLASSIC, bank=bank, clock=clock, questions=10)
        assert code == 0, out
        outs.append(out)
    told = [out.count("you have seen every easy question") for out in outs]
    assert sum(told) == 1
    assert told[0] == 0
    settings = Store(tmp_path, FakeClock()).player_settings(PLAYER)
    assert settings["widening_told"] is True
