"""What a participant's page sends to the live store, sent in order from a thread, and tried again.

The participant's click never waits for the base: the answer goes into the outbox and the page goes
on. A base that is busy (the projected board, a hundred other answers) is tried again for a while;
an answer that still cannot be kept is said to the participant, kindly, and tried again later, so
that none is lost.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from widgets.sessions.store import LiveError

log = logging.getLogger("ateliers")
#: How long an answer is tried before the participant is told (then it is still tried, less often).
PATIENCE_SECONDS = 20.0
RETRY_LATER_SECONDS = 15.0


@dataclass
class Letter:
    """One thing to send: ``send()`` does it; ``exercise`` names the answer it carries (if any)."""

    send: Callable[[], None]
    exercise: str | None = None
    since: float = field(default_factory=time.monotonic)
    told: bool = False


class Outbox:
    """Sends letters one by one, in order; ``on_late(exercise)`` / ``on_sent(exercise)`` tell the page."""

    def __init__(self, on_late: Callable[[str], None] | None = None, on_sent: Callable[[str], None] | None = None,
                 patience: float = PATIENCE_SECONDS, retry_later: float = RETRY_LATER_SECONDS):
        self.on_late, self.on_sent = on_late, on_sent
        self.patience, self.retry_later = patience, retry_later
        self._letters: queue.Queue[Letter | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.waiting: list[Letter] = []  # late letters, tried again from time to time

    def post(self, letter: Letter) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, daemon=True, name="atelier-envoi")
                self._thread.start()
        self._letters.put(letter)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything posted so far was handled (for tests and the page's end)."""
        done = threading.Event()
        self.post(Letter(done.set))
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            try:
                letter = self._letters.get(timeout=self.retry_later)
            except queue.Empty:
                letter = None
            if letter is None:
                self._retry_waiting()
                continue
            self._retry_waiting()
            self._deliver(letter)

    def _deliver(self, letter: Letter) -> None:
        attempt = 0
        while True:
            if self._try(letter):
                return
            attempt += 1
            if time.monotonic() - letter.since > self.patience:
                letter.told = True
                self.waiting.append(letter)
                self._tell(self.on_late, letter)
                return
            time.sleep(min(2.0, 0.1 * 2 ** attempt))

    def _retry_waiting(self) -> None:
        for letter in list(self.waiting):
            if self._try(letter):
                self.waiting.remove(letter)

    def _try(self, letter: Letter) -> bool:
        try:
            letter.send()
        except LiveError as exc:
            if "occupée" not in str(exc):  # refused for good (no session…): nothing to try again
                log.warning("En direct : envoi refusé (%s)", type(exc).__name__)
                return True
            return False
        except Exception as exc:  # noqa: BLE001 - busy or unreachable base: tried again
            log.warning("En direct : envoi retardé (%s)", type(exc).__name__)
            return False
        if letter.told:
            self._tell(self.on_sent, letter)
        return True

    @staticmethod
    def _tell(callback, letter: Letter) -> None:
        if callback is not None and letter.exercise:
            try:
                callback(letter.exercise)
            except Exception:  # noqa: BLE001 - the page must not break for a message
                pass
