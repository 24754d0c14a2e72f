"""A curious participant probing the server: no file tree, no sources, no listing, no traceback, French pages."""
from __future__ import annotations

import urllib.error
import urllib.request

import pytest


def get(server, path: str, headers: dict | None = None):
    request = urllib.request.Request(server.url.rstrip("/") + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)


@pytest.mark.parametrize("path", [
    "/voila/files/01_navigateur/atelier.yaml", "/voila/files/01_navigateur/atelier.ipynb",
    "/voila/files/../pyproject.toml", "/voila/files/01_navigateur/", "/voila/api/contents/",
    "/voila/api/contents/01_navigateur", "/api/contents", "/api/kernels", "/api/sessions", "/api/terminals",
    "/tree", "/lab", "/login", "/voila/static/../../../../etc/passwd", "/voila/templates/atelier/conf.json",
    "/voila/templates/atelier/index.html.j2", "/voila/render/../pyproject.toml", "/voila/render/nope.ipynb",
    "/.git/config", "/%2e%2e/%2e%2e/etc/passwd",
])
def test_no_file_listing_source_or_api(server, path):
    status, body, _ = get(server, path)
    assert status in (301, 302, 403, 404, 500) or (status == 200 and "Ateliers numériques" in body)
    for leak in ("root:x:", "[project]", "from widgets", "show_workshop", "Traceback", "etapes:", "Select items",
                 "repositoryformatversion", '"cells"'):
        assert leak not in body, (path, leak)
    if status >= 400:
        assert 'lang="fr"' in body and "Cette page n'est pas disponible" in body


def test_tree_redirects_to_the_landing_page(server):
    status, body, _ = get(server, "/voila/tree")
    assert status == 200 and "Ateliers numériques" in body and "Select items" not in body


def test_rendered_page_has_no_source_and_no_outside_url(server):
    status, body, headers = get(server, "/voila/render/01_navigateur/atelier.ipynb")
    assert status == 200
    assert "show_workshop" not in body and "walkthrough" not in body  # sources stripped, test cell removed
    assert "cdn.jsdelivr" not in body and "cdnjs" not in body
    assert 'lang="fr"' in body
    assert headers.get("X-Content-Type-Options") == "nosniff"


def test_template_override_from_the_address_bar_is_refused(server):
    _, body, _ = get(server, "/voila/render/01_navigateur/atelier.ipynb?voila-template=lab&voila-theme=dark")
    assert "atelier.css" in body and "cdn.jsdelivr" not in body


def test_responses_are_compressed(server):
    _, body, headers = get(server, "/voila/render/01_navigateur/atelier.ipynb", {"Accept-Encoding": "gzip"})
    assert headers.get("Content-Encoding") == "gzip"
