"""« Joindre un document »: a simulated service asks for a paper; the participant takes a photo of it (or picks
a PDF) and the page says whether a service could read it, and how to do better.

The file arrives through a ``FileUpload`` (on a phone, ``accept="image/*,application/pdf"`` offers the camera).
Its bytes are analysed in memory by ``widgets.analysers.photo.document_photo``, then the upload is emptied:
nothing is written to disk, logged, kept in the widget or sent. The file's name is never read.
"""
from __future__ import annotations

import ipywidgets as ipw

from widgets.content.markdown import esc, md
from widgets.simulations.browser import address_bar_html
from widgets.tools.photo_tool import upload_contents
from widgets.ui.controls import html_block, safe_callback
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks

ACCEPT = "image/*,application/pdf"
DEFAULT_SITE = "Service en ligne — exercice"
PRIVACY = ("Exercice : le fichier reste sur cet appareil le temps d'être lu, puis il est oublié. "
           "Il n'est ni enregistré ni envoyé.")


def request_html(site: str, document: str, limit_mb: int) -> str:
    """The simulated service's request: which paper, which formats, how heavy at most."""
    return (f'<div class="site-page" role="group" aria-label="Page du service (exercice)">'
            f'<p class="site-page-titre">{esc(site)}</p>'
            f"<p>Pièce demandée : <strong>{esc(document)}</strong></p>"
            f"<p>Formats acceptés : photo (JPEG ou PNG) ou PDF. Poids maximum : {limit_mb} Mo.</p></div>")


def details_html(check) -> str:
    """What was measured (type, weight, size or pages) as a small table."""
    if not check.details:
        return ""
    rows = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{esc(v)}</td></tr>' for k, v in check.details)
    return f'<table class="photo-infos pj-details"><caption>Le fichier reçu</caption>{rows}</table>'


def problems_markdown(check) -> str:
    """Each problem with its advice, as a Markdown list (blocking ones first)."""
    ordered = sorted(check.problems, key=lambda p: not p.blocking)
    return "\n".join(f"- **{p.title}.** {p.advice}" for p in ordered)


class AttachmentTool(ipw.VBox):
    """Attach a photo of a paper (or a PDF) to a simulated procedure and learn whether it would be accepted."""

    def __init__(self, document: str, instruction: str = "", site: str = "", address: str = "",
                 limit_mb: int = 5):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-outil")
        self.add_class("atelier-piece-jointe")
        self.add_class("atelier-photo")  # the project's large upload button (atelier-donnees.css)
        self.limit_mb = int(limit_mb)
        self.check = None
        self.result = Feedback()
        self.details = html_block("", "pj-details-zone")
        self.upload = ipw.FileUpload(accept=ACCEPT, multiple=False, description="Joindre un fichier",
                                     **looks(ipw.FileUpload))
        self.upload.add_class("atelier-bouton")
        self.upload.observe(self._on_upload, names="value")
        children = [html_block(md(instruction), "atelier-consigne")] if instruction else []
        if address:
            children.append(html_block(address_bar_html(address), "pj-barre"))
        children += [html_block(request_html(site or DEFAULT_SITE, document, self.limit_mb), "pj-demande"),
                     self.upload, html_block(f"<p>{esc(PRIVACY)}</p>", "pj-confidentialite"),
                     self.result, self.details]
        self.children = children

    def show_error(self, message: str) -> None:
        self.result.show("erreur", message)

    @safe_callback()
    def _on_upload(self, change=None) -> None:
        value = self.upload.value
        if not value:
            return  # the upload was just emptied (below)
        files = upload_contents(value)
        self.upload.value = ()  # forget the file (bytes and name) in the widget at once
        self.analyse(files[0] if files else b"")

    def analyse(self, data: bytes) -> None:
        """Check ``data`` in memory and say, in French, whether a service could read it."""
        from widgets.analysers.photo.document_photo import check_document

        self.check = check = check_document(data, self.limit_mb * 1_000_000)
        self.details.value = details_html(check)
        if not check.readable:
            self.result.show("erreur", check.message, title="Nous ne pouvons pas lire ce fichier")
        elif not check.usable:
            self.result.show("attention", check.message + "\n\n" + problems_markdown(check),
                             title="Le service risque de refuser ce fichier")
        elif check.problems:
            self.result.show("info", check.message + "\n\n" + problems_markdown(check),
                             title="Ce fichier peut partir")
        else:
            self.result.show("correct", check.message,
                             title="Photo lisible" if check.kind == "photo" else "PDF valable")
