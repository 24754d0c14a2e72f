"""Pages prepared in advance for the atelier of the session.

Voilà keeps ``reserve`` preheated kernels per atelier. When the conseiller opens a session, the whole
room is about to scan the QR code within a minute: the session's atelier gets ``session_reserve``
pages ready while the conseiller introduces it, and the atelier of the previous session goes back to
``reserve`` (its extra kernels are shut down, which gives their memory back).
"""
from __future__ import annotations

import asyncio
import logging

from widgets.content.names import notebook_path

log = logging.getLogger("ateliers")


class SessionPool:
    """Grows the preheated pool of the session's atelier; a no-op when the server preheats nothing."""

    def __init__(self, kernel_manager_of, reserve: int, session_reserve: int):
        self._kernel_manager_of = kernel_manager_of  # read when needed: the server builds it late
        self.reserve = max(reserve, 0)
        self.session_reserve = max(session_reserve, self.reserve)
        self.grown: set[str] = set()

    @property
    def manager(self):
        manager = self._kernel_manager_of()
        if self.reserve == 0 or not hasattr(manager, "fill_if_needed") or not hasattr(manager, "_pools"):
            return None
        return manager

    def prepare(self, atelier_id: str) -> None:
        """Make ``atelier_id`` the session's atelier: more pages for it, the usual reserve for the others."""
        manager = self.manager
        if manager is None:
            return
        try:
            config = dict(manager.kernel_pools_config)
            default = config.get("default", {})
            for notebook in self.grown - {notebook_path(atelier_id)}:
                config.pop(notebook, None)
                self._shrink(manager, notebook)
            self.grown = {notebook_path(atelier_id)}
            config[notebook_path(atelier_id)] = {**default, "pool_size": self.session_reserve}
            manager.kernel_pools_config = config
            manager.fill_if_needed(delay=0, notebook_name=notebook_path(atelier_id))
        except Exception as exc:  # noqa: BLE001 - the session opens anyway, with the usual reserve
            log.warning("Pages préparées : réserve inchangée (%s)", type(exc).__name__)

    def _shrink(self, manager, notebook: str) -> None:
        pool = manager._pools.get(notebook, [])
        extra = pool[self.reserve:]
        del pool[self.reserve:]
        for task in extra:
            task.add_done_callback(lambda done, m=manager: self._shut_down(m, done))

    @staticmethod
    def _shut_down(manager, task) -> None:
        if task.cancelled() or task.exception() is not None:
            return
        kernel_id = task.result().get("kernel_id")
        if kernel_id:
            asyncio.ensure_future(manager.shutdown_kernel(kernel_id))

    def ready(self, atelier_id: str) -> int | None:
        """How many pages of ``atelier_id`` are ready now (None when nothing is prepared in advance)."""
        manager = self.manager
        if manager is None:
            return None
        pool = manager._pools.get(notebook_path(atelier_id), [])
        return sum(1 for task in pool if task.done() and not task.cancelled() and task.exception() is None)
