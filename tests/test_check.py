"""The before/after check (« Ce que je sais déjà » / « Ce que j'ai appris ») and the attestation (issue 17).

Content: each atelier 01–04 declares parallel checks, and the mistakes an author can make are explained
in French with their line. A simulated session (four participants, two of them doing only one of the two
checks) gives the right counts in the store, on the board (hidden until « Révéler ») and in
``atelier bilan`` (CSV and JSON, through the command itself). The attestation PDF is made in memory, its
text is extractable and says the atelier, the date, the duration, the competences, the structure and place.
"""
from __future__ import annotations

import base64
import csv
import io
import json
import shutil
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest
import yaml

from widgets.cli import main as cli
from widgets.components.attestation import AttestationForm
from widgets.components.check import DONT_KNOW, CheckItem
from widgets.content.atelier import load_atelier
from widgets.content.validation import ContentError
from widgets.kernel.live import attach_live, checks_in
from widgets.server import board
from widgets.sessions.attestation import attestation_for, attestation_html, attestation_pdf
from widgets.sessions.report import session_rows, to_csv
from widgets.sessions.store import END, LiveError, LiveStore, new_participant_id
from widgets.ui.looks import is_shown
from widgets.workshop.page import WorkshopPage, build_workshop

ROOT = Path(__file__).resolve().parent.parent / "ateliers"
CHECKED = ["01_navigateur", "02_courriel", "03_donnees_perso", "04_sources"]
ATELIER = "01_navigateur"


def checks_of(atelier_id: str) -> dict[str, dict]:
    steps = load_atelier(ROOT / atelier_id).steps
    return {s["moment"]: s for s in steps if s.get("type") == "verification"}


# -- content ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("atelier_id", CHECKED)
def test_each_atelier_checks_the_same_skills_before_and_after_with_other_examples(atelier_id):
    checks = checks_of(atelier_id)
    steps = load_atelier(ROOT / atelier_id).steps
    before, after = checks["avant"], checks["apres"]
    assert steps.index(before) <= 1 and steps.index(after) == len(steps) - 2  # at the start, just before the recap
    assert 3 <= len(before["items"]) <= 4
    pairs = {i["id"]: i for i in before["items"]}
    assert [i["id"] for i in after["items"]] == list(pairs)
    for item in after["items"]:
        twin = pairs[item["id"]]
        assert item["competence"] == twin["competence"]
        assert item["question"] != twin["question"]
        assert {o["texte"] for o in item["options"]}.isdisjoint({o["texte"] for o in twin["options"]})
        assert sum(bool(o.get("correct")) for o in item["options"]) == 1 and item["a_revoir"]


def broken(tmp_path: Path, change) -> Path:
    folder = tmp_path / ATELIER
    shutil.copytree(ROOT / ATELIER, folder)
    file = folder / "atelier.yaml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    steps = {s.get("moment"): s for s in data["etapes"] if s.get("type") == "verification"}
    change(data, steps["avant"], steps["apres"])
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def _same_question(data, before, after):
    after["items"][1]["question"] = before["items"][1]["question"]
    after["items"][1]["options"] = before["items"][1]["options"]


@pytest.mark.parametrize("change,expected", [
    (_same_question, "la question « site_officiel » est la même qu'avant"),
    (lambda d, b, a: a["items"][0].update(options=b["items"][0]["options"]),
     "les réponses de la question « a_qui_est_le_site » sont les mêmes qu'avant"),
    (lambda d, b, a: a["items"][2].update(id="autre_chose"), "la question « autre_chose » n'existe pas dans la vérification « avant »"),
    (lambda d, b, a: a["items"][0].update(competence="Autre chose"), "ne vérifie pas la même compétence"),
    (lambda d, b, a: b["items"].append({**b["items"][0], "id": "en_plus"}), "n'a pas la question « en_plus »"),
    (lambda d, b, a: d["etapes"].remove(a), "mais pas de vérification « apres »"),
    (lambda d, b, a: b["items"][0]["options"].append({"texte": "Je ne sais pas."}), "n'écrivez pas « Je ne sais pas »"),
    (lambda d, b, a: b["items"][0]["options"][0].update(correct=True), "exactement une réponse"),
    (lambda d, b, a: b.update(en_direct=True), "une vérification n'est pas projetée"),
    (lambda d, b, a: b.update(moment="pendant"), "la valeur « pendant » n'est pas permise"),
    (lambda d, b, a: b["items"][0].pop("a_revoir"), "a_revoir"),
])
def test_a_mistake_in_a_check_is_explained_in_french_with_its_line(tmp_path, change, expected):
    with pytest.raises(ContentError) as error:
        load_atelier(broken(tmp_path, change))
    assert expected in str(error.value)
    assert error.value.line and "etapes" in error.value.place


# -- the participant's screens ----------------------------------------------------------------------
def check_steps(path):
    """(« avant » step, « après » step) of a built path (each shown once, as a participant would)."""
    found = {}
    for index in range(len(path.steps)):
        for check in checks_in(path.steps[index].widget()):
            found[check.moment] = check
    return found["avant"], found["apres"]


