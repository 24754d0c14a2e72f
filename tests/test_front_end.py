"""The atelier pages' own front end (``front/`` built into ``static/page/``), in place of Voilà's.

Checked: the script served is the one built from the sources in ``front/``, with the licences of what
it bundles; in a real browser on ``atelier lancer``, a first visit of each atelier loads only the
project's files (nothing of Voilà's prebuilt JupyterLab application), weighs under 1 MiB, and shows no
script error; a page whose server was restarted says so in French and comes back when reloaded.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from browser_helpers import ATELIER_READY, open_atelier
from conftest import Server

ROOT = Path(__file__).resolve().parent.parent
FRONT = ROOT / "front"
BUILT = ROOT / "widgets/share/jupyter/voila/templates/atelier/static/page"
ATELIERS = sorted(p.parent.name for p in (ROOT / "ateliers").glob("*/atelier.ipynb"))
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
MIB = 1024 * 1024


def sources_digest() -> str:
    """What ``front/build.mjs`` writes in the first line of ``page.js``: sha256 of its sources, named."""
    names = ["build.mjs", "package.json", "package-lock.json",
             *sorted(f"src/{p.name}" for p in (FRONT / "src").iterdir())]
    digest = hashlib.sha256()
    for name in names:
        digest.update(f"{name}\n".encode())
        digest.update((FRONT / name).read_bytes())
    return digest.hexdigest()


def test_the_page_script_was_built_from_the_sources_in_front():
    first_line = (BUILT / "page.js").read_text(encoding="utf-8").split("\n", 1)[0]
    found = re.search(r"sources sha256 ([0-9a-f]{64})", first_line)
    assert found, first_line
    assert found.group(1) == sources_digest(), (
        "static/page/page.js n'est pas construit à partir de front/ : cd front && npm ci && npm run build")


def test_the_licences_of_what_it_bundles_come_with_it():
    licences = (BUILT / "licences.txt").read_text(encoding="utf-8")
    for name in json.loads((FRONT / "package.json").read_text(encoding="utf-8"))["dependencies"]:
        assert re.search(rf"^{re.escape(name)} [\d.]+ \(", licences, re.M), name
    assert licences.count("Copyright") >= 20  # the licence texts themselves, not only the names


def first_visit(browser, url: str) -> dict:
    """A first visit of ``url`` (empty cache): addresses asked, bytes received, script errors."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="fr-FR")
    page = context.new_page()
    seen = {"urls": [], "bytes": 0, "errors": []}
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.requestWillBeSent", lambda e: seen["urls"].append(e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: seen.__setitem__("bytes", seen["bytes"] + e["encodedDataLength"]))
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    try:
        page.goto(url)
        page.wait_for_selector(ATELIER_READY, timeout=120_000)
        page.get_by_role("button", name="Suivant →").click()
        page.wait_for_selector(".etape-numero:has-text('Étape 2 sur')", timeout=30_000)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return seen


@pytest.mark.parametrize("atelier", ATELIERS)
def test_a_first_visit_loads_the_project_s_front_end_only_and_weighs_under_one_mebibyte(server, browser, atelier):
    seen = first_visit(browser, f"{server.url}voila/render/{atelier}/atelier.ipynb")
    voila_front_end = [u for u in seen["urls"] if "/voila/static/" in u or "/voila/labextensions/" in u]
    assert voila_front_end == []  # Voilà's prebuilt JupyterLab application: about 1 MiB, never used here
    assert any("/static/page/page.js" in u for u in seen["urls"])
    assert [u for u in seen["urls"] if not u.startswith(LOCAL)] == []
    assert 0 < seen["bytes"] <= MIB, f"{seen['bytes'] / 1024:.0f} KiB"
    assert seen["errors"] == []


def test_a_page_whose_server_was_restarted_says_so_and_comes_back_when_reloaded(browser, tmp_path):
    (tmp_path / "avant").mkdir()
    (tmp_path / "apres").mkdir()
    first = Server(tmp_path / "avant", reserve=0)
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="fr-FR")
    try:
        page = open_atelier(context.new_page(), first, "01_navigateur")
        first.stop()  # the conseiller stops the workshops and starts them again
        again = Server(tmp_path / "apres", reserve=0, port=first.port)
        try:
            alert = page.get_by_role("alert")
            alert.wait_for(timeout=60_000)
            assert "n'est plus reliée à l'atelier" in alert.inner_text()
            alert.get_by_role("button", name="Recharger la page").click()
            page.wait_for_selector(ATELIER_READY, timeout=120_000)
            assert page.locator("#atelier-deconnecte").count() == 0
            page.get_by_role("button", name="Suivant →").click()
            page.wait_for_selector(".etape-numero:has-text('Étape 2 sur')", timeout=30_000)
        finally:
            again.stop()
    finally:
        context.close()
