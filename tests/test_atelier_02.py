"""Atelier 02 « Le courriel et les arnaques »: the inbox, the anatomy, writing to the town hall, the e-mail checker."""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.simulations.compose import ComposeExercise, review_message
from widgets.simulations.inbox import InboxExercise, message_from_content
from widgets.simulations.mail_anatomy import MailAnatomy, Question
from widgets.tools.mail_tool import MailChecker, example_files
from widgets.workshop.walkthrough import walkthrough

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "ateliers" / "02_courriel"
CORPUS = ROOT / "tests" / "corpus" / "courriels"
CONTENT = yaml.safe_load((FOLDER / "atelier.yaml").read_text(encoding="utf-8"))
INBOX_STEP = next(s for s in CONTENT["etapes"] if s["type"] == "boite_reception")
MAIRIE, GROUP = "mairie@alba-la-romaine.fr", ["paul.martin@free.fr", "michele.vidal@orange.fr"]


def inbox() -> InboxExercise:
    return InboxExercise("Triez", [message_from_content(m) for m in INBOX_STEP["messages"]])


# ---- content -------------------------------------------------------------------------------
def test_content_lasts_about_an_hour_and_the_inbox_is_realistic():
    assert 60 <= CONTENT["duree"] <= 75 and CONTENT["duree"] == sum(s["duree"] for s in CONTENT["etapes"])
    assert 15 <= len(CONTENT["etapes"]) <= 22
    messages = INBOX_STEP["messages"]
    assert len(messages) >= 12
    assert {m["genre"] for m in messages} == {"courriel", "sms"}
    assert sum(m["arnaque"] for m in messages) >= 6 and sum(not m["arnaque"] for m in messages) >= 3


def test_walkthrough_says_yes_everywhere():
    report = walkthrough(FOLDER)
    assert "NON" not in report and report.count("oui") == 5


# ---- inbox ---------------------------------------------------------------------------------
def test_inbox_wrong_decision_is_explained_then_right_one_shows_the_clues():
    box = inbox()
    scam = next(i for i, m in enumerate(box.messages) if m.scam and m.clues)
    box.open_message(scam)
    assert "boite-message-ouvert" in box.frame._dom_classes
    box.decision_buttons["serieux"].click()
    assert box.feedback.kind == "incorrect" and "arnaque" in box.feedback.text
    box.decision_buttons["arnaque"].click()
    assert box.feedback.kind == "correct" and box.messages[scam].feedback in box.feedback.text
    assert box.spot is not None and box.rows[scam].description.startswith("✔")
    normal = [i for i, p in enumerate(box.spot.pieces) if not p.suspicious]
    box.spot.check(normal[:1] or [0])
    assert box.spot.feedback.kind in ("incorrect", "partiel")
    for t in box.spot.toggles:
        t.value = False
    box.spot.check([i for i, p in enumerate(box.spot.pieces) if p.suspicious])
    assert box.spot.feedback.kind == "correct"
    assert "1</strong> message sur" in box.progress.value


def test_genuine_message_taken_for_a_scam_is_explained():
    box = inbox()
    genuine = next(i for i, m in enumerate(box.messages) if not m.scam)
    box.open_message(genuine)
    box.decide("arnaque")
    assert box.feedback.kind == "incorrect" and "sérieux" in box.feedback.text
    box.decide("serieux")
    assert box.feedback.kind == "correct" and box.spot is None


def test_pressing_a_link_shows_where_it_really_goes_without_opening_it():
    box = inbox()
    index = next(i for i, m in enumerate(box.messages) if m.link_target)
    box.open_message(index)
    assert box.popup.value == ""
    box.link_button.value = True  # the (long) press
    target = box.messages[index].link_target
    assert target in box.popup.value and "restez appuyé" in box.popup.value
    box.link_button.value = False
    assert box.popup.value == ""


def test_phone_and_computer_views_switch():
    box = inbox()
    box.view_buttons["telephone"].value = True
    assert "boite-vue-telephone" in box.frame._dom_classes and "boite-vue-ordinateur" not in box.frame._dom_classes
    assert box.view_buttons["ordinateur"].value is False
    box.view_buttons["ordinateur"].value = True
    assert "boite-vue-ordinateur" in box.frame._dom_classes and box.view_buttons["telephone"].value is False


def test_the_answer_is_not_in_the_page_before_deciding():
    box = inbox()
    index = next(i for i, m in enumerate(box.messages) if m.scam)
    box.open_message(index)
    visible = box.header.value + box.body.value + box.feedback.value + box.popup.value
    assert box.messages[index].feedback not in visible


def test_hostile_message_text_is_escaped():
    raw = {"genre": "courriel", "nom": "<script>alert(1)</script>", "adresse": "x@y.fr", "objet": "<img src=x>",
           "texte": "<b onclick=1>clic</b>", "arnaque": True, "retour": "r"}
    box = InboxExercise("", [message_from_content(raw)])
    box.open_message(0)
    html = box.header.value + box.body.value
    assert "<script>" not in html and "<img" not in html and "<b onclick" not in html


# ---- anatomy --------------------------------------------------------------------------------
def test_anatomy_wrong_part_then_right_part():
    ex = MailAnatomy({"nom_expediteur": "Club", "adresse_expediteur": "club@laposte.net", "objet": "Sortie"}, "Bonjour",
                     [Question("Où est la vraie adresse ?", "adresse_expediteur")])
    ex.buttons["nom_expediteur"].click()
    assert ex.feedback.kind == "incorrect" and "n'importe quel nom" in ex.feedback.text
    ex.buttons["adresse_expediteur"].click()
    assert ex.feedback.kind == "correct" and ex.solved


