"""The page's query string, seen from a participant's kernel.

A kernel started for a request has it in its environment. A preheated kernel ran the notebook before
anyone asked for it: it waits here for the request, on Voilà's request-info socket (the protocol of
``voila.utils.wait_for_request``), so the page is finished only once the participant is known. Unlike
Voilà's helper it stays quiet: when the server stops before a participant comes, the kernel ends at
once instead of printing English tracebacks in the conseiller's terminal.
"""
from __future__ import annotations

import json
import os

OPEN_TIMEOUT = 5  # seconds to reach the server's socket (it is on the same machine)


def request_socket_url() -> str:
    """Where Voilà gives a preheated kernel its request (same environment variables as Voilà)."""
    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    host = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{host}:{port}{base}voila/query/{os.environ.get('VOILA_KERNEL_ID', '')}"


def wait_for_request(url: str | None = None, exit_when_closed=os._exit) -> bool:
    """In a preheated kernel, wait for the request and put it in ``os.environ``; True if it came.

    Outside a preheated kernel there is nothing to wait for (False). If the socket cannot be reached,
    the page goes on without the request (False). If the server closes it first, it is stopping:
    ``exit_when_closed(0)`` ends this kernel quietly.
    """
    if os.environ.get("VOILA_PREHEAT", "False") == "False":
        return False
    from websockets.exceptions import ConnectionClosed, WebSocketException
    from websockets.sync.client import connect

    try:
        with connect(url or request_socket_url(), open_timeout=OPEN_TIMEOUT) as socket:
            message = socket.recv()
    except ConnectionClosed:
        exit_when_closed(0)
        return False
    except (OSError, TimeoutError, ValueError, WebSocketException):  # refused, refused upgrade, bad address
        message = None
    os.environ["VOILA_PREHEAT"] = "False"  # waited once: never again in this kernel
    try:
        info = json.loads(message) if message is not None else None
    except ValueError:
        info = None
    if not isinstance(info, dict):
        return False
    for key, value in info.items():
        if isinstance(key, str) and isinstance(value, str):
            os.environ[key] = value
    return True


def query_string() -> str:
    """The page's query string (after waiting for the request in a preheated kernel)."""
    wait_for_request()
    return os.environ.get("QUERY_STRING", "")
