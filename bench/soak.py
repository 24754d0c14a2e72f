"""Soak: a room of participants in real browser pages for several minutes, against the real server.

Each participant joins by the QR code's address (``/rejoindre``), answers the live question on the
board, reloads, leaves and comes back by the same address; the animateur moves on and reveals. At the
end everyone leaves. Printed: answers given against answers counted (none lost, none twice), errors in
the server's terminal, server plus kernels memory at the start and 30 s after everyone left (ratio),
kernels still running beyond the prepared pages, and how long the board took to show 0 « connectés ».
Only 127.0.0.1 is contacted; every loop is bounded in time.
Usage:  .venv/bin/python bench/soak.py [--participants 30] [--minutes 10] [--reserve 1] [--expected 6]
"""
from __future__ import annotations

import argparse
import html
import http.cookiejar
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import psutil

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
SETTLE_SECONDS = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class SoakResult:
    participants: int
    seconds: float
    actions: dict[str, int] = field(default_factory=dict)
    answered: dict[str, int] = field(default_factory=dict)  # exercise → participants who answered
    counted: dict[str, int] = field(default_factory=dict)   # exercise → answers the board counts
    terminal_errors: list[str] = field(default_factory=list)
    memory_start_mib: float = 0.0
    memory_end_mib: float = 0.0
    server_mib: tuple[float, float] = (0.0, 0.0)  # the server process alone, start and end
    kernels_start: int = 0
    kernels_end: int = 0
    seconds_to_zero_connected: float | None = None
    most_connected_seen: int = 0

    @property
    def lost(self) -> int:
        return sum(max(0, n - self.counted.get(e, 0)) for e, n in self.answered.items())

    @property
    def doubled(self) -> int:
        return sum(max(0, n - self.answered.get(e, 0)) for e, n in self.counted.items())

    @property
    def memory_ratio(self) -> float:
        return self.memory_end_mib / self.memory_start_mib if self.memory_start_mib else 0.0


class Animateur:
    """The conseiller's actions, through the same protected requests as the board's buttons."""

    def __init__(self, key_url: str):
        self.base = key_url.split("animateur?")[0]
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.opener.open(key_url, timeout=30).read()

    def state(self) -> dict:
        return json.loads(self.opener.open(self.base + "animateur/etat", timeout=60).read())

    def act(self, action: str, **extra) -> None:
        request = urllib.request.Request(self.base + "animateur/action", method="POST",
                                         data=json.dumps({"action": action, **extra}).encode(),
                                         headers={"X-Animateur": "1", "Content-Type": "application/json"})
        self.opener.open(request, timeout=60).read()


