"""Pages prepared for the room: as many as people expected, within the laptop's memory, never rebuilt
while people are joining. Checked on the server exactly as ``atelier lancer`` builds it (the small
atelier of ``test_live_room``). No timing is asserted: only what happens, and in which order.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import time

import psutil
from test_live_room import ATELIER, RealServer, root  # noqa: F401 - ``root`` is the atelier fixture

from widgets.cli.main import build_parser
from widgets.content.names import notebook_path
from widgets.server.app import make_server
from widgets.server.memory import (
    DEFAULT_PAGE_COST,
    SAFETY_MARGIN,
    memory_warning,
    pages_that_fit,
)
from widgets.server.secret import new_secret

NOTEBOOK = notebook_path(ATELIER)


class PoolServer(RealServer):
    reserve, participants = 1, 3

    def get_app(self):
        self.secret = new_secret()
        self.niceness_before = os.getpriority(os.PRIO_PROCESS, 0)
        # the real port: a prepared kernel then waits for its participant on Voilà's request socket
        self.server = make_server(self.root, "127.0.0.1", self.get_http_port(), reserve=self.reserve,
                                  secret=self.secret, data_dir=str(self.data), participants=self.participants)
        return self.server.build_app()

    def tearDown(self):
        self.io_loop.run_sync(self.server.kernel_manager.shutdown_all, timeout=120)
        super().tearDown()

    @property
    def manager(self):
        return self.server.kernel_manager

    def open_session(self) -> None:
        """« Nouvelle session », as the conseiller's board sends it."""
        answer = self.fetch("/animateur/action", method="POST", body=json.dumps({"action": "nouvelle", "atelier": ATELIER}),
                            headers=self.animateur({"X-Animateur": "1"}))
        assert answer.code == 200

    def wait_until(self, condition, timeout: float = 240) -> None:
        async def poll():
            deadline = time.monotonic() + timeout
            while not condition() and time.monotonic() < deadline:
                await asyncio.sleep(0.2)

        self.io_loop.run_sync(poll, timeout=timeout + 10)
        assert condition()

    def ready(self) -> int:
        return self.server.pool.status(ATELIER)["pretes"]

    def pool_kernels(self) -> list[psutil.Process]:
        kernels = []
        for task in self.manager._pools.get(NOTEBOOK, []):
            if task.done() and not task.cancelled() and task.exception() is None:
                kernels.append(psutil.Process(self.manager.get_kernel(task.result()["kernel_id"]).provisioner.pid))
        return kernels

    def take_pages(self, n: int) -> list[str]:
        """``n`` people open the atelier's page at the same instant; their kernels."""
        async def arrive():
            from tornado.gen import multi

            return await multi([self.http_client.fetch(self.get_url(f"/voila/render/{NOTEBOOK}"), request_timeout=180)
                                for _ in range(n)])

        pages = self.io_loop.run_sync(arrive, timeout=200)
        assert all(page.code == 200 for page in pages)
        return [re.search(r'"kernelId":\s*"([a-f0-9-]+)"', page.body.decode()).group(1) for page in pages]


class TestThePoolTheSizeOfTheRoom(PoolServer):
    def test_the_session_atelier_gets_the_pages_asked_at_a_lower_priority_than_the_server(self):
        self.open_session()
        status = self.server.pool.status(ATELIER)
        assert status["voulues"] == 3 and status["avertissement"] is None
        self.wait_until(lambda: self.ready() == 3)
        assert len(self.manager._pools[NOTEBOOK]) == 3
        # each page is built and waits for its participant (what « ready » means for the ateliers' pages)
        assert {t.result()["kernel_id"] for t in self.manager._pools[NOTEBOOK]} <= self.manager.waiting_pages
        server_niceness = os.getpriority(os.PRIO_PROCESS, 0)
        assert server_niceness == self.niceness_before  # the server itself keeps its priority
        kernels = self.pool_kernels()
        assert len(kernels) == 3 and all(k.pid != os.getpid() for k in kernels)
        assert all(k.nice() > server_niceness for k in kernels)
        # the refills started one at a time: each after the previous page was rendered
        starts = sorted(self.manager.refills, key=lambda r: r[1])
        assert len(starts) >= 3 and all(r[2] is not None for r in starts)
        assert all(later[1] >= earlier[2] for earlier, later in zip(starts, starts[1:]))

    def test_a_burst_is_served_and_the_pool_refilled_after_it_one_at_a_time(self):
        self.open_session()
        self.wait_until(lambda: self.ready() == 3)
        before = {r[0] for r in self.manager.refills}
        taken = self.take_pages(3)  # the room scans the QR code
        last_arrival = self.manager.last_arrival
        assert all(kernel in self.manager for kernel in taken)
        assert not [r for r in self.manager.refills if r[0] not in before and r[1] < last_arrival]
        self.wait_until(lambda: self.ready() == 3)  # then the pool is back to the size asked
        refills = sorted((r for r in self.manager.refills if r[0] not in before), key=lambda r: r[1])
        assert len(refills) == 3
        # none started while people were joining, and never two at once
        assert all(r[1] >= last_arrival + self.manager.quiet_seconds for r in refills)
        assert all(later[1] >= earlier[2] for earlier, later in zip(refills, refills[1:]))
        assert all(k.nice() > os.getpriority(os.PRIO_PROCESS, 0) for k in self.pool_kernels())

    def test_while_ready_pages_are_left_the_refills_page_builders_wait_too(self):
        """Voilà prepares a refill's page builder before asking for its kernel: during a burst that work
        took a fifth of the server's time. It waits as long as ready pages are left for the next people."""
        self.open_session()
        self.wait_until(lambda: self.ready() == 3)
        self.manager.quiet_seconds = 3600  # people keep joining: nothing may be rebuilt meanwhile
        factory, builders = self.manager._notebook_renderer_factory, []
        self.manager._notebook_renderer_factory = lambda *a, **k: builders.append(a) or factory(*a, **k)
        try:
            self.take_pages(2)  # two people join; one ready page is left
            assert self.ready() == 1 and builders == []
            self.manager.note_arrival(NOTEBOOK)  # the next person takes the last ready page:
            assert self.manager.fill_delay == 0  # its refill is prepared at once (someone may wait for it)
        finally:
            del self.manager._notebook_renderer_factory
            pool = self.manager._pools[NOTEBOOK]
            for task in pool:
                if not task.done():
                    task.cancel()  # the refills still waiting « an hour »
            pool[:] = [task for task in pool if task.done() and not task.cancelled()]


