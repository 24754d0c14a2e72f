"""A page that goes while its kernel is answering leaves no English traceback in the conseiller's terminal.

When a page is closed or reloaded, its kernel's messages may still be on their way: Jupyter Server
writes them to a websocket the browser has just closed. On ``atelier lancer`` this printed
asyncio's « Task exception was never retrieved » (``WebSocketClosedError``) or ZMQStream's
« Uncaught exception ». Here a page's connection asks its kernel many things at once and is cut
(a TCP reset, as a tab that is gone) while the answers arrive, again and again.
"""
from __future__ import annotations

import base64
import json
import os
import re
import socket
import struct
import time
import urllib.request
import uuid

from conftest import Server
from websockets.sync.client import connect

PROTOCOL = "v1.kernel.websocket.jupyter.org"  # what the pages' front end speaks (front/src/page.js)
ROUNDS = 20
REQUESTS = 50


def v1_message(msg_type: str, session: str) -> bytes:
    """A shell request in Jupyter's websocket protocol v1 (offsets, channel, then the four JSON parts)."""
    header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session, "username": "",
              "version": "5.3", "date": ""}
    parts = [json.dumps(part).encode() for part in (header, {}, {}, {})]
    offsets = [8 * (len(parts) + 3), 8 * (len(parts) + 3) + len(b"shell")]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    return b"".join([len(offsets).to_bytes(8, "little"), *(o.to_bytes(8, "little") for o in offsets), b"shell",
                     *parts])


def masked_frame(payload: bytes) -> bytes:
    """A binary websocket frame as a browser sends it (masked)."""
    mask = os.urandom(4)
    size = len(payload)
    length = struct.pack("!B", 0x80 | size) if size < 126 else struct.pack("!BH", 0x80 | 126, size)
    return b"\x82" + length + mask + bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))


def ask_then_vanish(port: int, kernel: str) -> None:
    """Opens the kernel's websocket, sends ``REQUESTS`` comm_info requests, and resets the connection."""
    session = uuid.uuid4().hex
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        key = base64.b64encode(os.urandom(16)).decode()
        sock.sendall((f"GET /api/kernels/{kernel}/channels?session_id={session} HTTP/1.1\r\n"
                      f"Host: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                      f"Sec-WebSocket-Protocol: {PROTOCOL}\r\n\r\n").encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(4096)
        assert answer.startswith(b"HTTP/1.1 101"), answer[:100]
        sock.sendall(b"".join(masked_frame(v1_message("comm_info_request", session)) for _ in range(REQUESTS)))
        time.sleep(0.02)  # the kernel's answers are coming
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = reset


def kernel_answers(port: int, kernel: str) -> bool:
    """A page coming back still gets its kernel's answer (nothing was broken for the next one)."""
    session = uuid.uuid4().hex
    url = f"ws://127.0.0.1:{port}/api/kernels/{kernel}/channels?session_id={session}"
    with connect(url, subprotocols=[PROTOCOL], open_timeout=10) as ws:
        ws.send(v1_message("kernel_info_request", session))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            message = ws.recv(timeout=deadline - time.monotonic())
            if b'"kernel_info_reply"' in message:
                return True
    return False


def test_a_page_gone_while_its_kernel_answers_leaves_no_traceback(tmp_path):
    server = Server(tmp_path, reserve=0)
    try:
        with urllib.request.urlopen(f"{server.url}voila/render/02_courriel/atelier.ipynb", timeout=120) as r:
            kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', r.read().decode()).group(1)
        for _ in range(ROUNDS):
            ask_then_vanish(server.port, kernel)
            time.sleep(0.05)
        assert kernel_answers(server.port, kernel)
        time.sleep(1)  # asyncio says « never retrieved » when the finished task is freed
    finally:
        server.stop()
    log = server.log.read_text(encoding="utf-8")
    for english in ("Traceback", "never retrieved", "WebSocketClosedError", "Uncaught exception"):
        assert english not in log, log[-2000:]
