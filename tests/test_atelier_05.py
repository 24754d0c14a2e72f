"""Atelier 05 « Faire une démarche en ligne »: content, each simulation driven, form messages on bad and
hostile input, the France services list, the live exercises."""
from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import ipywidgets as ipw
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.analysers.form.check import MAX_LENGTH, check_field
from widgets.analysers.france_services import help_places, nearest_help, villages
from widgets.components.exercise import exercises_in
from widgets.content.atelier import load_atelier
from widgets.content.step_types.catalog import step_types
from widgets.sessions.answer_keys import answer_key
from widgets.simulations.account_signup import AccountSignup
from widgets.simulations.franceconnect import (
    FranceConnectLogin,
    identity_from_content,
    provider_from_content,
)
from widgets.simulations.help_nearby import HelpNearby
from widgets.simulations.procedure_page import BANNER
from widgets.simulations.service_form import ServiceForm, field_from_content
from widgets.steps.build import StepContext, build_step
from widgets.workshop.walkthrough import walkthrough

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "ateliers" / "05_demarches"
ENGLISH = re.compile(r"\b(the|error|password|Traceback|Exception|invalid|required|field)\b", re.I)
HYPO = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = dt.date(2026, 11, 29)
hostile = st.one_of(st.text(max_size=300), st.sampled_from([
    "\x00\x1b[31m", "<script>alert(1)</script>", "é" * 5000, "\u202e\ufeff07400", "' OR 1=1 --",
    "{{7*7}}", "../../etc/passwd", "1950-07-14", "31/02/1950", "7400", "０７４００"]))


def content() -> dict:
    return yaml.safe_load((FOLDER / "atelier.yaml").read_text(encoding="utf-8"))


def step_of(kind: str) -> dict:
    return next(s for s in content()["etapes"] if s.get("type") == kind)


def shown(widget) -> str:
    """The text of an HTML widget as a person reads it (entities decoded)."""
    return html.unescape(widget.value)


def built(kind: str):
    data = content()
    index = next(i for i, s in enumerate(data["etapes"]) if s.get("type") == kind)
    widget = build_step(data["etapes"][index], StepContext(FOLDER, "05_demarches", index))
    if exercises_in(widget):
        return exercises_in(widget)[0]
    return next(c for c in widget.children if not isinstance(c, ipw.HTML))


# -- content ------------------------------------------------------------------------------------
def test_content_is_valid_and_lasts_60_to_75_minutes():
    atelier = load_atelier(FOLDER)
    data = content()
    assert 60 <= data["duree"] <= 75 and data["duree"] == sum(s["duree"] for s in data["etapes"])
    kinds = [s.get("type", "texte") for s in data["etapes"]]
    assert {"franceconnect", "creation_compte", "formulaire", "aide_proximite", "piece_jointe", "recepisse",
            "boite_reception", "retenir"} <= set(kinds)
    # the order of the issue: before starting, FranceConnect, account, form, document, receipt, help
    order = [kinds.index(k) for k in ("franceconnect", "creation_compte", "formulaire", "piece_jointe",
                                      "recepisse", "aide_proximite")]
    assert order == sorted(order)
    assert atelier.steps[-1]["titre"] == "Ce qu'il faut retenir"


def test_walkthrough_says_yes_everywhere():
    report = walkthrough(FOLDER)
    assert "NON" not in report and report.count("oui") == 5


def test_at_least_three_live_exercises_are_choices_the_board_can_count():
    live = [s for s in content()["etapes"] if s.get("en_direct")]
    choices = [s for s in live if s.get("type") == "choix"]
    assert len(choices) >= 3
    for step in live:
        assert step_types()[step.get("type", "texte")].exercise
        key = answer_key(step)
        assert key.right and all(r in key.labels for r in key.right)


def test_fictional_identities_only():
    text = (FOLDER / "atelier.yaml").read_text(encoding="utf-8")
    for address in re.findall(r"[\w.+-]+@[\w.-]+", text):
        assert address.endswith(".example"), address
    fc = step_of("franceconnect")
    fiscal = next(c for c in fc["comptes"] if c["nom"] == "impots.gouv.fr")["identifiant_exemple"]
    assert len(re.sub(r"\D", "", fiscal)) == 13  # the real format, a fictional number