class TestAPageThatWaitsIsNotHeldBack(PoolServer):
    reserve, participants = 1, 1

    def test_when_no_page_is_ready_the_refill_a_person_waits_for_starts_during_the_burst(self):
        self.open_session()
        self.wait_until(lambda: self.ready() == 1)
        self.manager.quiet_seconds = 3600  # people keep joining for an hour: other refills would wait
        first, second = self.take_pages(2)  # the second person takes the refill still waiting
        assert first != second and {first, second} <= set(self.manager.list_kernel_ids())
        assert self.ready() == 0  # the refill that nobody waits for is still held back


class TestMemory(PoolServer):
    reserve, participants = 1, 5

    def test_only_what_the_free_memory_holds_is_prepared_and_the_conseiller_is_told_in_french(self):
        self.open_session()  # 5 pages asked; plenty of memory on the test machine
        assert self.server.pool.status(ATELIER)["avertissement"] is None
        self.wait_until(lambda: self.ready() >= 1)
        cost = self.server.pool.page_cost(ATELIER)
        self.server.pool._cost[ATELIER] = cost  # the cost measured once is the one prepare() uses below
        self.server.pool.available_memory = lambda: SAFETY_MARGIN + 2 * cost + cost // 2  # room for 2 more
        started = sum(1 for t in self.manager._pools[NOTEBOOK]
                      if t.done() and not t.cancelled() and t.exception() is None)
        warning = self.server.pool.prepare(ATELIER, 8)
        possible = started + 2
        assert warning == memory_warning(possible, 8)
        assert f"suffit pour {possible} pages prêtes, pas pour 8" in warning
        for advice in ("fermez les autres programmes", "moins de participants", "plus de mémoire"):
            assert advice in warning
        assert len(self.manager._pools[NOTEBOOK]) == possible < 8
        assert self.server.pool.status(ATELIER) == {"pretes": self.ready(), "voulues": 8, "avertissement": warning}
        self.server.pool.available_memory = lambda: SAFETY_MARGIN  # nothing more fits: only the pages started
        started = sum(1 for t in self.manager._pools[NOTEBOOK]
                      if t.done() and not t.cancelled() and t.exception() is None)
        assert self.server.pool.prepare(ATELIER, 8) == memory_warning(started, 8)
        assert len(self.manager._pools[NOTEBOOK]) == max(started, self.reserve)

    def test_the_server_closing_while_the_pool_gives_memory_back_stops_every_kernel_once(self):
        """The pool shuts down what it no longer needs without waiting; closing the server at that moment
        used to fail on a kernel already gone (HTTP 404, an English traceback in the terminal)."""
        self.open_session()
        self.wait_until(lambda: self.ready() >= 1)
        gone = self.manager.list_kernel_ids()[0]
        self.io_loop.run_sync(lambda: self.manager.shutdown_kernel(gone), timeout=120)  # the pool's shutdown
        listed = self.manager.list_kernel_ids
        self.manager.list_kernel_ids = lambda: [*listed(), gone]  # listed an instant before it ended
        try:
            self.io_loop.run_sync(self.manager.shutdown_all, timeout=120)
        finally:
            del self.manager.list_kernel_ids
        assert self.manager.list_kernel_ids() == []


def test_memory_arithmetic_and_the_default_cost():
    assert pages_that_fit(SAFETY_MARGIN + 3 * DEFAULT_PAGE_COST + 1, DEFAULT_PAGE_COST) == 3
    assert pages_that_fit(SAFETY_MARGIN // 2, DEFAULT_PAGE_COST) == 0
    assert "suffit pour 1 page prête, pas pour 4" in memory_warning(1, 4)
    assert "ne suffit pour préparer aucune page" in memory_warning(0, 4)


def test_the_participants_option():
    parser = build_parser()
    assert parser.parse_args(["lancer"]).participants == 12
    assert parser.parse_args(["lancer", "--participants", "20"]).participants == 20
    assert parser.parse_args(["lancer", "--reserve-session", "6"]).participants == 6  # the former name
