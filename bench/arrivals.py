"""Benchmark: 20 participants arriving one after the other, with and without a live session opened first.

Serves atelier 01 with ``atelier lancer --reserve 2``; requests its page N times, one every
``--every`` seconds (0 = all at once), and prints the median and slowest page time. Then the same on a
fresh server where the conseiller opened a live session beforehand (``--reserve-session``, 6 pages
ready). Same run, same machine; only 127.0.0.1 is contacted.
Usage:  .venv/bin/python bench/arrivals.py [--every 0.5] [--participants 20] [--rounds 2]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from first_load import open_session, start  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.5)
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ATELIERS_DONNEES"] = tmp  # the benchmark's session stays out of the real one
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
                    proc.terminate()
                    proc.wait(30)
                print(f"{rnd:6} {scenario:28} {ready:6} {statistics.median(t):11.2f} {max(t):12.2f}", flush=True)
                time.sleep(5)


if __name__ == "__main__":
    main()
