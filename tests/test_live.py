"""Live group answers: the store under load, the participant hooks, the report, the animateur's pages."""
from __future__ import annotations

import asyncio
import csv
import io
import json
import multiprocessing
import shutil
import threading
from pathlib import Path

import pytest
import tornado.testing
import tornado.web
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.cli import main as cli
from widgets.components.choice import ChoiceExercise
from widgets.components.sorting import SortingExercise
from widgets.components.spot import SpotExercise
from widgets.components.true_false_series import TrueFalseSeries
from widgets.content.names import notebook_path as notebook_of
from widgets.kernel.live import attach_live
from widgets.server import board
from widgets.server.animateur import live_handlers
from widgets.server.pool import SessionPool
from widgets.server.secret import COOKIE, is_valid, new_secret
from widgets.sessions.store import LiveError, LiveStore, new_participant_id
from widgets.workshop.page import build_workshop

ROOT = Path(__file__).resolve().parent.parent / "ateliers"
EX = "01_navigateur/4"  # « Taper une adresse ou chercher ? », en_direct: true


@pytest.fixture
def store(tmp_path):
    return LiveStore(tmp_path / "donnees")


def _answer_in_process(folder: str, session: str, barrier, index: int) -> None:
    s = LiveStore(folder)
    barrier.wait()
    s.record_answer(session, EX, f"processus{index:04d}", str(index % 3))


def test_30_threads_answering_at_once_lose_nothing(store):
    session = store.open_session("01_navigateur", EX)
    barrier = threading.Barrier(30)
    errors = []

    def answer(i):
        barrier.wait()
        try:
            LiveStore(store.folder).record_answer(session, EX, f"fil{i:06d}", str(i % 3))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(i,)) for i in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert store.counts(session, EX) == {"0": 10, "1": 10, "2": 10}


def test_30_processes_answering_at_once_lose_nothing(store):
    session = store.open_session("01_navigateur", EX)
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(30)
    procs = [ctx.Process(target=_answer_in_process, args=(str(store.folder), session, barrier, i)) for i in range(30)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0] * 30
    assert sum(store.counts(session, EX).values()) == 30
    assert store.joined(session) == 30


def test_only_the_first_answer_of_each_participant_is_counted(store):
    session = store.open_session("01_navigateur", EX)
    store.record_answer(session, EX, "personne01", "2")
    store.record_answer(session, EX, "personne01", "0")
    store.record_answer(session, EX, "personne02", "0")
    assert store.counts(session, EX) == {"2": 1, "0": 1}


def test_unknown_session_or_exercise_is_refused_in_french(store):
    session = store.open_session("01_navigateur", EX)
    with pytest.raises(LiveError, match="session n'existe pas"):
        store.record_answer("0" * 16, EX, "personne01", "0")
    with pytest.raises(LiveError, match="exercice"):
        store.record_answer(session, "02_courriel/3", "personne01", "0")
    with pytest.raises(LiveError, match="exercice n'existe pas"):
        store.record_answer(session, "../../etc", "personne01", "0")
    store.open_session("01_navigateur", EX)  # « Nouvelle session » closes the old one
    with pytest.raises(LiveError, match="terminée"):
        store.record_answer(session, EX, "personne01", "0")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(exercise=st.text(max_size=80), participant=st.text(max_size=80), choice=st.text(max_size=400),
       session=st.text(max_size=40))
def test_hostile_answers_never_crash(store, exercise, participant, choice, session):
    try:
        store.record_answer(session, exercise, participant, choice)
    except LiveError as exc:
        assert str(exc) and str(exc)[0].isupper()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(counts=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                           lambda inner: st.dictionaries(st.text(max_size=20), inner, max_size=6), max_leaves=15))
def test_hostile_counts_never_crash(store, counts):
    session = store.current_session() or {"id": store.open_session("01_navigateur", EX)}
    try:
        clean = store.set_counts(session["id"], counts)
    except LiveError as exc:
        assert "nombre" in str(exc) or "lisibles" in str(exc)
    else:
        assert all(isinstance(v, int) and 0 <= v <= 999 for g in clean.values() for v in g.values())


@given(st.text(max_size=300))
def test_only_the_secret_opens_the_page(text):
    secret = "cle-de-test-123456"
    assert is_valid(text, secret) == (text == secret)
    assert not is_valid(text, "")


