"""`boschquiz history`: a player's games, newest first, each with every question, the answer
given, the outcome and the points (the recap), as text or JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from boschquiz.commands import Subparsers, bounded_int, path_argument, text_argument
from boschquiz.commands.scores import MAX_LIMIT, printable
from boschquiz.core.clock import SystemClock
from boschquiz.core.model import GameRecord, Mode, Question
from boschquiz.core.numbers import points
from boschquiz.core.paths import AppPaths
from boschquiz.game.ladder import ladder_result
from boschquiz.game.modes import MODES
from boschquiz.game.ranking import custom_reasons
from boschquiz.game.recap import recap, recap_lines
from boschquiz.game.settings import DEFAULT_PLAYER
from boschquiz.store import Store


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "history",
        help="a player's games with every answer",
        description="A player's games, newest first, each with its questions, the answers "
        "given, outcomes and points.",
    )
    p.add_argument(
        "--player",
        type=text_argument,
        default=DEFAULT_PLAYER,
        metavar="NAME",
        help=f"whose games (default {DEFAULT_PLAYER})",
    )
    p.add_argument(
        "--limit", type=bounded_int(MAX_LIMIT), default=10, metavar="N", help="games to show"
    )
    p.add_argument("--json", action="store_true", help="print a JSON list of games")
    p.add_argument(
        "--saves", type=path_argument, default=argparse.SUPPRESS, help="folder for saves"
    )
    p.set_defaults(run=run_history)


def run_history(args: argparse.Namespace) -> int:
    paths = AppPaths.discover(saves=getattr(args, "saves", None))
    store = Store(paths.saves, SystemClock())
    for notice in store.notices():
        print(f"boschquiz: {printable(notice)}", file=sys.stderr)
    games = store.history(args.player, args.limit)
    questions = _known_questions(paths) if games else {}
    if args.json:
        rows = [game_json(game_id, record, questions) for game_id, record in games]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not games:
        print(f"No games saved for {printable(args.player)}.")
        return 0
    blocks = ["\n".join(game_text(game_id, record, questions)) for game_id, record in games]
    print("\n\n".join(blocks))
    return 0


def _known_questions(paths: AppPaths) -> dict[str, Question]:
    """The installed questions by id (for prompts and right answers); broken packs skipped."""
    from boschquiz.packs.bank import load_bank

    return load_bank(paths).bank.by_id()


def game_json(game_id: int, record: GameRecord, questions: dict[str, Question]) -> dict[str, Any]:
    custom = custom_reasons(record.mode, record.terms, record.party)
    return {
        "game_id": game_id,
        "player": record.player,
        "mode": record.mode.value,
        "tier": record.tier.value,
        "steady": record.steady,
        "started_at": record.started_at,
        "duration": record.duration,
        "seed": record.seed,
        "daily_date": record.daily_date,
        "score": record.score,
        "correct": record.correct,
        "answered": record.answered,
        "best_streak": record.best_streak,
        "ranked": not custom,
        "custom": list(custom),
        "recorded_before_rules": record.terms is None,
        "ladder": _ladder_json(record),
        "party": None
        if record.party is None
        else {
            "id": record.party.id,
            "place": record.party.place,
            "players": record.party.players,
        },
        "answers": [line.to_json() for line in recap(record, questions)],
    }


def _ladder_json(record: GameRecord) -> dict[str, Any] | None:
    """How a ladder game ended: `end` (top, walked away, fell), the rung reached and, after a
    fall, the rung it fell back to (0: the ground)."""
    if record.mode is not Mode.LADDER:
        return None
    result = ladder_result(record)
    return {
        "end": result.end.value,
        "rung": result.rung,
        "fell_to": None if result.fall is None else result.fall.to_rung,
    }


def game_text(game_id: int, record: GameRecord, questions: dict[str, Question]) -> list[str]:
    custom = custom_reasons(record.mode, record.terms, record.party)
    standing = "ranked" if not custom else "custom: " + "; ".join(custom)
    with_points = MODES[record.mode].scores_points  # practice shows no "0 points"
    score = f" · {points(record.score)} points" if with_points else ""
    head = (
        f"Game {game_id} · {record.started_at[:16].replace('T', ' ')} · {record.mode.value}"
        f" · {record.tier.value}{score} · {record.correct}/{record.answered} right · {standing}"
    )
    lines = [head]
    if record.mode is Mode.LADDER:
        lines.append(ladder_result(record).sentence())
    lines.extend(recap_lines(recap(record, questions), with_points=with_points))
    return [printable(line) for line in lines]
