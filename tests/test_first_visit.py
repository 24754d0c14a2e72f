"""The first visit: the landing page fetches the atelier pages' files ahead, the atelier opens from the cache.

Checked on the application exactly as ``atelier lancer`` builds it (``make_server(...).build_app()``),
then in a real browser on ``atelier lancer`` itself: every file the landing page names exists and may
be kept by the browser; after the landing page, an atelier's page asks the network for nothing it
fetched ahead, and no request leaves 127.0.0.1. Timing stays in ``bench/first_load.py``.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import tornado.testing
from browser_helpers import ATELIER_READY

from widgets.server.app import make_server
from widgets.server.prefetch import recorded

ROOT = Path(__file__).resolve().parent.parent
ATELIERS = sorted(p.parent.name for p in (ROOT / "ateliers").glob("*/atelier.ipynb"))
STATIC = ("/voila/static/", "/voila/labextensions/", "/voila/templates/")
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in ("prefetch", "preload"):
            self.found.setdefault(attrs["rel"], []).append(attrs.get("href", ""))


def links_of(html: str) -> dict[str, list[str]]:
    parser = Links()
    parser.feed(html)
    return parser.found


class TestTheLandingPageFetchesAhead(tornado.testing.AsyncHTTPTestCase):
    """The landing page's prefetch targets, on the real application (no kernel is started)."""

    def get_app(self):
        self.server = make_server(ROOT / "ateliers", "127.0.0.1", 0, reserve=0)
        return self.server.build_app()

    def get_async_test_timeout(self) -> float:
        return 60  # two busy cores: a file may wait a few seconds

    def tearDown(self):
        self.server.presence.stop()
        super().tearDown()

    def prefetched(self) -> list[str]:
        landing = self.fetch("/")
        assert landing.code == 200
        return links_of(landing.body.decode())["prefetch"]

    def test_every_target_is_on_this_server_exists_and_may_be_kept(self):
        targets = self.prefetched()
        assert len(targets) >= len(recorded()) - 2 >= 15  # the page's front end, style sheets, scripts, icons
        assert len(set(targets)) == len(targets)
        for href in targets:
            assert href.startswith("/") and not href.startswith("//"), href  # same server, never elsewhere
            answer = self.fetch(href, headers={"Accept-Encoding": "gzip"})
            assert answer.code == 200, href
            cache = answer.headers.get("Cache-Control", "")
            assert re.fullmatch(r"max-age=(\d+)", cache) and int(cache.split("=")[1]) >= 3600, (href, cache)
            validator = {"If-None-Match": answer.headers["Etag"]} if "Etag" in answer.headers else \
                {"If-Modified-Since": answer.headers["Last-Modified"]}
            assert self.fetch(href, headers=validator).code == 304, href  # kept, then checked cheaply

    def test_the_targets_are_what_an_atelier_page_loads(self):
        paths = {urlsplit(h).path for h in self.prefetched()}
        for name in ("page/page.js", "page/page.css", "index.css", "atelier.css", "atelier.js"):
            assert f"/voila/templates/atelier/static/{name}" in paths, name
        # Voilà's prebuilt front end (a JupyterLab application, about 1 MiB) is no longer what the pages load
        assert not any(p.startswith(("/voila/static/", "/voila/labextensions/")) for p in paths), paths
        versioned = [h for h in self.prefetched() if "/static/atelier.css" in h]
        assert re.search(r"\?v=[0-9a-f]{20,}$", versioned[0])  # the version the atelier page links to

    def test_the_page_css_comes_without_jupyterlab_s_icon_pictures(self):
        href = next(h for h in self.prefetched() if "/static/index.css" in h)
        css = self.fetch(href).body.decode()
        assert "--jp-icon-add:" not in css and "data:image/svg+xml;base64" not in css
        assert ".jp-OutputArea" in css and ".lm-Widget" in css  # the rest of JupyterLab's page CSS stays


# -- in a real browser, on ``atelier lancer`` -------------------------------------------------------
def watch(context, page) -> dict:
    """Every request of ``page`` and whether the network was used (CDP: the HTTP cache stays on)."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    seen = {"urls": {}, "cached": set()}
    cdp.on("Network.requestWillBeSent", lambda e: seen["urls"].setdefault(e["requestId"], e["request"]["url"]))
    cdp.on("Network.requestServedFromCache", lambda e: seen["cached"].add(e["requestId"]))
    cdp.on("Network.responseReceived", lambda e: seen["cached"].add(e["requestId"])
           if e["response"].get("fromDiskCache") or e["response"].get("fromPrefetchCache") else None)
    return seen


@pytest.mark.parametrize("atelier", ATELIERS)
def test_after_the_landing_page_the_atelier_opens_from_the_cache(server, browser, atelier):
    # No page.route() here: Playwright turns the HTTP cache off when it routes requests.
    context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="fr-FR")
    try:
        page = context.new_page()
        seen = watch(context, page)
        page.goto(server.url)
        wanted = page.eval_on_selector_all("link[rel=prefetch]", "links => links.map(l => l.href)")
        page.wait_for_function("""(wanted) => {
            const done = new Set(performance.getEntriesByType('resource').filter(e => e.responseEnd > 0).map(e => e.name));
            return wanted.every(u => done.has(u)); }""", arg=wanted, timeout=120_000)
        before = set(seen["urls"])
        page.locator(f".carte a[href*='/{atelier}/']").click()
        page.wait_for_selector(ATELIER_READY, timeout=120_000)
        preloads = page.eval_on_selector_all("link[rel=preload]", "links => links.map(l => l.href)")
        assert "static/page/page.js" in " ".join(preloads)  # its scripts asked for from its first lines
        page.get_by_role("button", name="Suivant →").click()
        page.wait_for_selector(".etape-numero:has-text('Étape 2 sur')", timeout=30_000)
        page.wait_for_timeout(1500)  # the widgets' last pieces
        asked = {rid: url for rid, url in seen["urls"].items() if rid not in before}
        static = {rid: url for rid, url in asked.items() if any(part in url for part in STATIC)}
        from_network = sorted(url for rid, url in static.items() if rid not in seen["cached"])
        assert static and from_network == [], (
            "fichiers de la page pas pris d'avance par la page d'accueil (les enregistrer : "
            ".venv/bin/python bench/first_load.py --record) : " + ", ".join(from_network))
        outside = sorted(url for url in seen["urls"].values() if not url.startswith(LOCAL))
        assert outside == []
    finally:
        context.close()


def test_the_preloads_are_worked_out_once_for_a_burst_and_again_later(monkeypatch):
    """Voilà asks for a page's preloads each time it prepares a page (twenty times in a burst)."""
    from widgets.server import prefetch

    asked, script = [], "voila/templates/atelier/static/page/page.js"
    monkeypatch.setattr(prefetch, "scripts", lambda base: asked.append(base) or [f"{base}{script}"])
    monkeypatch.setattr(prefetch, "_preloads", {})
    pages = [prefetch.page_config_hook({}, base_url="/") for _ in range(20)]
    assert asked == ["/"] and all(p["prechargement"] == [f"/{script}"] for p in pages)
    assert prefetch.page_config_hook({}, base_url="/atelier/")["prechargement"] == [f"/atelier/{script}"]
    monkeypatch.setattr(prefetch, "PRELOADS_SECONDS", 0)  # later: a changed file gets its new version
    prefetch.page_config_hook({}, base_url="/")
    assert asked == ["/", "/atelier/", "/"]
