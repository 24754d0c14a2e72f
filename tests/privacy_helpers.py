"""What the privacy tests share: a recording proxy for outgoing requests, and a search of the disk."""
from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

MAX_FILE = 20_000_000
SKIP_DIRS = {"/proc", "/sys", "/dev"}


class RecordingProxy:
    """A proxy on 127.0.0.1 that records each request's first bytes and refuses it (403)."""

    def __init__(self):
        self.requests: list[bytes] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.requests.append(conn.recv(65536))
                    conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    pass

    def close(self):
        self.sock.close()


def proxy_env(proxy: "RecordingProxy") -> dict:
    """The environment that sends every outside request of a server (and its kernels) to ``proxy``."""
    return {"HTTPS_PROXY": proxy.url, "HTTP_PROXY": proxy.url, "https_proxy": proxy.url, "http_proxy": proxy.url,
            "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}


def files_modified_since(start: float, roots: list[Path]):
    for root in roots:
        for folder, dirs, files in os.walk(root, onerror=lambda e: None):
            dirs[:] = [d for d in dirs if os.path.join(folder, d) not in SKIP_DIRS]
            for name in files:
                path = os.path.join(folder, name)
                try:
                    st = os.stat(path, follow_symlinks=False)
                except OSError:
                    continue
                if st.st_mtime >= start and 0 < st.st_size <= MAX_FILE and os.path.isfile(path):
                    yield Path(path)


def files_holding(needles: list[bytes], start: float, roots: list[Path]) -> list[str]:
    """Files modified since ``start`` under ``roots`` that contain one of ``needles``."""
    found = []
    for path in files_modified_since(start, roots):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if any(n in data for n in needles):
            found.append(str(path))
    return found