# -- participant kernels ---------------------------------------------------------------------
def _participant(store, pid):
    path = build_workshop(ROOT / "01_navigateur")
    return path, attach_live(path, store=store, participant=pid, background=False)


def test_answers_reach_the_board_and_the_reveal_reaches_the_participant(store):
    board.start_session(store, ROOT, "01_navigateur")
    path, live = _participant(store, new_participant_id())
    path.go(3)  # after « Ce que je sais déjà »
    exercise = live.exercises[EX]
    exercise.choose(2)  # « Ouvrir le lien reçu par SMS au sujet des impôts »: wrong
    exercise.choose(0)
    assert live.outbox.flush()  # answers leave without making the click wait: here, they have arrived
    live.poll()
    state = board.board_state(store, ROOT)
    assert state["connectes"] == 1
    assert state["courant"]["total"] == 1 and "barres" not in state["courant"]  # hidden until revealed
    assert live.reveal_boxes[EX].value == ""
    board.reveal_current(store, ROOT)
    state = board.board_state(store, ROOT)
    counted = {b["libelle"]: b["nombre"] for b in state["courant"]["barres"]}
    assert counted["Ouvrir le lien reçu par SMS au sujet des impôts"] == 1 and counted["Taper impots.gouv.fr dans la barre d'adresse"] == 0
    assert "impots.gouv.fr" in state["courant"]["bonne_reponse"]
    live.poll()
    assert "Taper impots.gouv.fr" in live.reveal_boxes[EX].text
    assert board.next_exercise(store, ROOT) == "01_navigateur/5"


def test_a_reloaded_page_comes_back_where_it_was(store):
    board.start_session(store, ROOT, "01_navigateur")
    pid = new_participant_id()
    path, live = _participant(store, pid)
    path.go(3)  # after « Ce que je sais déjà »
    live.exercises[EX].choose(1)
    live.exercises[EX].choose(0)
    path.go(5)
    assert live.outbox.flush()
    again, live2 = _participant(store, pid)  # same id in the address: a reload
    assert again.index == 5  # restored while the page was built, before it is displayed
    assert live2.exercises[EX].solved and live2.exercises[EX].first_choice == "1"
    assert store.counts(store.current_session()["id"], EX) == {"1": 1}  # replaying adds no answer
    assert live2.restore() is True and again.index == 5  # restoring twice changes nothing
    assert store.counts(store.current_session()["id"], EX) == {"1": 1}
    other, live3 = _participant(store, new_participant_id())
    assert live3.restore() is False and other.index == 0


def test_without_voila_nothing_is_hooked(monkeypatch):
    for name in ("VOILA_KERNEL_ID", "VOILA_REQUEST_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    assert attach_live(build_workshop(ROOT / "01_navigateur")) is None


# -- the report ------------------------------------------------------------------------------
def test_bilan_csv_and_json(store, capsys):
    session = board.start_session(store, ROOT, "01_navigateur")
    for i in range(3):
        store.touch(session, f"personne{i:02d}", 1)
    store.set_counts(session, {"ages": {"60-69 ans": 2, "70 ans et plus": "1"}, "statuts": {"retraité": 3}})
    assert cli.main(["bilan", "--json", "--donnees", str(store.folder), "--dossier", str(ROOT)]) == 0
    data = json.loads(capsys.readouterr().out)["sessions"]
    assert len(data) == 1
    row = data[0]
    assert row["participants"] == 3 and row["niveau"] == "Débutant" and "NavigationSurInternet" in row["themes_cra"]
    assert row["ages"]["70 ans et plus"] == 1 and row["statuts"]["retraité"] == 3 and row["duree_cra"] == 15
    assert cli.main(["bilan", "--csv", "--donnees", str(store.folder), "--dossier", str(ROOT)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out), delimiter=";"))
    assert rows[0]["participants"] == "3" and rows[0]["age 60-69 ans"] == "2" and rows[0]["type"] == "Collectif"


def test_bilan_without_any_session_says_so(tmp_path, capsys):
    assert cli.main(["bilan", "--donnees", str(tmp_path)]) == 1
    assert "Aucune session" in capsys.readouterr().err


