"""Privacy is tested, not promised: what is typed or uploaded in atelier 03 is kept nowhere and sent nowhere.

The real server runs with every outgoing HTTPS request of the kernel routed to a local recording
proxy that refuses it; the browser blocks and records every request leaving 127.0.0.1. A unique
sentinel is typed in every field and hidden in an uploaded photo's EXIF; afterwards it is searched
in the server log, in every file modified under the repository, /tmp and $HOME, in the notebook,
and in every recorded request. Only the 5-character hash prefix may leave, and only on request.
"""
from __future__ import annotations

import hashlib
import io
import secrets
import time
from pathlib import Path

from browser_helpers import open_atelier
from conftest import ROOT, Server
from privacy_helpers import RecordingProxy, files_holding, proxy_env
from test_browser_03 import go_to


def photo_with_exif(text: str) -> bytes:
    from PIL import ExifTags, Image
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = text
    exif[ExifTags.Base.Artist] = text
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 160, 90)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_nothing_typed_or_uploaded_is_kept_or_sent(tmp_path, page_factory):
    sentinel = "Sentinelle-" + secrets.token_hex(4) + "-Mot2Passe"  # built at run time: in no file yet
    digest = hashlib.sha1(sentinel.encode()).hexdigest()
    forbidden = [sentinel, digest, digest.upper(), digest[5:], digest.upper()[5:]]
    notebook = ROOT / "ateliers" / "03_donnees_perso" / "atelier.ipynb"
    notebook_before = notebook.read_bytes()
    proxy = RecordingProxy()
    start = time.time() - 1
    server = Server(tmp_path, reserve=1, extra_env=proxy_env(proxy))
    local_requests: list[str] = []
    try:
        page = page_factory(1024, 768)
        page.on("request", lambda r: local_requests.append(r.url + " " + (r.post_data or "")))
        open_atelier(page, server, "03_donnees_perso")

        # the password: tested, then (only then) the participant chooses to check online
        go_to(page, 7)
        field = page.locator(".atelier-mot-de-passe input[type=password]")
        field.fill(sentinel)
        field.press("Enter")
        page.locator(".mdp-etiquette").wait_for()
        page.wait_for_timeout(500)
        assert proxy.requests == [] and page.outside == []  # nothing asked yet
        assert digest.upper()[:5] in page.locator(".mdp-fuite-texte").inner_text()
        page.get_by_role("button", name="Vérifier en ligne").click()
        page.locator("text=Pas de connexion").wait_for(timeout=15_000)  # offline fallback shown
        assert len(proxy.requests) == 1
        assert proxy.requests[0].startswith(b"CONNECT api.pwnedpasswords.com:443")

        # the simulated login
        go_to(page, 10)
        page.locator(".atelier-double-auth input[type=text]").first.fill(sentinel)
        page.locator(".atelier-double-auth input[type=password]").fill(sentinel)
        page.get_by_role("button", name="Se connecter").click()
        page.locator("text=Un code a été envoyé").wait_for()

        # a photo whose EXIF holds the sentinel
        go_to(page, 11)
        with page.expect_file_chooser() as chooser:
            page.locator(".atelier-photo .widget-upload").click()
        chooser.value.set_files(files=[{"name": "ma_photo.jpg", "mimeType": "image/jpeg",
                                        "buffer": photo_with_exif(sentinel)}])
        page.locator("a.photo-telecharger").wait_for()
        href = page.locator("a.photo-telecharger").get_attribute("href")
        import base64
        assert sentinel.encode() not in base64.b64decode(href.split(",", 1)[1])  # the copy is clean

        # the GDPR letter
        go_to(page, 14)
        for label in ("Organisme", "Votre nom", "Votre adresse", "Précisions (facultatif)"):
            field = page.get_by_label(label, exact=True)
            field.fill(sentinel)
            field.blur()
            page.wait_for_timeout(200)
        page.get_by_role("button", name="Préparer la lettre").click()
        page.locator("a.lettre-telecharger").wait_for()
        assert sentinel in page.locator(".lettre-texte textarea").input_value()
        page.wait_for_timeout(500)
    finally:
        server.stop()
        proxy.close()

    # sent anywhere? (the websocket to the local kernel is the page itself, not a request to check)
    assert page.outside == []
    assert len(proxy.requests) == 1
    for text in local_requests + [r.decode("latin-1") for r in proxy.requests]:
        assert not any(f in text for f in forbidden), text[:200]
    # kept anywhere? server log, notebook, every file modified during the run
    assert notebook.read_bytes() == notebook_before
    roots = [ROOT, Path("/tmp"), Path.home(), tmp_path]
    found = files_holding([f.encode() for f in forbidden] + [sentinel.encode("utf-16-le")], start, roots)
    assert server.log.read_text(errors="replace")  # the log exists and was searched above
    assert found == []
