"""Issue 11 in the TUI: the blitz game clock on feedback, practice without points, the
ladder's safe havens and falls told on feedback, and the results with the recap of every
question."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Select

from boschquiz.core.model import Difficulty, GameTerms, Mode, Outcome, QuestionType
from boschquiz.game.settings import GameSettings
from boschquiz.store import Store
from boschquiz.tui.app import BoschQuizApp
from boschquiz.tui.screens.confirm import ConfirmScreen
from boschquiz.tui.screens.feedback import FeedbackScreen
from boschquiz.tui.screens.question import QuestionScreen
from boschquiz.tui.screens.results import ResultsScreen
from boschquiz.tui.widgets.ladder import LadderRungs
from boschquiz.tui.widgets.toggles import MarkedCheckbox
from tests.tui.helpers import (
    HOSTILE_PACK,
    SEED,
    Fixture,
    advance_clock,
    answer,
    answer_and_continue,
    app_for,
    build_fixture,
    current_question_screen,
    settle,
    skip_ahead,
)
from tests.tui.screen_text import screen_text
from tests.unit.test_store_support import make_game

PLAYER = "Tester"
NO_POINTS = re.compile(r"\b0 points\b|score\s+0\b|\+0\b")


async def test_blitz_feedback_counts_the_game_clock_down_from_its_deadline(
    tmp_path: Path,
) -> None:
    """Blitz's one clock shows on the feedback too: a wrong answer's 5 s penalty at once,
    then the seconds going down as the (fake) clock moves, read by the screen's own timer."""
    fixture = build_fixture(tmp_path)
    settings = GameSettings(mode=Mode.BLITZ, tier=Difficulty.EASY, player=PLAYER)
    app = app_for(fixture, start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        fixture.clock.advance(10)
        await answer(pilot, right=False)
        assert isinstance(app.screen, FeedbackScreen)
        assert "game clock 45 s" in screen_text(app)
        await advance_clock(pilot, fixture.clock, 1.5)
        assert isinstance(app.screen, FeedbackScreen)
        assert "game clock 44 s" in screen_text(app)


async def test_classic_feedback_has_no_game_clock(tmp_path: Path) -> None:
    """Only blitz has a game clock: a classic feedback shows none."""
    settings = GameSettings(mode=Mode.CLASSIC, questions=3, player=PLAYER)
    app = app_for(build_fixture(tmp_path), start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert "game clock" not in screen_text(app)


async def test_practice_shows_no_points_on_any_screen(tmp_path: Path) -> None:
    """Practice scores nothing, so no question, feedback or results screen says "0 points"
    or "score 0"."""
    settings = GameSettings(mode=Mode.PRACTICE, questions=2, player=PLAYER)
    app = app_for(build_fixture(tmp_path), start=settings)
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(2):
            assert isinstance(app.screen, QuestionScreen)
            seen.append(screen_text(app))
            await answer(pilot, right=False)
            assert isinstance(app.screen, FeedbackScreen)
            seen.append(screen_text(app))
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        seen.append(screen_text(app))
    for text in seen:
        assert NO_POINTS.search(text) is None, text
    assert "practice: no points" in seen[1]


def ladder(*, final_answer: bool = False) -> GameSettings:
    return GameSettings(mode=Mode.LADDER, player=PLAYER, final_answer=final_answer)


async def climb(pilot: Pilot[Any], rungs: int) -> None:
    """Settle the first screen, then answer `rungs` rungs right, each feedback left."""
    await settle(pilot)
    for _ in range(rungs):
        await answer_and_continue(pilot)


async def test_ladder_feedback_celebrates_reaching_a_safe_haven(tmp_path: Path) -> None:
    """A right answer on rung 5 says the haven is reached and what is banked."""
    app = app_for(build_fixture(tmp_path), start=ladder())
    async with app.run_test(size=(80, 24)) as pilot:
        await climb(pilot, 4)
        await answer(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        banked = app.screen.game.banked
        text = screen_text(app)
        assert f"★ Safe haven! Rung 5 reached: {banked:,} points are banked" in text


async def test_ladder_feedback_tells_the_fall_back_to_the_haven(tmp_path: Path) -> None:
    """A miss on rung 7 tells the fall from rung 6 back to the haven at 5, with the points."""
    app = app_for(build_fixture(tmp_path), start=ladder())
    async with app.run_test(size=(80, 24)) as pilot:
        await climb(pilot, 6)
        await answer(pilot, right=False)
        assert isinstance(app.screen, FeedbackScreen)
        game = app.screen.game
        at_six = sum(a.points for a in game.answers[:6])
        at_five = sum(a.points for a in game.answers[:5])
        text = " ".join(screen_text(app).split())
        assert (
            f"↓ You fall from rung 6 ({at_six:,}) back to the safe haven at 5 ({at_five:,});"
            f" the ladder ends with {at_five:,} points." in text
        )
        assert "Safe haven!" not in text


# -- the results: heading, recap, explanation one key away ------------------------------------


def classic(questions: int = 3) -> GameSettings:
    return GameSettings(mode=Mode.CLASSIC, tier=Difficulty.EASY, questions=questions, player=PLAYER)


async def play_to_results(pilot: Pilot[Any], rights: list[bool]) -> ResultsScreen:
    """Answer each question right or wrong as listed, continue past each feedback."""
    await settle(pilot)
    for right in rights:
        await answer_and_continue(pilot, right=right)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ResultsScreen)
    return screen


def flat(text: str) -> str:
    """Screen text with runs of spaces and borders folded, for phrases that may wrap."""
    return " ".join(text.replace("│", " ").split())


async def test_recap_lists_every_question_with_both_answers_points_and_time(
    tmp_path: Path,
) -> None:
    """Each question is a row: its prompt, the answer given, the right one for a miss, the
    outcome, the points and the time, marked ✓ or ✗."""
    app = app_for(build_fixture(tmp_path), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        results = await play_to_results(pilot, [True, False, True])
        text = flat(screen_text(app))
        record = results.result.record
        for number, (answer_record, question) in enumerate(
            zip(record.answers, results.result.questions, strict=True), start=1
        ):
            assert f"{number}. {question.prompt}" in text
            mark = "✓" if number != 2 else "✗"
            assert f"{mark} {number}. {question.prompt}" in text
            given = answer_record.given
            outcome = "right" if number != 2 else f"answer: {question.answer} · wrong"
            assert (
                f"you: {given} · {outcome} · {answer_record.points:,} points"
                f" · {answer_record.seconds:.1f} s" in text
            )
        assert "Recap · 3 questions · 1 missed" in text


async def test_recap_cursor_starts_on_the_first_missed_question(tmp_path: Path) -> None:
    """The first miss is where the cursor is, so `e` explains it at once."""
    app = app_for(build_fixture(tmp_path), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await play_to_results(pilot, [True, False, False])
        assert app.screen.query_one("#results-recap", OptionList).highlighted == 1
        assert app.focused is app.screen.query_one("#results-recap", OptionList)


async def test_e_and_enter_unfold_a_questions_explanation_and_fold_it_again(
    tmp_path: Path,
) -> None:
    """`e` unfolds the highlighted question's explanation and source; Enter folds it."""
    app = app_for(build_fixture(tmp_path), start=classic(questions=4))
    async with app.run_test(size=(80, 24)) as pilot:
        results = await play_to_results(pilot, [True] * 4)
        explained = next(i for i, q in enumerate(results.result.questions) if q.explanation)
        question = results.result.questions[explained]
        assert question.explanation is not None
        recap_list = app.screen.query_one("#results-recap", OptionList)
        recap_list.highlighted = explained
        assert f"Why: {question.explanation}" not in flat(screen_text(app))
        await pilot.press("e")
        await pilot.pause()
        assert f"Why: {question.explanation}" in flat(screen_text(app))
        assert results.unfolded == {explained}
        await pilot.press("enter")
        await pilot.pause()
        assert f"Why: {question.explanation}" not in flat(screen_text(app))
        assert isinstance(app.screen, ResultsScreen)


async def test_recap_scrolls_to_the_last_question_of_a_long_game(tmp_path: Path) -> None:
    """Ten questions do not fit at 80x24: the list scrolls to the last one."""
    app = app_for(build_fixture(tmp_path), start=classic(questions=10))
    async with app.run_test(size=(80, 24)) as pilot:
        results = await play_to_results(pilot, [True] * 10)
        last = results.result.questions[-1].prompt
        assert f"10. {last}" not in flat(screen_text(app))
        await pilot.press("end")
        await pilot.pause()
        assert f"10. {last}" in flat(screen_text(app))


async def test_heading_follows_the_outcome(tmp_path: Path) -> None:
    """A perfect game and a poor one are told apart (the rule is `recap.heading`)."""
    app = app_for(build_fixture(tmp_path / "a"), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await play_to_results(pilot, [True, True, True])
        assert "Perfect: case closed!" in screen_text(app)
    app = app_for(build_fixture(tmp_path / "b"), start=classic())
    async with app.run_test(size=(80, 24)) as pilot:
        await play_to_results(pilot, [False, False, True])
        text = screen_text(app)
        assert "A tough case: review the file." in text
        assert "Perfect" not in text


async def test_ladder_results_name_the_rung_reached_and_the_fall(tmp_path: Path) -> None:
    """A miss on rung 7: the heading is the haven's catch, and the result names the fall."""
    app = app_for(build_fixture(tmp_path), start=ladder())
    async with app.run_test(size=(80, 24)) as pilot:
        results = await play_to_results(pilot, [True] * 6 + [False])
        game = results.result.record
        at_five = sum(a.points for a in game.answers[:5])
        at_six = sum(a.points for a in game.answers[:6])
        text = flat(screen_text(app))
        assert "Caught by the safe haven." in text
        assert f"Fell from rung 6 ({at_six:,}) back to the safe haven at 5 ({at_five:,})." in text


async def test_ladder_results_after_walking_away(tmp_path: Path) -> None:
    """Walking away at rung 3: the heading says so and the result names the rung."""
    app = app_for(build_fixture(tmp_path), start=ladder())
    async with app.run_test(size=(80, 24)) as pilot:
        await climb(pilot, 2)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        score = app.screen.result.record.score
        text = flat(screen_text(app))
        assert "You walked away." in text
        assert f"Walked away at rung 2 of 15 with {score:,} points." in text


async def test_recap_shows_pack_text_literally(tmp_path: Path) -> None:
    """Prompts, answers and explanations full of markup show as written in the recap."""
    fixture = build_fixture(tmp_path, packs={"hostile.yaml": HOSTILE_PACK})
    settings = GameSettings(mode=Mode.PRACTICE, questions=2, player=PLAYER, seed=1)
    app = app_for(fixture, start=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        results = await play_to_results(pilot, [False, False])
        choice_row = next(
            i for i, q in enumerate(results.result.questions) if q.type is QuestionType.CHOICE
        )
        app.screen.query_one("#results-recap", OptionList).highlighted = choice_row
        await pilot.press("e")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Prompt [/] [b] [ @click=app.quit] [ link=https://x] [0] $x" in text
        assert "answer: [ @click=app.quit]" in text
        assert "Why: Explained [/] [b] [ @click=app.quit] $x" in text
        assert "Source: Source [ link=https://x] [0]" in text
        assert app.is_running


# -- the ladder during the game: rungs, walking away, "final answer?" -------------------------


def panel_lines(app: BoschQuizApp) -> list[str]:
    """The ladder panel's rung lines as shown, top rung first."""
    panel = app.screen.query_one("#ladder", LadderRungs)
    return [line.plain for line in panel.rung_lines()]


async def test_ladder_panel_shows_every_rung_its_difficulty_value_and_the_havens(
    tmp_path: Path,
) -> None:
    """At rung 4: fifteen rungs top first, each with its difficulty; climbed ones (✓) show
    the score on reaching them, the current one (▶) and those above what reaching them is
    worth at least; ★ marks rungs 5 and 10. All of it is text, readable without colour."""
    app = app_for(build_fixture(tmp_path), start=ladder())
    async with app.run_test(size=(80, 24)) as pilot:
        await climb(pilot, 3)
        game = current_question_screen(app).game
        earned = [a.points for a in game.answers]
        expected: list[str] = []
        total = 0
        for rung in game.rungs:
            total += earned[rung.number - 1] if rung.number <= 3 else rung.minimum
            mark = "✓" if rung.number < 4 else "▶" if rung.number == 4 else " "
            haven = "★" if rung.number in (5, 10) else " "
            short = {"easy": "easy", "medium": "med", "hard": "hard"}[rung.difficulty.value]
            expected.append(f"{mark}{rung.number:>2} {haven} {short:<4} {total:>7,}")
        assert panel_lines(app) == expected[::-1]
        text = screen_text(app)
        for line in expected:
            assert line in text
        assert "Ladder · at least" in text


async def test_walk_away_line_says_what_walking_away_keeps_and_where_a_miss_falls(
    tmp_path: Path,
) -> None:
    """Before rung 5 a miss falls to the ground; after it, to the haven's banked points
    (at 120 columns, where the line is not wrapped beside the rung panel)."""
    app = app_for(build_fixture(tmp_path), start=ladder())
    async with app.run_test(size=(120, 30)) as pilot:
        await climb(pilot, 2)
        game = current_question_screen(app).game
        text = flat(screen_text(app))
        assert f"F8 walk away now: keep {game.score:,} · a miss falls to the ground (0)" in text
        for _ in range(4):
            await answer_and_continue(pilot)
        banked = sum(a.points for a in game.answers[:5])
        text = flat(screen_text(app))
        assert (
            f"F8 walk away now: keep {game.score:,} · a miss falls to the safe haven at 5"
            f" ({banked:,})" in text
        )


async def climb_to_rung_11(pilot: Pilot[Any]) -> QuestionScreen:
    """Rungs 1-10 answered right through the engine; rung 11's question on screen."""
    await settle(pilot)
    await skip_ahead(pilot, keep=5)
    screen = current_question_screen(pilot.app)  # type: ignore[arg-type]
    assert screen.game.shown.index == 11
    return screen


async def test_final_answer_asks_on_rung_11_and_no_keeps_the_question_open(
    tmp_path: Path,
) -> None:
    """With the setting on, an answer on rung 11 asks "final answer?"; n leaves the question
    open and unanswered, y locks the answer in."""
    app = app_for(build_fixture(tmp_path), start=ladder(final_answer=True))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await climb_to_rung_11(pilot)
        await answer(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "is that your final answer?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert len(screen.game.answers) == 10
        await answer(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.feedback.correct
        assert len(screen.game.answers) == 11


async def test_final_answer_is_not_asked_below_rung_11_nor_with_the_setting_off(
    tmp_path: Path,
) -> None:
    """Rungs 1-10 never ask; with the setting off, rung 11 does not either."""
    app = app_for(build_fixture(tmp_path / "on"), start=ladder(final_answer=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer(pilot)
        assert isinstance(app.screen, FeedbackScreen)
    app = app_for(build_fixture(tmp_path / "off"), start=ladder())
    async with app.run_test(size=(80, 24)) as pilot:
        await climb_to_rung_11(pilot)
        await answer(pilot)
        assert isinstance(app.screen, FeedbackScreen)


@pytest.mark.parametrize("ranked", [True, False])
async def test_final_answer_runs_out_of_time(tmp_path: Path, ranked: bool) -> None:
    """The clock runs on behind "final answer?", in a ranked ladder and in an unranked one
    (deciding is part of answering): when it runs out, the dialog closes and the question is
    a time-out."""
    fixture = build_fixture(tmp_path, seed=None if ranked else SEED)
    app = app_for(fixture, start=ladder(final_answer=True))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await climb_to_rung_11(pilot)
        assert screen.game.ranked is ranked
        await answer(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        limit = screen.game.shown.time_limit
        assert limit is not None
        fixture.clock.advance(limit + 1)
        reads = screen.clock_reads
        for _ in range(100):
            if isinstance(app.screen, FeedbackScreen):
                break
            await pilot.pause(0.05)
        assert screen.clock_reads > reads, pilot.app.screen_stack
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.feedback.outcome is Outcome.TIMEOUT
        assert [type(s).__name__ for s in app.screen_stack] == ["MenuScreen", "FeedbackScreen"]


async def test_final_answer_setting_is_saved_with_the_players_settings(tmp_path: Path) -> None:
    """New Game's lock-in box (shown for the ladder, its state in letters) starts the game
    with the setting and is saved in the player's settings, so the next New Game has it on."""
    fixture = build_fixture(tmp_path, player=PLAYER)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        row = app.screen.query_one("#new-game-lock-in-row")
        assert not row.display
        app.screen.query_one("#new-game-mode", Select).value = Mode.LADDER
        await settle(pilot)
        assert row.display
        assert "Final answer?: off" in screen_text(app)
        app.screen.query_one("#new-game-final-answer", MarkedCheckbox).value = True
        await settle(pilot)
        text = flat(screen_text(app))
        assert "Final answer?: on" in text
        assert 'Rungs 11-15: "is that your final answer?" before it counts.' in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = current_question_screen(app)
        assert screen.game.settings.final_answer
    assert Store(fixture.saves, fixture.clock).player_settings(PLAYER)["final_answer"] is True
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert app.screen.query_one("#new-game-final-answer", MarkedCheckbox).value


async def test_a_time_out_under_the_leave_dialog_waits_for_the_question(tmp_path: Path) -> None:
    """A ranked question's clock runs out under the leave dialog (a modal: the question is
    still painted behind it): the dialog stays until answered, then the time-out shows, and
    no question screen is left behind in the stack."""
    fixture = build_fixture(tmp_path, seed=None)
    settings = GameSettings(mode=Mode.CLASSIC, tier=Difficulty.EASY, player=PLAYER)
    app = app_for(fixture, start=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = current_question_screen(app)
        assert screen.game.ranked
        limit = screen.game.shown.time_limit
        assert limit is not None
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        fixture.clock.advance(limit + 1)
        reads = screen.clock_reads
        for _ in range(100):
            if screen.clock_reads > reads + 1:
                break
            await pilot.pause(0.05)
        assert screen.clock_reads > reads + 1
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.feedback.outcome is Outcome.TIMEOUT
        assert [type(s).__name__ for s in app.screen_stack] == ["MenuScreen", "FeedbackScreen"]


# -- High scores: ranked by default, `a` for all (like `scores` and `scores --all`) ----------


def save_games(fixture: Fixture) -> Store:
    """Three classic/medium games: a ranked one (Ranked Rita), a custom one (Seeded Sam, a
    chosen seed) and one recorded before the ranking rules (Old Olga, no terms)."""
    store = Store(fixture.saves, fixture.clock)
    store.record_game(replace(make_game("Ranked Rita"), terms=GameTerms(length=10)))
    store.record_game(
        replace(
            make_game("Seeded Sam", outcomes=(Outcome.CORRECT,) * 3),
            terms=GameTerms(seeded=True, length=10),
        )
    )
    store.record_game(replace(make_game("Old Olga"), terms=None))
    return store


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_high_scores_show_ranked_games_and_a_adds_the_custom_ones(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """Like `scores`, the table lists ranked games (and the one recorded before the rules,
    marked so); `a` adds the custom game like `scores --all`, marked "custom" with its
    reasons when highlighted; `a` again hides it. At 60 columns too: the mark and the score
    stay in view (only Streak and Date scroll)."""
    fixture = build_fixture(tmp_path, player=PLAYER)
    store = save_games(fixture)
    ranked = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM)
    custom = store.top_scores(Mode.CLASSIC, Difficulty.MEDIUM, custom=True)
    assert [r.player for r in custom] == ["Seeded Sam"]
    app = app_for(fixture)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        text = screen_text(app)
        for row in ranked:
            assert row.player in text
        assert "Seeded Sam" not in text
        olga = next(line for line in text.splitlines() if "Old Olga" in line)
        assert "before rules" in olga
        assert "a: all games (1 custom)" in text
        assert "a All games" in text.splitlines()[-1]
        await pilot.press("a")
        await settle(pilot)
        text = screen_text(app)
        sam = next(line for line in text.splitlines() if "Seeded Sam" in line)
        assert "custom" in sam
        assert f"{custom[0].score:,}" in sam
        assert "a Ranked only" in text.splitlines()[-1]
        table = app.screen.query_one("#scores-table", DataTable)
        table.move_cursor(row=len(ranked))
        await settle(pilot)
        assert "custom, not ranked: chosen seed" in screen_text(app)
        await pilot.press("a")
        await settle(pilot)
        assert "Seeded Sam" not in screen_text(app)


async def test_stats_recent_scores_leave_practice_out(tmp_path: Path) -> None:
    """A practice game (no points) is not a 0 among the recent scores on Stats."""
    fixture = build_fixture(tmp_path, player=PLAYER)
    store = Store(fixture.saves, fixture.clock)
    store.save_player_settings(PLAYER, {"last_active": fixture.clock.now().isoformat()})
    ranked = replace(make_game(PLAYER), terms=GameTerms(length=10))
    store.record_game(ranked)
    practice = make_game(PLAYER, mode=Mode.PRACTICE, started_at="2026-11-24T13:00:00+00:00")
    store.record_game(replace(practice, score=0, terms=GameTerms(length=10)))
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        text = flat(screen_text(app))
        assert f"last game · best {ranked.score:,} · latest {ranked.score:,}" in text


async def test_a_ladder_question_at_40x12_keeps_its_progress_readable(tmp_path: Path) -> None:
    """At 40x12 the ladder's longer score ("score … · banked …") leaves the progress room to
    read (it wraps as words, not one letter a line), and the rung panel gives way."""
    app = app_for(build_fixture(tmp_path), start=ladder())
    async with app.run_test(size=(40, 12)) as pilot:
        await climb(pilot, 3)
        text = screen_text(app)
        assert "Ladder · medium" in text
        assert "banked" in text
        assert not app.screen.query_one("#ladder", LadderRungs).display
