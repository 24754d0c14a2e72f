"""Live results in real browsers: two participants answer, the projected board shows 2, the reveal reaches both."""
from __future__ import annotations

import re

import pytest
from browser_helpers import axe_serious
from conftest import Server

QUESTION = "Taper une adresse ou chercher ?"


@pytest.fixture
def live_server(tmp_path):
    s = Server(tmp_path, reserve=1, extra_env={"ATELIERS_DONNEES": str(tmp_path / "donnees")},
               extra_args=("--participants", "3"))
    yield s
    s.stop()


def animateur_url(server) -> str:
    match = re.search(r"http://127\.0\.0\.1:\d+/animateur\?cle=\S+", server.log.read_text(encoding="utf-8"))
    assert match, "l'adresse de l'animateur n'est pas affichée dans le terminal"
    return match.group(0)


def go_to_question(page) -> None:
    page.wait_for_selector(".etape-titre", timeout=90_000)
    for _ in range(3):  # Bienvenue, « Ce que je sais déjà », then the question
        page.get_by_role("button", name="Suivant →").click()
    page.wait_for_selector(f"text={QUESTION}")


def test_two_participants_answer_and_the_reveal_reaches_both(live_server, page_factory):
    board = page_factory(1024, 768)
    board.on("dialog", lambda d: d.accept())
    board.goto(animateur_url(live_server))
    assert "cle=" not in board.url  # the key leaves the projected address bar
    board.select_option("#choix-atelier", "01_navigateur")
    board.click("#nouvelle")
    board.wait_for_selector("#exercice-titre:not(:text('…'))")
    # while the conseiller introduces the session, pages get ready for the room (1 → 3)
    board.wait_for_selector("#pretes:has-text('Pages prêtes : 3 / 3')", timeout=90_000)

    participants = [page_factory(360, 740), page_factory(1024, 768)]
    for p in participants:
        p.goto(live_server.url + "rejoindre", wait_until="commit")
        go_to_question(p)
        assert "cle=" not in p.content() and "animateur?cle" not in p.content()
    participants[0].get_by_role("button", name="Taper impots.gouv.fr dans la barre d'adresse").click()
    participants[1].get_by_role("button", name="Ouvrir le lien reçu par SMS au sujet des impôts").click()

    board.wait_for_selector("#total:has-text('2 réponses reçues')", timeout=30_000)
    assert board.locator("#resultats .barre, #resultats li, #resultats div").count() == 0 or \
        "bonne réponse" not in board.locator("#resultats").inner_text()  # hidden before « Révéler »
    board.click("#reveler")
    board.wait_for_selector("#resultats:has-text('bonne réponse')")
    for p in participants:
        p.wait_for_selector(".atelier-direct:has-text('Réponse donnée par l')", timeout=30_000)
    assert axe_serious(board) == []
    for p in [board, *participants]:
        assert p.outside == []


def test_wrong_or_missing_key_is_refused_in_french(live_server, page_factory):
    page = page_factory()
    for path in ("animateur", "animateur?cle=mauvaise-cle", "animateur/etat"):
        response = page.goto(live_server.url + path)
        assert response.status == 403
        assert "lang=\"fr\"" in page.content() or "refus" in page.content().lower() or "clé" in page.content()


@pytest.mark.parametrize("reserve", [1, 0], ids=["pages-prechauffees", "sans-reserve"])
def test_a_participant_who_reloads_comes_back_to_the_same_step_with_the_answer(tmp_path, page_factory, reserve):
    live_server = Server(tmp_path, reserve=reserve, extra_env={"ATELIERS_DONNEES": str(tmp_path / "donnees")})
    try:
        _reload_and_come_back(live_server, page_factory)
    finally:
        live_server.stop()


def _reload_and_come_back(live_server, page_factory) -> None:
    board = page_factory(1024, 768)
    board.on("dialog", lambda d: d.accept())
    board.goto(animateur_url(live_server))
    board.select_option("#choix-atelier", "01_navigateur")
    board.click("#nouvelle")
    board.wait_for_selector("#exercice-titre:not(:text('…'))")
    page = page_factory(360, 740)
    page.goto(live_server.url + "rejoindre", wait_until="commit")
    go_to_question(page)
    page.get_by_role("button", name="Taper impots.gouv.fr dans la barre d'adresse").click()
    page.locator(".atelier-retour:has-text('Bonne réponse')").first.wait_for()
    address = page.url
    assert "participant=" in address
    page.wait_for_timeout(1500)  # the « I am here » of the next poll
    for _ in range(2):  # twice: a preheated page, then (often) one started for this request
        page.reload(wait_until="commit")
        page.wait_for_selector("text=Étape 4 sur", timeout=90_000)
        page.wait_for_selector(".atelier-retour:has-text('Bonne réponse')", timeout=30_000)
        assert page.url == address  # the same anonymous id, no account
    board.wait_for_selector("#total:has-text('1 réponse reçue')", timeout=30_000)  # not counted twice
    page.get_by_role("button", name="Suivant →").click()  # the restored page answers clicks
    page.wait_for_selector("text=Étape 5 sur", timeout=30_000)
    page.wait_for_timeout(1500)  # the next « I am here » carries step 5
    page.close()  # closed by mistake: scanning the QR code again brings the participant back
    again = page.context.new_page()
    again.goto(live_server.url + "rejoindre", wait_until="commit")
    again.wait_for_selector("text=Étape 5 sur", timeout=90_000)
    assert again.url == address  # the same anonymous id
    assert page.outside == [] and board.outside == []
