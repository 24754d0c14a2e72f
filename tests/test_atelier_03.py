"""Atelier 03 « Protéger mes données personnelles »: content, each widget driven, network paths replayed."""
from __future__ import annotations

import base64
import hashlib
import io
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
import requests
import responses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.content.atelier import load_atelier
from widgets.simulations.privacy_settings import PrivacySettings, Publication
from widgets.simulations.trackers import Site, TrackerSimulation
from widgets.simulations.two_factor import TwoFactorLogin
from widgets.tools.letter_tool import LetterTool
from widgets.tools.password_tool import PasswordTool
from widgets.tools.photo_tool import PhotoTool
from widgets.workshop.walkthrough import walkthrough

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "ateliers" / "03_donnees_perso"
SAMPLE = FOLDER / "media" / "photo_exemple.jpg"
PWNED = re.compile(r"https://api\.pwnedpasswords\.com/range/.*")
ENGLISH = re.compile(r"\b(the|error|password|Traceback|Exception|invalid|file)\b", re.I)
HYPO = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
hostile = st.one_of(st.text(max_size=300), st.sampled_from(["\x00\x1b[31m", "<script>alert(1)</script>",
                                                            "é" * 2000, "\u202e\ufeff", "' OR 1=1 --"]))


def content() -> dict:
    import yaml
    return yaml.safe_load((FOLDER / "atelier.yaml").read_text(encoding="utf-8"))


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest().upper()


# -- content ------------------------------------------------------------------------------
def test_content_is_valid_and_duration_is_the_sum_of_steps():
    load_atelier(FOLDER)  # raises a French ContentError if invalid
    data = content()
    steps = data["etapes"]
    assert 60 <= data["duree"] <= 75
    assert data["duree"] == sum(s["duree"] for s in steps)
    kinds = {s.get("type") for s in steps}
    assert {"tri", "choix", "traceurs", "mot_de_passe", "double_authentification", "photo",
            "confidentialite", "lettre_rgpd", "retenir"} <= kinds


def test_walkthrough_says_yes_everywhere():
    report = walkthrough(FOLDER)
    assert "NON" not in report and report.count("oui") == 5


def test_heavy_libraries_load_only_when_a_tool_is_used():
    code = ("import sys; import widgets.steps.data; "
            "print('zxcvbn' in sys.modules, 'PIL' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# -- trackers -----------------------------------------------------------------------------
def sites():
    return [Site("Météo", "meteo.example", "", {"lieu": ["Alba-la-Romaine"]}),
            Site("Jardinerie", "jardin.example", "", {"interets": ["jardinage"], "argent": ["promotions"]})]


def test_trackers_accepted_the_profile_grows_refused_it_stays_empty():
    sim = TrackerSimulation(sites())
    assert sim.visit(0) == ["Alba-la-Romaine"]
    sim.visit(1)
    assert "Alba-la-Romaine" in sim.card.value and "jardinage" in sim.card.value
    assert sim.profile.count() == 3
    sim.switch_button.click()  # now refuse trackers
    for i in range(2):
        assert sim.visit(i) == []
    assert sim.profile.is_empty()
    assert "Alba-la-Romaine" not in sim.card.value and "refusé" in sim.card.value
    assert sim.feedback.kind == "correct"


def test_the_atelier_tracker_sites_reveal_a_sensitive_trait():
    data = content()
    step = next(s for s in data["etapes"] if s.get("type") == "traceurs")
    assert len(step["sites"]) >= 4
    assert any("sante" in s["revele"] for s in step["sites"])


# -- password -----------------------------------------------------------------------------
def test_password_field_is_masked_and_tested_on_enter_or_button():
    tool = PasswordTool()
    import ipywidgets as ipw
    assert isinstance(tool.field, ipw.Password)
    assert tool.field.continuous_update is False
    tool.field.value = "azerty"  # what Enter sends
    assert tool.strength.score <= 1 and tool.result.kind == "danger"
    assert "Très faible" in tool.meter.value or "Faible" in tool.meter.value
    assert "CNIL" in tool.result.text and "Temps estimé" in tool.result.text
    tool.field.value = "marmotte-tiroir-pluie-vanille-cabane-orgue-sentier"
    tool.test_button.click()
    assert tool.strength.score >= 3 and tool.strength.meets_cnil
    assert tool.result.kind == "correct"


def test_nothing_is_sent_before_the_participant_asks():
    tool = PasswordTool()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.add(responses.GET, PWNED, body="")
        tool.field.value = "Soleil07"
        assert len(rsps.calls) == 0
        prefix = sha1("Soleil07")[:5]
        assert prefix in tool.leak_text.value
        assert sha1("Soleil07")[5:] not in tool.leak_text.value
        assert not tool.leak_button.disabled


@responses.activate
def test_leak_check_online_found_sends_only_the_prefix():
    digest = sha1("Soleil07")
    responses.add(responses.GET, PWNED, body=f"{digest[5:]}:1234\r\n{'A' * 35}:2\r\n")
    tool = PasswordTool()
    tool.field.value = "Soleil07"
    tool.leak_button.click()
    assert len(responses.calls) == 1
    url = responses.calls[0].request.url
    assert url.endswith("/range/" + digest[:5]) and digest[5:] not in url
    assert tool.leak_result.kind == "danger" and "1\u00a0234" in tool.leak_result.text


@responses.activate
def test_leak_check_online_not_found():
    responses.add(responses.GET, PWNED, body=f"{'B' * 35}:7\r\n")
    tool = PasswordTool()
    tool.field.value = "une-phrase-tres-rare-zq"
    tool.check_online()
    assert tool.leak.source == "en_ligne" and tool.leak_result.kind == "correct"
    assert "aucune fuite" in tool.leak_result.text


@pytest.mark.parametrize("failure", [requests.ReadTimeout("lent"), requests.ConnectionError("refusé")])
def test_leak_check_offline_falls_back_to_the_local_list(failure):
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, PWNED, body=failure)
        tool = PasswordTool()
        tool.field.value = "azerty"
        tool.leak_button.click()
    assert tool.leak.source == "liste_locale" and tool.leak.found
    assert "Pas de connexion" in tool.leak_result.text and tool.leak_result.kind == "danger"