# ---- writing to the town hall ------------------------------------------------------------------
def compose() -> ComposeExercise:
    return ComposeExercise("Écrivez", MAIRIE, GROUP, "attestation.pdf")


def test_compose_announced_attachment_missing_and_group_in_cc_are_explained():
    ex = compose()
    ex.fill(to=MAIRIE, cc=", ".join(GROUP), subject="", text="Voici l'attestation ci-jointe.")
    ex.send_button.click()
    text = ex.feedback.text
    assert ex.feedback.kind == "incorrect"
    assert "aucun fichier n'est joint" in text and "Cci" in text and "objet" in text
    assert "politesse" in text and "formule de fin" in text


def test_compose_good_message_is_accepted_and_nothing_typed_is_kept():
    ex = compose()
    ex.fill(to=MAIRIE, bcc="; ".join(GROUP), subject="Réservation de la salle des fêtes",
            text="Bonjour,\n\nJe souhaite réserver la salle. Vous trouverez ci-joint l'attestation.\n\nCordialement,\nJeanne")
    ex.attach_button.value = True
    assert "attestation.pdf" in ex.attached_info.value
    ex.send_button.click()
    assert ex.feedback.kind == "correct"
    assert all(f.value == "" for f in ex.fields.values()) and not ex.attached


def test_review_message_wrong_recipient():
    problems = review_message("maire@alba.fr", "", ", ".join(GROUP), "Salle", "Bonjour,\nMerci", False, MAIRIE, GROUP)
    assert [p.code for p in problems] == ["recipient"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.text(), st.text(), st.text(), st.text(), st.booleans())
def test_compose_never_raises_on_any_text(to, cc, bcc, subject, text, attached):
    problems = review_message(to, cc, bcc, subject, text, attached, MAIRIE, GROUP, True)
    assert all(p.message and p.message[0].isupper() for p in problems)


# ---- the e-mail checker -------------------------------------------------------------------------
def examples():
    return [(p.stem, p) for p in example_files(FOLDER / "exemples")]


def test_checker_offers_the_example_messages():
    assert 3 <= len(example_files(FOLDER / "exemples")) <= 4
    tool = MailChecker("", examples())
    scam = next(b for b in tool.children[-4].children if "antai" in b.description)
    scam.click()
    assert tool.result.kind == "danger" and "ne cliquez" in tool.result.text.lower()
    assert "antai" in tool.details.value.lower() or "amende" in tool.details.value.lower()


def test_checker_pasted_scam_is_dangerous():
    tool = MailChecker()
    tool.source.value = (CORPUS / "arnaque_ameli_carte_vitale.eml").read_text(encoding="utf-8")
    tool.check_button.click()
    assert tool.result.kind == "danger"
    assert "Vraie adresse" in tool.details.value


def test_checker_eml_upload_is_read_in_memory_and_not_kept():
    data = (CORPUS / "vrai_mairie_reunion.eml").read_bytes()
    tool = MailChecker()
    tool.upload.value = ({"name": "message.eml", "type": "message/rfc822", "size": len(data),
                          "content": memoryview(data), "last_modified": datetime.now(timezone.utc)},)
    assert tool.result.kind in ("correct", "attention")
    assert "alba-la-romaine.fr" in tool.details.value
    assert tool.upload.value == ()


def test_checker_empty_binary_and_huge_inputs_give_french_messages():
    tool = MailChecker()
    tool.check_button.click()
    assert tool.result.kind == "info" and "vide" in tool.result.text
    tool.check(bytes(range(256)) * 40)
    assert tool.result.kind == "attention" and "pas pu être vérifié" in tool.result.text
    assert "courriel" in tool.details.value
    tool.check(b"a" * 6_000_000)
    assert tool.result.kind == "erreur" and "trop gros" in tool.result.text


def test_checker_html_with_script_and_tracking_pixel_is_made_safe():
    tool = MailChecker()
    tool.check((CORPUS / "arnaque_pixel_espion_jeu.eml").read_bytes())
    page = tool.result.value + tool.details.value + tool.preview.value
    assert tool.result.kind == "danger"
    assert "<script" not in page.lower() and "<img" not in page.lower() and "http://" not in page.split("<code>")[0]
    assert "onerror" not in page.lower() and "<form" not in page.lower()
    hostile = ("From: Pirate <a@b.example>\nSubject: <script>alert(1)</script>\nContent-Type: text/html\n\n"
               "<p>Bonjour</p><script>alert(2)</script><img src='https://track.example/p.gif' width=1 height=1>")
    tool.check(hostile)
    page = tool.result.value + tool.details.value + tool.preview.value
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;" in tool.details.value  # the subject is shown, escaped


def test_checker_logs_nothing_of_the_message(caplog):
    tool = MailChecker()
    with caplog.at_level(logging.DEBUG):
        tool.check("From: Secret <secret-personnel@exemple.fr>\nSubject: mot de passe 1234\n\nCorps secret")
    assert "secret" not in caplog.text.lower()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=3000), st.text(max_size=3000)))
def test_checker_never_raises_and_always_answers_in_french(data):
    tool = MailChecker()
    tool.check(data)
    assert tool.result.kind in ("info", "correct", "attention", "danger", "erreur")
    assert tool.result.text
    assert "<script" not in tool.preview.value.lower()
