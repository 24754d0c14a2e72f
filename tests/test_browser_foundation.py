"""The landing page and atelier 01 in a real browser: click, feedback, accessibility, no outside request."""
from __future__ import annotations

import pytest
from browser_helpers import axe_serious, go_to_step_titled, open_atelier, settle

SIZES = [(360, 740), (1024, 768)]


def test_landing_page_lists_the_ateliers_in_french(server, page_factory):
    page = page_factory()
    page.goto(server.url)
    assert page.locator("html").get_attribute("lang") == "fr"
    cards = page.locator(".carte a")
    assert cards.count() >= 1
    assert "Le navigateur" in page.locator(".cartes").inner_text()
    assert page.outside == []


def test_open_atelier_01_answer_and_read_the_feedback(server, page_factory):
    page = page_factory()
    page.goto(server.url)
    page.get_by_role("link", name="Le navigateur").click()
    page.wait_for_selector(".etape-titre", timeout=60_000)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Étape 1 sur" in page.locator(".etape-numero").inner_text()
    # go to the step « typing an address or searching » and answer it
    go_to_step_titled(page, "Taper une adresse ou chercher ?")
    page.get_by_role("button", name="Ouvrir le lien reçu par SMS au sujet des impôts").click()
    feedback = page.locator(".atelier-choix .atelier-retour").first  # the exercise's (the page has others)
    feedback.locator("text=Pas tout à fait").wait_for()
    assert feedback.get_attribute("aria-live") == "polite"
    page.get_by_role("button", name="Taper impots.gouv.fr dans la barre d'adresse").click()
    feedback.locator("text=Bonne réponse").wait_for()
    assert "directement sur le bon site" in feedback.inner_text()
    assert page.outside == []
    # the conseiller's terminal stays French: no Tornado/Jupyter warning after a page connected
    log = server.log.read_text(encoding="utf-8")
    assert "websocket_ping" not in log and "WARNING" not in log and "Traceback" not in log


def test_the_answer_is_not_in_the_page_before_answering(server, page_factory):
    page = open_atelier(page_factory(), server, "01_navigateur")
    go_to_step_titled(page, "Taper une adresse ou chercher ?")
    html = page.content()
    assert "directement sur le bon site" not in html  # the feedback of the right option
    assert "correct" not in page.evaluate("JSON.stringify(Object.keys(window))")


@pytest.mark.parametrize("width,height", SIZES)
def test_accessibility_landing_and_atelier(server, page_factory, width, height):
    page = page_factory(width, height)
    page.goto(server.url)
    assert axe_serious(page) == []
    open_atelier(page, server, "01_navigateur")
    assert axe_serious(page) == []
    # a step with many controls: the browser window
    for _ in range(6):
        if page.locator(".atelier-parcours .atelier-navigateur").count():
            break
        page.get_by_role("button", name="Suivant →").click()
        settle(page)
    page.wait_for_selector(".atelier-navigateur")
    assert axe_serious(page) == []
    assert page.outside == []


SMALLEST_TEXT = """() => Math.min(...[...document.querySelectorAll('body *')]
    .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .map(e => parseFloat(getComputedStyle(e).fontSize)))"""


@pytest.mark.parametrize("width,height", SIZES)
def test_documents_read_well_on_a_phone_and_projected(server, page_factory, width, height):
    page = page_factory(width, height, bypass_csp=True)  # the documents forbid scripts: axe is injected
    page.goto(server.url)
    links = page.locator("a[href$='.html']").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 8  # a fiche and a memo per atelier
    for link in links:
        page.goto(link)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), link
        assert page.evaluate(SMALLEST_TEXT) >= 16, link
        assert axe_serious(page) == [], link
    assert page.outside == []


@pytest.mark.parametrize("width,height", SIZES)
def test_landing_page_text_is_never_under_18px(server, page_factory, width, height):
    """Every text of the landing page (cards, durations, footer) is at least 18 px; axe checks its contrast above."""
    page = page_factory(width, height)
    page.goto(server.url)
    assert page.evaluate(SMALLEST_TEXT) >= 18
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.outside == []
