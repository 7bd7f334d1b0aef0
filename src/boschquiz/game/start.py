"""Starting a game: checking the settings, choosing the questions, building the `GameRound`.

    game = start_game(bank, settings, clock, history, today)

Every reason a game cannot start is a `UserFacingError` subclass with a sentence for the
player; the front ends word it once (`boschquiz.tui.flow`, plain mode).
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from boschquiz.core.clock import Clock
from boschquiz.core.diagnostics import UserFacingError
from boschquiz.core.model import (
    AnswerKind,
    Difficulty,
    GameTerms,
    Mode,
    Question,
    QuestionBank,
    QuestionStats,
)
from boschquiz.core.spoilers import Horizon, strictest
from boschquiz.game import ranking, selection
from boschquiz.game.daily import daily_bank, daily_questions, daily_seed
from boschquiz.game.history import HistorySource
from boschquiz.game.matching import AnswerMatcher
from boschquiz.game.modes import MODES, question_count
from boschquiz.game.party import PartyRound, check_players, party_questions
from boschquiz.game.round import GameRound
from boschquiz.game.settings import GameSettings
from boschquiz.game.tiers import TIERS

SEED_RANGE = 1_000_000_000
"""Seeds drawn when none is given: short enough to read out and type back with --seed."""

WIDENING_TOLD = "widening_told"
"""A player setting: true once the player has been told that a tier ran dry and selection
widened to the next (said once per player, not at every game that widens)."""


class NoQuestionsError(UserFacingError):
    """No question in the bank matches the game's settings."""


class NothingToReviewError(UserFacingError):
    """Review mode with no missed question: not a failure, just nothing to do."""


class DailyAlreadyPlayedError(UserFacingError):
    """The player has already had today's daily attempt."""


def start_game(
    bank: QuestionBank,
    settings: GameSettings,
    clock: Clock,
    history: HistorySource,
    today: date,
    *,
    told_widening: bool = False,
) -> GameRound:
    """Choose the questions and show the first one.

    `told_widening`: the player has already been told that selection widens to the next tier
    when theirs runs dry (`WIDENING_TOLD` in their settings), so it is not said again; when
    it is said, `GameRound.tells_widening` is true and the front end saves the setting.

    Raises `NoQuestionsError` when nothing matches, `NothingToReviewError` for a review with
    no missed question, `DailyAlreadyPlayedError` on a second daily the same day, and
    `UserFacingError` for a question count below 1.
    """
    if MODES[settings.mode].players.start > 1:
        raise UserFacingError(f"a {settings.mode.value} game needs its players named (`--players`)")
    if settings.questions is not None and settings.questions < 1:
        raise UserFacingError(
            f"the number of questions must be at least 1, not {settings.questions}"
        )
    seeded = settings.seed is not None and settings.mode is not Mode.DAILY
    if settings.mode is Mode.DAILY:
        if history.daily_played(settings.player, today):
            raise DailyAlreadyPlayedError(
                f"{settings.player} has already played the daily game for {today.isoformat()};"
                " a new one starts tomorrow (try practice or classic meanwhile)"
            )
        bank = daily_bank(bank)
        if not bank.questions:
            raise NoQuestionsError(
                "the daily draws only from the shipped questions that spoil nothing,"
                " and none were loaded (only your own packs?)"
            )
    bank_hash = bank.content_hash
    if settings.mode is Mode.DAILY:
        settings = replace(
            settings,
            tier=Difficulty.MEDIUM,
            questions=None,
            packs=(),
            shows=(),
            categories=(),
            seed=daily_seed(today, bank_hash),
        )
    seed = settings.seed if settings.seed is not None else secrets.randbelow(SEED_RANGE)
    settings = replace(settings, seed=seed)
    stats = {} if settings.mode is Mode.DAILY else history.question_stats(settings.player)
    questions, notice, widened = _choose(bank, settings, stats, today)
    if widened and told_widening:
        notice = None
    return GameRound(
        settings=settings,
        questions=questions,
        clock=clock,
        matcher=_matcher_for(bank, bank_hash),
        bank_hash=bank_hash,
        today=today,
        notice=notice,
        seeded=seeded,
        complete_bank=bank.complete,
        narrowed=_filters_narrow(bank, settings),
        tells_widening=widened and not told_widening,
    )