def answer(check, rights: list[bool]) -> None:
    """Answer each item rightly (True) or with « Je ne sais pas » (False)."""
    for item, right in zip(check.items, rights):
        item.choose(next(i for i, (_t, ok) in enumerate(item.question.options) if ok) if right else item.dont_know)


def test_the_participant_sees_their_progress_in_words_and_what_to_review():
    path = build_workshop(ROOT / ATELIER)
    before, after = check_steps(path)
    answer(before, [True, False, False])
    assert "On en reparle à la fin" in before.summary.value
    assert "Bonne réponse" not in before.items[0].feedback.value  # at the start, noted only: no verdict
    wrong = next(i for i, (_t, ok) in enumerate(after.items[1].question.options) if not ok)
    after.items[0].choose(next(i for i, (_t, ok) in enumerate(after.items[0].question.options) if ok))
    after.items[1].choose(wrong)
    after.items[1].choose(0)  # a second answer changes nothing: the first one counts
    assert after.summary.value == ""
    after.items[2].choose(next(i for i, (_t, ok) in enumerate(after.items[2].question.options) if ok))
    assert "Au début : 1 sur 3. Maintenant : 2 sur 3." in after.summary.value
    assert after.items[1].question.review[:40].replace("'", "&#x27;") in after.summary.value  # what to review
    assert after.items[1].question.skill.replace("'", "&#x27;") in after.summary.value
    assert "ants.gouv.fr" in after.items[1].feedback.text  # the right answer, kindly
    assert after.after is not None and is_shown(after.after)  # the attestation is offered


@pytest.mark.parametrize("seed", ["participant-a1", "participant-b2", "participant-c3", "participant-d4"])
def test_je_ne_sais_pas_is_always_offered_last_whatever_the_order(seed):
    page = WorkshopPage(ROOT / "02_courriel")
    page.personalise(seed)
    before, _after = check_steps(page.path)
    for item in before.items:
        shown = [b.description for b in item.options_box.children]
        assert shown[-1] == DONT_KNOW and sorted(shown) == sorted(item.labels)


# -- a simulated session ----------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path):
    return LiveStore(tmp_path / "donnees")


def participant(store, pid):
    path = build_workshop(ROOT / ATELIER)
    return path, attach_live(path, store=store, participant=pid, background=False)


def test_a_session_counts_the_room_before_and_after_on_the_board_and_in_the_report(store, tmp_path):
    session = board.start_session(store, ROOT, ATELIER)
    people = {  # before, after (None: that check not done)
        "p1": ([True, False, False], [True, True, True]),
        "p2": ([True, True, False], [True, False, True]),
        "p3": ([True, True, True], None),  # left early
        "p4": (None, [False, False, False]),  # came late
    }
    pages = {}
    for name, (first, last) in people.items():
        pid = new_participant_id()
        path, live = participant(store, pid)
        before, after = check_steps(path)
        if first:
            answer(before, first)
        if last:
            answer(after, last)
        assert live.outbox.flush()
        pages[name] = (pid, path, after)
    assert "Au début : 1 sur 3. Maintenant : 3 sur 3." in pages["p1"][2].summary.value
    assert "Maintenant : 0 sur 3." in pages["p4"][2].summary.value and "Au début" not in pages["p4"][2].summary.value

    counts = store.check_counts(session)
    assert (counts["avant"], counts["apres"], counts["les_deux"]) == (3, 3, 2)
    assert counts["items"]["connexion_protegee"] == {"paires": 2, "justes_avant": 0, "justes_apres": 2}
    assert counts["items"]["site_officiel"] == {"paires": 2, "justes_avant": 1, "justes_apres": 1}

    # only (moment, item, right) is kept, keyed by the page's random id; a reload changes nothing
    pid, _path, _after = pages["p1"]
    again, live = participant(store, pid)
    restored_before, restored_after = check_steps(again)
    assert restored_after.done and "Au début : 1 sur 3. Maintenant : 3 sur 3." in restored_after.summary.value
    assert store.check_counts(session) == counts
    with pytest.raises(LiveError):
        store.record_check(session, pid, "pendant", "site_officiel", True)

    # the board: at the end of the live questions, who did both, and the room's progress once revealed
    state = board.board_state(store, ROOT)
    assert state["fin"] is None
    store.set_current(session, END)
    hidden = board.board_state(store, ROOT)["fin"]["verification"]
    assert hidden == {"revele": False, "les_deux": 2}  # nothing else before « Révéler »
    assert board.reveal_current(store, ROOT) == END
    shown = board.board_state(store, ROOT)["fin"]["verification"]
    assert shown["revele"] and (shown["part_avant"], shown["part_apres"]) == (50, 83)
    by_item = {i["id"]: (i["part_avant"], i["part_apres"]) for i in shown["items"]}
    assert by_item == {"a_qui_est_le_site": (100, 100), "site_officiel": (50, 50), "connexion_protegee": (0, 100)}
    assert shown["items"][0]["competence"] == "Lire une adresse pour savoir à qui est le site"
    with pytest.raises(LiveError):
        board.reveal_current(store, ROOT)  # already revealed: the usual French message

    # atelier bilan, as a conseiller (or a check held outside the project) reads it
    rows = session_rows(store, ROOT)
    assert rows[0]["verification"]["les_deux"] == 2
    table = list(csv.DictReader(io.StringIO(to_csv(rows)), delimiter=";"))
    assert table[0]["verification participants les deux"] == "2"
    assert (table[0]["verification % juste avant"], table[0]["verification % juste apres"]) == ("50", "83")
    assert "Savoir ce que veut dire une connexion protégée : 0 % → 100 % (2)" in table[0]["verification par competence"]
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["bilan", "--json", "--donnees", str(store.folder), "--dossier", str(ROOT)]) == 0
    check = json.loads(out.getvalue())["sessions"][0]["verification"]
    assert check["les_deux"] == 2 and check["part_apres"] == 83
    assert {i["id"]: i["justes_avant"] for i in check["items"]} == {"a_qui_est_le_site": 2, "site_officiel": 1,
                                                                    "connexion_protegee": 0}


