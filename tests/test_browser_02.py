"""Atelier 02 in a real browser: answer an inbox decision by clicking, accessibility of the inbox and the checker."""
from __future__ import annotations

import pytest
from browser_helpers import (
    axe_serious,
    go_to_step_titled,
    open_atelier,
    sideways_overflow,
)

SIZES = [(360, 740), (1024, 768)]
INBOX, CHECKER = "Votre boîte de réception", "Vérifier un courriel"  # step titles (their numbers move)


def go_to_step(page, title: str) -> int:
    return go_to_step_titled(page, title)


def test_inbox_decision_by_clicking_shows_the_feedback(server, page_factory):
    page = open_atelier(page_factory(1024, 768), server, "02_courriel")
    go_to_step(page, INBOX)
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
    assert "antai-paiement-amende.example" in page.locator(".boite-popup").inner_text()
    assert page.outside == []


def test_phone_width_shows_the_phone_layout(server, page_factory):
    page = open_atelier(page_factory(360, 740), server, "02_courriel")
    go_to_step(page, INBOX)
    page.locator(".boite-ligne").first.click()
    page.wait_for_selector(".boite-decisions")
    assert not page.locator(".boite-liste").is_visible()  # the opened message replaces the list
    page.get_by_role("button", name="← Retour à la boîte de réception").click()
    page.locator(".boite-liste").wait_for(state="visible")
    assert page.outside == []


@pytest.mark.parametrize("width,height", SIZES)
def test_accessibility_inbox_and_checker(server, page_factory, width, height):
    page = open_atelier(page_factory(width, height), server, "02_courriel")
    go_to_step(page, INBOX)
    assert axe_serious(page) == []
    page.locator(".boite-ligne").first.click()  # a message with a link
    page.wait_for_selector(".boite-decisions")
    page.locator(".boite-lien").click()
    page.wait_for_selector(".boite-popup")
    assert axe_serious(page) == []
    go_to_step(page, CHECKER)
    page.get_by_role("button", name="Amende ANTAI").click()
    page.locator(".courriel-details").locator("text=Qui envoie ce message").wait_for()
    assert axe_serious(page) == []
    assert page.outside == []


#: A 360 px phone, then the same phone with the text at 200 % (the page is laid out on 180 CSS pixels).
PHONE_SIZES = [(360, 740, 1), (180, 370, 2)]


@pytest.mark.parametrize("width,height,scale", PHONE_SIZES)
def test_checker_field_is_under_its_label_and_full_width_on_a_phone(server, page_factory, width, height, scale):
    page = open_atelier(page_factory(width, height, device_scale_factor=scale), server, "02_courriel")
    go_to_step(page, CHECKER)
    field = page.locator(".courriel-outil .atelier-champ")
    label, area = field.locator(".widget-label").bounding_box(), field.locator("textarea").bounding_box()
    box = field.bounding_box()
    assert label["y"] + label["height"] <= area["y"] + 1  # the label above, not beside
    assert area["width"] >= box["width"] - 2  # the text area takes the whole width
    page.get_by_role("button", name="Amende ANTAI").click()
    page.locator(".courriel-details").locator("text=Qui envoie ce message").wait_for()
    assert sideways_overflow(page) == []
    assert page.outside == []
