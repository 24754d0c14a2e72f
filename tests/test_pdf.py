"""A participant's PDF is made in a child process, one per processor at a time, and never on disk."""
from __future__ import annotations

import fcntl
import subprocess
import sys

import pytest

from widgets.analysers import pdf
from widgets.analysers.pdf import PdfError, pdf_bytes

PAGE = '<html lang="fr"><head><title>Attestation</title></head><body><p>Marie Exemple</p></body></html>'


def test_the_pdf_is_made_and_the_kernel_does_not_keep_weasyprint():
    code = ("import sys; from widgets.analysers.pdf import pdf_bytes; "
            f"made = pdf_bytes({PAGE!r}); "
            "print(made[:5].decode(), len(made), 'weasyprint' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    head, size, loaded = done.stdout.split()
    assert head == "%PDF-" and int(size) > 1000 and loaded == "False"


def test_a_failed_child_is_a_pdf_error_that_quotes_nothing_of_the_document(monkeypatch):
    monkeypatch.setattr(sys, "executable", "/bin/false")
    with pytest.raises(PdfError) as raised:
        pdf_bytes(PAGE)
    assert "Marie" not in str(raised.value)


def test_with_every_slot_taken_a_pdf_waits_then_gives_up(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 1)
    held = [open(slot, "a") for slot in pdf._slots()]  # noqa: SIM115
    try:
        for handle in held:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(PdfError, match="busy"):
            pdf_bytes(PAGE)
    finally:
        for handle in held:
            handle.close()
    assert [p.read_bytes() for p in pdf._slots()] == [b""] * len(held)  # the locks hold nothing of the page


def test_a_receipt_that_cannot_be_made_says_so_in_french_and_can_be_asked_again(monkeypatch):
    from widgets.analysers.receipt import make_receipt
    from widgets.simulations.receipt_page import ReceiptPage

    page = ReceiptPage(make_receipt("Démarche", "Service (exemple inventé)", "Jeanne", "Exemple"), "Service",
                       "ne-pas-repondre@service.example", "Dans vos courriels.", "Pour prouver la demande.")
    monkeypatch.setattr(sys, "executable", "/bin/false")
    page.download_button.click()
    assert page.result.kind == "erreur" and "n'a pas pu être préparé" in page.result.text
    assert page.download.value == "" and not page.download_button.disabled
    monkeypatch.undo()
    page.download_button.click()
    assert page.result.kind == "correct" and page.pdf.startswith(b"%PDF")
