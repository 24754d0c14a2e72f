"""The board's push: the projected page receives each change as it happens (server-sent events).

Answers are written to the base by the participants' kernels, in their own processes. While at least
one board is open, the feed looks at the base's change counter every ``LOOK_SECONDS`` (one SQLite
pragma, in a thread) and, when it moved, builds the board's state and sends it to every open board.
Who is connected and how many pages are ready live in the server, not the base: the state is also
built every ``REFRESH_SECONDS``. A state equal to the last one sent is not sent again.
"""
from __future__ import annotations

import asyncio
import json
import logging
from typing import Awaitable, Callable

from widgets.server.blocking import in_thread
from widgets.sessions.store import LiveStore

log = logging.getLogger("ateliers")
LOOK_SECONDS = 0.05
REFRESH_SECONDS = 1.0
KEEPALIVE_SECONDS = 15.0


class BoardFeed:
    """Open boards (one queue each) and the loop that feeds them while any is open."""

    def __init__(self, store: LiveStore, build_state: Callable[[], Awaitable[dict]]):
        self.store = store
        self.build_state = build_state  # the same state the board's GET /animateur/etat gives
        self.boards: set[asyncio.Queue] = set()
        self._task: asyncio.Task | None = None
        self._poked = asyncio.Event()
        self._last = ""

    def subscribe(self) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue(maxsize=8)
        self.boards.add(queue)
        self._last = ""  # the new board gets the state at once
        self.poke()
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._run())
        return queue

    def unsubscribe(self, queue: asyncio.Queue) -> None:
        self.boards.discard(queue)

    def close(self, queue: asyncio.Queue) -> None:
        """The board went away: stop feeding it and wake its handler (it reads ``None``)."""
        self.unsubscribe(queue)
        if queue.full():
            queue.get_nowait()
        queue.put_nowait(None)

    def poke(self) -> None:
        """Something changed here (an animateur action): build and send now."""
        self._poked.set()

    async def _run(self) -> None:
        watch = await in_thread(self.store.watch)
        try:
            waited = REFRESH_SECONDS
            while self.boards:
                changed = await in_thread(watch.changed)
                if changed or self._poked.is_set() or waited >= REFRESH_SECONDS:
                    self._poked.clear()
                    waited = 0.0
                    await self._send_if_new()
                try:
                    await asyncio.wait_for(self._poked.wait(), LOOK_SECONDS)
                except asyncio.TimeoutError:
                    pass
                waited += LOOK_SECONDS
        finally:
            await in_thread(watch.close)

    async def _send_if_new(self) -> None:
        try:
            text = json.dumps(await self.build_state(), ensure_ascii=False, separators=(",", ":"))
        except Exception as exc:  # noqa: BLE001 - a busy base: the next look tries again
            log.warning("Tableau : état non envoyé (%s)", type(exc).__name__)
            return
        if text == self._last:
            return
        self._last = text
        for queue in list(self.boards):
            if queue.full():  # a board that stopped reading: it only needs the latest state
                queue.get_nowait()
            queue.put_nowait(text)
