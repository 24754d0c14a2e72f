"""The projected board in a real browser at projector size (1024×768), with participants answering.

Its own small atelier keeps the test independent of the ateliers' texts: a three-line question with
six options, then a true/false question.
"""
from __future__ import annotations

import nbformat
import pytest
from browser_helpers import axe_serious, board_url, sideways_overflow
from conftest import Server

from widgets.authoring.notebook import make_notebook

ATELIER = "98_salle"
QUESTION = ("Un SMS dit qu'un colis vous attend et qu'il faut payer deux euros de frais de douane sur un site "
            "inconnu. Que faites-vous en premier ?")
OPTIONS = ["Je paie tout de suite les deux euros", "Je clique pour voir le site", "Je ne clique pas sur le lien",
           "Je réponds STOP au message", "J'appelle le numéro indiqué", "Je transfère le SMS à un ami"]
CONTENT = f"""
titre: Essai de l'écran projeté
resume: Une question à six réponses, puis un vrai ou faux.
duree: 10
niveau: Débutant
objectifs: [Répondre ensemble.]
competences_pix: ["4.1"]
themes_cra: [SecuriteNumerique]
etapes:
  - titre: Bienvenue
    texte: Bonjour.
  - titre: Le message du transporteur
    type: choix
    en_direct: true
    question: "{QUESTION}"
    options:
""" + "".join(f"      - texte: \"{o}\"\n" + ("        correct: true\n" if i == 2 else "") for i, o in enumerate(OPTIONS)) + """
  - titre: La Poste et les SMS
    type: vrai_faux
    en_direct: true
    affirmation: La Poste demande de payer des frais de douane par SMS.
    reponse: false
"""
#: The computed sizes a room can read from the back of the hall (issue 18).
SIZES = """() => {
  const px = (sel) => [...document.querySelectorAll(sel)].map(e => parseFloat(getComputedStyle(e).fontSize));
  return {question: px('#exercice-titre'), labels: px('.barre-libelle'), counts: px('.barre-nombre'),
          scroll: document.documentElement.scrollHeight - window.innerHeight};
}"""


@pytest.fixture
def room(tmp_path):
    root = tmp_path / "ateliers"
    (root / ATELIER).mkdir(parents=True)
    (root / ATELIER / "atelier.yaml").write_text(CONTENT, encoding="utf-8")
    nbformat.write(make_notebook("Essai de l'écran projeté"), root / ATELIER / "atelier.ipynb")
    s = Server(tmp_path, reserve=1, extra_env={"ATELIERS_DONNEES": str(tmp_path / "donnees")},
               extra_args=("--dossier", str(root), "--participants", "2"))
    yield s
    s.stop()


def open_board(server, page_factory):
    board = page_factory(1024, 768)
    board.on("dialog", lambda d: d.accept())
    board.asked = []
    board.on("request", lambda r: board.asked.append(r.url))
    board.goto(board_url(server))
    board.select_option("#choix-atelier", ATELIER)
    board.fill("#attendus", "2")
    board.click("#nouvelle")
    board.wait_for_selector("#position:has-text('Question 1 sur 2')")
    return board


def join_and_answer(server, page_factory, option: str):
    page = page_factory(360, 740)
    page.goto(server.url + "rejoindre", wait_until="commit")
    page.wait_for_selector(".etape-titre", timeout=90_000)
    page.get_by_role("button", name="Suivant →").click()
    page.get_by_role("button", name=option).click()
    return page


def position(board) -> str:
    return board.locator("#position").inner_text()


