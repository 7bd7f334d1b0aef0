"""A player's spoiler horizon, kept with the player: the store's round trip, the plain game
that plays within it, `--watched` overriding it for one game only, `players --watched` setting
it, and `questions export` honouring `--watched`."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest

from boschquiz.cli import main
from boschquiz.commands.play import play_plain
from boschquiz.core.model import Difficulty, Mode, QuestionBank
from boschquiz.core.spoilers import Horizon
from boschquiz.game.settings import GameSettings
from tests.unit.test_game_support import choice_question
from tests.unit.test_plain_runner import YES_1, services_in
from tests.unit.test_store_support import open_store

PLAYER = "Renée"


def tagged_bank() -> QuestionBank:
    """Three questions anyone may get, three that spoil Bosch 2, four that spoil Legacy 3."""
    free = [choice_question(f"free{i}", Difficulty.EASY) for i in range(3)]
    early = [
        replace(choice_question(f"bosch2-{i}", Difficulty.EASY), spoils=("bosch:2",))
        for i in range(3)
    ]
    late = [
        replace(choice_question(f"legacy3-{i}", Difficulty.EASY), spoils=("legacy:3",))
        for i in range(4)
    ]
    return QuestionBank((*free, *early, *late))


def play_saved(saves: Path, horizon: Horizon | None = None) -> tuple[set[str], str]:
    """One plain classic game of up to 10 questions; the ids it played, and its output."""
    settings = GameSettings(
        mode=Mode.CLASSIC, tier=Difficulty.EASY, questions=10, seed=1, player=PLAYER
    )
    out = io.StringIO()
    code = play_plain(
        tagged_bank(),
        services_in(saves),
        replace(settings, horizon=horizon),
        io.StringIO(YES_1),
        out,
    )
    assert code == 0, out.getvalue()
    history = open_store(saves).history(PLAYER)
    return {a.question_id for a in history[0][1].answers}, out.getvalue()


def test_a_horizon_is_kept_with_the_player(tmp_path: Path) -> None:
    """Saved, it reads back as saved (books too), marked answered, and follows a rename."""
    store = open_store(tmp_path)
    assert not store.player_horizon(PLAYER).answered
    assert store.player_horizon(PLAYER).horizon == Horizon.everything()
    horizon = Horizon.parse("bosch:7,legacy:2,ballard:0", books=True)
    store.save_player_horizon(PLAYER, horizon)
    saved = open_store(tmp_path).player_horizon(PLAYER)
    assert (saved.horizon, saved.answered, saved.problem) == (horizon, True, None)
    store.save_player_settings(PLAYER, {"theme": "noir"})
    store.rename_player(PLAYER, "Ballard")
    assert open_store(tmp_path).player_horizon("Ballard").horizon == horizon


def test_skipping_is_saved_as_everything_and_counts_as_answered(tmp_path: Path) -> None:
    """The sign-in question skipped keeps `all`: never asked again, nothing held back."""
    store = open_store(tmp_path)
    store.save_player_horizon(PLAYER, Horizon.everything())
    saved = open_store(tmp_path).player_horizon(PLAYER)
    assert saved.answered
    assert saved.horizon.is_everything
    assert store.player_settings(PLAYER)["horizon"] == {"watched": "all", "books": False}


def test_a_plain_game_plays_within_the_saved_horizon(tmp_path: Path) -> None:
    """A player who saved "Bosch 1, nothing else" is asked only what that allows."""
    open_store(tmp_path).save_player_horizon(PLAYER, Horizon.parse("bosch:1"))
    played, out = play_saved(tmp_path)
    assert played == {"core/free0", "core/free1", "core/free2"}
    assert "Spoilers: up to Bosch 1 · Legacy 0 · Ballard 0 · books off." in out


def test_watched_on_the_command_line_is_for_that_game_only(tmp_path: Path) -> None:
    """`--watched` plays one game with its horizon; the saved one is untouched after it."""
    store = open_store(tmp_path)
    store.save_player_horizon(PLAYER, Horizon.parse("bosch:1"))
    played, _ = play_saved(tmp_path, Horizon.parse("bosch:2"))
    assert {"core/bosch2-0", "core/bosch2-1", "core/bosch2-2"} <= played
    assert not any(q.startswith("core/legacy3") for q in played)
    assert open_store(tmp_path).player_horizon(PLAYER).horizon == Horizon.parse("bosch:1")


def test_without_a_saved_horizon_a_plain_game_draws_from_everything(tmp_path: Path) -> None:
    """A player who never set one plays every season (books off), and no line says so."""
    played, out = play_saved(tmp_path)
    assert len(played) == 10
    assert "Spoilers:" not in out
    assert not open_store(tmp_path).player_horizon(PLAYER).answered


def test_play_arguments_leave_the_horizon_to_the_player_unless_given() -> None:
    """No `--watched`/`--book-spoilers`: None (the player's own); either one: the horizon."""
    from boschquiz.cli import build_parser
    from boschquiz.commands.play import settings_from_args

    parser = build_parser()
    assert settings_from_args(parser.parse_args(["play"])).horizon is None
    given = settings_from_args(parser.parse_args(["play", "--watched", "bosch:3"]))
    assert given.horizon == Horizon.parse("bosch:3")
    books = settings_from_args(parser.parse_args(["play", "--book-spoilers"]))
    assert books.horizon == Horizon.everything(books=True)


def test_players_watched_sets_the_horizon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`players --watched NAME SPEC` keeps it with NAME; the listing shows it."""
    saves = ["--saves", str(tmp_path)]
    assert (
        main(["players", "--watched", PLAYER, "bosch:7,legacy:2", "--book-spoilers", *saves]) == 0
    )
    assert "up to Bosch 7 · Legacy 2 · Ballard 0 · books on" in capsys.readouterr().out
    saved = open_store(tmp_path).player_horizon(PLAYER)
    assert saved.horizon == Horizon.parse("bosch:7,legacy:2,ballard:0", books=True)
    assert main(["players", *saves]) == 0
    assert "spoilers: up to Bosch 7 · Legacy 2 · Ballard 0 · books on" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--watched", PLAYER, "bosch:8"], "bosch has seasons 1 to 7"),
        (["--watched", "   ", "all"], "name"),
        (["--book-spoilers"], "--book-spoilers goes with --watched"),
    ],
)
def test_players_watched_refuses_what_it_cannot_keep(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A season that does not exist, a blank name, a lone --book-spoilers: exit 2, one line,
    nothing saved."""
    assert main(["players", *argv, "--saves", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert open_store(tmp_path).players() == []


def exported(tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> int:
    out = tmp_path / f"export-{len(list(tmp_path.iterdir()))}.txt"
    assert main([*argv, "--format", "gift", "-o", str(out)]) == 0
    written = re.search(r"exported (\d+) question", capsys.readouterr().err)
    assert written is not None
    return int(written.group(1))


def test_questions_export_honours_watched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`questions export --watched ...` (or `questions --watched ... export`) writes what the
    listing with the same `--watched` lists, fewer than everything."""
    everything = exported(tmp_path, capsys, "questions", "export")
    after = exported(tmp_path, capsys, "questions", "export", "--watched", "bosch:2")
    before = exported(tmp_path, capsys, "questions", "--watched", "bosch:2", "export")
    assert main(["questions", "--watched", "bosch:2"]) == 0
    listed = int(capsys.readouterr().out.splitlines()[-1].split()[0])
    assert 0 < after == before == listed < everything
    books = exported(tmp_path, capsys, "questions", "export", "--book-spoilers")
    assert books > everything
