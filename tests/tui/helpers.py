"""A small fixture bank written as real YAML packs, and the services the TUI tests build from.

The packs live in the test's own folder, so snapshots do not churn when shipped content changes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerError, WorkerFailed, WorkerState

from boschquiz.core.clock import FakeClock
from boschquiz.core.model import GameTerms, QuestionType
from boschquiz.core.paths import AppPaths
from boschquiz.game.ranking import STANDARD_LENGTH
from boschquiz.game.settings import GameSettings
from boschquiz.game.start import start_game
from boschquiz.packs.bank import load_bank
from boschquiz.services import Services
from boschquiz.store import Store
from boschquiz.tui.app import BoschQuizApp, make_app
from boschquiz.tui.screens.feedback import FeedbackScreen
from boschquiz.tui.screens.question import QuestionScreen
from boschquiz.tui.screens.results import ResultsScreen
from boschquiz.tui.screens.studio import STUDIO_WATCH_GROUP

SEED = 7

CASE_FILES_PACK = """\
pack:
  id: case-files
  title: Case files
  version: 1
  author: boschquiz tests
  description: A small fixture pack for the TUI tests.
  default_difficulty: medium
questions:
  - id: ballard-actor
    type: choice
    prompt: Who plays Renée Ballard?
    choices: [Maggie Q, Mimi Rogers, Madison Lintz, Amy Aquino]
    answer: Maggie Q
    difficulty: easy
    category: cast
    show: ballard
    explanation: Maggie Q leads Ballard, which premiered on Prime Video in July 2025.
    source: franchise article, 2025-07-07
  - id: bosch-actor
    type: choice
    prompt: Who plays Harry Bosch?
    choices: [Titus Welliver, Lance Reddick, Jamie Hector, Troy Evans]
    answer: Titus Welliver
    difficulty: easy
    category: cast
    show: bosch
    explanation: Titus Welliver played Bosch in all three series.
  - id: maddie-actor
    type: choice
    prompt: Who plays Maddie Bosch?
    choices: [Madison Lintz, Maggie Q, Mimi Rogers, Denise G. Sanchez]
    answer: Madison Lintz
    difficulty: easy
    category: cast
    show: legacy
  - id: rhd
    type: choice
    prompt: What does RHD stand for?
    choices: [Robbery-Homicide Division, Regional Homicide Desk, Records and Hiring Department]
    answer: Robbery-Homicide Division
    difficulty: easy
    category: lapd
    show: general
  - id: bosch-seasons
    type: choice
    prompt: How many seasons did Bosch run?
    choices: ["5", "6", "7", "8"]
    answer: "7"
    difficulty: medium
    category: production
    show: bosch
    explanation: Bosch ended in 2021 after seven seasons.
  - id: bosch-ended
    type: choice
    prompt: In which year did Bosch end?
    choices: ["2019", "2020", "2021", "2022"]
    answer: "2021"
    difficulty: medium
    category: production
    show: bosch
  - id: ballard-unit
    type: choice
    prompt: What kind of unit does Ballard lead?
    choices: [A cold-case unit, A gang unit, A vice squad, A bomb squad]
    answer: A cold-case unit
    difficulty: medium
    category: story
    show: ballard
  - id: ballard-episodes
    type: choice
    prompt: How many episodes did Ballard's first season release at once?
    choices: ["6", "8", "10", "12"]
    answer: "10"
    difficulty: medium
    category: production
    show: ballard
  - id: calderon
    type: choice
    prompt: Who plays Detective Paulina Calderon?
    choices: [Danielle Moné Truitt, Maggie Q, Amy Aquino, Mimi Rogers]
    answer: Danielle Moné Truitt
    difficulty: medium
    category: cast
    show: ballard
  - id: longest-running
    type: true_false
    prompt: Bosch was Prime Video's longest-running original series.
    answer: true
    difficulty: medium
    category: production
    show: bosch
  - id: bosch-in-ballard
    type: true_false
    prompt: Harry Bosch appears in Ballard.
    answer: true
    difficulty: easy
    category: story
    show: ballard
  - id: premiere-day
    type: choice
    prompt: On which July day did Ballard premiere?
    choices: ["July 4", "July 9", "July 14", "July 21"]
    answer: "July 9"
    difficulty: hard
    category: production
    show: ballard
  - id: creators
    type: choice
    prompt: Who created Ballard with Kendall Sherwood?
    choices: [Michael Alaimo, Michael Connelly, Eric Overmyer, Tom Bernardo]
    answer: Michael Alaimo
    difficulty: hard
    category: production
    show: ballard
  - id: legacy-job
    type: choice
    prompt: What is Harry Bosch's job in Bosch - Legacy?
    choices: [Private investigator, Police chief, Defense attorney, Judge]
    answer: Private investigator
    difficulty: hard
    category: story
    show: legacy
  - id: author
    type: typed
    prompt: Which author created Harry Bosch? (surname is enough)
    answer: Michael Connelly
    accept: [Connelly]
    difficulty: hard
    category: books
    show: general
  - id: ballard-first-name
    type: typed
    prompt: What is Detective Ballard's first name?
    answer: Renée
    accept: [Renee]
    difficulty: hard
    category: cast
    show: ballard