def test_the_store_keeps_nothing_but_the_moment_the_item_and_whether_it_was_right(store):
    import sqlite3

    session = board.start_session(store, ROOT, ATELIER)
    store.record_check(session, "personne01", "avant", "site_officiel", True)
    with sqlite3.connect(store.path) as db:
        columns = [r[1] for r in db.execute("PRAGMA table_info(checks)")]
        rows = db.execute("SELECT * FROM checks").fetchall()
    assert columns == ["session", "participant", "moment", "item", "correct"]
    assert rows == [(session, "personne01", "avant", "site_officiel", 1)]


# -- the attestation --------------------------------------------------------------------------------
def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1  # one page
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and str(root["/Lang"]).startswith("fr")  # tagged, in French
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.mark.parametrize("atelier_id", CHECKED)
def test_the_attestation_pdf_says_the_atelier_the_date_the_duration_and_the_competences(atelier_id):
    atelier = load_atelier(ROOT / atelier_id)
    text = pdf_text(attestation_pdf(attestation_for(atelier, "Marie Essai", day=date(2026, 11, 29),
                                                    structure="Médiathèque d'Alba", place="Salle des fêtes")))
    assert "Attestation de participation" in text and "Marie Essai a participé" in text
    assert " ".join(atelier.title.split()) in text
    assert "29 novembre 2026" in text and "Durée" in text and "1 h" in text
    assert "Médiathèque d'Alba" in text and "Salle des fêtes" in text
    for code in atelier.pix:
        assert code in text
    assert "Sécuriser l'environnement numérique" in text or "Mener une recherche" in text


def test_a_blank_attestation_has_lines_to_fill_and_no_name(monkeypatch):
    monkeypatch.delenv("ATELIERS_STRUCTURE", raising=False)
    monkeypatch.setenv("ATELIERS_LIEU", "Mairie de Saint-Thomé")
    html = attestation_html(attestation_for(load_atelier(ROOT / ATELIER), "Quelqu'un", blank=True))
    assert "Quelqu" not in html and "Nom et prénom" in html and "………" in html
    assert "Mairie de Saint-Thomé" in html  # the place set at launch


def test_the_attestation_form_empties_the_name_and_keeps_the_pdf_only_in_its_link():
    made = []
    form = AttestationForm(lambda name: made.append(name) or attestation_pdf(
        attestation_for(load_atelier(ROOT / ATELIER), name)), "attestation.pdf")
    form.name.value = "Jeanne Exemple"
    assert form.make()
    assert made == ["Jeanne Exemple"] and form.name.value == ""
    href = form.download.value.split('href="', 1)[1].split('"', 1)[0]
    assert href.startswith("data:application/pdf;base64,")
    assert "Jeanne Exemple" in pdf_text(base64.b64decode(href.split(",", 1)[1]))
    form.clear()
    assert form.download.value == "" and form.pdf_size == 0
    broken_form = AttestationForm(lambda name: 1 / 0, "attestation.pdf")
    broken_form.name.value = "Jeanne Exemple"
    assert not broken_form.make()
    assert "papier" in broken_form.result.text and "Jeanne" not in broken_form.result.value


def test_fiches_print_a_blank_attestation_for_each_atelier(tmp_path):
    from widgets.documents.build import build_documents

    root = tmp_path / "ateliers"
    shutil.copytree(ROOT / ATELIER, root / ATELIER)
    result = build_documents(root, tmp_path / "documents", pdf=True)
    blank = tmp_path / "documents" / f"{ATELIER}-attestation-vierge.pdf"
    assert blank in result.files and not result.problems
    text = pdf_text(blank.read_bytes())
    assert "Nom et prénom" in text and "Le navigateur" in text and "1.1" in text


def test_check_items_say_their_verdict_kindly_and_pass_the_self_check():
    path = build_workshop(ROOT / ATELIER)
    before, after = check_steps(path)
    for item in before.items + after.items:
        assert isinstance(item, CheckItem) and item.self_check() == (True, True)
        assert not item.answered  # the self-check leaves the question fresh