# -- FranceConnect -------------------------------------------------------------------------------
def test_franceconnect_each_screen_asks_to_check_the_address_first():
    fc = built("franceconnect")
    assert isinstance(fc, FranceConnectLogin)
    seen = []
    assert BANNER in shown(fc.page)
    assert fc.actions.children == ()  # nothing to press before the address is checked
    fc.check_address(True)
    seen.append(fc.expected_site())
    fc.fc_button.click()
    assert fc.screen == "choix" and fc.actions.children == ()
    fc.check_address(True)
    seen.append(fc.expected_site())
    names = [b.description for b in fc.provider_buttons]
    assert names == ["impots.gouv.fr", "ameli.fr", "L'Identité Numérique La Poste", "MSA", "France Identité"]
    fc.provider_buttons[1].click()
    assert "<strong>ameli.fr</strong>" in fc.page.value and BANNER in shown(fc.page)
    fc.check_address(False)  # a doubt is answered, never blocked
    assert fc.feedback.kind == "incorrect" and "ameli.fr" in fc.feedback.text
    seen.append(fc.expected_site())
    assert seen == ["service-public.gouv.fr", "franceconnect.gouv.fr", "ameli.fr"]


def test_franceconnect_login_forgets_what_was_typed_and_consent_lists_the_data():
    fc = built("franceconnect")
    fc.check_address(True)
    fc.go("choix")
    fc.check_address(True)
    fc.choose_provider(0)
    fc.check_address(True)
    provider = fc.providers[0]
    assert provider.identifier in fc.page.value and provider.secret in fc.page.value  # shown on screen
    fc.identifier.value = "n'importe quoi"
    fc.secret.value = "Sentinelle-secrete"
    fc.login_button.click()
    assert fc.feedback.kind == "incorrect" and fc.secret.value == "" and fc.identifier.value == ""
    assert fc.screen == "connexion"
    fc.identifier.value = provider.identifier.replace(" ", "")  # spaces do not matter
    fc.secret.value = provider.secret
    fc.login_button.click()
    assert fc.screen == "consentement" and fc.secret.value == ""
    fc.check_address(True)
    for label in ("Nom de naissance", "Prénoms", "Sexe", "Date de naissance", "Lieu de naissance",
                  "Adresse électronique"):
        assert label in fc.page.value
    fc.cancel_button.click()
    assert fc.screen == "service" and not fc.solved and "rien" in fc.feedback.text.lower()


def test_franceconnect_cannot_be_skipped_by_a_forged_callback():
    fc = built("franceconnect")
    fc.consent(True)  # not on the consent screen: nothing happens
    assert not fc.solved
    assert fc.login("x", "y") is False and fc.screen == "service"
    fc.choose_provider(99)
    assert fc.screen == "service"


# -- creating an account -------------------------------------------------------------------------
def test_account_weak_password_refused_next_to_the_field_with_the_meter():
    acc = built("creation_compte")
    assert isinstance(acc, AccountSignup) and isinstance(acc.password, ipw.Password)
    acc.email.value = "jeanne.exemple@messagerie.example"
    acc.password.value = "azerty"
    assert "Très faible" in acc.meter.value or "Faible" in acc.meter.value  # the meter of atelier 03
    assert not acc.create()
    assert "refuse" in acc.password_error.value and acc.feedback.kind == "incorrect"
    acc.email.value = "jeanne.exemple.messagerie.example"
    acc.create()
    assert "@" in acc.email_error.value


def test_account_code_lands_in_spam_expires_and_is_replaced():
    acc = built("creation_compte")
    acc.email.value = "Jeanne.Exemple@Messagerie.Example"
    acc.password.value = "marmotte tiroir pluie vanille cabane orgue sentier"
    assert acc.create()
    assert acc.password.value == ""  # rated, then forgotten
    acc.show_folder("reception")
    assert "Aucun message" in acc.folder_view.value
    acc.nothing_received()
    assert "Courrier indésirable" in acc.feedback.text
    acc.show_folder("indesirables")
    first = acc.code
    assert first in acc.folder_view.value
    acc.wait(15)
    assert not acc.enter_code(first) and acc.feedback.kind == "attention" and "expiré" in acc.feedback.text
    acc.resend()
    assert acc.code != first or len(acc.messages["indesirables"]) == 2
    if acc.code != first:
        assert not acc.enter_code(first)  # the old code stopped working
    assert acc.enter_code(acc.code) and acc.solved