def server_tree(proc: subprocess.Popen) -> list[psutil.Process]:
    try:
        root = psutil.Process(proc.pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def memory_mib(proc: subprocess.Popen) -> tuple[float, float]:
    """(server, kernels) memory in MiB (USS: what each process alone holds)."""
    server = kernels = 0
    for i, p in enumerate(server_tree(proc)):
        try:
            uss = p.memory_full_info().uss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        if i == 0:
            server += uss
        else:
            kernels += uss
    return server / 2**20, kernels / 2**20


def settled_memory(proc: subprocess.Popen, timeout: float = 60) -> tuple[float, float]:
    """Memory once it stops moving (kernels that just started are still running their notebook)."""
    before = memory_mib(proc)
    deadline = time.time() + timeout
    while time.time() < deadline:
        time.sleep(3)
        now = memory_mib(proc)
        if abs(sum(now) - sum(before)) < 0.01 * sum(before):
            return now
        before = now
    return before


def kernel_count(proc: subprocess.Popen) -> int:
    return sum(1 for p in server_tree(proc)[1:] if "ipykernel" in " ".join(p.cmdline()))


def settled_kernels(proc: subprocess.Popen, quiet: float = 12, timeout: float = 300) -> int:
    """The number of kernels once no new one started for ``quiet`` seconds: the server fills its pools
    one kernel at a time (every atelier's reserve, then the session's pages), so the start of the soak
    is measured once they are all there."""
    count, since, deadline = kernel_count(proc), time.time(), time.time() + timeout
    while time.time() < deadline and time.time() - since < quiet:
        time.sleep(1)
        now = kernel_count(proc)
        if now != count:
            count, since = now, time.time()
    return count


class Participant:
    """One person in the room, with their own browser context (the QR code's cookie is theirs)."""

    def __init__(self, browser, base: str, width: int, height: int):
        self.base = base
        self.context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
        self.context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
            ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")) else r.abort())
        self.page = None
        self.id = ""
        self.answered: set[str] = set()

    @property
    def here(self) -> bool:
        return self.page is not None

    def join(self) -> None:
        self.page = self.context.new_page()
        self.page.goto(self.base + "rejoindre", timeout=180_000)
        self.page.wait_for_selector("button.atelier-suivant", timeout=180_000)
        self.id = parse_qs(urlparse(self.page.url).query).get("participant", [""])[0]

    def reload(self) -> None:
        self.page.reload(timeout=180_000)
        self.page.wait_for_selector("button.atelier-suivant", timeout=180_000)

    def leave(self) -> None:
        self.page.close(run_before_unload=True)
        self.page = None

    def go_to(self, index: int) -> None:
        for _ in range(60):
            header = self.page.inner_text(".etape-numero", timeout=30_000)
            shown = int(re.search(r"Étape (\d+)", header).group(1)) - 1
            if shown == index:
                return
            button = "button.atelier-suivant" if shown < index else "button.atelier-precedent"
            self.page.click(button, timeout=30_000)
            self.page.wait_for_function(
                "h => !document.querySelector('.etape-numero') || document.querySelector('.etape-numero').innerText !== h",
                arg=header, timeout=30_000)

    def answer(self, exercise: str, title: str, question: str = "") -> bool:
        """Press an option of the live question on screen; True if one was pressed."""
        index = int(exercise.rsplit("/", 1)[1]) - 1
        self.go_to(index)
        # the step's title and body arrive in separate widget messages: wait for both to be this step's
        # (under load the previous step's body, with options of its own, can still be on screen)
        self.page.wait_for_function("t => (document.querySelector('.etape-titre') || {}).innerText === t",
                                    arg=title, timeout=30_000)
        self.page.wait_for_function(
            """q => { const body = document.querySelector('.atelier-parcours-corps');
                      return !!body && body.innerText.replace(/\\s+/g, '').includes(q); }""",
            arg=question_start(question), timeout=30_000)
        self.page.wait_for_timeout(500)
        options = self.page.locator(".atelier-parcours-corps button.atelier-option:not([disabled])")
        if options.count() == 0:
            return False
        options.nth(random.randrange(options.count())).click(timeout=30_000)
        self.page.wait_for_timeout(300)
        self.answered.add(exercise)
        return True


def question_start(question_html: str) -> str:
    """The first letters of a question as the page shows them, spaces left out (tags and spaces vary)."""
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", question_html)))[:30]


def run_soak(participants: int = 30, seconds: float = 600, reserve: int = 1, session_reserve: int = 6,
             atelier: str | None = None, seed: int = 1, say=print) -> SoakResult:
    """Run the room; never raises for what it measures (the result says it)."""
    from playwright.sync_api import sync_playwright

    random.seed(seed)
    port = free_port()
    data = Path(tempfile.mkdtemp(prefix="soak-"))
    log = data / "terminal.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "widgets.cli.main", "lancer", "--adresse", "127.0.0.1",
                                 "--port", str(port), "--reserve", str(reserve), "--participants",
                                 str(session_reserve), "--donnees", str(data / "donnees")],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    result = SoakResult(participants, seconds)
    try:
        deadline = time.time() + 120
        key = None
        while key is None and time.time() < deadline:
            key = re.search(r"http://127\.0\.0\.1:\d+/animateur\?cle=\S+", log.read_text(encoding="utf-8"))
            time.sleep(0.5)
        board = Animateur(key.group(0))
        choices = [a["id"] for a in board.state()["ateliers"]]
        board.act("nouvelle", atelier=atelier or choices[0])
        deadline = time.time() + 120 + 20 * session_reserve  # the conseiller introduces it; pages get ready
        while ((board.state().get("pages_pretes") or {}).get("pretes", 0) < session_reserve
               and time.time() < deadline):
            time.sleep(1)
        settled_kernels(proc)
        server, kernels = settled_memory(proc)
        result.memory_start_mib, result.kernels_start = server + kernels, kernel_count(proc)
        say(f"start: {result.kernels_start} kernels ready, {result.memory_start_mib:.0f} MiB")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            room = [Participant(browser, f"http://127.0.0.1:{port}/", *random.choice([(360, 740), (1024, 768)]))
                    for _ in range(participants)]
            for person in room:
                person.join()
            end = time.time() + seconds
            last_move = time.time()
            while time.time() < end:
                for person in room:
                    if time.time() >= end:
                        break
                    state = board.state()
                    current = (state.get("courant") or {}).get("id")
                    title = (state.get("courant") or {}).get("titre", "")
                    question = (state.get("courant") or {}).get("question", "")
                    result.most_connected_seen = max(result.most_connected_seen, state.get("connectes", 0))
                    action = random.choices(["answer", "reload", "leave", "wait"], [5, 2, 1, 2])[0]
                    try:
                        if not person.here:
                            person.join()
                            action = "come_back"
                        elif action == "answer" and current and current not in person.answered:
                            if not person.answer(current, title, question):
                                action = "wait"
                        elif action == "reload":
                            person.reload()
                        elif action == "leave":
                            person.leave()
                    except Exception as exc:  # noqa: BLE001 - counted, the soak goes on
                        action = f"failed:{type(exc).__name__}"
                    result.actions[action] = result.actions.get(action, 0) + 1
                if time.time() - last_move > 45:  # the animateur reveals, then moves on
                    if board.state().get("fin") is None:
                        board.act("reveler")
                        board.act("suivant")
                    else:  # past the last live question (the summary): back to the first one
                        for _ in range(30):
                            if (board.state().get("courant") or {}).get("position") == 1:
                                break
                            board.act("precedent")
                    last_move = time.time()
            for person in room:
                if person.here:
                    person.leave()
            left_at = time.time()
            while time.time() - left_at < 60:
                if board.state().get("connectes", 0) == 0:
                    result.seconds_to_zero_connected = time.time() - left_at
                    break
                time.sleep(0.5)
            for person in room:
                person.context.close()
            browser.close()
            for person in room:
                for exercise in person.answered:
                    result.answered[exercise] = result.answered.get(exercise, 0) + 1
        time.sleep(SETTLE_SECONDS)
        end_server, end_kernels = memory_mib(proc)
        result.memory_end_mib, result.kernels_end = end_server + end_kernels, kernel_count(proc)
        result.server_mib = (server, end_server)
        from widgets.sessions.store import LiveStore

        store = LiveStore(data / "donnees")
        session = store.current_session()["id"]
        for exercise in set(result.answered) | {e["id"] for e in board.state()["exercices"]}:
            total = sum(store.counts(session, exercise).values())
            if total:
                result.counted[exercise] = total
    finally:
        proc.send_signal(2)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        result.terminal_errors = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
                                  if re.search(r"Traceback|died|Error|ERROR|restart", line)]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--reserve", type=int, default=1)
    parser.add_argument("--expected", type=int, default=6, help="participants expected: pages prepared for the session")
    parser.add_argument("--atelier", default=None)
    args = parser.parse_args()
    r = run_soak(args.participants, args.minutes * 60, args.reserve, args.expected, args.atelier)
    print(f"\n{r.participants} participants, {r.seconds / 60:.1f} min; actions: {r.actions}")
    print(f"answers given (participants per exercise): {r.answered}")
    print(f"answers counted by the board:              {r.counted}")
    print(f"lost: {r.lost}   counted twice: {r.doubled}   errors in the terminal: {len(r.terminal_errors)}")
    print(f"most « connectés » seen: {r.most_connected_seen}; back to 0 after everyone left: "
          f"{r.seconds_to_zero_connected if r.seconds_to_zero_connected is None else round(r.seconds_to_zero_connected, 1)} s")
    print(f"kernels: {r.kernels_start} ready at the start, {r.kernels_end} running {SETTLE_SECONDS} s after everyone left")
    print(f"memory (server + kernels, USS): {r.memory_start_mib:.0f} MiB at the start, {r.memory_end_mib:.0f} MiB "
          f"{SETTLE_SECONDS} s after everyone left (ratio {r.memory_ratio:.2f}); the server alone: "
          f"{r.server_mib[0]:.0f} → {r.server_mib[1]:.0f} MiB")


if __name__ == "__main__":
    main()
