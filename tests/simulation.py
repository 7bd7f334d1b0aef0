"""Simulated players on the shipped bank, through the real selection code and a real store.

Each player plays ten-question classic games at one tier, answering at random (right two
times in three), and every game is saved with `Store.record_game` in a saves folder of its
own, so the next game's draw reads the history the way the game does. Counted:

- exact repeats asked while a question matching the settings was still unseen by the player
  and could have been asked instead (its fact not already in that game: a game asks one
  question per fact, so the last unseen forms of one fact cannot all go in one game);
- games with two questions on one fact (one question family);
- facts asked in two consecutive games (allowed only once the bank can no longer avoid it);
- the game at which each player first met a repeat.

`make test` runs a small version (tests/unit/test_game_no_repeats.py); `make simulate` the full
200 players x 30 games, whose figures are in docs/game.md:

    python -m tests.simulation --players 200 --games 30
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import Difficulty, Mode, Question, QuestionBank, Show
from boschquiz.core.paths import builtin_questions_dir
from boschquiz.facts import generate_from_dir
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_game
from boschquiz.packs import load_pack
from boschquiz.store import Store

TODAY = date(2026, 11, 30)


def shipped_bank() -> QuestionBank:
    """The shipped packs and the generated questions (what a new player draws from)."""
    questions: list[Question] = list(generate_from_dir(builtin_questions_dir() / "facts").questions)
    for path in sorted((builtin_questions_dir() / "packs").glob("*.yaml")):
        pack = load_pack(path).pack
        if pack is not None:
            questions.extend(pack.questions)
    return QuestionBank(tuple(questions))


@dataclass
class Figures:
    players: int = 0
    games: int = 0
    questions_asked: int = 0
    repeats_before_spent: int = 0
    repeats_after_spent: int = 0
    games_with_one_fact_twice: int = 0
    facts_in_consecutive_games: int = 0
    widened_games: int = 0
    first_repeat_game: list[int] = field(default_factory=list)
    seconds: float = 0.0

    def lines(self, bank_size: int, tier: Difficulty) -> list[str]:
        first = sorted(self.first_repeat_game)
        median = first[len(first) // 2] if first else None
        return [
            f"{self.players} players x {self.games // max(self.players, 1)} games of 10 "
            f"({tier.value}), pool of {bank_size} questions, {self.seconds:.1f} s",
            f"questions asked: {self.questions_asked}",
            f"exact repeats while an unseen question could be asked: {self.repeats_before_spent}",
            f"repeats once no unseen question could be asked: {self.repeats_after_spent}",
            f"games with two questions on one fact: {self.games_with_one_fact_twice}",
            f"a fact asked in two consecutive games: {self.facts_in_consecutive_games}",
            f"games that widened to the next tier (and said so): {self.widened_games}",
            f"first repeat at game (median over players who met one): {median}"
            f" ({len(first)} of {self.players} players met one)",
        ]


def simulate(
    bank: QuestionBank,
    players: int,
    games: int,
    *,
    tier: Difficulty = Difficulty.MEDIUM,
    folder: Path,
    seed: int = 0,
    shows: tuple[Show, ...] = (),
) -> Figures:
    """`shows` narrows the games (and the pool a repeat is judged against) to those shows."""
    figures = Figures(players=players)
    by_id = {q.id: q for q in bank.questions if not shows or q.show in shows}
    started = time.perf_counter()
    rng = random.Random(seed)
    for number in range(players):
        clock = FakeClock()
        store = Store(folder / f"player-{number}", clock)
        name = f"Player {number}"
        seen: set[str] = set()
        previous: set[str] = set()
        first_repeat: int | None = None
        for game_number in range(1, games + 1):
            settings = GameSettings(
                mode=Mode.CLASSIC,
                tier=tier,
                questions=10,
                player=name,
                seed=rng.randrange(2**31),
                shows=shows,
            )
            game = start_game(bank, settings, clock, store, TODAY)
            if game.notice and "have seen every" in game.notice:
                figures.widened_games += 1
            asked: list[Question] = []
            seen_before = set(seen)
            while not game.finished:
                question = game.shown.question
                seen.add(question.id)
                asked.append(question)
                clock.advance(5)
                if rng.random() < 2 / 3:
                    game.answer(question.answer)
                else:
                    game.answer("not the answer")
                game.next()
            families = [q.family for q in asked]
            repeats = [q for q in asked if q.id in seen_before]
            if repeats:
                first_repeat = first_repeat or game_number
                avoidable = any(
                    q.family not in families for i, q in by_id.items() if i not in seen_before
                )
                if avoidable:
                    figures.repeats_before_spent += len(repeats)
                else:
                    figures.repeats_after_spent += len(repeats)
            if len(set(families)) < len(families):
                figures.games_with_one_fact_twice += 1
            figures.facts_in_consecutive_games += len(previous & set(families))
            previous = set(families)
            figures.questions_asked += len(asked)
            figures.games += 1
            store.record_game(game.result())
            clock.advance(3600)
        if first_repeat is not None:
            figures.first_repeat_game.append(first_repeat)
    figures.seconds = time.perf_counter() - started
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--players", type=int, default=200)
    parser.add_argument("--games", type=int, default=30)
    parser.add_argument("--tier", choices=[d.value for d in Difficulty], default="medium")
    parser.add_argument("--show", choices=[s.value for s in Show], action="append", default=[])
    args = parser.parse_args(argv)
    shows = tuple(Show(s) for s in args.show)
    bank = shipped_bank()
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as tmp:
        figures = simulate(
            bank,
            args.players,
            args.games,
            tier=Difficulty(args.tier),
            folder=Path(tmp),
            shows=shows,
        )
    pool = [q for q in bank.questions if not shows or q.show in shows]
    for line in figures.lines(len(pool), Difficulty(args.tier)):
        print(line)
    clean = figures.repeats_before_spent == 0 and figures.games_with_one_fact_twice == 0
    return 0 if clean else 1


if __name__ == "__main__":
    raise SystemExit(main())