def start_party(
    bank: QuestionBank,
    settings: GameSettings,
    players: Sequence[str],
    clock: Clock,
    history: HistorySource,
    horizons: Sequence[Horizon] = (),
) -> PartyRound:
    """Choose a party's questions and show the first one to every player.

    The strictest of the players' own `horizons` applies (what one of them has not watched is
    never asked), unless `settings.horizon` names one for this party (`--watched`), which then
    stands for all of them. Questions none of the players has seen come first.
    Raises `PartyError` for players that cannot make a party, `NoQuestionsError` when nothing
    matches.
    """
    check_players(players)
    rules = MODES[Mode.PARTY]
    seeded = settings.seed is not None
    seed = settings.seed if settings.seed is not None else secrets.randbelow(SEED_RANGE)
    settings = replace(
        settings,
        mode=Mode.PARTY,
        questions=None,
        seed=seed,
        horizon=settings.horizon if settings.horizon is not None else strictest(horizons),
    )
    candidates = list(party_questions(selection.matching(bank.questions, settings)))
    if not candidates:
        raise NoQuestionsError(_nothing_matches(settings, len(bank.questions)))
    stats = selection.shared_stats([history.question_stats(player) for player in players])
    rng = random.Random(f"select:{seed}")
    chosen = selection.drawing(candidates, rules.questions, TIERS[settings.tier].mix, stats, rng)
    questions = chosen.questions
    rng.shuffle(questions)
    notice = None
    if len(questions) < rules.questions:
        notice = (
            f"only {len(questions)} questions fit a party with these settings;"
            f" playing all {len(questions)}"
        )
    narrowed = _filters_narrow(bank, settings)
    terms = GameTerms(
        seeded=seeded,
        packs=tuple(settings.packs) if narrowed else (),
        shows=tuple(str(show) for show in settings.shows) if narrowed else (),
        categories=tuple(settings.categories) if narrowed else (),
        own_bank=not bank.complete,
        length=len(questions),
    )
    return PartyRound(
        questions,
        players,
        clock,
        tier=settings.tier,
        seed=seed,
        steady=settings.steady,
        bank_hash=bank.content_hash,
        terms=terms,
        notice=notice,
    )


def _filters_narrow(bank: QuestionBank, settings: GameSettings) -> bool:
    """Whether the filters chosen leave out any question of the bank (every box ticked is no
    filter at all, and does not make a game custom)."""
    if not (settings.packs or settings.shows or settings.categories):
        return False
    return len(selection.matching(bank.questions, settings)) < len(bank.questions)


_MATCHERS: dict[str, AnswerMatcher] = {}


def _matcher_for(bank: QuestionBank, bank_hash: str) -> AnswerMatcher:
    """One matcher per bank content, kept for the next game (it prepares itself lazily)."""
    matcher = _MATCHERS.get(bank_hash)
    if matcher is None:
        known = [q.answer for q in bank.questions]
        known.extend(choice for q in bank.questions for choice in q.choices)
        people = [q.answer for q in bank.questions if q.kind is AnswerKind.PERSON]
        people.extend(c for q in bank.questions if q.kind is AnswerKind.PERSON for c in q.choices)
        matcher = AnswerMatcher(known, people)
        _MATCHERS.clear()
        _MATCHERS[bank_hash] = matcher
    return matcher


def _choose(
    bank: QuestionBank, settings: GameSettings, stats: Mapping[str, QuestionStats], today: date
) -> tuple[list[Question], str | None, bool]:
    """The questions, the notice for the player, and whether that notice is the widening's."""
    rng = random.Random(f"select:{settings.seed}")
    candidates = selection.matching(bank.questions, settings)
    if not candidates:
        raise NoQuestionsError(_nothing_matches(settings, len(bank.questions)))
    count = question_count(settings.mode, settings.questions)
    widened: tuple[Difficulty, ...] = ()
    if settings.mode is Mode.DAILY:
        chosen = daily_questions(candidates, today, count)
    elif settings.mode is Mode.REVIEW:
        due = selection.one_per_family(selection.review_order(candidates, stats))
        if not due:
            raise NothingToReviewError(
                f"nothing to review for {settings.player}: no missed question"
                " (missed questions come back here to be practised)"
            )
        chosen = due[:count]
    elif settings.mode is Mode.LADDER:
        drawn = selection.drawing(candidates, count, selection.LADDER_MIX, stats, rng).questions
        order = {q.id: i for i, q in enumerate(rng.sample(drawn, len(drawn)))}
        chosen = sorted(drawn, key=lambda q: (q.difficulty.rank, order[q.id]))
    else:
        made = selection.drawing(candidates, count, TIERS[settings.tier].mix, stats, rng)
        chosen, widened = made.questions, made.widened_from
        rng.shuffle(chosen)
    if settings.mode is Mode.REVIEW and len(chosen) < count:
        return (
            chosen,
            f"{len(chosen)} missed question{'' if len(chosen) == 1 else 's'} to review",
            False,
        )
    if len(chosen) < count and not MODES[settings.mode].open_ended:
        notice = (
            f"only {len(chosen)} of the {count} questions asked for match;"
            f" playing all {len(chosen)}"
        )
        return chosen, notice, False
    if widened:
        tiers = " and ".join(d.value for d in widened)
        notice = (
            f"you have seen every {tiers} question these settings allow;"
            " this game adds questions from the next tier that you have not seen yet"
        )
        return chosen, notice, True
    return chosen, None, False


def _nothing_matches(settings: GameSettings, bank_size: int) -> str:
    if bank_size == 0:
        return "there are no questions to play: no pack was found or every pack is empty"
    filters = ranking.filter_phrases(settings.packs, settings.shows, settings.categories)
    horizon = settings.spoiler_horizon
    if not horizon.is_everything:
        filters.append(f"what you have watched ({horizon})")
    return f"no question matches {'; '.join(filters)} (the bank has {bank_size} questions)"
