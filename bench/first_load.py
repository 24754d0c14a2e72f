"""Benchmark: every atelier served by ``atelier lancer`` against plain ``voila`` (defaults), in the same run.

Prints, for each atelier and each server: time until the first exercise is clickable in Chromium and
bytes transferred, on a first visit (empty cache, the atelier's address opened directly, as the QR
code does), on a repeat visit, and, for ours, on a first visit that passes through the landing page
(the participant reads the cards while it fetches the atelier's files ahead; bytes of the landing page
with what it fetched, then of the atelier page). Then, for atelier 01, wall time for N
simultaneous first loads (for ours, also once the conseiller has opened a live session) and memory
per participant (USS of one kernel); then the ratios ours / plain Voilà and the issue's targets.
Before each timed visit (untimed, bounded) the benchmark waits until the server and its kernels are idle:
the page the last visit left is freed and ours finds a prepared page, as each participant does in a room
whose pages were prepared for it (without it, a reserve of 2 ran dry at the third visit and timed a refill).
Only 127.0.0.1 is contacted; every loop is bounded.  Usage:
    .venv/bin/python bench/first_load.py [--visits 3] [--simultaneous 20] [--reserve 2] [--ateliers 01 04]
    .venv/bin/python bench/first_load.py --record   # writes widgets/server/prefetch.txt (see below)

What a first visit of an atelier page downloaded before this work (atelier 01, 99 requests, 1 375 KiB
compressed, measured in Chromium): the page (5 KiB) and one kernel request; Voilà's front end,
``voila/static/voila.js`` and 71 pieces (1 001 KiB): 55 loaded by its entry point whatever the page
shows (JupyterLab's notebook model, code editor, React, lumino…, 788 KiB) and 16 pieces of MathJax 3
(213 KiB) fetched at the first widget text, to look for formulas; ``voila-style.js`` (70 KiB: the CSS of
JupyterLab's widgets, which the page needs, with Font Awesome's); the widgets' front end,
``voila/labextensions/...`` (14 files, 222 KiB, sent with « no-cache »: asked again at every visit);
JupyterLab's page CSS ``index.css`` (54 KiB, 30 of them the pictures of JupyterLab's icons) and
``theme-light.css`` (4 KiB); the project's CSS and scripts (8 files, about 13 KiB).
Dropped since: MathJax (first a 1 KiB stub), the icon pictures of ``index.css`` (served without them),
the « no-cache » of the widgets' files; then all of Voilà's and the widgets' prebuilt front end (about
1 010 KiB) and ``voila-style.js``: the pages load their own, ``static/page/page.js`` and ``page.css``
(built from ``front/``: the widgets, the kernel connection, about 300 KiB compressed).

``--record`` opens every atelier in Chromium and writes the static files its page loads into
``widgets/server/prefetch.txt`` (what the landing page fetches ahead, see ``widgets/server/prefetch.py``).
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
    """``atelier lancer`` (kind « ateliers ») or plain ``voila`` on the ateliers folder; (process, atelier 01's page)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    if kind == "ateliers":
        cmd = [sys.executable, "-m", "widgets.cli.main", "lancer", "--adresse", "127.0.0.1", "--port", str(port),
               "--reserve", str(reserve)]
    else:
        cmd = [sys.executable, "-m", "voila", str(ROOT / "ateliers"), "--no-browser", f"--port={port}",
               "--Voila.ip=127.0.0.1"]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    wait_http(f"http://127.0.0.1:{port}/voila/static/voila.js")
    if kind == "ateliers":
        time.sleep(3 + 2 * reserve)  # let the pool fill, as it does while the conseiller talks
    return proc, f"http://127.0.0.1:{port}/voila/render/{NOTEBOOK}"


def kernels(proc: subprocess.Popen) -> list[psutil.Process]:
    found = []
    for child in psutil.Process(proc.pid).children(recursive=True):
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:  # stopped meanwhile
            pass
    return found


STATIC = ("/voila/static/", "/voila/labextensions/", "/voila/templates/")


def watch(context, page) -> dict:
    """Bytes received by ``page`` (CDP, compressed sizes) and the static files it asked for."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    seen = {"bytes": 0, "urls": [], "from_cache": []}
    cdp.on("Network.loadingFinished", lambda e: seen.__setitem__("bytes", seen["bytes"] + e.get("encodedDataLength", 0)))
    cdp.on("Network.requestWillBeSent", lambda e: seen["urls"].append(e["request"]["url"]))
    cdp.on("Network.requestServedFromCache", lambda e: seen["from_cache"].append(e["requestId"]))
    return seen


def atelier_url(base: str, atelier: str) -> str:
    return f"{base}voila/render/{atelier}/atelier.ipynb"


def wait_prefetched(page, timeout_s: float = 90) -> int:
    """Wait (bounded) until every ``<link rel=prefetch>`` of the landing page is fetched; how many."""
    deadline = time.time() + timeout_s
    wanted = page.eval_on_selector_all("link[rel=prefetch]", "ls => ls.map(l => l.href)")
    while time.time() < deadline:
        done = page.evaluate("""(wanted) => {
            const got = new Set(performance.getEntriesByType('resource').filter(e => e.responseEnd > 0).map(e => e.name));
            return wanted.filter(u => got.has(u)).length; }""", wanted)
        if done >= len(wanted):
            return done
        page.wait_for_timeout(200)
    return done


def settled(proc: subprocess.Popen, quiet: float = 4, timeout: float = 120) -> None:
    """Wait (bounded) until the server and its kernels are idle and no kernel started or stopped for
    ``quiet`` seconds: the page left by the last visit is freed and the prepared pages are ready again,
    as when a participant arrives a little after the one before (each visit is then timed on its own)."""
    deadline = time.time() + timeout
    count, since = -1, time.time()
    while time.time() < deadline:
        tree = [psutil.Process(proc.pid), *kernels(proc)]
        if len(tree) != count:
            count, since = len(tree), time.time()
        if cpu_percent(tree, 1.0) < 10 and time.time() - since >= quiet:
            return


def cpu_percent(processes: list[psutil.Process], seconds: float) -> float:
    """CPU used by ``processes`` over the next ``seconds`` (percent of one core; gone ones count 0)."""
    def each(call) -> list[float]:
        values = []
        for p in processes:
            try:
                values.append(call(p))
            except psutil.Error:
                values.append(0.0)
        return values
    each(lambda p: p.cpu_percent(interval=None))
    time.sleep(seconds)
    return sum(each(lambda p: p.cpu_percent(interval=None)))


def browser_visits(browser, base: str, atelier: str, visits: int, landing: bool,
                   settle=lambda: None) -> dict:
    """Medians over ``visits`` fresh browsers: first visit, repeat visit and (``landing``) landing → atelier.
    ``settle()`` runs before each timed visit (untimed)."""
    url = atelier_url(base, atelier)
    out: dict[str, list] = {k: [] for k in ("first_s", "repeat_s", "first_bytes", "repeat_bytes", "landing_bytes",
                                            "after_landing_s", "after_landing_bytes", "prefetched")}
    for _ in range(visits):
        if landing:
            context = browser.new_context(viewport={"width": 1024, "height": 768})
            page = context.new_page()
            seen = watch(context, page)
            page.goto(base, timeout=180_000)
            out["prefetched"].append(wait_prefetched(page))
            out["landing_bytes"].append(seen["bytes"])
            settle()
            seen["bytes"] = 0
            t0 = time.perf_counter()
            page.goto(url, wait_until="commit", timeout=180_000)
            page.wait_for_selector(READY, state="visible", timeout=120_000)
            out["after_landing_s"].append(time.perf_counter() - t0)
            page.wait_for_timeout(300)
            out["after_landing_bytes"].append(seen["bytes"])
            context.close()
        context = browser.new_context(viewport={"width": 1024, "height": 768})
        # No context.route() here: Playwright turns the HTTP cache off when requests are routed, and the
        # repeat visit is precisely about the cache. The machine has no network: outside requests fail fast.
        page = context.new_page()
        seen = watch(context, page)
        for label in ("first", "repeat"):
            settle()
            seen["bytes"] = 0
            t0 = time.perf_counter()
            page.goto(url, wait_until="commit", timeout=180_000)
            page.wait_for_selector(READY, state="visible", timeout=120_000)
            out[f"{label}_s"].append(time.perf_counter() - t0)
            page.wait_for_timeout(300)
            out[f"{label}_bytes"].append(seen["bytes"])
        context.close()
    return {k: statistics.median(v) if v else float("nan") for k, v in out.items()}


def record(browser, base: str, ateliers: list[str]) -> list[str]:
    """The static files (relative to ``base``) the pages of ``ateliers`` load, first visit, each once."""
    found: list[str] = []
    for atelier in ateliers:
        context = browser.new_context(viewport={"width": 1024, "height": 768})
        page = context.new_page()
        seen = watch(context, page)
        page.goto(atelier_url(base, atelier), wait_until="commit", timeout=180_000)
        page.wait_for_selector(READY, state="visible", timeout=120_000)
        page.wait_for_timeout(3000)  # the pieces asked once the widgets are drawn
        for url in seen["urls"]:
            if url.startswith(base) and any(part in url for part in STATIC):
                address = url[len(base):]
                if address.startswith("voila/templates/") and "?v=" in address:
                    address = address.split("?v=")[0] + "?v="  # its version: recomputed when served
                found.append(address)
        context.close()
    return list(dict.fromkeys(found))


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
        state = json.loads(opener.open(base + "animateur/etat", timeout=30).read())
        ready = (state.get("pages_pretes") or {}).get("pretes", 0)  # « Pages prêtes : 12 / 12 »
        if ready == last and ready > 0:  # stable: the pool is full
            break
        last = ready
        time.sleep(3)
    return ready


def memory_per_participant(proc) -> float:
    uss = [k.memory_full_info().uss for k in kernels(proc)]
    return statistics.median(uss) / 2**20 if uss else float("nan")


def measure(kind: str, ateliers: list[str], visits: int, n: int, reserve: int, log: Path) -> dict:
    from playwright.sync_api import sync_playwright

    proc, url = start(kind, reserve, log)
    base = url.split("voila/render/")[0]
    result: dict = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for atelier in ateliers:
                result[atelier] = browser_visits(browser, base, atelier, visits, landing=kind == "ateliers",
                                                 settle=lambda: settled(proc))
                if kind == "ateliers":
                    time.sleep(1 + reserve)  # the pool refills between ateliers, as between two workshops
            browser.close()
        result["memory_mib"] = memory_per_participant(proc)
        if n:
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


def write_manifest(addresses: list[str]) -> Path:
    import ipywidgets
    import voila

    sys.path.insert(0, str(ROOT))  # this copy's list, even when another copy is the one installed
    from widgets.server.prefetch import MANIFEST

    header = [f"# Static files an atelier's page loads (Voilà {voila.__version__}, ipywidgets {ipywidgets.__version__}),",
              "# recorded in Chromium by:  .venv/bin/python bench/first_load.py --record",
              "# One address per line, relative to the server's base URL; « ?v= »: its version is added when served.",
              "# The landing page prefetches those that exist (widgets/server/prefetch.py)."]
    MANIFEST.write_text("\n".join(header + addresses) + "\n", encoding="utf-8")
    return MANIFEST


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=3)
    parser.add_argument("--simultaneous", type=int, default=20, help="0: skip the simultaneous loads")
    parser.add_argument("--reserve", type=int, default=2)
    parser.add_argument("--ateliers", nargs="*", help="numbers or names (default: every atelier found)")
    parser.add_argument("--record", action="store_true", help="write widgets/server/prefetch.txt and stop")
    args = parser.parse_args()
    import tempfile

    found = sorted(p.parent.name for p in (ROOT / "ateliers").glob("*/atelier.ipynb"))
    ateliers = [a for a in found if not args.ateliers or any(a.startswith(x) for x in args.ateliers)]
    with tempfile.TemporaryDirectory() as tmp:
        env_data = os.environ.get("ATELIERS_DONNEES")
        os.environ["ATELIERS_DONNEES"] = tmp  # the benchmark's live session stays out of the real one
        try:
            if args.record:
                from playwright.sync_api import sync_playwright

                proc, url = start("ateliers", args.reserve, Path(tmp) / "ateliers.log")
                try:
                    with sync_playwright() as p:
                        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                        addresses = record(browser, url.split("voila/render/")[0], ateliers)
                        browser.close()
                finally:
                    proc.terminate()
                    proc.wait(timeout=30)
                print(f"{len(addresses)} files written to {write_manifest(addresses)}")
                return
            plain = measure("voila", ateliers, args.visits, args.simultaneous, args.reserve, Path(tmp) / "voila.log")
            ours = measure("ateliers", ateliers, args.visits, args.simultaneous, args.reserve,
                           Path(tmp) / "ateliers.log")
        finally:
            if env_data is None:
                os.environ.pop("ATELIERS_DONNEES", None)
            else:
                os.environ["ATELIERS_DONNEES"] = env_data
    report(plain, ours, ateliers, args)


def report(plain: dict, ours: dict, ateliers: list[str], args) -> None:
    kib = 1 / 1024
    print(f"{args.visits} visits per atelier (median), reserve={args.reserve}; bytes compressed, as received")
    print(f"{'atelier / measure':58} {'plain voila':>12} {'ateliers':>12} {'ratio':>7}")
    for atelier in ateliers:
        a, b = plain[atelier], ours[atelier]
        print(atelier)
        for label, key, scale in (("first visit, direct: time to first clickable exercise (s)", "first_s", 1),
                                  ("repeat visit: time to first clickable exercise (s)", "repeat_s", 1),
                                  ("first visit, direct: bytes (KiB)", "first_bytes", kib),
                                  ("repeat visit: bytes (KiB)", "repeat_bytes", kib)):
            x, y = a[key] * scale, b[key] * scale
            print(f"  {label:56} {x:12.2f} {y:12.2f} {y / x if x else float('nan'):7.2f}")
        for label, key, scale, base_key in (
                ("first visit via landing: time to first clickable (s)", "after_landing_s", 1, "first_s"),
                ("  landing page and what it fetched ahead (KiB)", "landing_bytes", kib, "first_bytes"),
                ("  then the atelier page (KiB)", "after_landing_bytes", kib, "first_bytes")):
            x, y = a[base_key] * scale, b[key] * scale
            print(f"  {label:56} {x:12.2f} {y:12.2f} {y / x if x else float('nan'):7.2f}")
        print(f"  {'  files fetched ahead by the landing page':56} {'':12} {b['prefetched']:12.0f}")
        print(f"  targets: time {b['after_landing_s'] / a['first_s']:.2f}× plain first visit (≤ 0.4 via landing), "
              f"{b['first_s'] / a['first_s']:.2f}× (direct); repeat {b['repeat_s'] / a['repeat_s']:.2f}× (≤ 0.3); "
              f"atelier page after landing {b['after_landing_bytes'] * kib:.0f} KiB, direct first visit "
              f"{b['first_bytes'] * kib:.0f} KiB (≤ 1024)")
    a, b = plain["memory_mib"], ours["memory_mib"]
    print(f"{'memory per participant, kernel USS (MiB)':58} {a:12.2f} {b:12.2f} {b / a:7.2f}")
    if args.simultaneous:
        a, b = plain["simultaneous_s"], ours["simultaneous_s"]
        print(f"{f'{args.simultaneous} simultaneous first loads of 01, wall time (s)':58} {a:12.2f} {b:12.2f} {b / a:7.2f}")
        b = ours["session_s"]
        label = f"{args.simultaneous} simultaneous, live session opened ({ours['session_ready']} ready) (s)"
        print(f"{label:58} {a:12.2f} {b:12.2f} {b / a:7.2f}")


if __name__ == "__main__":
    main()