@responses.activate
def test_leak_check_bad_answer_falls_back_to_the_local_list():
    responses.add(responses.GET, PWNED, body="<html>maintenance</html>", status=200)
    tool = PasswordTool()
    tool.field.value = "Qx9!vv-unique-zz"
    tool.leak_button.click()
    assert tool.leak.source == "liste_locale" and "pas bien répondu" in tool.leak_result.text


def test_passphrase_has_seven_words_and_states_its_origin():
    tool = PasswordTool()
    tool.passphrase_button.click()
    assert len(tool.generated.split("-")) == 7
    assert "wfrench" in tool.passphrase.value and tool.generated in tool.passphrase.value
    tool.passphrase_button.click()
    assert tool.passphrase.value  # a new one, still shown


@HYPO
@given(hostile)
def test_password_tool_never_raises_and_answers_in_french(text):
    tool = PasswordTool()
    tool.field.value = text
    tool.test_button.click()
    assert tool.result.kind in {"info", "attention", "danger", "correct"}
    assert tool.result.text and not ENGLISH.search(tool.result.text.replace(text, ""))


def test_password_is_not_logged(caplog):
    caplog.set_level("DEBUG")
    tool = PasswordTool()
    tool.field.value = "Sentinelle-7f3a9c-Mot2Passe"
    with responses.RequestsMock() as rsps:
        rsps.add(responses.GET, PWNED, body=requests.ConnectionError("x"))
        tool.leak_button.click()
    assert "7f3a9c" not in caplog.text and sha1("Sentinelle-7f3a9c-Mot2Passe") not in caplog.text


# -- two-factor ---------------------------------------------------------------------------
def test_two_factor_needs_both_fields_then_the_code_from_the_phone():
    login = TwoFactorLogin("Banque des Vignes")
    login.login_button.click()
    assert login.feedback.kind == "info" and not login.code
    login.user.value, login.password.value = "jeanne", "secret-exercice"
    login.login_button.click()
    assert login.password.value == ""  # forgotten at once
    assert "06 •• •• •• 42" in login.code_zone.value and login.code in login.phone.value
    login.code_field.value = "999999" if login.code != "999999" else "111111"
    login.code_button.click()
    assert login.feedback.kind == "incorrect" and not login.solved
    login.code_field.value = login.code
    login.code_button.click()
    assert login.feedback.kind == "correct" and login.solved


def test_the_call_asking_for_the_code_must_be_refused():
    from widgets.steps.build import StepContext, build_step
    from widgets.workshop.walkthrough import exercises_in
    data = content()
    index, step = next((i, s) for i, s in enumerate(data["etapes"]) if s.get("type") == "double_authentification")
    widget = build_step(step, StepContext(FOLDER, "03_donnees_perso", index))
    call = [e for e in exercises_in(widget) if not isinstance(e, TwoFactorLogin)][0]
    give = next(i for i, o in enumerate(call.options) if "donne le code" in o.text)
    call.choose(give)
    assert call.feedback.kind == "incorrect" and "arnaque" in call.feedback.text
    call.choose(next(i for i, o in enumerate(call.options) if o.correct))
    assert call.feedback.kind == "correct"


