"""« Écouter » / « Arrêter » and « A− / A+ » in a real browser (issue 16).

The device's speech engine is replaced, before any script of the page runs, by a recorder
(``RECORDER``): it keeps what the page asks to say (text, language, rate, voice) and never speaks.
The ateliers are the real ones, served by ``atelier lancer``; « prononciation » is tried on a small
atelier written for the test.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from browser_helpers import axe_serious, open_atelier, settle, sideways_overflow
from conftest import Server

from widgets.content.atelier import load_atelier
from widgets.content.names import exercise_id, page_url
from widgets.content.order import shuffled_order

ATELIERS = Path(__file__).resolve().parent.parent / "ateliers"

#: window.speechSynthesis as a recorder. ``window.__voix`` sets the voices the device has.
RECORDER = """
(() => {
  const voices = window.__voixDeTest || [{name: 'Voix de test', lang: 'fr-FR', localService: true, default: true, voiceURI: 'test'}];
  const record = {spoken: [], cancels: 0, queue: []};
  window.__parole = record;
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ''; this.rate = 1; this.voice = null; }
  };
  const engine = {
    speaking: false, pending: false, paused: false,
    getVoices() { return voices; },
    speak(u) {
      record.spoken.push({text: u.text, lang: u.lang, rate: u.rate, voice: u.voice ? u.voice.name : null});
      record.queue.push(u); this.speaking = true;
    },
    cancel() {
      record.cancels += 1; const q = record.queue; record.queue = []; this.speaking = false;
      q.forEach(u => u.onerror && u.onerror({error: 'interrupted'}));
    },
    pause() {}, resume() {}, addEventListener() {}, removeEventListener() {},
  };
  window.__finirLecture = () => { const q = record.queue; record.queue = []; engine.speaking = false;
                                  q.forEach(u => u.onend && u.onend({})); };
  Object.defineProperty(window, 'speechSynthesis', {value: engine, configurable: true});
})();
"""
PARTICIPANT = "lectureA0001"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from widgets.documents.build import build_documents, documents_outdated

    if documents_outdated(ATELIERS):  # what « atelier lancer » would do first, without its time limit
        build_documents(ATELIERS)
    tmp = tmp_path_factory.mktemp("lecture-ateliers")
    s = Server(tmp, reserve=1, extra_env={"ATELIERS_DONNEES": str(tmp / "donnees")})
    yield s
    s.stop()


def first_shuffled_question() -> tuple[str, int]:
    """(atelier, step index) of the first single-answer question this participant sees in another order."""
    for file in sorted(ATELIERS.glob("*/atelier.yaml")):
        atelier = load_atelier(file.parent)
        for index, step in enumerate(atelier.steps):
            if step.get("type") == "choix" and len(step["options"]) >= 3 and not any(
                    o.get("dernier") for o in step["options"]):
                order = shuffled_order(len(step["options"]), PARTICIPANT, exercise_id(atelier.id, index))
                if order != sorted(order):
                    return atelier.id, index
    raise AssertionError("aucune question mélangée pour ce participant")


def words(text: str) -> str:
    """Text as the reader says it, for comparing: signs dropped, spaces of every kind made one."""
    text = re.sub(r"[✔✖◐ℹ⚠→←↑↓•·▶◀★☆✓✗]", " ", text)
    return " ".join(text.split())


def overflow(page) -> list[str]:
    """What sticks out sideways; a visually hidden text for screen readers is clipped on purpose."""
    return [e for e in sideways_overflow(page) if "visuellement-cache" not in e]


def recorded(page) -> list[dict]:
    return page.evaluate("window.__parole.spoken")


def listen(page) -> list[dict]:
    """Press « Écouter » on the step shown (from the keyboard); what the device was asked to say."""
    page.evaluate("window.__parole.spoken = []")
    page.get_by_role("button", name="Écouter cette étape").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.__parole.spoken.length > 0", timeout=5_000)
    return recorded(page)


def reader_page(page_factory, width=1024, height=768, voices: str | None = None):
    page = page_factory(width, height)
    if voices is not None:
        page.add_init_script(f"window.__voixDeTest = {voices};")
    page.add_init_script(RECORDER)
    return page


def next_step(page, number: int) -> None:
    """Press « Suivant » and wait until step ``number`` is drawn (its title first, then its own widgets)."""
    page.evaluate("window.__etapeAvant = document.querySelector('.atelier-parcours-corps').firstElementChild")
    page.get_by_role("button", name="Suivant →").click()
    page.wait_for_selector(f".etape-numero:has-text('Étape {number} sur')", timeout=30_000)
    page.wait_for_function("(() => { const e = document.querySelector('.atelier-parcours-corps').firstElementChild;"
                           " return e !== null && e !== window.__etapeAvant; })()", timeout=30_000)


def open_step(page, server, atelier_id: str, index: int):
    page.goto(f"{page_url(server.url, atelier_id)}?participant={PARTICIPANT}")
    page.wait_for_selector(".atelier-parcours .etape-titre", timeout=90_000)
    for number in range(2, index + 2):
        next_step(page, number)
    settle(page)


def test_listen_reads_each_kind_of_step_in_french_options_in_the_order_shown(server, page_factory):
    """Every type of step of every atelier: its title first, then its text, question and options as shown;
    on a 360 px phone with the text at 200 %, no step is wider than the screen."""
    kinds_done: set[str] = set()
    shuffled_atelier, shuffled_index = first_shuffled_question()
    for file in sorted(ATELIERS.glob("*/atelier.yaml")):
        atelier = load_atelier(file.parent)
        page = reader_page(page_factory, 360, 740)  # a phone, the text at 200 %: nothing may stick out
        page.add_init_script("window.localStorage.setItem('ateliers-taille-texte', '200')")
        page.goto(f"{page_url(server.url, atelier.id)}?participant={PARTICIPANT}")
        page.wait_for_selector(".atelier-parcours .etape-titre", timeout=90_000)
        for index, step in enumerate(atelier.steps):
            kind = step.get("type", "texte")
            if index:
                next_step(page, index + 1)
            shuffled = (atelier.id, index) == (shuffled_atelier, shuffled_index)
            if kind in kinds_done and not shuffled:
                settle(page)
                assert overflow(page) == [], f"{atelier.id}, étape {index + 1} ({kind})"
                continue
            kinds_done.add(kind)
            settle(page)
            spoken = listen(page)
            said = words(" ".join(s["text"] for s in spoken))
            place = f"{atelier.id}, étape {index + 1} ({kind})"
            assert all(s["lang"] == "fr-FR" and s["voice"] == "Voix de test" for s in spoken), place
            assert all(0.7 <= s["rate"] < 1 for s in spoken), place  # a little slower than usual
            assert spoken[0]["text"] == words(page.locator(".etape-titre").inner_text()), place
            body = page.locator(".atelier-parcours-corps")
            for shown in body.locator(".atelier-texte, .atelier-consigne").all():
                if shown.is_visible() and shown.inner_text().strip():
                    first_line = words(shown.inner_text().splitlines()[0])
                    assert first_line in said, f"{place} : « {first_line} » n'est pas lu"
            options = [words(t) for t in body.locator(".atelier-options button:visible").all_inner_texts()]
            cursor = 0
            for option in filter(None, options):  # each one, after the one shown above it
                found = said.find(option, cursor)
                assert found >= 0, f"{place} : « {option} » n'est pas lue, ou pas dans l'ordre de l'écran"
                cursor = found + len(option)
            if shuffled:  # this participant sees the options in another order than the content's
                content = [words(o["texte"]) for o in step["options"]]
                assert options != content and len(options) == len(content), place
            navigation = {"Suivant", "Précédent", "Fin de l'atelier", "Tous les ateliers"}
            assert not navigation & {words(s["text"]) for s in spoken}, place  # the page's controls are not read
            assert overflow(page) == [], place
        assert page.outside == []
    assert {"texte", "choix", "vrai_faux", "tri", "reperer", "retenir"} <= kinds_done


def test_after_an_answer_its_feedback_can_be_heard_and_stop_cancels(server, page_factory):
    atelier_id, index = first_shuffled_question()
    page = reader_page(page_factory)
    open_step(page, server, atelier_id, index)
    bar = page.locator(".lecture-barre")
    stop = page.get_by_role("button", name="Arrêter la lecture")
    assert stop.is_disabled()
    listen(page)
    assert page.get_by_role("button", name="Écouter cette étape").get_attribute("aria-pressed") == "true"
    assert "Lecture en cours" in bar.locator(".lecture-etat").inner_text()
    assert stop.is_enabled()
    stop.click()
    assert page.evaluate("window.__parole.cancels") >= 1
    assert page.get_by_role("button", name="Écouter cette étape").get_attribute("aria-pressed") == "false"
    assert bar.locator(".lecture-etat").inner_text() == "Lecture arrêtée."
    assert stop.is_disabled()
    # read to the end: « Lecture terminée. »
    listen(page)
    page.evaluate("window.__finirLecture()")
    page.wait_for_function("document.querySelector('.lecture-barre .lecture-etat').textContent === 'Lecture terminée.'")
    # answer: the feedback gets its own « Écouter la réponse », which reads the feedback alone
    page.locator(".atelier-parcours-corps .atelier-options button").first.click()
    feedback = page.locator(".atelier-parcours-corps .atelier-retour").first
    feedback.locator(".retour-titre").wait_for()
    page.evaluate("window.__parole.spoken = []")
    page.get_by_role("button", name="Écouter la réponse").click()
    page.wait_for_function("window.__parole.spoken.length > 0")
    said = words(" ".join(s["text"] for s in recorded(page)))
    assert said == words(feedback.inner_text())
    # another step: the reading stops
    page.get_by_role("button", name="Suivant →").click()
    page.wait_for_selector(f".etape-numero:has-text('Étape {index + 2} sur')")
    page.wait_for_function("window.__parole.queue.length === 0")
    assert page.outside == []


@pytest.mark.parametrize("voices", ["[{name: 'English', lang: 'en-US', localService: true}]",
                                    "[{name: 'Français en ligne', lang: 'fr-FR', localService: false}]", "[]"])
def test_a_device_without_a_french_voice_says_so_in_french(server, page_factory, voices):
    page = reader_page(page_factory, voices=voices)
    open_atelier(page, server, "01_navigateur")
    page.get_by_role("button", name="Écouter cette étape").click()
    status = page.locator(".lecture-barre .lecture-etat")
    status.locator("text=pas de voix française").wait_for(timeout=5_000)
    assert "Demandez à l'animateur" in status.inner_text()
    assert status.get_attribute("role") == "status"
    assert recorded(page) == []  # nothing said with another voice, nothing sent to an online voice
    assert page.get_by_role("button", name="Écouter cette étape").get_attribute("aria-pressed") == "false"
    assert page.outside == []


def test_buttons_are_large_named_in_french_and_work_with_the_keyboard(server, page_factory):
    page = reader_page(page_factory, 360, 740)
    open_atelier(page, server, "01_navigateur")
    for name in ("Écouter cette étape", "Arrêter la lecture", "A− : texte plus petit", "A+ : texte plus grand"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, name
    listen_button = page.get_by_role("button", name="Écouter cette étape")
    assert "Écouter" in listen_button.inner_text()
    listen_button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.__parole.spoken.length > 0")
    assert page.outside == []


@pytest.fixture(scope="module")
def small_atelier_server(tmp_path_factory):
    """A server of one small atelier that says how to read an address and an abbreviation."""
    root = tmp_path_factory.mktemp("lecture")
    folder = root / "ateliers" / "01_essai"
    folder.mkdir(parents=True)
    source = yaml.safe_load((ATELIERS / "01_navigateur" / "atelier.yaml").read_text(encoding="utf-8"))
    content = {k: source[k] for k in ("titre", "resume", "duree", "niveau", "objectifs", "competences_pix", "themes_cra")}
    content["prononciation"] = [{"ecrit": "CNIL", "dire": "la cnil"}]
    content["etapes"] = [{
        "titre": "Payer une amende", "type": "choix",
        "texte": "La CNIL protège vos données. Le site des amendes est amendes.gouv.fr.",
        "question": "Où payer une amende ?",
        "options": [{"texte": "Sur amendes.gouv.fr", "correct": True}, {"texte": "Par SMS"}],
        "prononciation": [{"ecrit": "amendes.gouv.fr", "dire": "amendes point gouv point F R"}],
    }]
    (folder / "atelier.yaml").write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    (folder / "atelier.ipynb").write_bytes((ATELIERS / "01_navigateur" / "atelier.ipynb").read_bytes())
    from widgets.documents.build import build_documents

    build_documents(root / "ateliers")  # what « atelier lancer » does first, without its time limit
    server = Server(root, reserve=0, extra_args=("--dossier", str(root / "ateliers")),
                    extra_env={"ATELIERS_DONNEES": str(root / "donnees")})
    yield server
    server.stop()


def test_the_author_says_what_to_read_instead_of_an_address(small_atelier_server, page_factory):
    page = reader_page(page_factory)
    open_atelier(page, small_atelier_server, "01_essai")
    settle(page)
    said = " ".join(s["text"] for s in listen(page))
    assert "amendes point gouv point F R" in said and "amendes.gouv.fr" not in said
    assert "la cnil protège" in said  # said the atelier's way, on every step
    assert page.locator(".atelier-prononciation").is_hidden()  # nothing of it shows
    assert page.outside == []


# ---- Text size ----


def zoom(page) -> str:
    return page.evaluate("document.documentElement.getAttribute('data-taille-texte') + ' ' + (document.body.style.zoom || '1')")


def test_text_size_three_steps_up_is_kept_after_a_reload_and_on_the_ateliers(server, page_factory):
    page = page_factory(1024, 768)
    page.goto(server.url)
    larger = page.get_by_role("button", name="A+ : texte plus grand")
    for _ in range(3):
        larger.click()
    assert zoom(page) == "175 1.75"
    assert page.locator(".taille-etat").inner_text() == "Texte : 175 %"
    page.reload()
    assert zoom(page) == "175 1.75"
    larger.click()
    assert larger.is_disabled() and "le plus grand" in page.locator(".taille-etat").inner_text()
    open_atelier(page, server, "03_donnees_perso")
    assert zoom(page) == "200 2"
    page.get_by_role("button", name="A− : texte plus petit").click()
    assert zoom(page) == "175 1.75"
    assert page.outside == []


@pytest.mark.parametrize("width,height", [(360, 740), (1024, 768)])
def test_text_at_200_percent_is_accessible_and_never_wider_than_the_screen(server, page_factory, width, height):
    page = page_factory(width, height)
    page.add_init_script("window.localStorage.setItem('ateliers-taille-texte', '200')")
    page.goto(server.url)
    assert zoom(page) == "200 2"
    assert axe_serious(page) == []
    assert overflow(page) == []
    open_atelier(page, server, "02_courriel")
    assert zoom(page) == "200 2"
    settle(page)
    assert axe_serious(page) == []
    assert overflow(page) == []
    page.get_by_role("button", name="Suivant →").click()
    page.wait_for_selector(".etape-numero:has-text('Étape 2 sur')")
    settle(page)
    assert axe_serious(page) == []
    assert overflow(page) == []
    assert page.outside == []
