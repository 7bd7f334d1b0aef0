"""`signals.graceful_exit` and `signals.deferred`: real signals sent to this process."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from boschquiz.core import signals


@pytest.fixture(autouse=True)
def in_main_thread() -> None:
    """Signals reach only the main thread; elsewhere a SIGTERM would end the test process."""
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers can only be installed in the main thread")


def run_with_sigterm(steps: list[str]) -> None:
    with signals.graceful_exit():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            steps.append("after the signal")
        finally:
            steps.append("finally")


def save_during_sighup(steps: list[str]) -> None:
    with signals.graceful_exit():
        with signals.deferred():
            os.kill(os.getpid(), signal.SIGHUP)
            steps.append("save finished")
        steps.append("after the save")


def test_sigterm_becomes_system_exit_with_128_plus_n() -> None:
    """Inside graceful_exit, SIGTERM raises SystemExit(143) and finally blocks run."""
    steps: list[str] = []
    with pytest.raises(SystemExit) as exited:
        run_with_sigterm(steps)
    assert (exited.value.code, steps) == (128 + signal.SIGTERM, ["finally"])


def test_signal_during_a_save_waits_for_the_save() -> None:
    """A SIGHUP arriving inside `deferred()` is held until the block has finished."""
    steps: list[str] = []
    with pytest.raises(SystemExit) as exited:
        save_during_sighup(steps)
    assert (exited.value.code, steps) == (128 + signal.SIGHUP, ["save finished"])


def test_callback_replaces_the_exit() -> None:
    """With a callback (e.g. asking a Textual app to exit) the signal calls it instead."""
    received: list[int] = []
    with signals.graceful_exit(received.append):
        os.kill(os.getpid(), signal.SIGTERM)
    assert received == [signal.SIGTERM]


def test_previous_handlers_come_back() -> None:
    """Leaving graceful_exit restores whatever handled SIGTERM before."""
    before = signal.getsignal(signal.SIGTERM)
    with signals.graceful_exit():
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before