# -- the animateur's pages (in-process Tornado, 127.0.0.1 only) ------------------------------
class TestAnimateurPages(tornado.testing.AsyncHTTPTestCase):
    def get_app(self):
        import tempfile

        self.secret = new_secret()
        self.live = LiveStore(tempfile.mkdtemp())
        return tornado.web.Application(live_handlers("/", ROOT, self.live, self.secret, "http://127.0.0.1:1/rejoindre"),
                                       base_url="/", xsrf_cookies=True)

    def _cookie(self):
        return {"Cookie": f"{COOKIE}={self.secret}"}

    def test_wrong_or_missing_secret_is_refused_in_french(self):
        for url, headers in (("/animateur", {}), ("/animateur?cle=mauvaise", {}), ("/animateur/etat", {}),
                             ("/animateur", {"Cookie": f"{COOKIE}=mauvaise"})):
            r = self.fetch(url, headers=headers, follow_redirects=False)
            assert r.code == 403
            body = r.body.decode()
            assert "réservée à l'animateur" in (json.loads(body)["erreur"] if body.startswith("{") else body)
            assert self.secret not in r.body.decode()

    def test_the_secret_opens_the_page_and_leaves_the_address_bar(self):
        r = self.fetch(f"/animateur?cle={self.secret}", follow_redirects=False)
        assert r.code == 302 and r.headers["Location"] == "/animateur"
        assert "HttpOnly" in r.headers["Set-Cookie"] and "SameSite=Strict" in r.headers["Set-Cookie"]
        page = self.fetch("/animateur", headers=self._cookie()).body.decode()
        assert 'lang="fr"' in page and "<svg" in page and "Révéler" in page and self.secret not in page

    def test_actions_unknown_atelier_and_bad_bodies_are_refused(self):
        post = dict(method="POST", headers={**self._cookie(), "X-Animateur": "1"})
        assert self.fetch("/animateur/action", body=json.dumps({"action": "reveler"}), **post).code == 409
        r = self.fetch("/animateur/action", body=json.dumps({"action": "nouvelle", "atelier": "../secret"}), **post)
        assert r.code == 404 and "n'existe pas" in json.loads(r.body)["erreur"]
        assert self.fetch("/animateur/action", body=b"\xff\x00", **post).code == 400
        assert self.fetch("/animateur/action", body=json.dumps({"action": "effacer"}), **post).code == 400
        no_header = self.fetch("/animateur/action", method="POST", headers=self._cookie(),
                               body=json.dumps({"action": "nouvelle", "atelier": "01_navigateur"}))
        assert no_header.code == 403 and self.live.current_session() is None
        r = self.fetch("/animateur/action", body=json.dumps({"action": "nouvelle", "atelier": "01_navigateur"}), **post)
        assert r.code == 200
        state = json.loads(self.fetch("/animateur/etat", headers=self._cookie()).body)
        assert state["courant"]["id"] == EX and state["courant"]["revele"] is False
        r = self.fetch("/animateur/comptes", body=json.dumps({"ages": {"60-69 ans": -3}}), **post)
        assert r.code == 400 and "entre 0 et 999" in json.loads(r.body)["erreur"]
        join = self.fetch("/rejoindre", follow_redirects=False)
        assert join.code == 302 and "01_navigateur/atelier.ipynb?participant=" in join.headers["Location"]

    def test_scanning_the_qr_code_again_keeps_the_same_anonymous_id(self):
        self.live.open_session("01_navigateur", EX)
        first = self.fetch("/rejoindre", follow_redirects=False)
        cookie = first.headers["Set-Cookie"].split(";")[0]
        assert "HttpOnly" in first.headers["Set-Cookie"] and "Max-Age=21600" in first.headers["Set-Cookie"]
        again = self.fetch("/rejoindre", follow_redirects=False, headers={"Cookie": cookie})
        assert again.headers["Location"] == first.headers["Location"]  # back where they were
        forged = self.fetch("/rejoindre", follow_redirects=False, headers={"Cookie": "atelier-participant=../x"})
        other = self.fetch("/rejoindre", follow_redirects=False)
        ids = {r.headers["Location"].rsplit("=", 1)[1] for r in (first, forged, other)}
        assert len(ids) == 3 and "../x" not in ids  # a new device, a forged cookie: new ids


# -- pages prepared for the session's atelier --------------------------------------------------
class FakeKernels:
    """The part of Voilà's preheating kernel manager that the session pool uses."""

    def __init__(self, reserve: int):
        self.kernel_pools_config = {"default": {"pool_size": reserve}}
        self._pools: dict[str, list] = {}
        self.started = 0
        self.shut: list[str] = []

    def fill_if_needed(self, delay=None, notebook_name=None):
        config = self.kernel_pools_config.get(notebook_name, self.kernel_pools_config["default"])
        pool = self._pools.setdefault(notebook_name, [])
        while len(pool) < config["pool_size"]:
            self.started += 1
            task = asyncio.get_running_loop().create_future()
            task.set_result({"kernel_id": f"noyau-{self.started}"})
            pool.append(task)

    async def shutdown_kernel(self, kernel_id):
        self.shut.append(kernel_id)


