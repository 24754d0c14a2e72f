"""Blocking work (the SQLite store) run in a few threads, so the server's event loop never waits on it.

A locked base makes only the request that needs it wait; every participant's page keeps loading.
"""
from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor

from tornado.ioloop import IOLoop

_threads = ThreadPoolExecutor(max_workers=4, thread_name_prefix="atelier-base")


async def in_thread(work, *args, **kwargs):
    """``work(*args, **kwargs)`` in a worker thread; its result (or its exception) here."""
    return await IOLoop.current().run_in_executor(_threads, functools.partial(work, *args, **kwargs))
