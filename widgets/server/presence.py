"""Who is really here: the pages whose kernel the browser is connected to, asked of the server itself.

A participant's page talks to its kernel through a websocket; the server knows how many are open for
each kernel (``connections`` in Jupyter Server's kernel model). A page closed, reloaded or lost has
none: it no longer counts as « connecté », at once, whatever its kernel still does. Every few seconds
the watch also writes down which pages are gone, so that their kernels stop their background work.
"""
from __future__ import annotations

import logging
import time
from typing import Callable

from tornado.ioloop import IOLoop, PeriodicCallback

from widgets.server.blocking import in_thread
from widgets.sessions.store import CONNECTED_FOR, LiveStore

log = logging.getLogger("ateliers")
WATCH_SECONDS = 5.0


def open_connections(kernel_manager) -> dict[str, int]:
    """Kernel id → number of open page connections (public Jupyter Server kernel models).

    A kernel still starting has no model yet (Jupyter Server raises): it has no page either, so it
    counts as 0 and the others are still read.
    """
    found = {}
    try:
        kernels = list(kernel_manager.list_kernel_ids())
    except Exception:  # noqa: BLE001 - no kernel list: the board falls back on the pages' last news
        return found
    for kernel in kernels:
        try:
            found[kernel] = int(kernel_manager.kernel_model(kernel).get("connections", 0))
        except Exception:  # noqa: BLE001 - starting or just gone: no page on it
            found[kernel] = 0
    return found


def connected_count(pages: list[tuple], connections: dict[str, int] | None, now: float | None = None) -> int:
    """How many participants have a page open: a connected kernel, or (without a kernel) recent news."""
    now = time.time() if now is None else now
    here = set()
    for participant, kernel, seen, _left in pages:
        if kernel and connections is not None:
            if connections.get(kernel, 0) > 0:
                here.add(participant)
        elif seen >= now - CONNECTED_FOR:
            here.add(participant)
    return len(here)


class PresenceWatch:
    """Writes down, for the open session, which pages are open and which are gone."""

    def __init__(self, store: LiveStore, kernel_manager_of: Callable[[], object]):
        self.store = store
        self._kernel_manager_of = kernel_manager_of  # read when needed: the server builds it late
        self._timer: PeriodicCallback | None = None

    def start(self) -> None:
        self._timer = PeriodicCallback(lambda: IOLoop.current().spawn_callback(self.sweep), WATCH_SECONDS * 1000)
        self._timer.start()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    async def sweep(self) -> None:
        """One look: the store's work runs in a thread, never on the server's event loop."""
        try:
            connections = open_connections(self._kernel_manager_of())
            await in_thread(self._mark, connections)
        except Exception as exc:  # noqa: BLE001 - tried again in a few seconds
            log.warning("Présence : non mise à jour (%s)", type(exc).__name__)

    def _mark(self, connections: dict[str, int]) -> None:
        session = self.store.current_session()
        if session is None:
            return
        kernels = {kernel for _p, kernel, _seen, _left in self.store.pages(session["id"]) if kernel}
        open_kernels = {k for k in kernels if connections.get(k, 0) > 0}
        self.store.mark_pages(session["id"], open_kernels, kernels - open_kernels)
