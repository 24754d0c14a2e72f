"""The before/after check and the attestation in a real browser, with the real server and the projected board.

A small atelier made of atelier 01's own check steps around one live question. One participant answers
« Ce que je sais déjà » (one right, two « Je ne sais pas »), the question, then « Ce que j'ai appris »
(all right): their page says their progress in words; the board shows the room's before/after only
after « Révéler ». The participant types a sentinel name and gets the attestation: the PDF (read from the
link) holds the name and the structure and place given to ``atelier lancer``; afterwards the name is
nowhere on disk, in the server's log, or in any request, and no request left 127.0.0.1.
"""
from __future__ import annotations

import base64
import io
import secrets
import time
from pathlib import Path

import nbformat
import pytest
import yaml
from browser_helpers import axe_serious, board_url
from conftest import ROOT, Server
from privacy_helpers import files_holding

from widgets.authoring.notebook import make_notebook

ATELIER = "97_avant_apres"
STRUCTURE, PLACE = "Médiathèque de l'essai", "Salle des fêtes de l'essai"


def content() -> str:
    source = yaml.safe_load((ROOT / "ateliers" / "01_navigateur" / "atelier.yaml").read_text(encoding="utf-8"))
    checks = {s["moment"]: s for s in source["etapes"] if s.get("type") == "verification"}
    question = next(s for s in source["etapes"] if s.get("en_direct") and s.get("type") == "choix")
    data = {"titre": "Essai avant et après", "resume": "Les vérifications de l'atelier 01 autour d'une question.",
            "duree": 10, "niveau": "Débutant", "objectifs": ["Voir ce que l'on a appris."],
            "competences_pix": ["1.1", "4.1"], "themes_cra": ["NavigationSurInternet"],
            "etapes": [{"titre": "Bienvenue", "texte": "Bonjour."}, checks["avant"], question, checks["apres"],
                       {"titre": "Ce qu'il faut retenir", "type": "retenir", "points": ["Lire l'adresse."]}]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture
def room(tmp_path):
    root = tmp_path / "ateliers"
    (root / ATELIER).mkdir(parents=True)
    (root / ATELIER / "atelier.yaml").write_text(content(), encoding="utf-8")
    nbformat.write(make_notebook("Essai avant et après"), root / ATELIER / "atelier.ipynb")
    s = Server(tmp_path, reserve=1, extra_env={"ATELIERS_DONNEES": str(tmp_path / "donnees")},
               extra_args=("--dossier", str(root), "--participants", "1", "--structure", STRUCTURE, "--lieu", PLACE))
    yield s
    s.stop()


def answer(page, rights: list[bool]) -> None:
    """In the check shown, answer each question rightly (its right option's text) or « Je ne sais pas »."""
    items = page.locator(".atelier-verification-item")
    items.first.wait_for(timeout=60_000)
    check = "avant" if page.locator(".atelier-verification-avant").count() else "apres"
    source = yaml.safe_load((ROOT / "ateliers" / "01_navigateur" / "atelier.yaml").read_text(encoding="utf-8"))
    step = next(s for s in source["etapes"] if s.get("type") == "verification" and s["moment"] == check)
    for index, (item, right) in enumerate(zip(step["items"], rights)):
        label = next(o["texte"] for o in item["options"] if o.get("correct")) if right else "Je ne sais pas"
        items.nth(index).get_by_role("button", name=label, exact=True).click()
        items.nth(index).locator(".atelier-retour .retour").wait_for()


def next_step(page, number: int) -> None:
    page.get_by_role("button", name="Suivant →").click()
    page.wait_for_selector(f"text=Étape {number} sur 5", timeout=30_000)


def test_the_room_sees_what_it_learnt_and_the_attestation_keeps_no_name(room, page_factory, tmp_path):
    sentinel = "Nom-" + secrets.token_hex(4) + "-Sentinelle"  # built at run time: in no file yet
    start = time.time() - 1
    board = page_factory(1024, 768)
    board.on("dialog", lambda d: d.accept())
    board.goto(board_url(room))
    board.select_option("#choix-atelier", ATELIER)
    board.click("#nouvelle")
    board.wait_for_selector("#position:has-text('Question 1 sur 1')")

    page = page_factory(360, 740)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url + " " + (r.post_data or "")))
    page.goto(room.url + "rejoindre", wait_until="commit")
    page.wait_for_selector("text=Étape 1 sur 5", timeout=90_000)
    next_step(page, 2)
    answer(page, [True, False, False])
    assert "On en reparle à la fin" in page.locator(".atelier-verification-bilan").inner_text()
    assert axe_serious(page) == []
    next_step(page, 3)
    page.get_by_role("button", name="Taper impots.gouv.fr dans la barre d'adresse").click()
    next_step(page, 4)
    answer(page, [True, True, True])
    assert page.locator(".verification-progres").inner_text() == "Au début : 1 sur 3. Maintenant : 3 sur 3."
    assert axe_serious(page) == []

    # the attestation: the name typed goes into the PDF made in the kernel, and only there
    field = page.get_by_label("Votre nom et prénom (facultatif)")
    field.fill(sentinel)
    field.press("Enter")
    page.wait_for_timeout(300)
    page.get_by_role("button", name="Préparer mon attestation (PDF)").click()
    link = page.locator("a.attestation-telecharger")
    link.wait_for(timeout=90_000)  # the PDF library may still be loading on a busy laptop
    assert field.input_value() == ""
    from pypdf import PdfReader

    pdf = base64.b64decode(link.get_attribute("href").split(",", 1)[1])
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert sentinel in text and STRUCTURE in text and PLACE in text and "Essai avant et après" in text
    assert link.get_attribute("download") == "attestation_participation.pdf"
    assert axe_serious(page) == []

    # the board: after the last live question, the room's before/after, hidden until « Révéler »
    board.wait_for_selector("#total:has-text('1 réponse reçue')", timeout=30_000)
    board.keyboard.press("ArrowRight")
    board.wait_for_selector("#resultats .cache:has-text('Ce que la salle a appris : 1 participant a fait la "
                            "vérification du début et celle de la fin.')", timeout=30_000)
    assert board.locator(".resume-progres").count() == 0 and board.locator("#resultats .cache").count() == 1
    assert board.locator("#reveler").is_enabled()
    board.keyboard.press(" ")
    board.wait_for_selector(".resume-progres", timeout=30_000)
    assert board.locator("#exercice-titre").inner_text() == "Merci à tous ! Ce que la salle a appris :"
    assert board.evaluate("document.documentElement.scrollHeight - window.innerHeight") <= 0  # fits 1024×768
    rows = [" ".join(r.split()) for r in board.locator(".resume-progres tbody tr").all_inner_texts()]
    assert rows[0] == "Lire une adresse pour savoir à qui est le site 100 % 100 %"
    assert rows[1].endswith("0 % 100 %") and rows[-1] == "Ensemble 33 % 100 %"
    assert board.locator("#reveler").is_disabled()
    assert axe_serious(board) == []

    page.get_by_role("button", name="Effacer l'attestation de cette page").click()
    page.wait_for_selector("text=L'attestation a été effacée de cette page.")
    assert link.count() == 0
    room.stop()

    # sent anywhere? kept anywhere?
    assert page.outside == [] and board.outside == []
    assert not [a for a in asked if sentinel in a]
    assert sentinel not in room.log.read_text(errors="replace")
    roots = [ROOT, Path("/tmp"), Path.home(), tmp_path]
    assert files_holding([sentinel.encode(), sentinel.encode("utf-16-le")], start, roots) == []
