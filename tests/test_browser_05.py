"""Atelier 05 in a real browser: FranceConnect, the account, the form, the help near the villages; answered by
clicking and typing, read as a participant reads them, accessible (axe-core), calling nothing outside."""
from __future__ import annotations

import pytest
from browser_helpers import axe_serious, open_atelier, settle

SIZES = [(360, 740), (1024, 768)]
STEPS = 17
FRANCECONNECT, ADDRESS_QUIZ, ACCOUNT, FORM, HELP = 6, 7, 9, 11, 14
KINDS = {2: "verification", 3: "tri", 4: "resultats_recherche", 6: "franceconnect", 7: "choix", 8: "choix",
         9: "creation_compte", 10: "choix", 11: "formulaire", 14: "aide_proximite", 15: "boite_reception",
         16: "verification", 17: "retenir"}
FEEDBACK = ".atelier-retour:not(.atelier-direct):not(.atelier-direct-session)"


def go_to(page, number: int) -> None:
    """Press « Suivant » until « Étape number sur … » shows."""
    current = int(page.locator(".etape-numero").inner_text().split()[1])
    for n in range(current + 1, number + 1):
        page.get_by_role("button", name="Suivant →").click()
        page.wait_for_selector(f"text=Étape {n} sur {STEPS}")
    settle(page)


def axe_at_rest(page) -> list[str]:
    """axe-core once the page is still and the pointer away (a pressed button is not the resting page)."""
    page.mouse.move(0, 0)
    settle(page)
    return axe_serious(page)


def check_address(page) -> None:
    page.get_by_role("button", name="Oui, c'est le bon site").click()
    page.locator(f"{FEEDBACK} >> text=Bonne vérification").first.wait_for()


def test_franceconnect_journey_by_clicking_with_the_address_checked_at_each_screen(server, page_factory):
    page = open_atelier(page_factory(1024, 768), server, "05_demarches")
    go_to(page, FRANCECONNECT)
    page.locator(".demarche-bandeau").first.wait_for()
    assert "Exercice — rien n'est envoyé" in page.locator(".demarche-bandeau").first.inner_text()
    assert page.get_by_role("button", name="S'identifier avec FranceConnect").count() == 0  # address first
    assert "service-public.gouv.fr" in page.locator(".nav-adresse strong").first.inner_text()
    check_address(page)
    page.get_by_role("button", name="S'identifier avec FranceConnect").click()
    page.locator(".nav-adresse strong >> text=franceconnect.gouv.fr").wait_for()
    check_address(page)
    page.get_by_role("button", name="impots.gouv.fr").click()
    page.locator(".nav-adresse strong >> text=impots.gouv.fr").wait_for()
    check_address(page)
    page.get_by_label("Numéro fiscal", exact=True).fill("30 99 999 999 901")
    page.get_by_label("Mot de passe", exact=True).fill("pas-le-bon")
    page.get_by_role("button", name="Se connecter").click()
    page.locator(f"{FEEDBACK} >> text=Pas tout à fait").first.wait_for()
    assert page.get_by_label("Mot de passe", exact=True).input_value() == ""  # forgotten at once
    page.get_by_label("Numéro fiscal", exact=True).fill("30 99 999 999 901")
    page.get_by_label("Mot de passe", exact=True).fill("Exercice-Alba-07")
    page.get_by_role("button", name="Se connecter").click()
    page.locator("text=va recevoir ces informations").wait_for()
    assert "14/07/1950" in page.locator(".fc-donnees").inner_text()
    check_address(page)
    page.get_by_role("button", name="Continuer sur Service-Public.gouv.fr").click()
    page.locator(f"{FEEDBACK} >> text=Vous êtes connecté(e)").first.wait_for()
    assert "Jeanne Marie EXEMPLE" in page.locator(".fc-bonjour").inner_text()
    assert page.outside == []