def test_the_session_atelier_gets_more_pages_and_the_previous_one_gives_them_back():
    async def scenario():
        kernels = FakeKernels(reserve=2)
        for atelier in ("01_navigateur", "02_courriel"):
            kernels.fill_if_needed(notebook_name=notebook_of(atelier))
        pool = SessionPool(lambda: kernels, reserve=2, default_expected=5)
        assert pool.ready("01_navigateur") == 2
        pool.prepare("01_navigateur")
        assert pool.ready("01_navigateur") == 5 and pool.ready("02_courriel") == 2
        pool.prepare("02_courriel")
        await asyncio.sleep(0)  # the shutdowns are scheduled on the server's loop
        await asyncio.sleep(0)
        assert pool.ready("02_courriel") == 5 and pool.ready("01_navigateur") == 2
        assert len(kernels.shut) == 3  # the three extra pages of 01 are given back
        kernels.fill_if_needed(notebook_name=notebook_of("01_navigateur"))  # a refill keeps the usual reserve
        assert pool.ready("01_navigateur") == 2

    asyncio.run(scenario())


def test_without_preheating_the_session_pool_does_nothing():
    pool = SessionPool(lambda: object(), reserve=0, default_expected=6)
    pool.prepare("01_navigateur")
    assert pool.ready("01_navigateur") is None


# -- any exercise of any atelier can take part, with only the flag --------------------------------
@pytest.mark.parametrize("atelier_id", sorted(p.parent.name for p in ROOT.glob("*/atelier.yaml")))
def test_every_exercise_of_every_atelier_can_be_live(atelier_id, tmp_path):
    from widgets.workshop.walkthrough import answer_wrong_then_right, exercises_in

    root = tmp_path / "ateliers"
    shutil.copytree(ROOT / atelier_id, root / atelier_id)
    content = root / atelier_id / "atelier.yaml"
    data = yaml.safe_load(content.read_text(encoding="utf-8"))
    for step in data["etapes"]:
        if step.get("type") != "verification":  # the before/after check is counted apart (test_check.py)
            step["en_direct"] = True  # the only change a conseiller makes
    content.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    store = LiveStore(tmp_path / "donnees")
    session = board.start_session(store, root, atelier_id)
    pid = new_participant_id()
    path = build_workshop(root / atelier_id)
    live = attach_live(path, store=store, participant=pid, background=False)
    answered = []
    for index in range(len(path.steps)):
        path.go(index)
        found = exercises_in(path.body)
        if found and data["etapes"][index].get("type") != "verification":
            answer_wrong_then_right(found[0])
            answered.append(f"{atelier_id}/{index + 1}")
    assert live.outbox.flush()
    assert answered and sorted(live.exercises) == sorted(answered)
    for exercise_id in answered:  # each one reached the board, with labels and a right answer in words
        assert sum(store.counts(session, exercise_id).values()) >= 1, exercise_id
        store.set_current(session, exercise_id)
        board.reveal_current(store, root)
        shown = board.board_state(store, root)["courant"]
        assert shown["total"] >= 1 and shown["barres"], exercise_id
        assert all(b["libelle"].strip() for b in shown["barres"]), exercise_id
        assert shown["bonne_reponse"].strip() or not live.keys[exercise_id].right, exercise_id
    live.poll()  # the revealed answers reach the participant's page
    assert all(live.reveal_boxes[e].text for e in answered)
    again = build_workshop(root / atelier_id)  # a reload: same step, nothing counted twice
    before = {e: store.counts(session, e) for e in answered}
    restored = attach_live(again, store=store, participant=pid, background=False)
    assert again.index == len(path.steps) - 1
    assert {e: store.counts(session, e) for e in answered} == before
    for exercise_id, exercise in restored.exercises.items():  # the answers shown again, where they can be
        if isinstance(exercise, (ChoiceExercise, SpotExercise, SortingExercise, TrueFalseSeries)):
            assert exercise.solved and exercise.feedback.kind == "correct", exercise_id
