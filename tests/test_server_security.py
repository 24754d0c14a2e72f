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


def test_a_participant_cannot_run_code_through_the_kernel_socket(server, tmp_path):
    """Execute requests sent by hand to one's own kernel are dropped; widget messages still pass."""
    import json
    import re
    import time
    import uuid

    from websockets.sync.client import connect

    status, body, _ = get(server, "/voila/render/02_courriel/atelier.ipynb")
    kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', body).group(1)
    proof = tmp_path / "code-execute.txt"

    def message(msg_type: str, content: dict) -> str:
        header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": uuid.uuid4().hex,
                  "username": "", "version": "5.3", "date": ""}
        return json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                           "channel": "shell", "buffers": []})

    url = server.url.replace("http", "ws") + f"api/kernels/{kernel}/channels"
    replies = []
    with connect(url, open_timeout=10) as socket:
        for msg_type, content in (
            ("execute_request", {"code": f"open({str(proof)!r}, 'w').write('oui')", "silent": False}),
            ("inspect_request", {"code": "open", "cursor_pos": 4}),
            ("kernel_info_request", {}),
        ):
            socket.send(message(msg_type, content))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "kernel_info_reply" not in replies:
            try:
                replies.append(json.loads(socket.recv(timeout=deadline - time.monotonic()))["header"]["msg_type"])
            except TimeoutError:
                break
    time.sleep(1)
    assert "kernel_info_reply" in replies  # the socket works: what is allowed is answered
    assert "execute_reply" not in replies and "inspect_reply" not in replies
    assert not proof.exists()
