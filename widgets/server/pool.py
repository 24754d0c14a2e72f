"""Pages prepared in advance for the atelier of the session: as many as people expected in the room.

Voilà keeps ``reserve`` preheated kernels per atelier. When the conseiller opens a session, the whole
room is about to scan the QR code within a minute: the session's atelier gets ``expected`` pages ready
(``atelier lancer --participants N`` by default) while the conseiller introduces it, and the atelier of
the previous session goes back to ``reserve`` (its extra kernels are shut down, which gives their memory
back). Before filling, the laptop's free memory is checked against the measured cost of a page
(``widgets.server.memory``): only what fits is prepared, and the conseiller is told in French.
How the pool is refilled while people join (one at a time, after the burst, at a lower CPU priority)
is the kernel manager's part (``widgets.server.kernels``).
"""
from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable

from widgets.content.names import notebook_path
from widgets.server import memory

log = logging.getLogger("ateliers")


def _result(task) -> dict | None:
    if not task.done() or task.cancelled() or task.exception() is not None:
        return None
    result = task.result()
    return result if isinstance(result, dict) else None


def _started(task) -> bool:
    """The pool entry has its kernel (started, perhaps still rendering the page)."""
    return _result(task) is not None


def _ready(task, manager) -> bool:
    """The pool entry's page can be handed out at once: built and waiting for its participant, or rendered."""
    result = _result(task)
    if result is None:
        return False
    render = result.get("task")
    if not isinstance(render, asyncio.Future):
        return True  # nothing left to render
    if hasattr(manager, "page_ready"):
        return manager.page_ready(result.get("kernel_id"), render)
    return render.done() and not render.cancelled() and render.exception() is None


class SessionPool:
    """Grows the preheated pool of the session's atelier; a no-op when the server preheats nothing."""

    def __init__(self, kernel_manager_of, reserve: int, default_expected: int = 12,
                 available_memory: Callable[[], int] = memory.available_memory):
        self._kernel_manager_of = kernel_manager_of  # read when needed: the server builds it late
        self.reserve = max(reserve, 0)
        self.default_expected = max(default_expected, self.reserve)
        self.available_memory = available_memory
        self.grown: set[str] = set()
        self._wanted: dict[str, int] = {}
        self._warning: dict[str, str | None] = {}
        self._cost: dict[str, int] = {}  # atelier → measured cost of one page (bytes)

    @property
    def manager(self):
        manager = self._kernel_manager_of()
        if self.reserve == 0 or not hasattr(manager, "fill_if_needed") or not hasattr(manager, "_pools"):
            return None
        return manager

    def prepare(self, atelier_id: str, expected: int | None = None) -> str | None:
        """Make ``atelier_id`` the session's atelier: ``expected`` pages ready for it, the usual reserve
        for the others. Returns a French warning when the free memory cannot hold them all (then only
        what fits is prepared), else None."""
        manager = self.manager
        if manager is None:
            return None
        wanted = max(self.default_expected if expected is None else int(expected), 0)
        notebook = notebook_path(atelier_id)
        try:
            config = dict(manager.kernel_pools_config)
            default = config.get("default", {})
            freed = 0
            for other in self.grown - {notebook}:
                config.pop(other, None)
                freed += self._shrink(manager, other, self.reserve)
            self.grown = {notebook}
            pool = manager._pools.get(notebook, [])
            started = sum(1 for task in pool if _started(task))  # their memory is already taken
            cost = self.page_cost(atelier_id)
            room = memory.pages_that_fit(self.available_memory() + freed * cost, cost)
            size = min(wanted, started + room)
            warning = memory.memory_warning(size, wanted) if size < wanted else None
            size = max(size, min(self.reserve, len(pool)))  # the usual reserve is kept (already there)
            self._wanted[atelier_id], self._warning[atelier_id] = wanted, warning
            if len(pool) > size:
                self._shrink(manager, notebook, size)
            config[notebook] = {**default, "pool_size": size}
            manager.kernel_pools_config = config
            if hasattr(manager, "prefer"):
                manager.prefer(os.path.dirname(notebook))
            manager.fill_if_needed(delay=0, notebook_name=notebook)
            if warning:
                log.warning("Pages préparées : %s sur %s (mémoire)", size, wanted)
            return warning
        except Exception as exc:  # noqa: BLE001 - the session opens anyway, with the usual reserve
            log.warning("Pages préparées : réserve inchangée (%s)", type(exc).__name__)
            return None

    def status(self, atelier_id: str) -> dict | None:
        """``{"pretes", "voulues", "avertissement"}`` for the board; None when nothing is prepared in advance."""
        ready = self.ready(atelier_id)
        if ready is None:
            return None
        wanted = self._wanted.get(atelier_id, self.reserve)
        return {"pretes": ready, "voulues": wanted, "avertissement": self._warning.get(atelier_id)}

    def ready(self, atelier_id: str) -> int | None:
        """How many pages of ``atelier_id`` are ready now (None when nothing is prepared in advance)."""
        manager = self.manager
        if manager is None:
            return None
        pool = manager._pools.get(notebook_path(atelier_id), [])
        return sum(1 for task in pool if _ready(task, manager))

    def page_cost(self, atelier_id: str) -> int:
        """The cost of one page of ``atelier_id``: measured once on a ready page, else the default."""
        if atelier_id in self._cost:
            return self._cost[atelier_id]
        manager = self.manager
        for task in manager._pools.get(notebook_path(atelier_id), []) if manager is not None else []:
            if not _ready(task, manager):
                continue
            try:
                pid = manager.get_kernel(task.result()["kernel_id"]).provisioner.pid
            except Exception:  # noqa: BLE001 - a kernel gone meanwhile: try the next one
                continue
            cost = memory.page_cost(pid)
            if cost:
                self._cost[atelier_id] = cost
                return cost
        return memory.DEFAULT_PAGE_COST

    def _shrink(self, manager, notebook: str, keep: int) -> int:
        """Keep ``keep`` entries of the pool of ``notebook`` (the ready ones first); returns how many of
        those dropped had a kernel (their memory comes back)."""
        pool = manager._pools.get(notebook, [])
        pool.sort(key=lambda task: not _ready(task, manager))  # stable: the order is kept within each group
        extra = pool[keep:]
        del pool[keep:]
        for task in extra:
            if hasattr(manager, "withdraw"):
                manager.withdraw(task)
            else:
                task.add_done_callback(lambda done, m=manager: self._shut_down(m, done))
        return sum(1 for task in extra if _started(task))

    @staticmethod
    def _shut_down(manager, task) -> None:
        result = _result(task)
        if result and result.get("kernel_id"):
            asyncio.ensure_future(manager.shutdown_kernel(result["kernel_id"]))