def test_one_exercise_fills_the_projected_screen_and_the_remote_drives_it(room, page_factory):
    board = open_board(room, page_factory)
    assert board.locator("#tableau").get_attribute("class") == "tableau"  # the QR code big while the room arrives
    assert board.locator(".qr svg").bounding_box()["width"] >= 300
    people = [join_and_answer(room, page_factory, OPTIONS[2]), join_and_answer(room, page_factory, OPTIONS[0])]
    board.wait_for_selector("#total:has-text('2 réponses reçues')", timeout=30_000)  # pushed, never asked for
    assert not [u for u in board.asked if "animateur/etat" in u]
    # once the room has answered, the QR code folds into a corner that can still be scanned
    board.wait_for_selector(".tableau.qr-replie")
    assert board.locator(".qr svg").bounding_box()["width"] >= 150
    assert "2" in board.locator(".connectes-nombre").inner_text()

    board.keyboard.press("Space")  # the remote's « reveal »
    board.wait_for_selector(".barre-correcte")
    for p in people:
        p.wait_for_selector(".atelier-direct:has-text('Réponse donnée par l')", timeout=30_000)
    sizes = board.evaluate(SIZES)
    assert min(sizes["question"]) >= 40 and len(sizes["labels"]) == 6
    assert min(sizes["labels"]) >= 32 and min(sizes["counts"]) >= 32
    assert sizes["scroll"] <= 0, "the current exercise must fit in 1024×768 without scrolling"
    bars = dict(zip([" ".join(t.split()) for t in board.locator(".barre-texte").all_text_contents()],
                    [" ".join(t.split()) for t in board.locator(".barre-nombre").all_text_contents()]))
    assert bars["✔ " + OPTIONS[2] + " (bonne réponse)"] == "1 réponse" and bars[OPTIONS[0]] == "1 réponse"
    assert bars[OPTIONS[1]] == "0 réponse"  # every option is shown, even when nobody chose it
    assert axe_serious(board) == []

    board.keyboard.press("ArrowRight")
    board.wait_for_function("document.getElementById('position').textContent.startsWith('Question 2 sur 2')")
    assert board.locator(".barre").count() == 0  # the next question's results start hidden
    board.keyboard.press("PageDown")  # after the last live exercise: the session's summary
    board.wait_for_selector("table.resume")
    assert "Fin des exercices en direct" in position(board)
    rows = board.locator("table.resume tbody tr").all_inner_texts()
    assert len(rows) == 2 and "50 %" in rows[0]  # one of the two answers was right
    assert "2 participants ont répondu" in board.locator("#resultats").inner_text()
    assert axe_serious(board) == []
    board.keyboard.press("ArrowLeft")
    board.wait_for_function("document.getElementById('position').textContent.startsWith('Question 2 sur 2')")
    board.keyboard.press("PageUp")  # back to the first question: its results as they were
    board.wait_for_function("document.getElementById('position').textContent.startsWith('Question 1 sur 2')")
    board.wait_for_selector(".barre-correcte")

    # the keys never act while the conseiller types in a field
    board.click("#montrer-session")
    board.locator("#attendus").focus()
    for key in ("Space", "ArrowRight", "PageDown", "ArrowLeft", "Enter"):
        board.keyboard.press(key)
    board.wait_for_timeout(1_000)
    assert position(board).startswith("Question 1 sur 2")
    board.click("#montrer-session")

    board.keyboard.press("f")  # the browser's own full screen
    board.wait_for_function("!!document.fullscreenElement")
    assert board.locator("#plein-ecran").inner_text() == "Quitter le plein écran"
    board.keyboard.press("f")
    board.wait_for_function("!document.fullscreenElement")

    board.click("#montrer-qr")  # shown big again for a latecomer
    assert board.locator(".qr svg").bounding_box()["width"] >= 300
    board.keyboard.press("q")
    board.wait_for_selector(".tableau.qr-replie")

    board.set_viewport_size({"width": 360, "height": 740})  # the same page on the conseiller's phone
    assert sideways_overflow(board) == [] and axe_serious(board) == []
    for p in [board, *people]:
        assert p.outside == []


def test_the_end_of_the_longest_atelier_fits_the_projected_screen(tmp_path, page_factory):
    """Atelier 01 has the most live questions (six) and a before/after check: its end summary, then the
    room's progress once revealed, are read without scrolling at 1024×768."""
    import shutil

    from conftest import ROOT

    root = tmp_path / "ateliers"
    shutil.copytree(ROOT / "ateliers" / "01_navigateur", root / "01_navigateur")
    server = Server(tmp_path, reserve=1, extra_env={"ATELIERS_DONNEES": str(tmp_path / "donnees")},
                    extra_args=("--dossier", str(root), "--participants", "1"))
    try:
        board = page_factory(1024, 768)
        board.goto(board_url(server))
        board.select_option("#choix-atelier", "01_navigateur")
        board.fill("#attendus", "1")
        board.click("#nouvelle")
        board.wait_for_selector("#position:has-text('Question 1 sur 6')")
        for _ in range(6):
            board.keyboard.press("PageDown")
        board.wait_for_selector("table.resume")
        assert board.locator("table.resume tbody tr").count() == 6
        assert "Ce que la salle a appris" in board.locator("#resultats").inner_text()
        assert board.evaluate(SIZES)["scroll"] <= 0, "the end summary must fit in 1024×768"
        board.keyboard.press("Space")  # the room's before/after, revealed
        board.wait_for_selector("table.resume-progres")
        assert board.evaluate(SIZES)["scroll"] <= 0
        sizes = board.evaluate("() => [...document.querySelectorAll('.resume')].map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert min(sizes) >= 20
        assert axe_serious(board) == [] and board.outside == []
    finally:
        server.stop()
