"""Benchmark: delay between a participant's click and the projected board showing it, 20 participants connected.

Starts ``atelier lancer`` on 127.0.0.1, opens two animateur pages and a new session of atelier 01: the
board as it is (the server pushes each change) and, as the baseline in the same run, the same board
with the push taken away (it then asks for the state every 0.5 s, its fallback and what every board did
before the push). Connects N participant pages (Chromium), brings them to the first live question,
then lets K of them answer one after the other and measures, for each, the time from the click to each
board's count changing. Prints median and p95, and the ratios push / asking.
Only 127.0.0.1 is contacted; every loop is bounded.  Usage:
    .venv/bin/python bench/live_delay.py [--participants 20] [--answers 20]
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser_helpers import go_to_step_titled  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402

QUESTION = "Taper une adresse ou chercher ?"
ANSWER = "Taper impots.gouv.fr dans la barre d'adresse"


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--answers", type=int, default=20)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    server = Server(tmp, reserve=2, extra_env={"ATELIERS_DONNEES": str(tmp / "donnees")})
    try:
        key_url = re.search(r"http://127\.0\.0\.1:\d+/animateur\?cle=\S+", server.log.read_text()).group(0)
        with sync_playwright() as p:
            # Many pages in one headless Chromium: keep background ones rendering and timing as on their own devices.
            args_ = CHROMIUM_ARGS + ["--disable-renderer-backgrounding", "--disable-background-timer-throttling",
                                     "--disable-backgrounding-occluded-windows"]
            projector = p.chromium.launch(executable_path=CHROMIUM, args=args_)
            browser = p.chromium.launch(executable_path=CHROMIUM, args=args_)
            board = projector.new_page(viewport={"width": 1024, "height": 768})
            board.on("dialog", lambda d: d.accept())
            board.goto(key_url)
            board.select_option("#choix-atelier", "01_navigateur")
            board.fill("#attendus", str(min(args.participants, 60)))
            board.click("#nouvelle")
            board.wait_for_selector("#exercice-titre:not(:text('…'))")
            asking = projector.new_context(viewport={"width": 1024, "height": 768})
            asking.add_init_script("delete window.EventSource;")  # the same board without the push
            asking_board = asking.new_page()
            asking_board.goto(key_url)
            asking_board.wait_for_selector("#exercice-titre:not(:text('…'))")
            pages = []
            t0 = time.perf_counter()
            for _ in range(args.participants):
                page = browser.new_page(viewport={"width": 360, "height": 740})
                page.goto(server.url + "rejoindre", wait_until="commit")
                page.wait_for_selector(".etape-titre", timeout=120_000)
                go_to_step_titled(page, QUESTION)  # the atelier's first live question, wherever it is
                pages.append(page)
            connect_s = time.perf_counter() - t0
            board.wait_for_function(f"document.getElementById('participants').textContent.includes('{args.participants}')",
                                    timeout=60_000)
            round_trips = []
            for _ in range(10):
                t = time.perf_counter()
                board.evaluate("fetch('/animateur/etat', {credentials: 'same-origin'}).then(r => r.text())")
                round_trips.append(time.perf_counter() - t)
            delays, asked_delays = [], []
            for n, page in enumerate(pages[: args.answers], start=1):
                wanted = f"{n} réponse" + (" reçue" if n == 1 else "s reçues")
                shown = f"document.getElementById('total').textContent.startsWith('{wanted}')"
                for b in (board, asking_board):  # both boards note the instant they show the count
                    b.evaluate(f"""() => {{ window.seen = 0; const look = () => {{ if ({shown}) {{ window.seen = performance.timeOrigin + performance.now(); }} else {{ requestAnimationFrame(look); }} }}; look(); }}""")
                t = time.time() * 1000
                page.get_by_role("button", name=ANSWER).click()
                for b, found in ((board, delays), (asking_board, asked_delays)):
                    b.wait_for_function("window.seen > 0", timeout=30_000)
                    found.append((b.evaluate("window.seen") - t) / 1000)
            browser.close()
            projector.close()
    finally:
        server.stop()
    def p95(values):
        return sorted(values)[max(0, round(0.95 * len(values)) - 1)]

    base = statistics.median(round_trips)
    print(f"{args.participants} participants connected one after the other (all at the question after {connect_s:.1f} s)")
    print(f"board state round trip, median of 10: {base * 1000:.0f} ms")
    for name, found in (("pushed board", delays), ("board asking every 0.5 s (baseline)", asked_delays)):
        print(f"click → projected count, {name}: median {statistics.median(found) * 1000:.0f} ms, "
              f"p95 {p95(found) * 1000:.0f} ms, max {max(found) * 1000:.0f} ms ({len(found)} answers)")
    print(f"ratio pushed / asking: median {statistics.median(delays) / statistics.median(asked_delays):.2f}, "
          f"p95 {p95(delays) / p95(asked_delays):.2f}")


if __name__ == "__main__":
    main()
