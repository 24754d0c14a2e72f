"""Live results a room can rely on, checked on the server exactly as ``atelier lancer`` builds it.

A small atelier of its own (two live questions) keeps these tests independent of the ateliers' texts.
"""
from __future__ import annotations

import asyncio
import inspect
import json
import re
import sqlite3
import time
from pathlib import Path

import nbformat
import pytest
import tornado.testing
from tornado.ioloop import IOLoop

from widgets.authoring.notebook import make_notebook
from widgets.kernel.live import JOINED_TEXT, LATE_TEXT, attach_live
from widgets.kernel.outbox import Outbox
from widgets.server import board
from widgets.server.app import make_server
from widgets.server.pool import SessionPool
from widgets.server.presence import PresenceWatch, connected_count, open_connections
from widgets.server.secret import COOKIE, new_secret
from widgets.sessions.store import END, LiveError, LiveStore, new_participant_id
from widgets.workshop.page import build_workshop

ATELIER = "99_essai"
CONTENT = """
titre: Essai en direct
resume: Deux questions pour la salle.
duree: 10
niveau: Débutant
objectifs: [Répondre ensemble.]
competences_pix: ["4.1"]
themes_cra: [SecuriteNumerique]
etapes:
  - titre: Bienvenue
    texte: Bonjour.
  - titre: Première question
    type: choix
    en_direct: true
    question: Un SMS demande de payer un colis. Que faites-vous ?
    options:
      - texte: Je paie
      - texte: Je ne clique pas
        correct: true
  - titre: Deuxième question
    type: vrai_faux
    en_direct: true
    affirmation: La Poste demande de payer par SMS.
    reponse: false
"""
FIRST, SECOND = f"{ATELIER}/2", f"{ATELIER}/3"


@pytest.fixture
def root(tmp_path) -> Path:
    folder = tmp_path / "ateliers" / ATELIER
    folder.mkdir(parents=True)
    (folder / "atelier.yaml").write_text(CONTENT, encoding="utf-8")
    nbformat.write(make_notebook("Essai en direct"), folder / "atelier.ipynb")
    return tmp_path / "ateliers"


@pytest.fixture
def store(tmp_path) -> LiveStore:
    return LiveStore(tmp_path / "donnees")


def participant(root: Path, store: LiveStore, pid: str | None = None, kernel: str | None = None):
    path = build_workshop(root / ATELIER)
    live = attach_live(path, store=store, participant=pid or new_participant_id(), background=False, kernel=kernel)
    live.outbox.flush()  # the page's « I am here » has left
    return path, live


