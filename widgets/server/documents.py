"""Tornado handler serving the built documents (PDF, HTML) of one folder: no listing, no other file."""
from __future__ import annotations

import re
from pathlib import Path

import tornado.web

from widgets.server.pages import document_not_found_html

#: Only plain names like ``01_navigateur-memo.pdf``: no folder, no hidden file.
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,100}\.(pdf|html)$")
TYPES = {"pdf": "application/pdf", "html": "text/html; charset=UTF-8"}
#: Route to wire under the server's base URL; the group is the file name.
ROUTE = r"/documents/([^/]+)"


class DocumentsHandler(tornado.web.RequestHandler):
    """``GET /documents/NAME``: a file of ``folder`` (fiche animateur, mémo), nothing else."""

    def initialize(self, folder: Path | str):
        self.folder = Path(folder).resolve()

    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")

    def get(self, name: str) -> None:
        if not NAME.match(name or ""):
            raise tornado.web.HTTPError(404)
        path = (self.folder / name).resolve()
        if path.parent != self.folder or not path.is_file():
            raise tornado.web.HTTPError(404)
        extension = name.rsplit(".", 1)[1]
        self.set_header("Content-Type", TYPES[extension])
        self.set_header("Cache-Control", "no-cache")
        if extension == "pdf":
            self.set_header("Content-Disposition", f'inline; filename="{name}"')
        self.finish(path.read_bytes())

    def write_error(self, status_code: int, **kwargs) -> None:
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(document_not_found_html(self.settings.get("base_url", "/")))
