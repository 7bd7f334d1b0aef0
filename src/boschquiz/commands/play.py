"""`boschquiz play`: start a game in the TUI, or on plain standard input and output."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from contextlib import suppress
from dataclasses import replace
from typing import TextIO

from boschquiz.commands import (
    Subparsers,
    add_common_options,
    add_horizon_options,
    bounded_int,
    horizon_from_args,
    text_argument,
)
from boschquiz.core.diagnostics import UserFacingError
from boschquiz.core.model import Difficulty, Mode, QuestionBank, Show
from boschquiz.core.paths import AppPaths
from boschquiz.core.signals import graceful_exit
from boschquiz.core.spoilers import Horizon
from boschquiz.game.party import check_players
from boschquiz.game.reports import REASON_WORDS, ReportReason
from boschquiz.game.settings import DEFAULT_PLAYER, GameSettings
from boschquiz.game.start import WIDENING_TOLD, NothingToReviewError, start_game
from boschquiz.plain.runner import (
    InputEnded,
    PlainGame,
    PlayerQuit,
    Reporter,
    describe_result,
)
from boschquiz.services import Services
from boschquiz.store import Store, StoreError, normalize_player_name

EXIT_UNFINISHED = 3
"""Plain mode: input ended (or the player quit) before the game was over; nothing saved."""

MAX_QUESTIONS = 1_000
"""Most questions `--questions` asks for (a bank rarely holds more; a bigger count is a typo)."""


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "play",
        help="play a game",
        description="Play a game: in the full-screen interface, or line by line with --plain.",
    )
    add_common_options(p, inherit=True)
    p.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.CLASSIC.value)
    p.add_argument("--tier", choices=[d.value for d in Difficulty], default=Difficulty.MEDIUM.value)
    p.add_argument(
        "--questions",
        type=bounded_int(MAX_QUESTIONS),
        default=None,
        metavar="N",
        help="questions in classic, review and practice (default 10)",
    )
    p.add_argument("--seed", type=int, default=None, help="replay the same game from a seed")
    p.add_argument(
        "--player",
        type=text_argument,
        default=DEFAULT_PLAYER,
        help=f"who plays (default {DEFAULT_PLAYER})",
    )
    p.add_argument("--steady", action="store_true", help="no speed scoring (recorded as steady)")
    p.add_argument(
        "--final-answer",
        action="store_true",
        help='ladder: ask "final answer?" before an answer counts on rungs 11 to 15',
    )
    p.add_argument(
        "--show",
        action="append",
        choices=[s.value for s in Show],
        default=[],
        help="only questions about this show (repeatable)",
    )
    p.add_argument(
        "--category",
        action="append",
        type=text_argument,
        default=[],
        help="only this category (repeatable)",
    )
    add_horizon_options(p)
    p.add_argument(
        "--players",
        type=text_argument,
        default=None,
        metavar="NAMES",
        help='party: 2 to 6 players, comma-separated ("Ana,Ben,Cy"); new names become players',
    )
    p.add_argument(
        "--party-keys",
        type=text_argument,
        default=None,
        metavar="BLOCKS",
        help="party: each seat's four answer keys, comma-separated"
        ' (default "1234,qwer,asdf,zxcv,uiop,jkl;"; remap for AZERTY or QWERTZ)',
    )
    p.add_argument("--plain", action="store_true", help="plain text on stdin/stdout, no TUI")
    p.set_defaults(run=run_play)


def party_players(args: argparse.Namespace) -> tuple[str, ...]:
    """`--players` as names (each checked like any player name); refused outside a party,
    and a party needs them."""
    party = Mode(args.mode) is Mode.PARTY
    if args.players is None:
        if party:
            raise UserFacingError(
                'a party needs its players: --players "Ana,Ben,Cy" (2 to 6 names)'
            )
        return ()
    if not party:
        raise UserFacingError("--players is for a party game: add --mode party")
    names = tuple(normalize_player_name(name) for name in str(args.players).split(","))
    check_players(names)
    return names


def settings_from_args(args: argparse.Namespace) -> GameSettings:
    player = normalize_player_name(str(args.player))
    return GameSettings(
        mode=Mode(args.mode),
        tier=Difficulty(args.tier),
        questions=args.questions,
        steady=bool(args.steady),
        player=player,
        shows=tuple(Show(s) for s in args.show),
        categories=tuple(args.category),
        seed=args.seed,
        final_answer=bool(args.final_answer),
        horizon=horizon_from_args(args),
        players=party_players(args),
    )


def party_key_blocks(args: argparse.Namespace, players: int) -> tuple[str, ...]:
    """`--party-keys` checked against the number of players (defaults fill the seats left)."""
    from boschquiz.tui.party_keys import KeyBlockError, blocks_for, parse_key_blocks

    if args.party_keys is not None and Mode(args.mode) is not Mode.PARTY:
        raise UserFacingError("--party-keys is for a party game: add --mode party")
    try:
        chosen = () if args.party_keys is None else parse_key_blocks(str(args.party_keys))
        return blocks_for(players, chosen) if players else ()
    except KeyBlockError as exc:
        raise UserFacingError(f"--party-keys: {exc}") from None


def run_play(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    services = Services(
        paths=AppPaths.discover(saves=args.saves),
        seed=args.seed,
        extra_packs=tuple(args.pack),
        only_extra_packs=bool(args.pack),
    )
    if settings.mode is Mode.PARTY and args.plain:
        raise UserFacingError(
            "party mode needs the full-screen game: every player answers at once on their own"
            " keys, which a line-by-line game cannot take; play it without --plain (in a"
            " terminal, or served to a browser with `boschquiz serve`)"
        )
    if not args.plain:
        from boschquiz.commands.preflight import refuse_broken_packs, refuse_without_terminal
        from boschquiz.tui.app import make_app, run_app

        blocks = party_key_blocks(args, len(settings.players))
        refuse_broken_packs(services)
        refused = refuse_without_terminal(sys.stdin, sys.stdout, sys.stderr)
        if refused is not None:
            return refused
        return run_app(make_app(services, start=settings, party_keys=blocks))
    bank = load_game_bank(services, sys.stderr)
    with graceful_exit():
        return play_plain(bank, services, settings, sys.stdin, sys.stdout)


def play_plain(
    bank: QuestionBank,
    services: Services,
    settings: GameSettings,
    stdin: TextIO,
    stdout: TextIO,
) -> int:
    """Play one game line by line and save it when it ends; returns the exit code.

    Review with nothing to review prints why and returns 0. Input ending (or `!quit`, or the
    reader of our output going away) before the end returns `EXIT_UNFINISHED`; it saves
    nothing, except in a daily (its one try a day), which is saved scored on what was
    answered.
    """
    saved = False
    try:
        store = Store(services.paths.saves, services.clock)
        shown = tell_notices(store, stdout, 0)
        today = services.clock.now().date()
        settings = with_saved_horizon(store, settings, stdout)
        try:
            told = store.player_settings(settings.player).get(WIDENING_TOLD) is True
            game = start_game(bank, settings, services.clock, store, today, told_widening=told)
            if game.rules.scored_when_left and not store.read_only:
                store.begin_daily(game.settings.player, today)
            if game.tells_widening and not store.read_only:
                with suppress(StoreError):  # not remembered: told again next time, no harm
                    store.save_player_settings(game.settings.player, {WIDENING_TOLD: True})
        except NothingToReviewError as exc:
            stdout.write(f"{exc.message[0].upper()}{exc.message[1:]}.\n")
            return 0
        unfinished: str | None = None
        try:
            result = PlainGame(game, stdin, stdout, reporter(store, game.settings.player)).play()
        except (InputEnded, PlayerQuit) as stop:
            unfinished = (
                "Input ended before the game was over"
                if isinstance(stop, InputEnded)
                else "Stopped before the game was over"
            )
            if not game.rules.scored_when_left:
                stdout.write(f"{unfinished}; nothing was saved.\n")
                return EXIT_UNFINISHED
            if not game.answers:
                stdout.write(f"{unfinished}; today's daily counts as played (nothing answered).\n")
                return EXIT_UNFINISHED
            game.leave()
            result = game.summary()
            answered = len(result.record.answers)
            stdout.write(
                f"{unfinished}; today's daily counts as played, scored on the"
                f" {answered} question{'' if answered == 1 else 's'} answered.\n"
            )
            for line in describe_result(result):
                stdout.write(line + "\n")
        if store.read_only:
            stdout.write("This game was not saved (the saves folder is read-only, see above).\n")
            return EXIT_UNFINISHED if unfinished else 0
        receipt = store.record_game(result.record)
        saved = True
        if receipt.new_high_score:
            stdout.write(f"New high score: number 1 in the {result.record.mode} table!\n")
        elif receipt.rank is not None:
            best = " New personal best." if receipt.personal_best else ""
            stdout.write(f"Number {receipt.rank} in the {result.record.mode} table.{best}\n")
        tell_notices(store, stdout, shown)
        stdout.write(f"Saved in {store.where()}.\n")
        if result.record.answers:
            stdout.write(report_hint(result.record.player) + "\n")
        stdout.flush()
        return EXIT_UNFINISHED if unfinished else 0
    except BrokenPipeError:
        silence(stdout)
        return 0 if saved else EXIT_UNFINISHED


def with_saved_horizon(store: Store, settings: GameSettings, stdout: TextIO) -> GameSettings:
    """`settings` with the player's saved horizon, unless `--watched`/`--book-spoilers` chose
    one for this game (which is not saved). Says which horizon a game plays with, except the
    daily's (it spoils nothing) and the default, everything with books off."""
    horizon = settings.horizon
    if horizon is None:
        saved = store.player_horizon(settings.player)
        if saved.problem is not None:
            stdout.write(f"Note: {saved.problem} {set_horizon_hint(settings.player)}\n")
        horizon = saved.horizon
    if settings.mode is not Mode.DAILY and horizon != Horizon.everything():
        stdout.write(f"Spoilers: {horizon.describe()}.\n")
    return replace(settings, horizon=horizon)


