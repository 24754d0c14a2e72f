"""Atelier 05's « Joindre un document » and « Récépissé » steps in a real browser, on the real server.

Privacy is tested, not promised: a unique sentinel is hidden in an uploaded photo's EXIF and in its file
name, and in a PDF's title and name. Afterwards it is searched in the server log, in every file modified
under the repository, /tmp and $HOME, in the notebook, and in every request the page or the kernel made
(the kernel's outgoing requests go to a local recording proxy that refuses them). The pages are also
checked with axe-core at 360×740 and 1024×768 once a verdict and the e-mail are shown.
"""
from __future__ import annotations

import secrets
import time
from pathlib import Path

import pytest
import yaml
from browser_helpers import axe_serious, go_to_step_titled, open_atelier
from conftest import ROOT, Server
from PIL import ExifTags, Image
from privacy_helpers import RecordingProxy, files_holding, proxy_env
from test_document_photo import jpeg
from test_document_photo import page as paper_photo

ATELIER = ROOT / "ateliers" / "05_demarches"


def go_to_kind(page, kind: str) -> int:
    """Press « Suivant » until the first step of type ``kind`` of atelier 05 shows (its title is read in the
    content file, so moving the step does not break the test); its number."""
    steps = yaml.safe_load((ATELIER / "atelier.yaml").read_text(encoding="utf-8"))["etapes"]
    return go_to_step_titled(page, next(s["titre"] for s in steps if s.get("type") == kind))


def choose_file(page, name: str, mime: str, data: bytes) -> None:
    with page.expect_file_chooser() as chooser:
        page.locator(".atelier-piece-jointe .widget-upload").click()
    chooser.value.set_files(files=[{"name": name, "mimeType": mime, "buffer": data}])


def pdf_with_title(title: str) -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title, "/Author": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_uploaded_photo_or_pdf_is_kept_nowhere_and_sent_nowhere(tmp_path, page_factory):
    sentinel = "Sentinelle-" + secrets.token_hex(4) + "-Facture"  # built at run time: in no file yet
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = sentinel
    exif[ExifTags.Base.Artist] = sentinel
    photo = jpeg(paper_photo(), exif=exif)
    assert sentinel.encode() in photo
    notebook = ATELIER / "atelier.ipynb"
    notebook_before = notebook.read_bytes()
    proxy = RecordingProxy()
    start = time.time() - 1
    server = Server(tmp_path, reserve=1, extra_env=proxy_env(proxy))
    local_requests: list[str] = []
    try:
        page = page_factory(1024, 768)
        page.on("request", lambda r: local_requests.append(r.url + " " + (r.post_data or "")))
        open_atelier(page, server, "05_demarches")
        go_to_kind(page, "piece_jointe")
        verdict = page.locator(".atelier-piece-jointe .retour-titre")

        choose_file(page, f"facture-{sentinel}.jpg", "image/jpeg", photo)
        verdict.filter(has_text="Photo lisible").wait_for(timeout=30_000)
        assert "1500 × 2000" in page.locator(".atelier-piece-jointe .pj-details").inner_text()

        choose_file(page, f"releve-{sentinel}.pdf", "application/pdf", pdf_with_title(sentinel))
        verdict.filter(has_text="PDF valable").wait_for(timeout=30_000)

        choose_file(page, f"{sentinel}.jpg", "image/jpeg", f"pas une photo {sentinel}".encode())
        verdict.filter(has_text="Nous ne pouvons pas lire ce fichier").wait_for(timeout=30_000)
        assert sentinel not in page.locator(".atelier-piece-jointe").inner_text()

        go_to_kind(page, "recepisse")
        page.get_by_role("button", name="Télécharger le récépissé (PDF)").click()
        page.locator("a.recepisse-telecharger").wait_for(timeout=60_000)
        page.wait_for_timeout(500)
    finally:
        server.stop()
        proxy.close()

    assert page.outside == [] and proxy.requests == []
    for text in local_requests:
        assert sentinel not in text, text[:200]
    assert notebook.read_bytes() == notebook_before
    assert server.log.read_text(errors="replace")  # the log exists and is searched below
    roots = [ROOT, Path("/tmp"), Path.home(), tmp_path]
    assert files_holding([sentinel.encode(), sentinel.encode("utf-16-le")], start, roots) == []


@pytest.mark.parametrize("width,height", [(360, 740), (1024, 768)])
def test_both_steps_are_accessible_with_a_verdict_and_the_mail_open(server, page_factory, width, height):
    page = open_atelier(page_factory(width, height), server, "05_demarches")
    go_to_kind(page, "piece_jointe")
    from PIL import ImageEnhance

    choose_file(page, "photo.jpg", "image/jpeg", jpeg(ImageEnhance.Brightness(paper_photo()).enhance(0.2)))
    page.locator(".atelier-piece-jointe .retour-titre").filter(has_text="refuser").wait_for(timeout=30_000)
    assert "trop sombre" in page.locator(".atelier-piece-jointe .atelier-retour").inner_text()
    assert axe_serious(page) == []
    go_to_kind(page, "recepisse")
    page.locator(".atelier-recepisse .boite-ligne").click()
    page.locator(".atelier-recepisse .boite-objet").wait_for()
    assert "a bien été reçue" in page.locator(".atelier-recepisse .boite-objet").inner_text()
    assert axe_serious(page) == []
    assert page.outside == []
