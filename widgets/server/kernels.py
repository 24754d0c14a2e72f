"""The server's kernel manager: Jupyter Server's, with pages prepared in advance that never slow serving.

- **A burst is served, not rebuilt.** Every page taken from Voilà's preheated pool asks for a refill.
  While people are joining (a page was asked less than ``quiet_seconds`` ago), refills wait; then they
  start **one at a time** (the next one when the previous page is ready: built and waiting for its
  participant, or rendered), at a **lower CPU priority** than the server (``pool_niceness``), so that
  handing out prepared pages is never slowed. A refill that a page already waits for (no page was
  ready) is not held back. Voilà prepares each refill's page builder before asking for its kernel (a
  fifth of the server's time during a burst): while ready pages are left, that waits ``quiet_seconds``
  too (Voilà's ``fill_delay``, set at each arrival); for the person who takes the last ready page, it
  starts at once, since the next person may wait for it. Niceness 5 gives a kernel a third of the
  server's share of the CPU when both want it (Linux weights 335 against 1024): serving comes first,
  while a participant's kernel, which keeps its niceness (lowering it back needs administrator rights),
  is not starved by other programs.
- The idle culler (``cull_idle_timeout``, the safety net for pages that never said goodbye) reads each
  kernel's last activity; a kernel still starting has none yet, and Jupyter Server then prints an
  English traceback in the conseiller's terminal. Such a kernel is not idle: it is skipped.
- **Closing the server** lists the kernels, then shuts each down; one the pool shut down meanwhile (it
  gives memory back without waiting) is already gone, which is not an error.

Voilà builds its preheating manager as a subclass of this class (``multi_kernel_manager_class``): its
pool tasks call ``start_kernel`` here, from inside the pool's own task, with ``VOILA_PREHEAT=True`` in
the kernel's environment (Voilà's documented marker of a preheated kernel).
"""
from __future__ import annotations

import asyncio
import itertools
import os
import time
import weakref

from jupyter_server.services.kernels.kernelmanager import (
    AsyncMappingKernelManager,
    ServerKernelManager,
)
from traitlets import Float, Integer, default

#: Voilà sets this variable to "True" in the environment of the kernels it starts for its pool.
PREHEAT_VARIABLE = "VOILA_PREHEAT"
#: How often a waiting refill looks again whether its turn has come.
POLL_SECONDS = 0.2
#: A refill holds the start slot at most this long (a page that never finishes rendering frees it).
LONGEST_START_SECONDS = 120


def _built(task: asyncio.Future) -> bool:
    """A pool entry whose page is built (its kernel started, its notebook run up to the participant)."""
    return task.done() and not task.cancelled() and task.exception() is None


class ClosingError(RuntimeError):
    """The server stops: refills still waiting are dropped (Voilà's ``shutdown_all`` ignores them)."""


class LowPriorityKernelManager(ServerKernelManager):
    """One kernel: when it is a pool refill, its process runs at a lower CPU priority than the server."""

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        await super()._async_launch_kernel(kernel_cmd, **kw)
        niceness = getattr(self.parent, "pool_niceness", 0)
        pid = getattr(self.provisioner, "pid", None)
        if niceness > 0 and pid and (kw.get("env") or {}).get(PREHEAT_VARIABLE) == "True":
            lower_priority(pid, niceness)


def lower_priority(pid: int, niceness: int) -> None:
    """Give process ``pid`` (never the server itself) ``niceness`` more than the server's own (at most 19)."""
    if pid == os.getpid() or not hasattr(os, "setpriority"):
        return
    try:
        target = min(19, os.getpriority(os.PRIO_PROCESS, 0) + niceness)
        os.setpriority(os.PRIO_PROCESS, pid, max(os.getpriority(os.PRIO_PROCESS, pid), target))
    except OSError:  # already gone, or not allowed: it simply keeps the server's priority
        pass


