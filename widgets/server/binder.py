"""Binder: serve the ateliers behind jupyter-server-proxy, under the Binder user's address.

``postBuild`` registers ``python -m widgets.server.binder {port} {base_url}ateliers/`` as the
proxied server « ateliers »; the README badge opens ``?urlpath=ateliers/`` (the landing page).
"""
from __future__ import annotations

import sys
from pathlib import Path

#: jupyter-server-proxy entry (written into the Binder image's jupyter_server_config.py by postBuild).
PROXY_ENTRY = {
    "ateliers": {
        "command": [sys.executable, "-m", "widgets.server.binder", "{port}", "{base_url}ateliers/"],
        "absolute_url": True,
        "timeout": 120,
        "launcher_entry": {"title": "Ateliers numériques"},
    }
}


def serve(port: int, base_url: str, root: Path | None = None) -> None:
    """Build the printable documents (HTML only, fast), then serve the ateliers on 127.0.0.1."""
    from widgets.documents.build import build_documents
    from widgets.server.app import AtelierServer, server_config
    from widgets.server.paths import default_root, use_project_template

    root = (root or default_root()).resolve()
    build_documents(root, pdf=False)
    use_project_template()
    config = server_config(root, "127.0.0.1", port, reserve=1)
    config.Voila.base_url = base_url
    app = AtelierServer(config=config)
    app.initialize([])
    app.start()


if __name__ == "__main__":
    serve(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "/")
