"""Benchmark: atelier 01 served by ``atelier lancer`` against plain ``voila`` (defaults), in the same run.

Prints, for each server: time until the first exercise is clickable in Chromium (first and repeat
visit), bytes transferred (first and repeat visit), wall time for N simultaneous first loads of the
page (for ours, also once the conseiller has opened a live session, which prepares pages for the room),
and memory per participant (USS of one kernel); then the ratios ours / plain Voilà.
Only 127.0.0.1 is contacted; every loop is bounded.  Usage:
    .venv/bin/python bench/first_load.py [--visits 3] [--simultaneous 20] [--reserve 2]
"""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "01_navigateur/atelier.ipynb"
READY = "button.atelier-suivant"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 90) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(url)


def start(kind: str, reserve: int, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    if kind == "ateliers":
        cmd = [sys.executable, "-m", "widgets.cli.main", "lancer", "--adresse", "127.0.0.1", "--port", str(port),
               "--reserve", str(reserve)]
        page = f"http://127.0.0.1:{port}/voila/render/{NOTEBOOK}"
    else:
        cmd = [sys.executable, "-m", "voila", str(ROOT / "ateliers" / NOTEBOOK), "--no-browser",
               f"--port={port}", "--Voila.ip=127.0.0.1"]
        page = f"http://127.0.0.1:{port}/"
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    wait_http(f"http://127.0.0.1:{port}/voila/static/voila.js" if kind == "ateliers" else page)
    if kind == "ateliers":
        time.sleep(3 + 2 * reserve)  # let the pool fill, as it does while the conseiller talks
    return proc, page


def kernels(proc: subprocess.Popen) -> list[psutil.Process]:
    return [c for c in psutil.Process(proc.pid).children(recursive=True) if "ipykernel" in " ".join(c.cmdline())]


def browser_visits(browser, url: str, visits: int) -> dict:
    first_t, repeat_t, first_b, repeat_b = [], [], [], []
    for _ in range(visits):
        context = browser.new_context(viewport={"width": 1024, "height": 768})
        # No context.route() here: Playwright turns the HTTP cache off when requests are routed, and the
        # repeat visit is precisely about the cache. The machine has no network: outside requests fail fast.
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        total = [0]
        cdp.on("Network.loadingFinished", lambda e: total.__setitem__(0, total[0] + e.get("encodedDataLength", 0)))
        for label in ("first", "repeat"):
            total[0] = 0
            t0 = time.perf_counter()
            page.goto(url)
            page.wait_for_selector(READY, state="visible", timeout=120_000)
            elapsed = time.perf_counter() - t0
            page.wait_for_timeout(300)
            (first_t if label == "first" else repeat_t).append(elapsed)
            (first_b if label == "first" else repeat_b).append(total[0])
        context.close()
    return {"first_s": statistics.median(first_t), "repeat_s": statistics.median(repeat_t),
            "first_bytes": statistics.median(first_b), "repeat_bytes": statistics.median(repeat_b)}


def simultaneous(url: str, n: int) -> float:
    def get(_):
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"}), timeout=300) as r:
            r.read()
    t0 = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        list(pool.map(get, range(n)))
    return time.perf_counter() - t0


def open_session(log: Path, atelier: str = "01_navigateur", timeout: float = 180) -> int:
    """Open a live session as the conseiller does; wait (bounded) until its pages are ready; how many."""
    key_url = re.search(r"http://127\.0\.0\.1:\d+/animateur\?cle=\S+", log.read_text()).group(0)
    base = key_url.split("animateur")[0]
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    opener.open(key_url, timeout=30).read()
    action = urllib.request.Request(base + "animateur/action", method="POST", headers={"X-Animateur": "1"},
                                    data=json.dumps({"action": "nouvelle", "atelier": atelier}).encode())
    opener.open(action, timeout=30).read()
    deadline, ready, last = time.time() + timeout, 0, -1
    while time.time() < deadline:
        ready = json.loads(opener.open(base + "animateur/etat", timeout=30).read()).get("pages_pretes") or 0
        if ready == last and ready > 0:  # stable: the pool is full
            break
        last = ready
        time.sleep(3)
    return ready


def memory_per_participant(proc) -> float:
    uss = [k.memory_full_info().uss for k in kernels(proc)]
    return statistics.median(uss) / 2**20 if uss else float("nan")


def measure(kind: str, visits: int, n: int, reserve: int, log: Path) -> dict:
    from playwright.sync_api import sync_playwright

    proc, url = start(kind, reserve, log)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            result = browser_visits(browser, url, visits)
            browser.close()
        result["memory_mib"] = memory_per_participant(proc)
        if kind == "ateliers":
            time.sleep(2 + reserve)  # refill the pool after the browser visits
        result["simultaneous_s"] = simultaneous(url, n)
        if kind == "ateliers":
            result["session_ready"] = open_session(log)
            result["session_s"] = simultaneous(url, n)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=3)
    parser.add_argument("--simultaneous", type=int, default=20)
    parser.add_argument("--reserve", type=int, default=2)
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        env_data = os.environ.get("ATELIERS_DONNEES")
        os.environ["ATELIERS_DONNEES"] = tmp  # the benchmark's live session stays out of the real one
        try:
            plain = measure("voila", args.visits, args.simultaneous, args.reserve, Path(tmp) / "voila.log")
            ours = measure("ateliers", args.visits, args.simultaneous, args.reserve, Path(tmp) / "ateliers.log")
        finally:
            if env_data is None:
                os.environ.pop("ATELIERS_DONNEES", None)
            else:
                os.environ["ATELIERS_DONNEES"] = env_data
    rows = [("time to first clickable exercise, first visit (s)", "first_s"),
            ("time to first clickable exercise, repeat visit (s)", "repeat_s"),
            ("bytes transferred, first visit (KiB)", "first_bytes"),
            ("bytes transferred, repeat visit (KiB)", "repeat_bytes"),
            (f"{args.simultaneous} simultaneous first loads, wall time (s)", "simultaneous_s"),
            ("memory per participant, kernel USS (MiB)", "memory_mib")]
    print(f"atelier 01, {args.visits} visits (median), reserve={args.reserve}")
    print(f"{'measure':55} {'plain voila':>12} {'ateliers':>12} {'ratio':>7}")
    for label, key in rows:
        a, b = plain[key], ours[key]
        if "bytes" in key:
            a, b = a / 1024, b / 1024
        print(f"{label:55} {a:12.2f} {b:12.2f} {b / a if a else float('nan'):7.2f}")
    a, b = plain["simultaneous_s"], ours["session_s"]
    label = f"{args.simultaneous} simultaneous, live session opened ({ours['session_ready']} ready) (s)"
    print(f"{label:55} {a:12.2f} {b:12.2f} {b / a:7.2f}")


if __name__ == "__main__":
    main()