class AtelierKernelManager(AsyncMappingKernelManager):
    quiet_seconds = Float(3.0, config=True,
                          help="Les pages préparées sont remplacées quand personne n'arrive depuis ce temps (s).")
    pool_niceness = Integer(5, config=True,
                            help="Priorité abaissée (nice) des noyaux préparés à l'avance (0 : inchangée).")

    @default("kernel_manager_class")
    def _default_kernel_manager_class(self):
        return "widgets.server.kernels.LowPriorityKernelManager"

    def __init__(self, **kwargs):
        self._last_arrival = float("-inf")
        self._order = itertools.count()
        self._waiting: dict[asyncio.Task, tuple[str | None, int]] = {}  # refill → (folder, order of arrival)
        self._starting: set[asyncio.Task] = set()  # refills started, page not rendered yet
        self._withdrawn: weakref.WeakSet = weakref.WeakSet()
        self._closing = False
        self.preferred_path: str | None = None
        #: Kernels whose page is built and waits for its participant (Voilà's request socket is open).
        self.waiting_pages: set[str] = set()
        self._release_of: dict[str, object] = {}
        #: Every refill started: [kernel_id, started, ready (slot freed)] on ``time.monotonic()``; the newest 200.
        self.refills: list[list] = []
        super().__init__(**kwargs)

    # -- people joining ---------------------------------------------------------------------------
    def note_arrival(self, notebook: str | None = None) -> None:
        """A page of an atelier (``notebook``, as Voilà names it) was asked: someone is joining."""
        self._last_arrival = time.monotonic()
        if notebook is not None and hasattr(self, "fill_delay"):
            ready = sum(1 for task in getattr(self, "_pools", {}).get(notebook, []) if _built(task))
            self.fill_delay = self.quiet_seconds if ready > 1 else 0.0

    @property
    def last_arrival(self) -> float:
        return self._last_arrival

    def joining(self) -> bool:
        """Whether people are joining now (a page was asked less than ``quiet_seconds`` ago)."""
        return time.monotonic() - self._last_arrival < self.quiet_seconds

    def prefer(self, path: str | None) -> None:
        """Refills for the notebooks of folder ``path`` (the session's atelier) start before the others."""
        self.preferred_path = path

    def page_waiting(self, kernel_id: str) -> None:
        """The page of ``kernel_id`` is built and waits for its participant: it is ready to be handed out.

        The ateliers' notebooks wait there for the participant's request (``widgets.kernel.request``),
        so Voilà's render of a prepared page only ends once someone takes it.
        """
        self.waiting_pages.add(kernel_id)
        release = self._release_of.pop(kernel_id, None)
        if release is not None:
            release()

    def page_ready(self, kernel_id: str, render: asyncio.Future | None) -> bool:
        """Whether a pool entry's page can be handed out at once: rendered, or built and waiting."""
        if kernel_id in self.waiting_pages:
            return True
        return render is not None and render.done() and not render.cancelled() and render.exception() is None

    def withdraw(self, task: asyncio.Task) -> None:
        """A pool entry no longer wanted: dropped if its kernel has not started, else shut down when ready."""
        self._withdrawn.add(task)
        if task in self._waiting:
            task.cancel()
            return
        task.add_done_callback(self._shut_down_withdrawn)

    def _shut_down_withdrawn(self, task: asyncio.Task) -> None:
        if task.cancelled() or task.exception() is not None:
            return
        result = task.result()
        kernel_id = result.get("kernel_id") if isinstance(result, dict) else None
        if kernel_id and kernel_id in self:
            asyncio.ensure_future(self.shutdown_kernel(kernel_id))

    # -- the start slot -----------------------------------------------------------------------------
    def _in_a_pool(self, task: asyncio.Task) -> bool:
        return any(task in pool for pool in getattr(self, "_pools", {}).values())

    def _claimed(self, task: asyncio.Task) -> bool:
        """A page already waits for this refill: Voilà took it from the pool before it was ready."""
        return task not in self._withdrawn and not self._in_a_pool(task)

    def _my_turn(self, task: asyncio.Task) -> bool:
        if self._claimed(task):
            return True
        if self._starting or self.joining():
            return False
        unclaimed = [t for t in self._waiting if not self._claimed(t)]
        return min(unclaimed, key=self._queue_place) is task

    def _queue_place(self, task: asyncio.Task) -> tuple[bool, int]:
        path, order = self._waiting[task]
        return (not self.preferred_path or path != self.preferred_path, order)

    async def _wait_turn(self, task: asyncio.Task, path: str | None) -> None:
        self._waiting[task] = (path, next(self._order))
        try:
            while True:
                if self._closing:
                    raise ClosingError("le serveur s'arrête")
                if task in self._withdrawn:
                    raise asyncio.CancelledError
                if self._my_turn(task):
                    self._starting.add(task)  # the slot is taken from now on
                    return
                await asyncio.sleep(POLL_SECONDS)
        finally:
            self._waiting.pop(task, None)

    def _hold_until_rendered(self, task: asyncio.Task, kernel_id: str) -> None:
        """The slot stays taken until the refill's page is ready: built and waiting for its participant,
        or rendered (Voilà's render task is done)."""
        record = [kernel_id, time.monotonic(), None]
        self.refills = [*self.refills[-199:], record]
        loop = asyncio.get_running_loop()

        def release(*_):
            self._release_of.pop(kernel_id, None)
            if task in self._starting:
                self._starting.discard(task)
                record[2] = time.monotonic()

        def pool_task_done(done: asyncio.Task) -> None:
            result = None if done.cancelled() or done.exception() is not None else done.result()
            render = result.get("task") if isinstance(result, dict) else None
            if isinstance(render, asyncio.Future) and not render.done():
                render.add_done_callback(release)
            else:
                release()

        if kernel_id in self.waiting_pages:
            release()
            return
        self._release_of[kernel_id] = release
        task.add_done_callback(pool_task_done)
        loop.call_later(LONGEST_START_SECONDS, release)

    async def start_kernel(self, *args, **kwargs):
        env = kwargs.get("env") or {}
        task = asyncio.current_task()
        if env.get(PREHEAT_VARIABLE) != "True" or task is None:
            return await super().start_kernel(*args, **kwargs)  # someone waits for this page: at once
        await self._wait_turn(task, kwargs.get("path"))
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
        except BaseException:
            self._starting.discard(task)
            raise
        self._hold_until_rendered(task, kernel_id)
        return kernel_id

    async def shutdown_kernel(self, kernel_id, *args, **kwargs):
        self.waiting_pages.discard(kernel_id)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)

    async def _async_shutdown_kernel(self, kernel_id, *args, **kwargs):
        """What ``shutdown_all`` calls for each kernel it listed."""
        if self._closing and kernel_id not in self:
            return None  # shut down meanwhile by the pool
        return await super()._async_shutdown_kernel(kernel_id, *args, **kwargs)

    async def shutdown_all(self, *args, **kwargs):
        self._closing = True
        return await super().shutdown_all(*args, **kwargs)

    async def cull_kernel_if_idle(self, kernel_id):
        kernel = self._kernels.get(kernel_id)
        if kernel is None or kernel._trait_values.get("last_activity") is None:
            return  # starting (or just gone): not idle
        return await super().cull_kernel_if_idle(kernel_id)
