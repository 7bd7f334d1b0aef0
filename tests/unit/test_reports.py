"""Reporting a question (issue 13): the rules (reasons, the note), the store (saved with the
player's data, one per question, bounded, hostile data harmless), plain mode's `!report` and
`boschquiz questions --reported`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boschquiz.cli import main
from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Mode
from boschquiz.game.reports import (
    MAX_NOTE,
    Report,
    ReportReason,
    clean_note,
    reason_from_word,
    summarize,
)
from boschquiz.plain.runner import split_report
from boschquiz.store import Store, UnsavableValue
from boschquiz.store import store as store_module
from tests.unit.test_game_support import PLAYER, bank_of
from tests.unit.test_plain_runner import play
from tests.unit.test_store_support import make_game, open_store

WRONG, UNCLEAR, EASY, HARD = (
    ReportReason.WRONG,
    ReportReason.UNCLEAR,
    ReportReason.TOO_EASY,
    ReportReason.TOO_HARD,
)


def test_a_note_is_one_clean_line_and_capped() -> None:
    """Line breaks become spaces, control and format characters go, the note is cut to
    `MAX_NOTE`; nothing left is no note."""
    assert clean_note("two\nlines\x1b[2J\u202e here") == "two lines[2J here"
    assert clean_note("x" * (MAX_NOTE + 10)) == "x" * MAX_NOTE
    assert clean_note(" \n\t ") is None
    assert clean_note("[b]bold[/b]") == "[b]bold[/b]"


@pytest.mark.parametrize(
    ("word", "reason"),
    [
        ("wrong", WRONG),
        ("Unclear", UNCLEAR),
        ("easy", EASY),
        ("too easy", EASY),
        ("too_hard", HARD),
        ("hard", HARD),
        ("meh", None),
    ],
)
def test_reasons_read_as_words(word: str, reason: ReportReason | None) -> None:
    assert reason_from_word(word) is reason


def test_the_summary_counts_per_reason_and_keeps_the_notes_newest_first() -> None:
    reports = [
        Report("p/a", WRONG, "old note", "2026-11-30T08:00:00+00:00"),
        Report("p/a", WRONG, None, "2026-11-30T08:01:00+00:00"),
        Report("p/a", UNCLEAR, "new note", "2026-11-30T09:00:00+00:00"),
        Report("p/b", HARD, None, "2026-11-30T09:00:00+00:00"),
    ]
    first, second = summarize(reports)
    assert (first.question_id, first.total, first.counts) == ("p/a", 3, {WRONG: 2, UNCLEAR: 1})
    assert first.notes == ((UNCLEAR, "new note"), (WRONG, "old note"))
    assert (second.question_id, second.counts) == ("p/b", {HARD: 1})


def test_a_report_is_saved_with_the_player_and_replaced_by_the_next(tmp_path: Path) -> None:
    clock = FakeClock()
    store = open_store(tmp_path, clock)
    store.add_report("Ann", "p/a", WRONG, "it was 2021")
    clock.advance(60)
    store.add_report("Ann", "p/a", UNCLEAR, None)
    store.add_report("Bob", "p/a", EASY, "line\nbreak")
    reports = sorted(Store(tmp_path, clock).reports(), key=lambda pr: pr[0])
    assert [(p, r.question_id, r.reason, r.note) for p, r in reports] == [
        ("Ann", "p/a", UNCLEAR, None),
        ("Bob", "p/a", EASY, "line break"),
    ]


def test_reports_are_bounded_per_player_oldest_first_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "MAX_REPORTS", 3)
    clock = FakeClock()
    store = open_store(tmp_path, clock)
    for n in range(5):
        store.add_report("Ann", f"p/q{n}", WRONG)
        clock.advance(60)
    assert sorted(r.question_id for _, r in store.reports()) == ["p/q2", "p/q3", "p/q4"]


def test_a_report_on_no_question_id_is_refused_before_writing(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with pytest.raises(UnsavableValue):
        store.add_report("Ann", "x" * 301, WRONG)
    with pytest.raises(UnsavableValue):
        store.add_report("Ann", "", WRONG)
    assert store.reports() == []


def test_a_removed_player_reports_still_count(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.add_report("Ann", "p/a", WRONG)
    store.remove_player("Ann")
    assert [(p, r.question_id) for p, r in store.reports()] == [("Ann (removed)", "p/a")]


HOSTILE_TABLES: list[object] = [
    "not a table",
    ["a", "list"],
    {"p/a": "text"},
    {"p/a": {"reason": "bogus", "note": None, "at": "2026-11-30T08:00:00"}},
    {"p/a": {"reason": "wrong", "note": 7, "at": "2026-11-30T08:00:00"}},
    {"p/a": {"reason": "wrong", "note": "esc \u001b[2J", "at": "2026-11-30T08:00:00"}},
    {"p/a": {"reason": "wrong", "note": "n" * (MAX_NOTE + 1), "at": "2026-11-30T08:00:00"}},
    {"p/a": {"reason": "wrong", "note": None, "at": "yesterday"}},
    {"p/a": {"reason": "wrong", "note": None, "at": "0001-01-01T00:00:00+01:00"}},
    {"x" * 301: {"reason": "wrong", "note": None, "at": "2026-11-30T08:00:00"}},
    {"p/a": {"reason": ["wrong"], "note": None, "at": None}},
]


@pytest.mark.parametrize("table", HOSTILE_TABLES)
def test_hostile_report_data_is_left_out_and_loses_nothing(
    tmp_path: Path, table: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged `reports` entry (edited by hand, written by a foreign tool) is left out: the
    players file is not set aside, settings and games stay, a game still saves, the next
    report is saved and `questions --reported` shows it, with no traceback."""
    store = open_store(tmp_path)
    store.save_player_settings("Ann", {"theme": "nord"})
    store.record_game(make_game("Ann"))
    players = tmp_path / "players.json"
    data = json.loads(players.read_text(encoding="utf-8"))
    for row in data["players"].values():
        row["reports"] = table
    players.write_text(json.dumps(data), encoding="utf-8")

    reopened = open_store(tmp_path)
    assert reopened.reports() == []
    assert reopened.player_settings("Ann") == {"theme": "nord"}
    reopened.record_game(make_game("Ann"))
    reopened.add_report("Ann", "p/b", HARD, "fine")
    assert [(p, r.question_id) for p, r in reopened.reports()] == [("Ann", "p/b")]
    assert len(reopened.history("Ann")) == 2
    assert reopened.notices() == ()
    assert not list(tmp_path.glob("*.corrupt-*"))
    capsys.readouterr()
    assert main(["questions", "--saves", str(tmp_path), "--reported", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["id"], row["counts"]["too_hard"]) == ("p/b", 1)


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        (" wrong the year is 2021", (WRONG, "the year is 2021")),
        (" too easy", (EASY, None)),
        (" hard Way Too Hard", (HARD, "Way Too Hard")),
        ("", (None, None)),
        (" because", (None, None)),
    ],
)
def test_plain_report_words(rest: str, expected: tuple[object, object]) -> None:
    assert split_report(rest) == expected


