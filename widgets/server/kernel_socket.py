"""A kernel's websocket whose page has just gone: the kernel's last messages are dropped, in silence.

Jupyter Server writes each kernel message to the page's websocket and never looks at the outcome
(``ZMQChannelsWebsocketConnection._on_zmq_reply``). When the page was closed or reloaded a moment
before, Tornado says so with ``WebSocketClosedError``: raised at once if it already knows (ZMQStream
then prints « Uncaught exception »), or later, in the task that writes the message, which nobody
awaits (asyncio then prints « Task exception was never retrieved »). Both were English tracebacks in
the conseiller's terminal, about messages that no one was left to read.
"""
from __future__ import annotations

import asyncio

from tornado.websocket import WebSocketClosedError


def _read_outcome(future: asyncio.Future) -> None:
    """Marks a write's failure as seen, so that asyncio does not report it."""
    if not future.cancelled():
        future.exception()


class GonePageMixin:
    """For the kernel websocket handler: a message for a page that has gone is dropped (``None``)."""

    def write_message(self, message, binary: bool = False):
        try:
            written = super().write_message(message, binary)
        except WebSocketClosedError:
            return None  # the handler's on_close is on its way
        if isinstance(written, asyncio.Future):
            written.add_done_callback(_read_outcome)
        return written
