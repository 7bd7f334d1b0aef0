"""Long and wide player names never push a border or a column out: every place that draws a
name cuts it by terminal cells (a CJK character or an emoji is two), ending in "…"."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len, split_graphemes

from boschquiz.core.model import Difficulty, Mode
from boschquiz.game.settings import GameSettings
from boschquiz.store import MAX_NAME_LENGTH, Store
from boschquiz.tui.cells import NAME_CELLS, fit_cells, name_column
from boschquiz.tui.screens.player import LIST_CELLS
from tests.tui.helpers import app_for, build_fixture, record_game_directly, settle
from tests.tui.screen_text import screen_text
from tests.tui.test_tui_party import party_app, start

CJK = ("渡辺さくら" * 7)[:MAX_NAME_LENGTH]
"""The longest name the store takes, in a script two cells wide: 64 columns."""
EMOJI = "🚓" * 15 + "🕵️‍♀️" * 3
"""Emoji, two cells each, then sequences (a zero-width joiner, variation selectors) right where
the cut falls: a sequence is never split."""
LATIN = "Hieronymus Harry Bosch of the LAPD"[:MAX_NAME_LENGTH]
"""The longest name in a narrow script: shown whole."""
WIDE = (CJK, EMOJI)
NAMES = (*WIDE, LATIN)


@pytest.mark.parametrize("name", WIDE)
def test_fit_cells_keeps_to_the_width_and_never_splits_a_character(name: str) -> None:
    """The cut name fits, says it was cut, and is the name's own beginning, whole."""
    cut = fit_cells(name, NAME_CELLS)
    assert cell_len(cut) <= NAME_CELLS
    assert cut.endswith("…")
    assert name.startswith(cut.removesuffix("…"))
    boundaries = {end for _start, end, _cells in split_graphemes(name)[0]}
    assert len(cut.removesuffix("…")) in boundaries  # a whole emoji sequence, or none of it


def test_fit_cells_leaves_a_name_that_fits_alone() -> None:
    assert fit_cells("Renée", NAME_CELLS) == "Renée"
    assert fit_cells(LATIN, NAME_CELLS) == LATIN


def border_columns(text: str, mark: str) -> set[tuple[int, int]]:
    """For each line holding `mark`: the cell columns of its first and last one."""
    found = set()
    for line in text.splitlines():
        if mark in line:
            first, last = line.index(mark), line.rindex(mark)
            found.add((cell_len(line[:first]), cell_len(line[:last])))
    return found


@pytest.mark.parametrize("name", NAMES)
async def test_the_menu_shows_a_long_name_on_one_line(tmp_path: Path, name: str) -> None:
    """The menu's "Detective ..." line holds the cut name, and the menu box stays square."""
    app = app_for(build_fixture(tmp_path, player=name))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        line = next(line for line in text.splitlines() if "Detective" in line)
        assert fit_cells(name, NAME_CELLS) in line
        assert "n: change" in line
        assert len(border_columns(text, "│")) == 1


async def test_the_player_dialog_stays_square_with_long_names(tmp_path: Path) -> None:
    """The player list shows every name on one line, cut to fit, inside one straight frame."""
    fixture = build_fixture(tmp_path, player=CJK)
    store = Store(fixture.saves, fixture.clock)
    for name in (EMOJI, LATIN):
        store.ensure_player(name)
    app = app_for(fixture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        text = screen_text(app)
        assert len(border_columns(text, "█")) == 1
        assert len(border_columns(text, "▎")) == 1
        assert fit_cells(CJK, LIST_CELLS) in text  # one line each, not wrapped


async def test_high_scores_keep_their_columns_with_wide_names(tmp_path: Path) -> None:
    """A wide name in the table is cut to its column: the score after it stays in place."""
    fixture = build_fixture(tmp_path, player=CJK)
    scores = []
    for name in NAMES:
        settings = GameSettings(
            mode=Mode.CLASSIC, tier=Difficulty.MEDIUM, questions=3, player=name, seed=1
        )
        scores.append(record_game_directly(fixture, settings))
    app = app_for(fixture)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        rows = [line for line in lines if any(fit_cells(n, NAME_CELLS) in line for n in NAMES)]
        assert len(rows) == len(NAMES)
        header = next(line for line in lines if "Score" in line and "Player" in line)
        right_edge = cell_len(header[: header.index("Score")])
        for row in rows:
            assert ("…" in row) == (LATIN not in row)
            assert "/" in row  # the Right column (3/3) is still on the row
            assert cell_len(row[: row.index("3/3")]) > right_edge


def test_a_name_column_lines_up_by_cells() -> None:
    """`name_column` pads by terminal cells: what follows each name starts in one column."""
    column = name_column(NAMES)
    starts = {cell_len(column(name)) for name in NAMES}
    assert len(starts) == 1
    assert column(LATIN).startswith(LATIN)


async def test_the_party_screen_keeps_its_columns_with_wide_names(tmp_path: Path) -> None:
    """Each player's keys, state and score on the party screen start in the same column
    whatever their names (the party pads names by cells, not characters)."""
    players = (CJK, EMOJI, "Ana")
    app = party_app(build_fixture(tmp_path), players)
    async with app.run_test(size=(100, 30)) as pilot:
        await start(pilot)
        rows = [line for line in screen_text(app).splitlines() if "thinking" in line]
        assert len(rows) == len(players)
        assert len({cell_len(row[: row.index("[")]) for row in rows}) == 1
        assert len({cell_len(row[: row.index("thinking")]) for row in rows}) == 1
