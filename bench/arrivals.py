"""Benchmark: the room joins at once, on pages prepared in advance, against plain Voilà in the same run.

Default (the first minute of a workshop): ``atelier lancer --participants N`` serves atelier 01; the
conseiller opens a live session for N people and the benchmark waits (bounded) until the board says the
N pages are ready. Then N participants ask for the page at the same instant (a barrier releases them
together). A page counts as **usable** when its HTML is received and the widgets' state came back over
the kernel's websocket (what Voilà's front end asks first: ``request_states`` on the
``jupyter.widget.control`` comm). The same burst on plain ``voila atelier.ipynb`` (its defaults); printed:
slowest and median usable page, failures, and the ratios ours / plain Voilà.

``--every S`` instead runs the older measure: N arrivals one every S seconds, with the reserve only and
with a live session opened first (HTML only).
Only 127.0.0.1 is contacted; every wait is bounded.  Usage:
    .venv/bin/python bench/arrivals.py [--participants 20] [--rounds 1] [--reserve 2]
    .venv/bin/python bench/arrivals.py --every 0.5 [--participants 20] [--rounds 2]
"""
from __future__ import annotations

import argparse
import gzip
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from first_load import NOTEBOOK, ROOT, free_port, open_session, start, wait_http  # noqa: E402

KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')