def test_plain_report_saves_the_question_just_answered(tmp_path: Path) -> None:
    """`!report` before any answer says there is nothing yet; after the first answer it
    reports that question with its note as typed (case kept); a reason it does not know gets
    the usage; the game goes on and is saved."""
    text = "!report wrong\n1\n!report unclear What Is Meant?\n!report because\n" + "1\n" * 20
    code, out = play(tmp_path, Mode.CLASSIC, text, questions=3)
    assert code == 0, out
    assert "Nothing to report yet" in out
    assert "Reported as unclear; thank you." in out
    assert "!report wrong, !report unclear" in out
    [(player, report)] = Store(tmp_path, FakeClock()).reports()
    first = bank_of(10).by_id()
    assert player == PLAYER
    assert report.question_id in first
    assert (report.reason, report.note) == (UNCLEAR, "What Is Meant?")
    asked = [q.question_id for q in Store(tmp_path, FakeClock()).history(PLAYER)[0][1].answers]
    assert report.question_id == asked[0]


def test_reported_lists_counts_and_notes_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(tmp_path)
    store.add_report("Ann", "p/a", WRONG, "[b]x[/b]")
    store.add_report("Bob", "p/a", WRONG, None)
    store.add_report("Cy", "p/b", HARD, None)
    assert main(["questions", "--saves", str(tmp_path), "--reported"]) == 0
    out = capsys.readouterr().out
    assert "p/a  2 reports: wrong 2" in out
    assert "p/b  1 report: too hard 1" in out
    assert "(no longer in the bank)" in out
    assert "  - wrong: [b]x[/b]" in out
    assert "2 questions reported, 3 reports." in out


def test_no_reports_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--saves", str(tmp_path), "--reported"]) == 0
    assert "No question has been reported." in capsys.readouterr().out


def test_the_last_question_is_reported_after_the_game(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plain mode reads nothing after the last answer, so its end says how to report; `boschquiz
    report NUMBER REASON NOTE` reports that question of the player's last game."""
    code, out = play(tmp_path, Mode.CLASSIC, "1\n" * 3, questions=3)
    assert code == 0, out
    assert f"boschquiz report NUMBER REASON [NOTE] --player {PLAYER}" in out
    asked = [q.question_id for q in Store(tmp_path, FakeClock()).history(PLAYER)[0][1].answers]
    saves = ["--saves", str(tmp_path), "--player", PLAYER]
    assert main(["report", "3", "too hard", "the", "date's", "[b]off[/b]", *saves]) == 0
    assert f"Reported question 3 of game 1 ({asked[2]}) as too hard" in capsys.readouterr().out
    [(player, report)] = Store(tmp_path, FakeClock()).reports()
    assert (player, report.question_id) == (PLAYER, asked[2])
    assert (report.reason, report.note) == (HARD, "the date's [b]off[/b]")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["4", "wrong"], "game 1 has questions 1 to 3; there is no 4"),
        (["0", "wrong"], "game 1 has questions 1 to 3; there is no 0"),
        (["1", "boring"], "no reason 'boring': give one of wrong, unclear, easy or hard"),
        (["1", "wrong", "--player", "Nobody"], "Nobody has no saved game"),
    ],
)
def test_a_report_that_names_no_question_is_refused_and_saves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert play(tmp_path, Mode.CLASSIC, "1\n" * 3, questions=3)[0] == 0
    capsys.readouterr()
    player = [] if "--player" in args else ["--player", PLAYER]
    code = main(["report", *args, *player, "--saves", str(tmp_path)])
    assert code == 2
    assert message in capsys.readouterr().err
    assert Store(tmp_path, FakeClock()).reports() == []
