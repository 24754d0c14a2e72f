"""Privacy is tested, not promised: what is typed in atelier 05 (FranceConnect login, account, form) is kept
nowhere and sent nowhere.

As in ``test_privacy_03``: the real server runs with every outgoing request of the kernel routed to a local
recording proxy that refuses it; the browser blocks and records every request leaving 127.0.0.1. A unique
sentinel is typed in every field of the three simulated pages; afterwards it is searched in the server log,
in every file modified under the repository, /tmp and $HOME, in the notebook, and in every recorded request.
"""
from __future__ import annotations

import secrets
import string
import time
from pathlib import Path

import conftest
from browser_helpers import open_atelier
from conftest import ROOT, Server
from privacy_helpers import RecordingProxy, files_holding, proxy_env
from test_browser_05 import ACCOUNT, FORM, FRANCECONNECT, check_address, go_to


def fill(page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True)
    field.fill(text)
    field.blur()
    page.wait_for_timeout(150)


def test_nothing_typed_in_atelier_05_is_kept_or_sent(tmp_path, page_factory, monkeypatch):
    wait = conftest.wait_http  # a laptop under load may need more than a minute to prepare its pages
    monkeypatch.setattr(conftest, "wait_http", lambda url, timeout=60: wait(url, max(timeout, 240)))
    # built at run time (in no file yet), letters only: a name field accepts it
    sentinel = "Sentinelle" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10)) + "Demarche"
    mail = f"{sentinel.lower()}@messagerie.example"
    forbidden = [sentinel, sentinel.lower()]
    notebook = ROOT / "ateliers" / "05_demarches" / "atelier.ipynb"
    notebook_before = notebook.read_bytes()
    proxy = RecordingProxy()
    start = time.time() - 1
    server = Server(tmp_path, reserve=1, extra_env=proxy_env(proxy))
    local_requests: list[str] = []
    try:
        page = page_factory(1024, 768)
        page.set_default_timeout(90_000)  # a loaded laptop: slow, not broken
        page.on("request", lambda r: local_requests.append(r.url + " " + (r.post_data or "")))
        open_atelier(page, server, "05_demarches")

        # FranceConnect: the provider's login form
        go_to(page, FRANCECONNECT)
        check_address(page)
        page.get_by_role("button", name="S'identifier avec FranceConnect").click()
        check_address(page)
        page.get_by_role("button", name="ameli.fr").click()
        check_address(page)
        fill(page, "Numéro de sécurité sociale", sentinel)
        fill(page, "Mot de passe", sentinel)
        page.get_by_role("button", name="Se connecter").click()
        page.locator("text=Ce ne sont pas les identifiants").wait_for()

        # the account: an address and a password that carry the sentinel, then a wrong code
        go_to(page, ACCOUNT)
        fill(page, "Adresse électronique", mail)
        password = page.get_by_label("Mot de passe", exact=True)
        password.fill(sentinel + " tiroir pluie vanille cabane orgue sentier")
        password.press("Enter")
        page.locator(".mdp-etiquette").wait_for()
        page.get_by_role("button", name="Créer mon compte").click()
        page.get_by_role("button", name="Je n'ai rien reçu").click()
        page.locator("text=Corriger mon adresse").first.wait_for()
        fill(page, "Code reçu", sentinel)
        page.get_by_role("button", name="Valider le code").click()

        # the form: the sentinel in every text field, checked, then in the summary, validated
        go_to(page, FORM)
        page.get_by_label("Document demandé (obligatoire)").select_option("Copie intégrale")
        for label in ("Nom de naissance (obligatoire)", "Prénoms (obligatoire)", "Commune de naissance (obligatoire)",
                      "Adresse (numéro et rue) (obligatoire)", "Commune (obligatoire)"):
            fill(page, label, sentinel)
        fill(page, "Date de naissance (obligatoire)", "14/07/1950")
        fill(page, "Code postal (obligatoire)", "07400")
        fill(page, "Adresse électronique (obligatoire)", mail)
        fill(page, "Téléphone (facultatif)", sentinel)  # refused: the message never quotes it
        page.get_by_role("button", name="Vérifier ma demande").click()
        page.locator("text=10 chiffres").first.wait_for()
        fill(page, "Téléphone (facultatif)", "")
        page.get_by_role("button", name="Vérifier ma demande").click()
        page.locator("text=Récapitulatif de votre demande").wait_for()
        assert sentinel in page.locator(".demarche-recapitulatif").inner_text()  # shown to the person, in memory
        page.get_by_role("button", name="Valider la demande").click()
        page.locator("text=Demande validée").first.wait_for()
        assert sentinel not in page.locator(".atelier-parcours").inner_text()  # forgotten once validated
        page.wait_for_timeout(500)
    finally:
        server.stop()
        proxy.close()

    # sent anywhere? (the websocket to the local kernel is the page itself, not a request to check)
    assert page.outside == [] and proxy.requests == []
    for text in local_requests:
        assert not any(f in text for f in forbidden), text[:200]
    # kept anywhere? server log, notebook, every file modified during the run
    assert notebook.read_bytes() == notebook_before
    roots = [ROOT, Path("/tmp"), Path.home(), tmp_path]
    found = files_holding([f.encode() for f in forbidden] + [sentinel.encode("utf-16-le")], start, roots)
    assert server.log.read_text(errors="replace")  # the log exists and was searched above
    assert found == []
