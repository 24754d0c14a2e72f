"""Atelier 04 in a real browser: answer by clicking, read the feedback, accessibility, no outside request."""
from __future__ import annotations

import pytest
from browser_helpers import axe_serious, open_atelier

SIZES = [(360, 740), (1024, 768)]
STEPS = 20  # with the before/after check (steps 2 and 19)
KINDS = {5: "publication", 6: "mentions_legales", 7: "age_domaine", 8: "resultats_recherche", 9: "publication",
         10: "images_etapes", 13: "associer", 14: "graphique", 16: "graphique", 18: "serie_vrai_faux"}


def go_to(page, number: int) -> None:
    """Press « Suivant » until « Étape number sur … » shows."""
    current = int(page.locator(".etape-numero").inner_text().split()[1])
    for n in range(current + 1, number + 1):
        page.get_by_role("button", name="Suivant →").click()
        page.wait_for_selector(f"text=Étape {n} sur {STEPS}")


def test_sift_stop_step_answer_by_clicking_and_read_why(server, page_factory):
    page = open_atelier(page_factory(), server, "04_sources")
    go_to(page, 5)
    page.wait_for_selector(".publication")
    assert page.locator(".publication").count() == 1
    assert page.locator(".publication img").get_attribute("alt").startswith("Dessin d'une rue")
    page.get_by_role("button", name="Du calme, elle donne des faits vérifiés").click()
    feedback = page.locator(".atelier-retour:not(.atelier-direct):not(.atelier-direct-session)").first
    feedback.locator("text=Pas tout à fait").wait_for()
    assert "source" in feedback.inner_text()
    page.get_by_role("button", name="De la peur et de la colère, pour que je partage vite").click()
    feedback.locator("text=Bonne réponse").wait_for()
    assert "sans réfléchir" in feedback.inner_text()
    assert page.outside == []


def test_domain_age_step_says_where_the_answer_comes_from(server, page_factory):
    page = open_atelier(page_factory(), server, "04_sources")
    go_to(page, 7)
    page.get_by_role("button", name="info-verite-ardeche.fr").click()
    page.locator(".age-source").wait_for()
    assert "Exemple enregistré" in page.locator(".age-source").inner_text()
    assert "2026" in page.locator(".atelier-retour:not(.atelier-direct):not(.atelier-direct-session)").first.inner_text()
    assert page.outside == []


def test_chart_step_has_text_alternatives_and_feedback(server, page_factory):
    page = open_atelier(page_factory(), server, "04_sources")
    go_to(page, 16)
    page.wait_for_selector("text=Description du graphique B")
    svgs = page.locator(".graphique svg[role=img]")
    assert svgs.count() == 2
    assert "62" in svgs.nth(1).get_attribute("aria-label")
    page.get_by_text("Description du graphique B").click()
    assert "ronds" in page.locator(".graphique-description").nth(1).inner_text()
    page.get_by_role("button", name="Le graphique B, avec les ronds").click()
    page.locator(".atelier-retour >> text=Bonne réponse").wait_for()
    assert page.outside == []


def test_series_reveal_then_next_statement(server, page_factory):
    page = open_atelier(page_factory(1024, 768), server, "04_sources")
    go_to(page, 18)
    page.wait_for_selector(".serie-texte")
    assert "Affirmation 1 sur 6" in page.locator(".atelier-serie-numero").inner_text()
    size = page.locator(".serie-texte").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 30  # readable on a projector
    page.get_by_role("button", name="Voir la réponse").click()
    page.locator(".atelier-retour >> text=Réponse : Faux").wait_for()
    page.get_by_role("button", name="Affirmation suivante →").click()
    page.wait_for_selector("text=Affirmation 2 sur 6")
    assert page.outside == []


@pytest.mark.parametrize("width,height", SIZES)
def test_accessibility_of_sift_and_chart_steps(server, page_factory, width, height):
    page = open_atelier(page_factory(width, height), server, "04_sources")
    for step in sorted(KINDS):
        go_to(page, step)
        page.wait_for_selector(f".atelier-parcours .atelier-etape-{KINDS[step]}")
        assert axe_serious(page) == [], f"étape {step}"
    assert page.outside == []
