"""The récépissé of atelier 05: a real PDF made in memory (WeasyPrint), its text read back with pypdf; the
confirmation e-mail in the simulated inbox; the content checks of the ``recepisse`` step."""
from __future__ import annotations

import base64
import io
import tempfile
import time
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT
from privacy_helpers import files_holding
from pypdf import PdfReader

from widgets.analysers.receipt import FILE_NAME, MARK, fill, make_receipt, receipt_pdf

STEP = {
    "titre": "Le récépissé", "type": "recepisse",
    "demarche": "Demande d'acte de naissance", "organisme": "Mairie de Saint-Exemple (exemple inventé)",
    "adresse": "https://demarches.saint-exemple.example/confirmation",
    "reference": "EX-TEST-4217", "date": "2026-11-29 10:42",
    "identite": {"prenom": "Jeanne", "nom": "Exemple", "adresse": "12 chemin des Vignes, 07400 Alba-la-Romaine"},
    "pieces_jointes": ["Justificatif de domicile (1 fichier)"],
    "courriel": {"nom": "Mairie de Saint-Exemple", "adresse": "ne-pas-repondre@saint-exemple.example",
                 "objet": "Votre demande {reference} a bien été reçue",
                 "texte": "Bonjour {prenom} {nom}, demande « {demarche} » reçue le {date}."},
    "ou_le_retrouver": "Dans le **courriel de confirmation** et dans **Téléchargements**.",
    "pourquoi_le_garder": "Il prouve que vous avez fait la demande, et à quelle date.",
}


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_the_receipt_pdf_is_made_in_memory_and_holds_the_request():
    start = time.time() - 1
    receipt = make_receipt("Demande d'acte de naissance", "Mairie de Saint-Exemple (exemple inventé)", "Jeanne",
                           "Exemple", reference="EX-20261129-4217Z", moment="2026-11-29 10:42",
                           attachments=["Justificatif de domicile"])
    data = receipt_pdf(receipt)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    for expected in ("Récépissé de dépôt", "Demande d'acte de naissance", "EX-20261129-4217Z",
                     "29 novembre 2026 à 10 h 42", "Jeanne Exemple", "Justificatif de domicile", MARK):
        assert expected in text, expected
    reader = PdfReader(io.BytesIO(data))
    assert MARK in reader.metadata.title
    # nothing written: no file holds this reference (the repository but its .venv, the temporary folders)
    roots = [p for p in ROOT.iterdir() if p.is_dir() and p.name != ".venv"] + [Path(tempfile.gettempdir())]
    assert files_holding([b"EX-20261129-4217Z"], start, roots) == []


def test_the_receipt_pdf_is_a_pdf_a_service_would_accept():
    from widgets.analysers.photo.document_photo import check_document

    check = check_document(receipt_pdf(make_receipt("Démarche", "Service", "A", "B", moment="2026-01-02 03:04")))
    assert check.usable and dict(check.details)["Pages"] == "1"


def test_a_missing_reference_and_date_are_invented_and_placeholders_filled():
    receipt = make_receipt("Démarche", "Service", "Jeanne", "Exemple")
    assert receipt.reference.startswith("EX-") and len(receipt.reference) == len("EX-20261129-123456")
    text = fill("{prenom} {nom} — {reference} — {date} — {inconnu} — {reference.__class__}", receipt)
    assert text.startswith(f"Jeanne Exemple — {receipt.reference} — {receipt.when}")
    assert "{inconnu}" in text and "{reference.__class__}" in text  # only the six known words are replaced


def test_the_step_shows_the_confirmation_the_download_and_the_mail():
    from widgets.steps.build import StepContext, build_step

    page = build_step(STEP, StepContext(Path("."), "05_demarches", 12)).children[-1]
    assert "EX-TEST-4217" in page.children[1].value or any("EX-TEST-4217" in getattr(c, "value", "")
                                                           for c in page.children)
    assert page.download.value == ""
    page.download_button.click()
    assert page.result.kind == "correct" and "Téléchargements" in page.result.text
    href = page.download.value.split('href="', 1)[1].split('"', 1)[0]
    assert href.startswith("data:application/pdf;base64,") and f'download="{FILE_NAME}"' in page.download.value
    text = pdf_text(base64.b64decode(href.split(",", 1)[1]))
    assert "EX-TEST-4217" in text and "Demande d'acte de naissance" in text and "29 novembre 2026" in text
    assert page.reading.children == ()
    page.row.click()
    opened = " ".join(c.value for c in page.reading.children if hasattr(c, "value"))
    assert "Votre demande EX-TEST-4217 a bien été reçue" in opened
    assert "ne-pas-repondre@saint-exemple.example" in opened
    assert "Bonjour Jeanne Exemple" in opened and "29 novembre 2026 à 10 h 42" in opened and "{" not in opened
    page.back_button.click()
    assert page.reading.children == ()
    shown = " ".join(getattr(c, "value", "") for c in page.children)
    assert "Où le retrouver plus tard" in shown and "Pourquoi le garder" in shown and MARK in shown


@pytest.mark.parametrize("change,words", [
    ({"courriel": {**STEP["courriel"], "adresse": "contact@mairie-alba.fr"}}, ".example"),
    ({"courriel": {**STEP["courriel"], "objet": "Dossier {numero}"}}, "{numero}"),
])
def test_the_content_check_refuses_a_real_looking_sender_or_an_unknown_placeholder(change, words):
    from widgets.content.step_types.catalog import step_types

    kind = step_types()["recepisse"]
    jsonschema.validate(STEP, kind.schema)
    assert kind.check(STEP) == []
    problems = kind.check({**STEP, **change})
    assert problems and words in problems[0][1]


def test_the_schema_refuses_a_badly_written_date_or_reference():
    from widgets.content.step_types.catalog import step_types

    validator = jsonschema.Draft202012Validator(step_types()["recepisse"].schema)
    assert validator.is_valid(STEP)
    assert not validator.is_valid({**STEP, "date": "29/11/2026"})
    assert not validator.is_valid({**STEP, "reference": "EX 12 <b>"})
    assert not validator.is_valid({k: v for k, v in STEP.items() if k != "pourquoi_le_garder"})