# -- photo --------------------------------------------------------------------------------
def photo_with(description: str, fmt: str = "JPEG") -> bytes:
    from PIL import ExifTags, Image
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = description
    exif[ExifTags.Base.Model] = "Téléphone Test"
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 100, 50)).save(out, format=fmt, exif=exif)
    return out.getvalue()


def test_sample_photo_reveals_place_date_and_device():
    tool = PhotoTool(SAMPLE, "Paysage")
    tool.sample_button.click()
    assert tool.sample_result.kind == "attention"
    assert "Alba-la-Romaine" in tool.sample_details.value
    assert "2024" in tool.sample_details.value and "Pixel 7" in tool.sample_details.value


def test_own_photo_upload_gives_a_cleaned_copy_without_the_metadata():
    tool = PhotoTool(None)
    assert tool.upload.accept == "image/*" and not tool.upload.multiple
    data = photo_with("Sentinelle-photo-1234")
    tool.upload.value = ({"name": "a.jpg", "type": "image/jpeg", "size": len(data),
                          "content": memoryview(data), "last_modified": datetime.now(timezone.utc)},)
    assert "Sentinelle-photo-1234" in tool.details.value
    assert tool.upload.value == ()  # forgotten by the widget
    link = tool.download.value
    assert 'download="photo_nettoyee.jpg"' in link and 'href="data:image/jpeg;base64,' in link
    b64 = re.search(r'base64,([A-Za-z0-9+/=]+)"', link).group(1)
    cleaned = base64.b64decode(b64)
    assert b"Sentinelle" not in cleaned and cleaned[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize("data,words", [
    (b"", "vide"), (b"pas une image du tout", "photo"), (b"\xff\xd8\xff\xe0" + b"\x00" * 50, "photo"),
])
def test_bad_uploads_give_a_french_message(data, words):
    tool = PhotoTool(None)
    tool.analyse(data)
    assert tool.result.kind == "erreur" and words in tool.result.text.lower()
    assert tool.download.value == ""


def test_decompression_bomb_is_refused():
    from PIL import Image
    out = io.BytesIO()
    Image.new("1", (9000, 9000)).save(out, format="PNG")  # small file, 81 million pixels
    tool = PhotoTool(None)
    tool.analyse(out.getvalue())
    assert tool.result.kind == "erreur" and "piège" in tool.result.text


@HYPO
@given(st.binary(max_size=2000))
def test_photo_tool_never_raises_on_random_bytes(data):
    tool = PhotoTool(None)
    tool.analyse(data)
    assert tool.result.text


# -- privacy settings ---------------------------------------------------------------------
def test_privacy_settings_explain_who_sees_and_check_the_advice():
    pubs = [Publication("Photo des petits-enfants", "Qui peut la voir ?", "public", ["amis", "moi"], "Pensez à eux."),
            Publication("Fête du village", "Publique ?", "amis", ["public", "amis"])]
    ex = PrivacySettings("Jeanne", pubs)
    assert "Tout le monde" in ex.who[0].value
    ex.check_button.click()
    assert ex.feedback.kind == "partiel" and "Pensez à eux" in ex.feedback.text
    ex.buttons[0]["amis"].click()
    assert "amis" in ex.who[0].value and ex.buttons[0]["amis"].description.startswith("✔")
    ex.check_button.click()
    assert ex.feedback.kind == "correct" and ex.solved


# -- GDPR letter --------------------------------------------------------------------------
def test_letter_access_and_erasure_can_be_copied_and_downloaded():
    tool = LetterTool(organisation="Magasin Test")
    tool.name.value = "Jeanne Martin"
    tool.make_button.click()
    assert "article 15" in tool.letter and "Jeanne Martin" in tool.letter and "Magasin Test" in tool.letter
    assert tool.letter_box.value == tool.letter
    tool.letter_box.value = "modifié"  # read-only: the letter comes back
    assert tool.letter_box.value == tool.letter
    href = re.search(r'href="data:text/plain;charset=utf-8;base64,([^"]+)"', tool.download.value).group(1)
    assert base64.b64decode(href).decode("utf-8") == tool.letter and 'download="lettre_rgpd.txt"' in tool.download.value
    tool.kind_buttons["effacement"].click()
    tool.make_button.click()
    assert "article 17" in tool.letter and tool.kind_buttons["effacement"].description.startswith("✔")


@HYPO
@given(hostile, hostile, hostile)
def test_letter_never_raises_and_escapes_the_link(org, name, details):
    tool = LetterTool()
    tool.organisation.value, tool.name.value, tool.details.value = org, name, details
    tool.make_button.click()
    assert tool.result.kind == "correct" and "RGPD" in tool.letter
    assert '"' not in tool.download.value.split('href="')[1].split('"')[0].replace('"', "")
    assert "<script" not in tool.download.value