# -- the join burst ----------------------------------------------------------------------------------
def start_ateliers(participants: int, reserve: int, log: Path) -> tuple[subprocess.Popen, str]:
    """``atelier lancer`` expecting ``participants`` people; (process, page address)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    cmd = [sys.executable, "-m", "widgets.cli.main", "lancer", "--adresse", "127.0.0.1", "--port", str(port),
           "--reserve", str(reserve), "--participants", str(participants)]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    wait_http(f"http://127.0.0.1:{port}/voila/static/voila.js")
    return proc, f"http://127.0.0.1:{port}/voila/render/{NOTEBOOK}"


def ready_pages(state: dict) -> int:
    """« Pages prêtes » as the board receives it (a number, or ``{"pretes": …}``)."""
    value = state.get("pages_pretes")
    if isinstance(value, dict):
        value = value.get("pretes")
    return value or 0


def open_room(log: Path, participants: int, timeout: float = 600) -> tuple[int, float]:
    """« Nouvelle session » for ``participants`` people; waits until that many pages are ready.
    Returns (pages ready, seconds it took)."""
    key_url = re.search(r"http://127\.0\.0\.1:\d+/animateur\?cle=\S+", log.read_text()).group(0)
    base = key_url.split("animateur")[0]
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    opener.open(key_url, timeout=30).read()
    action = urllib.request.Request(base + "animateur/action", method="POST", headers={"X-Animateur": "1"},
                                    data=json.dumps({"action": "nouvelle", "atelier": NOTEBOOK.split("/")[0],
                                                     "attendus": participants}).encode())
    t0 = time.perf_counter()
    opener.open(action, timeout=30).read()
    deadline, ready = time.time() + timeout, 0
    while time.time() < deadline:
        ready = ready_pages(json.loads(opener.open(base + "animateur/etat", timeout=30).read()))
        if ready >= participants:
            break
        time.sleep(0.5)
    return ready, time.perf_counter() - t0


def message(channel: str, msg_type: str, content: dict, metadata: dict | None = None) -> str:
    header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": uuid.uuid4().hex, "username": "",
              "version": "5.3", "date": ""}
    return json.dumps({"header": header, "parent_header": {}, "metadata": metadata or {}, "content": content,
                       "channel": channel, "buffers": []})


def usable_page(url: str, timeout: float = 300) -> tuple[float, float]:
    """Seconds until the page's HTML is received, and until its widgets' state is too (as Voilà's front
    end asks for it)."""
    from websockets.sync.client import connect

    t0 = time.perf_counter()
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        body = answer.read()
        if answer.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
    html_s = time.perf_counter() - t0
    kernel = KERNEL_ID.search(body.decode()).group(1)
    origin = url.split("/voila/")[0].rstrip("/") if "/voila/" in url else url.rstrip("/")
    socket_url = origin.replace("http", "ws", 1) + f"/api/kernels/{kernel}/channels?session_id={uuid.uuid4().hex}"
    comm = uuid.uuid4().hex
    deadline = time.monotonic() + timeout
    with connect(socket_url, open_timeout=timeout, max_size=None) as ws:
        ws.send(message("shell", "comm_open", {"comm_id": comm, "target_name": "jupyter.widget.control", "data": {}},
                        {"version": "1.0.0"}))
        ws.send(message("shell", "comm_msg", {"comm_id": comm, "data": {"method": "request_states"}}))
        while time.monotonic() < deadline:
            reply = json.loads(ws.recv(timeout=deadline - time.monotonic()))
            content = reply.get("content", {})
            if (reply.get("msg_type") or reply["header"]["msg_type"]) == "comm_msg" and content.get("comm_id") == comm \
                    and content.get("data", {}).get("method") == "update_states":
                if not content["data"].get("states"):
                    raise RuntimeError("no widget state")
                return html_s, time.perf_counter() - t0
    raise TimeoutError(url)


def burst(url: str, n: int) -> tuple[list[float], list[float], int]:
    """``n`` people open the page at the same instant; (HTML times, usable times of those served, failures)."""
    times: list[tuple[float, float] | None] = [None] * n
    gate = threading.Barrier(n)

    def one(i: int) -> None:
        gate.wait(60)
        try:
            times[i] = usable_page(url)
        except Exception as exc:  # noqa: BLE001 - counted and shown
            print(f"  participant {i}: {type(exc).__name__}: {exc}", file=sys.stderr)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(400)
    served = [t for t in times if t is not None]
    return [t[0] for t in served], [t[1] for t in served], n - len(served)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()


def join_burst(args, tmp: str) -> None:
    print(f"{args.participants} participants joining at the same instant, atelier 01; "
          f"ours: atelier lancer --reserve {args.reserve} --participants {args.participants}, session opened; "
          f"plain: voila {NOTEBOOK} (defaults)")
    print(f"{'round':6} {'server':12} {'ready':>6} {'prep (s)':>9} {'HTML slowest':>13} {'usable median':>14} "
          f"{'usable slowest':>15} {'failed':>7}")
    ratios = []
    for rnd in range(args.rounds):
        log = Path(tmp) / "voila.log"
        proc, url = start("voila", 0, log)
        try:
            plain_html, plain, plain_failed = burst(url, args.participants)
        finally:
            stop(proc)
        print(f"{rnd:6} {'plain voila':12} {'-':>6} {'-':>9} {max(plain_html):13.2f} "
              f"{statistics.median(plain):14.2f} {max(plain):15.2f} {plain_failed:7}", flush=True)
        time.sleep(5)
        log = Path(tmp) / "ateliers.log"
        proc, url = start_ateliers(args.participants, args.reserve, log)
        try:
            ready, prep = open_room(log, args.participants, args.prep_timeout)
            time.sleep(args.settle)  # the conseiller introduces the atelier; the last page settles
            ours_html, ours, ours_failed = burst(url, args.participants)
        finally:
            stop(proc)
        print(f"{rnd:6} {'ateliers':12} {ready:6} {prep:9.1f} {max(ours_html):13.2f} "
              f"{statistics.median(ours):14.2f} {max(ours):15.2f} {ours_failed:7}", flush=True)
        ratios.append((max(ours) / max(plain), statistics.median(ours) / statistics.median(plain)))
        time.sleep(5)
    for rnd, (slowest, median) in enumerate(ratios):
        print(f"round {rnd}: ratio ours / plain voila — slowest usable page {slowest:.3f}, median {median:.3f}")


# -- the older measure: arrivals spread in time (HTML only) ------------------------------------------
def arrivals(url: str, n: int, every: float) -> list[float]:
    times = [0.0] * n

    def one(i: int) -> None:
        t0 = time.perf_counter()
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=300) as r:
            r.read()
        times[i] = time.perf_counter() - t0

    threads = []
    for i in range(n):
        threads.append(threading.Thread(target=one, args=(i,)))
        threads[-1].start()
        time.sleep(every)
    for t in threads:
        t.join(330)
    return times


def spread(args, tmp: str) -> None:
    print(f"{args.participants} arrivals, one every {args.every} s, atelier 01, --reserve 2")
    print(f"{'round':6} {'scenario':28} {'ready':>6} {'median (s)':>11} {'slowest (s)':>12}")
    for rnd in range(args.rounds):
        for scenario in ("reserve only", "live session opened first"):
            log = Path(tmp) / "serveur.log"
            proc, url = start("ateliers", 2, log)
            try:
                ready = open_session(log) if scenario != "reserve only" else 2
                t = arrivals(url, args.participants, args.every)
            finally:
                stop(proc)
            print(f"{rnd:6} {scenario:28} {ready:6} {statistics.median(t):11.2f} {max(t):12.2f}", flush=True)
            time.sleep(5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--reserve", type=int, default=2)
    parser.add_argument("--settle", type=float, default=5, help="seconds between « ready » and the burst")
    parser.add_argument("--prep-timeout", type=float, default=900, help="longest wait for the pages (s)")
    parser.add_argument("--every", type=float, default=None, help="the older measure: one arrival every S s")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ATELIERS_DONNEES"] = tmp  # the benchmark's session stays out of the real one
        (spread if args.every is not None else join_burst)(args, tmp)


if __name__ == "__main__":
    main()
