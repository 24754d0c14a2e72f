"""Feedback: a live region that says whether an answer is right, and why."""
from __future__ import annotations

import ipywidgets as ipw

from widgets.content.markdown import esc, md
from widgets.ui.icons import icon
from widgets.ui.looks import looks

#: Kind → (symbol as HTML, French word). The word carries the meaning; colour only helps. The symbols are
#: typographic signs of DejaVu Sans (the font every Linux laptop has) or the project's icons, never emoji.
KINDS = {
    "correct": ("✔", "Bonne réponse"),
    "partiel": ("◐", "Presque"),
    "incorrect": ("✖", "Pas tout à fait"),
    "info": ("ℹ", "À savoir"),
    "attention": ("⚠", "Attention"),
    "danger": (icon("danger"), "Danger"),
    "erreur": ("⚠", "Problème"),
}


class Feedback(ipw.HTML):
    """An ``aria-live`` region (set by the template on ``.atelier-retour``) that shows a verdict and why.

    The region exists, empty, from the start, so that screen readers announce its changes.
    """

    def __init__(self, **kwargs):
        super().__init__(value="", **{**looks(ipw.HTML), **kwargs})
        self.add_class("atelier-retour")
        self.kind: str | None = None
        self.text: str = ""

    def show(self, kind: str, body_markdown: str = "", title: str | None = None) -> None:
        """Show a verdict of ``kind`` (see ``KINDS``) with an explanation in Markdown."""
        symbol, word = KINDS.get(kind, KINDS["info"])
        heading = title or word
        self.kind = kind
        self.text = f"{heading}. {body_markdown}".strip()
        self.value = (
            f'<div class="retour retour-{esc(kind)}">'
            f'<p class="retour-titre"><span aria-hidden="true">{symbol}</span> {esc(heading)}</p>'
            f"{md(body_markdown)}</div>"
        )

    def clear(self) -> None:
        """Empty the region (it stays in the page)."""
        self.kind = None
        self.text = ""
        self.value = ""
