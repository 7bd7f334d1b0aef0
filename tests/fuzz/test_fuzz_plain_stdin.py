"""Fuzz target: plain mode's standard input.

Any bytes on stdin (undecodable bytes, control characters, huge numbers, superscript digits,
commands, endless lines) play a game that ends in one of the documented ways: finished and
saved (exit 0), input ended or `!quit` (exit 3, nothing saved), or a one-sentence refusal.
Never a traceback, and a finished game is always in the store afterwards.
"""

from __future__ import annotations

import io
import json

from hypothesis import event, given
from hypothesis import strategies as st

from boschquiz.commands.play import EXIT_UNFINISHED, play_plain
from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode, QuestionBank
from boschquiz.core.paths import AppPaths
from boschquiz.game.settings import GameSettings
from boschquiz.plain.lines import tolerant_streams
from boschquiz.plain.runner import InputEnded, PlainGame, PlayerQuit
from boschquiz.services import Services
from boschquiz.store import Store
from boschquiz.store.codec import check_game, game_from_json, game_to_json
from tests.fuzz.budget import FUZZ, FUZZ_WITH_SAVES, scratch_folder
from tests.unit.test_game_support import (
    PLAYER,
    choice_question,
    new_game,
    true_false_question,
    typed_question,
)

BANK = QuestionBank(
    (
        *(choice_question(f"c{i}", d) for d in Difficulty for i in range(3)),
        typed_question("t1", "Harry Bosch", ("Bosch",)),
        typed_question("t2", "Renée Ballard"),
        true_false_question("f1"),
    )
)

hostile_lines = st.one_of(
    st.sampled_from(
        [
            b"1",
            b"2",
            b"3",
            b"4",
            b"0",
            b"99",
            b"\xc2\xb2",
            b"\xc2\xb9\xc2\xb3",
            b"\xd9\xa2",
            b"9" * 5000,
            b"!5050",
            b"!skip",
            b"!time",
            b"!walk",
            b"!help",
            b"!quit",
            b"!",
            b"!!",
            b"Harry Bosch",
            b"Ren\xc3\xa9e Ballard",
            b"Ren\xe9e",
            b"\xff\xfe",
            b"\xed\xa0\x80",
            b"\x1b[2J\x1b]0;x\x07",
            b"\x00",
            b"   ",
            b"\t",
            b"\r",
            b"\xe2\x80\xae",
            b"x" * 3000,
        ]
    ),
    st.binary(max_size=40).filter(lambda b: b"\n" not in b),
    st.text(max_size=20).map(lambda t: t.replace("\n", " ").encode("utf-8", "surrogatepass")),
)
stdin_bytes = st.lists(hostile_lines, max_size=25).map(lambda lines: b"\n".join(lines))


def stdin_of(data: bytes, strict: bool) -> io.TextIOWrapper:
    """`data` as standard input: strict UTF-8 (`PYTHONIOENCODING=utf-8`) or Python's default
    for a C locale (undecodable bytes as surrogate escapes), made tolerant as `cli.main` does."""
    errors = "strict" if strict else "surrogateescape"
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors=errors)
    tolerant_streams(stdin, None)
    return stdin


modes = st.sampled_from([Mode.CLASSIC, Mode.BLITZ, Mode.LADDER, Mode.PRACTICE])


@FUZZ
@given(data=stdin_bytes, mode=modes, strict=st.booleans())
def test_any_stdin_plays_to_a_record_the_store_accepts(
    data: bytes, mode: Mode, strict: bool
) -> None:
    """The runner alone (fast): any input ends the game or the input, and a finished game's
    record goes through the store's writer and reader unchanged."""
    game = new_game(BANK, mode=mode, tier=Difficulty.EASY, questions=3, seed=3)
    out = io.StringIO()
    try:
        result = PlainGame(game, stdin_of(data, strict), out).play()
    except (InputEnded, PlayerQuit) as ended:
        event(f"ended early: {type(ended).__name__}")
        return
    event("finished")
    body = json.dumps(game_to_json(result.record), ensure_ascii=False, allow_nan=False)
    stored = json.loads(body.encode("utf-8"))
    assert check_game(stored) is None
    assert game_from_json(stored) == result.record
    out.getvalue().encode("utf-8")


@FUZZ_WITH_SAVES
@given(data=stdin_bytes, mode=modes, strict=st.booleans())
def test_any_stdin_ends_the_game_in_a_documented_way(data: bytes, mode: Mode, strict: bool) -> None:
    """`play --plain` as the command runs it, with real saves: exit 0 with the game saved, or
    exit 3 with nothing saved; never a traceback."""
    with scratch_folder() as saves:
        clock = FakeClock()
        services = Services(paths=AppPaths.discover(saves=saves), clock=clock)
        settings = GameSettings(mode=mode, tier=Difficulty.EASY, questions=3, player=PLAYER, seed=3)
        out = io.StringIO()
        code = play_plain(BANK, services, settings, stdin_of(data, strict), out)
        saved = sum(1 for _ in Store(saves, clock).games())
    event(f"exit {code}, {saved} saved")
    assert code in (0, EXIT_UNFINISHED)
    assert saved == (1 if "Saved in" in out.getvalue() else 0)
    assert saved == (1 if code == 0 else 0)
