"""Atelier 02 in a real browser: answer an inbox decision by clicking, accessibility of the inbox and the checker."""
from __future__ import annotations

import pytest
from browser_helpers import axe_serious, open_atelier

SIZES = [(360, 740), (1024, 768)]
INBOX_STEP, CHECKER_STEP = 7, 14


def go_to_step(page, number: int) -> None:
    for n in range(2, number + 1):
        page.get_by_role("button", name="Suivant →").click()
        page.wait_for_selector(f"text=Étape {n} sur")


def test_inbox_decision_by_clicking_shows_the_feedback(server, page_factory):
    page = open_atelier(page_factory(1024, 768), server, "02_courriel")
    go_to_step(page, INBOX_STEP)
    page.locator(".boite-ligne").first.click()  # the ANTAI SMS
    page.wait_for_selector(".boite-decisions")
    page.get_by_role("button", name="Message sérieux").click()
    feedback = page.locator(".boite .atelier-retour").first
    feedback.locator("text=Pas tout à fait").wait_for()
    assert feedback.get_attribute("aria-live") == "polite"
    page.get_by_role("button", name="Arnaque", exact=True).click()
    feedback.locator("text=Bonne réponse : c'est une arnaque").wait_for()
    assert "amendes.gouv.fr" in feedback.inner_text()
    # the long press on the link shows where it really goes
    page.locator(".boite-lien").click()
    page.wait_for_selector(".boite-popup")
    assert "antai-paiement-amende.info" in page.locator(".boite-popup").inner_text()
    assert page.outside == []


def test_phone_width_shows_the_phone_layout(server, page_factory):
    page = open_atelier(page_factory(360, 740), server, "02_courriel")
    go_to_step(page, INBOX_STEP)
    page.locator(".boite-ligne").first.click()
    page.wait_for_selector(".boite-decisions")
    assert not page.locator(".boite-liste").is_visible()  # the opened message replaces the list
    page.get_by_role("button", name="← Retour à la boîte de réception").click()
    page.locator(".boite-liste").wait_for(state="visible")
    assert page.outside == []


@pytest.mark.parametrize("width,height", SIZES)
def test_accessibility_inbox_and_checker(server, page_factory, width, height):
    page = open_atelier(page_factory(width, height), server, "02_courriel")
    go_to_step(page, INBOX_STEP)
    assert axe_serious(page) == []
    page.locator(".boite-ligne").nth(2).click()
    page.wait_for_selector(".boite-decisions")
    page.locator(".boite-lien").click()
    page.wait_for_selector(".boite-popup")
    assert axe_serious(page) == []
    for n in range(INBOX_STEP + 1, CHECKER_STEP + 1):
        page.get_by_role("button", name="Suivant →").click()
        page.wait_for_selector(f"text=Étape {n} sur")
    page.get_by_role("button", name="Amende ANTAI").click()
    page.locator(".courriel-details").locator("text=Qui envoie ce message").wait_for()
    assert axe_serious(page) == []
    assert page.outside == []