class HeldLock:
    """Another writer holding the base's write lock (what a stuck process would do)."""

    def __init__(self, store: LiveStore):
        self.db = sqlite3.connect(store.path, isolation_level=None, timeout=1)
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("UPDATE sessions SET counts = counts")

    def release(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()


# -- 1. the animateur's actions, on the real application -------------------------------------------
class RealServer(tornado.testing.AsyncHTTPTestCase):
    """The application ``atelier lancer`` serves (``make_server(...).build_app()``), on 127.0.0.1."""

    root: Path

    @pytest.fixture(autouse=True)
    def _folders(self, root, tmp_path):
        self.root, self.data = root, tmp_path / "donnees"

    def slow_fetch(self, path: str, **kwargs):
        """``fetch`` for a page that starts its kernel (seconds on two busy cores)."""
        return self.io_loop.run_sync(lambda: self.http_client.fetch(self.get_url(path), raise_error=False,
                                                                    request_timeout=120, **kwargs), timeout=130)

    def get_app(self):
        self.secret = new_secret()
        self.server = make_server(self.root, "127.0.0.1", 0, reserve=0, secret=self.secret, data_dir=str(self.data))
        return self.server.build_app()

    def tearDown(self):
        self.server.presence.stop()
        for kernel in list(self.server.kernel_manager.list_kernel_ids()):
            self.io_loop.run_sync(lambda k=kernel: self.server.kernel_manager.shutdown_kernel(k, now=True))
        super().tearDown()

    def animateur(self, extra: dict | None = None) -> dict:
        return {"Cookie": f"{COOKIE}={self.secret}", **(extra or {})}


class TestAnimateurActions(RealServer):
    def test_actions_without_the_page_header_are_refused(self):
        body = json.dumps({"action": "nouvelle", "atelier": ATELIER})
        refused = self.fetch("/animateur/action", method="POST", headers=self.animateur(), body=body)
        assert refused.code == 403 and LiveStore(self.data).current_session() is None
        taken = self.fetch("/animateur/action", method="POST", headers=self.animateur({"X-Animateur": "1"}), body=body)
        assert taken.code == 200 and LiveStore(self.data).current_session()["atelier"] == ATELIER

    def test_a_locked_base_never_freezes_the_server(self):
        store = LiveStore(self.data)
        board.start_session(store, self.root, ATELIER)
        lock = HeldLock(store)
        order = []

        async def scenario():
            reveal = self.http_client.fetch(self.get_url("/animateur/action"), method="POST", raise_error=False,
                                            headers=self.animateur({"X-Animateur": "1"}), request_timeout=60,
                                            body=json.dumps({"action": "reveler"}))
            landing = await self.http_client.fetch(self.get_url("/"), request_timeout=60)
            state = await self.http_client.fetch(self.get_url("/animateur/etat"), headers=self.animateur(),
                                                 request_timeout=60)
            order.append(("pages", landing.code, state.code, reveal.done()))
            self.io_loop.call_later(0.5, lock.release)
            done = await reveal
            order.append(("revealed", done.code))

        self.io_loop.run_sync(scenario, timeout=90)
        assert order[0] == ("pages", 200, 200, False)  # served while the base was still locked
        assert order[1] == ("revealed", 200) and FIRST in store.current_session()["revealed"]


class TestBoardPush(RealServer):
    """The board is told of each change by the server (``/animateur/flux``), without asking again."""

    async def read_events(self, until, timeout: float = 30.0) -> list[dict]:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.get_http_port())
        writer.write(f"GET /animateur/flux HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {COOKIE}={self.secret}\r\n\r\n".encode())
        await writer.drain()
        events, deadline = [], time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                line = await asyncio.wait_for(reader.readline(), deadline - time.monotonic())
                text = line.decode("utf-8", "replace")
                if '"session"' in text:  # a chunk holding one « data: {…} » event
                    events.append(json.loads(text[text.index("{"):]))
                    if until(events):
                        break
        finally:
            writer.close()
        return events

    def test_an_answer_written_by_a_kernel_is_pushed_to_the_board(self):
        store = LiveStore(self.data)
        session = board.start_session(store, self.root, ATELIER)
        requests = []
        self._app.log_request = lambda handler: requests.append(handler.request.path)

        async def scenario():
            def answered(events):
                if len(events) == 1:  # the board's first state: now a participant's kernel answers
                    IOLoop.current().run_in_executor(None, store.record_answer, session, FIRST, new_participant_id(), "1")
                return events[-1]["courant"]["total"] == 1
            return await self.read_events(answered)

        events = self.io_loop.run_sync(scenario, timeout=60)
        assert events[0]["courant"]["total"] == 0 and events[-1]["courant"]["total"] == 1
        assert "/animateur/etat" not in requests  # pushed, never asked for

    def test_the_feed_is_refused_without_the_key(self):
        assert self.fetch("/animateur/flux").code == 403


class TestLeavingAPage(RealServer):
    def test_an_atelier_page_sets_the_cookie_its_leaving_request_needs_and_frees_its_kernel(self):
        page = self.slow_fetch(f"/voila/render/{ATELIER}/atelier.ipynb")
        assert page.code == 200
        cookie = re.search(r"_xsrf=([^;]+)", page.headers.get("Set-Cookie", ""))
        assert cookie, "the page must set the _xsrf cookie"
        kernel = re.search(r'"kernelId":\s*"([a-f0-9-]+)"', page.body.decode()).group(1)
        assert kernel in self.server.kernel_manager.list_kernel_ids()
        left = self.fetch(f"/voila/api/shutdown/{kernel}", method="POST", body=f"_xsrf={cookie.group(1)}",
                          headers={"Cookie": f"_xsrf={cookie.group(1)}",
                                   "Content-Type": "application/x-www-form-urlencoded"})
        assert left.code == 204 and kernel not in self.server.kernel_manager.list_kernel_ids()


# -- 3. who counts as « connecté » ----------------------------------------------------------------
def test_connected_means_a_page_open_on_its_kernel(root, store):
    session = board.start_session(store, root, ATELIER)
    kernels = [f"{i:08x}-0000-4000-8000-000000000000" for i in range(3)]
    for i, kernel in enumerate(kernels):
        participant(root, store, f"personne{i:02d}", kernel)
    pages = store.pages(session)
    assert connected_count(pages, {k: 1 for k in kernels}) == 3
    assert connected_count(pages, {kernels[0]: 1, kernels[1]: 0}) == 1  # two pages closed: at once
    assert board.board_state(store, root, {kernels[2]: 2})["connectes"] == 1


