"""The high-score table's trimming and ranking, as properties over random rows."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from boschquiz.store.scoretable import rank_key, ranked_rows, trim

rows_strategy = st.lists(
    st.tuples(
        st.sampled_from(["Ann", "Bob", "Cy", "Dee"]),
        st.integers(min_value=0, max_value=50),
        st.integers(min_value=0, max_value=9),
    ),
    max_size=80,
)


def as_rows(raw: list[tuple[str, int, int]]) -> list[dict[str, Any]]:
    return [
        {
            "game": game,
            "player": player,
            "score": score,
            "at": f"2026-11-2{day}T12:00:00.000000",
            "date": f"2026-11-2{day}T12:00:00+00:00",
            "mode": "classic",
            "tier": "medium",
            "correct": 1,
            "answered": 2,
            "best_streak": 1,
            "steady": False,
            "daily_date": None,
        }
        for game, (player, score, day) in enumerate(raw, start=1)
    ]


@settings(max_examples=80, deadline=None)
@given(raw=rows_strategy)
def test_trim_keeps_the_top_and_every_players_best(raw: list[tuple[str, int, int]]) -> None:
    """After trimming, the overall top 5 and each player's top 2 are all still there."""
    rows = as_rows(raw)
    kept = {row["game"] for row in trim(rows, keep_top=5, keep_per_player=2)}
    ranked = sorted(rows, key=rank_key)
    assert {row["game"] for row in ranked[:5]} <= kept
    for player in {row["player"] for row in rows}:
        best = [row["game"] for row in ranked if row["player"] == player][:2]
        assert set(best) <= kept


@settings(max_examples=80, deadline=None)
@given(raw=rows_strategy)
def test_trim_keeps_nothing_else(raw: list[tuple[str, int, int]]) -> None:
    """Every kept row is in the top 5 or among its player's top 2: the table stays small."""
    rows = as_rows(raw)
    ranked = sorted(rows, key=rank_key)
    allowed = {row["game"] for row in ranked[:5]}
    for player in {row["player"] for row in rows}:
        allowed |= set([row["game"] for row in ranked if row["player"] == player][:2])
    assert {row["game"] for row in trim(rows, keep_top=5, keep_per_player=2)} <= allowed


@settings(max_examples=80, deadline=None)
@given(raw=rows_strategy)
def test_ranks_run_from_one_best_first_earlier_wins_ties(raw: list[tuple[str, int, int]]) -> None:
    """Ranks are 1..n; scores never rise down the table; on equal scores the earlier date
    comes first."""
    table = ranked_rows(as_rows(raw), limit=100)
    assert [row.rank for row in table] == list(range(1, len(table) + 1))
    for upper, lower in itertools.pairwise(table):
        assert (-upper.score, upper.date) <= (-lower.score, lower.date)