def test_form_errors_next_to_the_fields_then_summary(server, page_factory):
    page = open_atelier(page_factory(360, 740), server, "05_demarches")
    go_to(page, FORM)
    page.get_by_role("button", name="Vérifier ma demande").click()
    page.locator(".demarche-erreurs").wait_for()
    assert "champs à corriger" in page.locator(".demarche-erreurs").inner_text()
    date_row = page.locator(".formulaire-ligne", has=page.locator(".formulaire-champ-date_naissance"))
    assert "obligatoire" in date_row.inner_text()
    values = {"Nom de naissance (obligatoire)": "EXEMPLE", "Prénoms (obligatoire)": "Jeanne Marie",
              "Date de naissance (obligatoire)": "1950-07-14", "Commune de naissance (obligatoire)": "Alba-la-Romaine",
              "Adresse (numéro et rue) (obligatoire)": "12 chemin des Vignes", "Code postal (obligatoire)": "7400",
              "Commune (obligatoire)": "Alba-la-Romaine",
              "Adresse électronique (obligatoire)": "jeanne.exemple@messagerie.example"}
    page.get_by_label("Document demandé (obligatoire)").select_option("Copie intégrale")
    for label, value in values.items():
        field = page.get_by_label(label, exact=True)
        field.fill(value)
        field.blur()
    page.wait_for_timeout(300)
    page.get_by_role("button", name="Vérifier ma demande").click()
    page.locator("text=ordre jour, mois, année").wait_for()
    assert "07400" in page.locator(".formulaire-ligne", has=page.locator(".formulaire-champ-code_postal")).inner_text()
    assert axe_at_rest(page) == []  # errors shown: still accessible
    page.get_by_label("Date de naissance (obligatoire)", exact=True).fill("14/07/1950")
    page.get_by_label("Code postal (obligatoire)", exact=True).fill("07400")
    page.get_by_label("Code postal (obligatoire)", exact=True).blur()
    page.wait_for_timeout(300)
    page.get_by_role("button", name="Vérifier ma demande").click()
    page.locator("text=Récapitulatif de votre demande").wait_for()
    assert axe_at_rest(page) == []
    page.get_by_role("button", name="Valider la demande").click()
    page.locator(f"{FEEDBACK} >> text=Demande validée").first.wait_for()
    assert page.outside == []


def test_account_code_found_in_the_spam_folder(server, page_factory):
    page = open_atelier(page_factory(1024, 768), server, "05_demarches")
    go_to(page, ACCOUNT)
    page.get_by_label("Adresse électronique", exact=True).fill("jeanne.exemple@messagerie.example")
    password = page.get_by_label("Mot de passe", exact=True)
    password.fill("marmotte tiroir pluie vanille cabane orgue sentier")
    password.press("Enter")
    page.locator(".mdp-etiquette").wait_for()
    page.get_by_role("button", name="Créer mon compte").click()
    page.get_by_role("button", name="Je n'ai rien reçu").click()
    page.locator(f"{FEEDBACK} >> text=Courrier indésirable").first.wait_for()
    page.get_by_role("button", name="Courrier indésirable (spam) (1)").click()
    code = page.locator(".compte-message strong").last.inner_text()
    assert code.isdigit() and len(code) == 6
    assert axe_at_rest(page) == []
    page.get_by_label("Code reçu", exact=True).fill(code)
    page.get_by_role("button", name="Valider le code").click()
    page.locator(f"{FEEDBACK} >> text=Compte créé").first.wait_for()
    assert page.outside == []


@pytest.mark.parametrize("width,height", SIZES)
def test_accessibility_of_the_steps_of_atelier_05(server, page_factory, width, height):
    page = open_atelier(page_factory(width, height), server, "05_demarches")
    for step in sorted(KINDS):
        go_to(page, step)
        page.wait_for_selector(f".atelier-parcours .atelier-etape-{KINDS[step]}")
        if step == FRANCECONNECT:
            check_address(page)
            page.get_by_role("button", name="S'identifier avec FranceConnect").click()
            page.locator("text=Je choisis un compte").wait_for()
        if step == HELP:
            page.get_by_role("button", name="Alba-la-Romaine").click()
            page.locator("text=à vérifier").first.wait_for()
        assert axe_at_rest(page) == [], f"étape {step}"
    assert page.outside == []