"""

BROKEN_PACK = """\
pack:
  id: broken-pack
  title: A broken pack
  version: 1
  default_difficulty: medium
questions:
  - id: bad-answer
    type: choice
    prompt: Which answer is listed?
    choices: [One, Two]
    answer: Three
"""


@dataclass(frozen=True)
class Fixture:
    """What a test built: the services, the fake clock it moves, and the folders."""

    services: Services
    clock: FakeClock
    root: Path

    @property
    def saves(self) -> Path:
        return self.services.paths.saves


def write_packs(folder: Path, packs: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in packs.items():
        (folder / name).write_text(text, encoding="utf-8")


def build_fixture(
    root: Path,
    *,
    packs: dict[str, str] | None = None,
    seed: int | None = SEED,
    player: str | None = None,
) -> Fixture:
    """Services over `root`: the case-files pack (or `packs`) as the shipped questions; with
    `player`, that player already exists in the store (so the menu signs them in)."""
    questions = root / "questions"
    write_packs(
        questions / "packs", packs if packs is not None else {"case-files.yaml": CASE_FILES_PACK}
    )
    (questions / "facts").mkdir(parents=True, exist_ok=True)
    paths = AppPaths(
        builtin_questions=questions,
        user_packs=root / "user-packs",
        saves=root / "saves",
        cache=root / "cache",
    )
    (root / "user-packs").mkdir(parents=True, exist_ok=True)
    clock = FakeClock()
    if player is not None:
        Store(paths.saves, clock).ensure_player(player)
    return Fixture(Services(paths=paths, clock=clock, seed=seed), clock, root)


def app_for(fixture: Fixture, start: GameSettings | None = None) -> BoschQuizApp:
    return make_app(fixture.services, start=start)


WATCHING_WORKER_GROUPS = frozenset({STUDIO_WATCH_GROUP})
"""Workers that run as long as their screen (the studio's file watcher): never waited for."""


async def type_name(pilot: Pilot[Any], name: str, *, key: str = "n") -> None:
    """`key` (n: the player dialog; p and the other game keys ask for a player first), then
    `name` typed into the dialog's name box (focused as Tab would) and Enter."""
    from textual.widgets import Input

    await pilot.press(key)
    await pilot.pause()
    pilot.app.screen.query_one("#player-name", Input).focus()
    await pilot.press(*name, "enter")
    await settle(pilot)


async def sign_in(pilot: Pilot[Any], name: str, *, key: str = "n") -> None:
    """Sign `name` in as a player does (`type_name`); then, for a player new to the saves,
    the one-time question of how far they have watched is skipped (Esc: every season), as
    most tests do not care about spoilers. The tests about that question drive it."""
    from boschquiz.tui.screens.horizon import SignInHorizonScreen

    await type_name(pilot, name, key=key)
    if isinstance(pilot.app.screen, SignInHorizonScreen):
        await pilot.press("escape")
        await settle(pilot)


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and the screen catch up (no sleeping).

    A worker cancelled (an `exclusive` one replaced by a newer call, before it ran or while
    it is waited on) has nothing to wait for; a worker that failed still fails the test."""
    for _ in range(3):
        await pilot.pause()
        for worker in list(pilot.app.workers):
            if worker.group in WATCHING_WORKER_GROUPS:
                continue
            try:
                await worker.wait()
            except WorkerFailed:
                raise
            except WorkerError:
                if worker.state is not WorkerState.CANCELLED:
                    raise
    await pilot.pause()


def current_question_screen(app: BoschQuizApp) -> QuestionScreen:
    screen = app.screen
    assert isinstance(screen, QuestionScreen), f"expected a question, got {screen!r}"
    return screen


async def answer(pilot: Pilot[Any], *, right: bool = True) -> None:
    """Answer the question on screen the way a player would: a number key, or typing."""
    app = pilot.app
    assert isinstance(app, BoschQuizApp)
    screen = current_question_screen(app)
    shown = screen.game.shown
    question = shown.question
    if question.type is QuestionType.TYPED:
        text = question.answer if right else "certainly not this"
        await pilot.press(*text, "enter")
    else:
        wrong = [c for c in shown.choices if c != question.answer]
        target = question.answer if right else wrong[0]
        await pilot.press(str(screen.displayed_choices.index(target) + 1))
    await pilot.pause()


async def play_through(pilot: Pilot[Any], *, right: bool = True, limit: int = 40) -> None:
    """Answer every question and continue past every feedback until the results show."""
    app = pilot.app
    for _ in range(limit):
        if isinstance(app.screen, ResultsScreen):
            return
        if isinstance(app.screen, QuestionScreen):
            await answer(pilot, right=right)
        elif isinstance(app.screen, FeedbackScreen):
            await pilot.press("enter")
            await pilot.pause()
        else:
            raise AssertionError(f"unexpected screen {app.screen!r}")
    raise AssertionError("the game did not end")


PAYLOADS = ("[/]", "[b]", "[ @click=app.quit]", "[ link=https://x]", "[0]", "$x")
"""Text that markup would swallow, crash on, or turn into an action."""

HOSTILE_NAME = "[/][b][ @click=app.quit]$x"

HOSTILE_PACK = """\
pack:
  id: hostile
  title: 'Title [b] [/] [ @click=app.quit] $x'
  version: 1
  default_difficulty: easy
questions:
  - id: hostile-choice
    type: choice
    prompt: 'Prompt [/] [b] [ @click=app.quit] [ link=https://x] [0] $x'
    choices: ['[/]', '[b]', '[ @click=app.quit]', '[ link=https://x]']
    answer: '[ @click=app.quit]'
    difficulty: easy
    category: '[0] $x'
    explanation: 'Explained [/] [b] [ @click=app.quit] $x'
    source: 'Source [ link=https://x] [0]'
  - id: hostile-typed
    type: typed
    prompt: 'Typed [ @click=app.quit] $x [0]'
    answer: '[b]bold[/b]'
    difficulty: easy
    category: '[0] $x'
"""


async def answer_and_continue(pilot: Pilot[Any], *, right: bool = True) -> None:
    """Answer the question on screen, then leave its feedback with Enter."""
    await answer(pilot, right=right)
    await pilot.press("enter")
    await pilot.pause()


def record_game_directly(fixture: Fixture, settings: GameSettings, *, right: bool = True) -> int:
    """Play a whole game through the engine (no UI) and save it in the fixture's real store.

    For tests about what happens after a game (tables, stats, the daily refusal), so they do
    not pay for driving every question through the screens. Returns the saved score. The game
    is saved as a ranked one (a standard game: no chosen seed, full length); its seed and
    short length only keep the tests repeatable and fast.
    """
    load = load_bank(fixture.services.paths)
    store = Store(fixture.saves, fixture.clock)
    game = start_game(load.bank, settings, fixture.clock, store, fixture.clock.now().date())
    while not game.finished:
        question = game.shown.question
        wrong = [c for c in game.shown.choices if c != question.answer] or ["certainly not this"]
        game.answer(question.answer if right else wrong[0])
        game.next()
    record = game.result()
    standard = GameTerms(length=STANDARD_LENGTH.get(record.mode))
    store.record_game(replace(record, terms=standard))
    return record.score


async def skip_ahead(pilot: Pilot[Any], *, keep: int = 1) -> None:
    """Answer all but the last `keep` questions right through the engine, then show the next.

    The screens after it are the real ones; this only saves driving every question by key.
    """
    app = pilot.app
    assert isinstance(app, BoschQuizApp)
    game = current_question_screen(app).game
    total = game.total
    assert total is not None
    while game.shown.index <= total - keep:
        game.answer(game.shown.question.answer)
        game.next()
    app.switch_screen(QuestionScreen(game))
    await pilot.pause()


CLOCK_WAIT_SECONDS = 5.0
"""How long `advance_clock` waits for the screen's own timer before failing the test."""


async def advance_clock(pilot: Pilot[Any], clock: FakeClock, seconds: float) -> None:
    """Move the fake clock, then wait until the screen's own interval timer has read it.

    Nothing here calls the screen's `check_clock()`: a screen that stops checking its clock
    fails every test that uses this (after `CLOCK_WAIT_SECONDS`), as it would fail a player.
    """
    clock.advance(seconds)
    screen = pilot.app.screen
    reads = getattr(screen, "clock_reads", None)
    if reads is None:
        await pilot.pause()
        return
    deadline = time.monotonic() + CLOCK_WAIT_SECONDS
    while getattr(screen, "clock_reads", 0) < reads + 1:
        if time.monotonic() > deadline:
            raise AssertionError(f"{screen!r} did not read its clock within {CLOCK_WAIT_SECONDS} s")
        await pilot.pause(0.05)
    await pilot.pause()