def test_account_typo_in_the_address_explained_by_nothing_received():
    acc = built("creation_compte")
    acc.email.value = "jeane.exemple@messagerie.example"
    acc.password.value = "marmotte tiroir pluie vanille cabane orgue sentier"
    acc.create()
    assert not acc.messages["indesirables"] and not acc.messages["reception"]
    acc.nothing_received()
    assert "jeane.exemple@messagerie.example" in acc.feedback.text and "Corriger mon adresse" in acc.feedback.text
    acc.fix_address()
    assert acc.form in acc.children and acc.code == ""


@HYPO
@given(hostile)
def test_account_never_raises_on_hostile_input(text):
    acc = AccountSignup("Site", "https://www.site.example/", "jeanne.exemple@messagerie.example",
                        "Site", "ne-pas-repondre@site.example")
    acc.email.value = text
    acc.password.value = text
    acc.create_button.click()
    acc.code_field.value = text
    acc.code_button.click()
    for message in (acc.feedback.text, acc.email_error.value, acc.password_error.value):
        assert not ENGLISH.search(message)
        assert "<script>" not in message


# -- the form ------------------------------------------------------------------------------------
def test_form_empty_shows_a_french_error_next_to_each_required_field():
    form = built("formulaire")
    assert isinstance(form, ServiceForm) and BANNER in shown(form.page)
    form.check_button.click()
    required = [f for f in form.fields if f.required]
    assert all("obligatoire" in form.errors[f.key].value for f in required)
    assert form.errors["telephone"].value == ""  # optional
    assert f"{len(required)} champs à corriger" in form.summary_errors.value
    assert form.feedback.kind == "incorrect"


@pytest.mark.parametrize("key,typed,expected", [
    ("date_naissance", "1950-07-14", "ordre jour, mois, année"),
    ("date_naissance", "14/07/50", "4 chiffres"),
    ("date_naissance", "31/04/1950", "n'existe pas"),
    ("date_naissance", "14/13/1950", "de 01 (janvier) à 12"),
    ("date_naissance", "14/07/2090", "avenir"),
    ("date_naissance", "quatorze juillet", "avec des chiffres"),
    ("code_postal", "7400", "07400"),
    ("code_postal", "074000", "5 chiffres"),
    ("code_postal", "00400", "n'existe pas"),
    ("code_postal", "O74OO", "que des chiffres"),
    ("courriel", "jeanne.exemple", "@"),
    ("courriel", "jeanne@messagerie", "il manque la fin"),
    ("nom", "Exemple2", "que des lettres"),
    ("telephone", "04 65 71", "10 chiffres"),
])
def test_form_bad_formats_explained_in_plain_french_next_to_the_field(key, typed, expected):
    form = built("formulaire")
    form.fill({f.key: f.example for f in form.fields})
    form.inputs[key].value = typed
    form.check_button.click()
    assert expected in shown(form.errors[key])
    assert all(form.errors[f.key].value == "" for f in form.fields if f.key != key)
    assert not ENGLISH.search(form.errors[key].value)


def test_form_summary_then_correct_then_validate_forgets_everything():
    form = built("formulaire")
    form.fill({f.key: f.example for f in form.fields})
    form.inputs["date_naissance"].value = "14.7.1950"
    form.inputs["code_postal"].value = "07 400"
    form.check_button.click()
    assert form.recap_box in form.children
    assert "14/07/1950" in form.recap.value and "07400" in form.recap.value  # as the site writes them
    form.edit_button.click()
    assert form.form in form.children and form.inputs["nom"].value == "EXEMPLE"  # values kept to correct
    form.inputs["prenoms"].value = "Jeanne"
    form.check_button.click()
    assert "<td>Jeanne</td>" in form.recap.value
    form.send_button.click()
    assert form.solved and form.feedback.kind == "correct" and "récépissé" in form.feedback.text
    assert all(w.value in ("", "— Choisissez —") for w in form.inputs.values()) and form.recap.value == ""


