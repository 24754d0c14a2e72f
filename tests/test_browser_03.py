"""Atelier 03 in a real browser: the password and photo steps work, are accessible, and call nothing outside."""
from __future__ import annotations

import pytest
from browser_helpers import axe_serious, open_atelier

SIZES = [(360, 740), (1024, 768)]
PASSWORD_STEP, PHOTO_STEP = 7, 11  # after « Ce que je sais déjà » (step 2)


def go_to(page, number: int) -> None:
    """Press « Suivant » until step ``number`` is shown (waiting for each step to appear)."""
    first = int(page.locator(".etape-numero").inner_text().split()[1])
    for current in range(first, number):
        page.locator(f"text=Étape {current} sur").wait_for()
        page.get_by_role("button", name="Suivant →").click()
    page.locator(f"text=Étape {number} sur").wait_for()


@pytest.mark.parametrize("width,height", SIZES)
def test_password_step_rates_on_enter_and_is_accessible(server, page_factory, width, height):
    page = open_atelier(page_factory(width, height), server, "03_donnees_perso")
    go_to(page, PASSWORD_STEP)
    field = page.locator(".atelier-mot-de-passe input[type=password]")
    field.wait_for()
    assert axe_serious(page) == []
    field.fill("Cheval1952")
    field.press("Enter")
    page.locator(".mdp-etiquette").wait_for()
    assert "Force" in page.locator(".mdp-etiquette").inner_text()
    assert "CNIL" in page.locator(".atelier-mot-de-passe").inner_text()
    assert "Cheval1952" not in page.content()  # never echoed in the page
    page.get_by_role("button", name="Créer une phrase de passe").click()
    page.locator(".mdp-phrase-texte").wait_for()
    assert axe_serious(page) == []
    assert page.outside == []


@pytest.mark.parametrize("width,height", SIZES)
def test_photo_step_shows_the_hidden_place_and_is_accessible(server, page_factory, width, height):
    page = open_atelier(page_factory(width, height), server, "03_donnees_perso")
    go_to(page, PHOTO_STEP)
    page.get_by_role("button", name="Voir ce que cache cette photo").click()
    page.locator(".photo-infos").wait_for()
    assert "Alba-la-Romaine" in page.locator(".photo-infos").inner_text()
    assert axe_serious(page) == []
    with page.expect_file_chooser() as chooser:
        page.locator(".atelier-photo .widget-upload").click()
    chooser.value.set_files(files=[{"name": "texte.jpg", "mimeType": "image/jpeg",
                                    "buffer": b"ceci n'est pas une photo"}])
    page.locator("text=Nous ne pouvons pas lire ce fichier").wait_for()
    assert axe_serious(page) == []
    assert page.outside == []