def test_a_kernel_whose_page_is_gone_stops_and_starts_again_when_touched(root, store, monkeypatch):
    session = board.start_session(store, root, ATELIER)
    kernel = "0000abcd-0000-4000-8000-000000000000"
    path, live = participant(root, store, kernel=kernel)
    assert live.outbox.flush()
    live.run_in_background()
    assert live.watching

    watch = PresenceWatch(store, lambda: None)
    watch._mark({kernel: 0})  # the server sees no connection: the page was closed
    monkeypatch.setattr("widgets.kernel.live.GONE_SECONDS", -1)
    deadline = time.monotonic() + 30  # a loaded machine: the loop looks every second or so
    while live.watching and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not live.watching  # no more background work for a page that is gone
    path.go(2)  # the participant is back (the page reconnected) and moves on
    assert live.watching
    watch._mark({kernel: 1})
    assert store.page_gone_since(session, live.participant) is None
    live.stop.set()


# -- 4 and 5. a busy base: nothing freezes, nothing is lost, the participant is told ------------------
def test_answers_given_while_the_base_is_locked_are_kept_afterwards(root, store):
    session = board.start_session(store, root, ATELIER)
    pages = [participant(root, LiveStore(store.folder, retries=2, busy_seconds=0.5)) for _ in range(3)]
    lock = HeldLock(store)
    try:
        started = time.monotonic()
        for path, live in pages:
            path.go(1)
            live.exercises[FIRST].choose(1)
        assert time.monotonic() - started < 2  # the clicks did not wait for the base
        time.sleep(10)  # the lock is held for 10 s
        assert store.counts(session, FIRST) == {}
    finally:
        lock.release()
    for _path, live in pages:
        assert live.outbox.flush(timeout=30)
    assert store.counts(session, FIRST) == {"1": 3}  # none lost, none twice


def test_an_answer_that_cannot_be_kept_is_said_kindly_and_sent_later(root, store):
    session = board.start_session(store, root, ATELIER)
    path, live = participant(root, LiveStore(store.folder, retries=1, busy_seconds=0.2))
    live.outbox = Outbox(on_late=live._show_late, on_sent=live._show_sent, patience=0.5, retry_later=0.5)
    path.go(1)
    lock = HeldLock(store)
    try:
        live.exercises[FIRST].choose(1)
        deadline = time.monotonic() + 15
        while LATE_TEXT.split(".")[0] not in live.reveal_boxes[FIRST].text and time.monotonic() < deadline:
            time.sleep(0.1)
        assert LATE_TEXT.split(".")[0] in live.reveal_boxes[FIRST].text
        assert path.index == 1 and live.exercises[FIRST].solved  # the participant keeps their place
    finally:
        lock.release()
    deadline = time.monotonic() + 15
    while store.counts(session, FIRST) != {"1": 1} and time.monotonic() < deadline:
        time.sleep(0.2)
    assert store.counts(session, FIRST) == {"1": 1}
    assert "bien arrivée" in live.reveal_boxes[FIRST].text


# -- 6. a page opened before « Nouvelle session » joins it and says so -------------------------------
def test_a_page_opened_before_a_new_session_joins_it_and_says_so(root, store):
    first = board.start_session(store, root, ATELIER)
    path, live = participant(root, store)
    path.go(1)
    live.exercises[FIRST].choose(0)
    assert live.outbox.flush()
    second = board.start_session(store, root, ATELIER)
    assert live.poll()
    assert JOINED_TEXT in live.notice.text
    path.go(2)
    live.exercises[SECOND].choose(1)
    assert live.outbox.flush()
    assert store.counts(second, SECOND) == {"1": 1} and store.counts(first, SECOND) == {}
    assert store.counts(first, FIRST) == {"0": 1} and store.counts(second, FIRST) == {}
    assert board.board_state(store, root)["rejoints"] == 1


def test_a_page_opened_before_any_session_joins_the_first_one(root, store):
    path, live = participant(root, store)
    assert live.session is None
    session = board.start_session(store, root, ATELIER)
    assert live.poll() and live.session == session and live.notice.text


# -- 7. the session pool and Voilà's kernel manager ------------------------------------------------
def test_the_kernel_manager_still_offers_what_the_session_pool_uses(root, tmp_path):
    """The pool uses Voilà's preheating manager (Voilà is pinned below 0.6): a change there fails here."""
    server = make_server(root, "127.0.0.1", 0, reserve=1, secret=new_secret(), data_dir=str(tmp_path / "d"))
    server.build_app()
    server.presence.stop()
    manager = server.kernel_manager
    assert isinstance(manager.kernel_pools_config, dict) and isinstance(manager._pools, dict)
    parameters = inspect.signature(manager.fill_if_needed).parameters
    assert {"delay", "notebook_name"} <= set(parameters)
    assert SessionPool(lambda: manager, 1, 3).manager is manager
    assert callable(manager.list_kernels) and callable(manager.shutdown_kernel)


