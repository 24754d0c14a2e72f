"""Shared fixtures: the real server (``atelier lancer`` on 127.0.0.1) and a real browser (Debian chromium)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def script_module(name: str):
    """A script of the repository's ``scripts/`` folder (not part of the package), as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"le serveur ne répond pas : {url}")


class Server:
    """``atelier lancer`` in a subprocess; its output is kept for the privacy checks."""

    def __init__(self, tmp: Path, reserve: int = 1, extra_env: dict | None = None, extra_args: tuple = (),
                 port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = tmp / "serveur.log"
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})}
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "widgets.cli.main", "lancer", "--adresse", "127.0.0.1", "--port", str(self.port),
             "--reserve", str(reserve), *extra_args],
            cwd=ROOT, env=env, stdout=self._log_file, stderr=subprocess.STDOUT)
        wait_http(self.url)

    def stop(self) -> None:
        self.process.send_signal(2)  # Ctrl-C
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log_file.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("serveur"))
    yield s
    s.stop()


@pytest.fixture(scope="module")  # closed after each module: its event loop must not outlive it
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium est absent : installez le paquet Debian « chromium » (make test le fait).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page_factory(browser):
    """New pages whose every request leaving 127.0.0.1 is blocked and recorded in ``page.outside``."""
    contexts = []

    def make(width: int = 1024, height: int = 768, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR", **options)
        contexts.append(context)
        page = context.new_page()
        page.outside = []

        def route(r):
            url = r.request.url
            if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
                r.continue_()
            else:
                page.outside.append(url)
                r.abort()

        page.route("**/*", route)
        return page

    yield make
    for c in contexts:
        c.close()