@HYPO
@given(st.sampled_from(["texte", "nom", "commune", "date", "date_naissance", "code_postal", "courriel",
                        "telephone", "choix"]), hostile)
def test_field_check_never_raises_and_speaks_french(kind, text):
    result = check_field(kind, text, True, ("Copie intégrale",), today=TODAY)
    assert result.ok or (result.message and not ENGLISH.search(result.message))
    if len(text) > MAX_LENGTH:
        assert not result.ok and "trop long" in result.message


@HYPO
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
def test_every_real_past_date_is_accepted_and_written_dd_mm_yyyy(date):
    for typed in (date.strftime("%d/%m/%Y"), date.strftime("%d-%m-%Y"), f"{date.day}/{date.month}/{date.year}"):
        result = check_field("date_naissance", typed, today=TODAY)
        assert result.ok and result.value == date.strftime("%d/%m/%Y")


@HYPO
@given(st.integers(min_value=1000, max_value=95999))
def test_every_five_digit_postal_code_of_a_departement_is_accepted(number):
    code = f"{number:05d}"
    assert check_field("code_postal", code).ok and check_field("code_postal", code).value == code


def test_huge_input_is_refused_without_being_analysed():
    for kind in ("nom", "date_naissance", "code_postal", "courriel", "texte"):
        result = check_field(kind, "7" * 1_000_000)
        assert not result.ok and "trop long" in result.message


# -- where to get help ---------------------------------------------------------------------------
def test_nine_villages_each_get_two_places_marked_to_check_with_a_dated_source():
    dated, places = help_places()
    assert str(dated.checked_on) == "2026-11-29" and dated.sources[0].address.startswith("https://")
    assert len(villages()) == 9 and all(p.to_check for p in places)
    for village in villages():
        found = nearest_help(village)
        assert len(found) == 2 and found[0][1] <= found[1][1] < 40
    assert nearest_help("Paris") == []


def test_help_step_says_to_check_and_where_the_list_comes_from():
    tool = built("aide_proximite")
    assert isinstance(tool, HelpNearby) and len(tool.village_buttons) == 9
    tool.village_buttons[0].click()
    assert "à vérifier" in tool.result.text and "29/11/2026" in tool.result.text
    assert "france-services.gouv.fr" in tool.result.text


def test_content_built_objects_match_the_content():
    fc = step_of("franceconnect")
    assert provider_from_content(fc["comptes"][0]).identifier == fc["comptes"][0]["identifiant_exemple"]
    assert identity_from_content(fc["identite"]).full_name == "Jeanne Marie EXEMPLE"
    form = step_of("formulaire")
    fields = [field_from_content(f) for f in form["champs"]]
    assert all(check_field(f.kind, f.example, f.required, f.choices).ok for f in fields)


# -- the landing page, the printed documents, the activity report ---------------------------------
def test_landing_page_fiches_and_bilan_include_atelier_05(tmp_path, capsys):
    import json

    from widgets.cli import main as cli
    from widgets.documents.build import build_documents
    from widgets.server import board
    from widgets.server.pages import landing_html
    from widgets.sessions.store import LiveStore

    root = ROOT / "ateliers"
    page = landing_html(root, documents=tmp_path / "documents")
    assert "Faire une démarche en ligne" in page and "05_demarches" in page
    build_documents(root, tmp_path / "documents", pdf=False)
    guide = (tmp_path / "documents" / "05_demarches-fiche-animateur.html").read_text(encoding="utf-8")
    memo = (tmp_path / "documents" / "05_demarches-memo.html").read_text(encoding="utf-8")
    assert "Aidants Connect" in guide and "aidantsconnect.beta.gouv.fr" in guide and "29/11/2026" in guide
    assert "france-services.gouv.fr" in memo and "récépissé" in memo
    store = LiveStore(tmp_path / "donnees")
    session = board.start_session(store, root, "05_demarches")
    store.touch(session, "personne01", 1)
    assert cli.main(["bilan", "--json", "--donnees", str(store.folder), "--dossier", str(root)]) == 0
    row = json.loads(capsys.readouterr().out)["sessions"][0]
    assert row["titre"] == "Faire une démarche en ligne" and "AideAuxDemarchesAdministratives" in row["themes_cra"]