def report_hint(player: str) -> str:
    """How to report a question of the game just saved (`!report` cannot reach the last one:
    nothing is read after it)."""
    who = "" if player == DEFAULT_PLAYER else f" --player {shlex.quote(player)}"
    return (
        f"To report a question of this game: boschquiz report NUMBER REASON [NOTE]{who}"
        f" (REASON: {REASON_WORDS})"
    )


def set_horizon_hint(player: str) -> str:
    """How a player sets their horizon from the command line."""
    return f"Set it with: boschquiz players --watched {shlex.quote(player)} SHOW:SEASON,..."


def reporter(store: Store, player: str) -> Reporter:
    """Plain mode's `!report`: saved at once with the player's data (a failure is told, the
    game goes on)."""

    def report(question_id: str, reason: ReportReason, note: str | None) -> str:
        if store.read_only:
            return "The report was not saved: the saves folder is read-only (see above)."
        try:
            store.add_report(player, question_id, reason, note)
        except StoreError as exc:
            return exc.message
        return (
            f"Reported as {reason.label}; thank you. Pack authors see it in questions --reported."
        )

    return report


def tell_notices(store: Store, stdout: TextIO, shown: int) -> int:
    """Write the store's notices from the `shown`-th on; returns how many are shown now (so
    damage found while the game was played or saved is told as well)."""
    notices = store.notices()
    for notice in notices[shown:]:
        stdout.write(f"Note: {notice}\n")
    return len(notices)


def silence(stream: TextIO) -> None:
    """Point a closed pipe's descriptor at /dev/null, so the exit-time flush cannot fail."""
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def load_game_bank(services: Services, stderr: TextIO) -> QuestionBank:
    """Every question the game may draw from (only the `--pack` packs when given).

    A broken installed pack is reported on `stderr` and skipped; a broken `--pack` (a pack
    being written) stops the game with its diagnostics, since playing without it means
    nothing.
    """
    from boschquiz.packs.bank import load_bank

    load = load_bank(services.paths, services.extra_packs, only_extra=services.only_extra_packs)
    for diagnostic in load.facts_diagnostics:
        if diagnostic.is_error:
            stderr.write(diagnostic.format() + "\n")
    broken = load.broken_packs
    if broken and services.only_extra_packs:
        names = ", ".join(str(result.path) for result in broken)
        raise UserFacingError(
            f"cannot play {names}: fix the errors above and try again",
            tuple(d for result in broken for d in result.errors),
        )
    for result in broken:
        for diagnostic in result.errors:
            stderr.write(diagnostic.format() + "\n")
        stderr.write(f"boschquiz: warning: skipped the broken pack {result.path}\n")
    return load.bank