def test_a_kernel_still_starting_does_not_hide_the_others():
    class Kernels:
        def list_kernel_ids(self):
            return ["pret", "demarre"]

        def kernel_model(self, kernel):
            if kernel == "demarre":  # Jupyter Server raises while a kernel has no last activity yet
                raise ValueError("last_activity")
            return {"id": kernel, "connections": 2}

    assert open_connections(Kernels()) == {"pret": 2, "demarre": 0}


def test_the_idle_culler_leaves_a_starting_kernel_alone(root, tmp_path):
    """A kernel with no activity yet (starting) made Jupyter Server print an English traceback."""
    import asyncio

    from widgets.server.kernels import AtelierKernelManager

    server = make_server(root, "127.0.0.1", 0, reserve=0, secret=new_secret(), data_dir=str(tmp_path / "d"))
    server.build_app()
    server.presence.stop()
    manager = server.kernel_manager
    assert isinstance(manager, AtelierKernelManager)

    class Starting:
        _trait_values: dict = {}

    manager._kernels["demarre"] = Starting()
    try:
        assert asyncio.run(manager.cull_kernel_if_idle("demarre")) is None  # no error, nothing culled
    finally:
        del manager._kernels["demarre"]


# -- the board between exercises and at the end (issue 18) ------------------------------------------
def test_the_board_goes_forward_to_a_summary_and_back_with_results_as_they_were(root, store):
    session = board.start_session(store, root, ATELIER)
    for n, choice in enumerate(["1", "1", "0"]):  # two right, one wrong
        store.record_answer(session, FIRST, f"participant{n:04d}", choice)
    store.record_answer(session, SECOND, "participant0000", "1")  # « Faux »: right
    board.reveal_current(store, root)
    assert board.next_exercise(store, root) == SECOND
    assert board.next_exercise(store, root) == END  # after the last one: the end, not the first again
    state = board.board_state(store, root)
    assert state["courant"] is None
    assert state["fin"]["repondants"] == 3
    first, second = state["fin"]["exercices"]
    assert (first["titre"], first["total"], first["justes"]) == ("Première question", 3, 67)
    assert (second["total"], second["justes"]) == (1, 100)
    assert board.next_exercise(store, root) == END  # stays at the end
    with pytest.raises(LiveError, match="←"):
        board.reveal_current(store, root)
    assert board.previous_exercise(store, root) == SECOND
    assert board.previous_exercise(store, root) == FIRST
    shown = board.board_state(store, root)["courant"]
    assert shown["revele"] and {b["libelle"]: b["nombre"] for b in shown["barres"]} == {"Je paie": 1, "Je ne clique pas": 2}
    assert board.previous_exercise(store, root) == FIRST  # nothing before the first


def test_a_remote_pressed_twice_quickly_moves_twice(root, store, monkeypatch):
    """Each press is an action run in one of the server's threads; two at once must not read the same
    current exercise and both write the same next one."""
    import threading

    board.start_session(store, root, ATELIER)
    write = store.set_current
    monkeypatch.setattr(store, "set_current", lambda *a: (time.sleep(0.3), write(*a)))  # a busy base
    presses = [threading.Thread(target=board.next_exercise, args=(store, root)) for _ in range(2)]
    for press in presses:
        press.start()
    for press in presses:
        press.join(30)
    assert store.current_session()["current"] == END  # first → second → the summary


def test_the_number_of_people_expected_is_checked_in_french():
    from widgets.server.animateur import expected_people

    assert expected_people("12") == 12 and expected_people("") is None and expected_people(None) is None
    for wrong in ("douze", "0", "-3", "100000", "1e3", "12; DROP"):
        with pytest.raises(LiveError, match="participants attendus"):
            expected_people(wrong)


def test_a_photo_of_fifteen_megabytes_reaches_its_kernel(root, tmp_path):
    """Tornado closes a websocket on a message over 10 MiB by default: the page would stop answering
    instead of the atelier saying « trop gros » in French."""
    from tornado.websocket import WebSocketHandler

    app = make_server(root, "127.0.0.1", 0, reserve=0, data_dir=str(tmp_path / "d")).build_app()
    socket = WebSocketHandler.__new__(WebSocketHandler)
    socket.application = app
    assert socket.max_message_size >= 20 * 1024 * 1024
