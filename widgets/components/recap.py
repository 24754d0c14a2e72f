"""« Ce qu'il faut retenir »: the closing key points of an atelier."""
from __future__ import annotations

import ipywidgets as ipw

from widgets.content.markdown import esc, md
from widgets.ui.controls import html_block
from widgets.ui.looks import looks


class Recap(ipw.VBox):
    """A short list of key points, and optionally the addresses to remember."""

    def __init__(self, points: list[str], addresses: list[dict] | None = None, title: str = "Ce qu'il faut retenir"):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-retenir")
        self.points = list(points)
        items = "".join(f"<li>{md(p)}</li>" for p in self.points)
        parts = [f'<h3 class="retenir-titre">{esc(title)}</h3><ul class="retenir-liste">{items}</ul>']
        if addresses:
            rows = "".join(
                f"<li><strong>{esc(a.get('adresse', ''))}</strong> : {esc(a.get('pour', ''))}</li>" for a in addresses
            )
            parts.append(f'<h3 class="retenir-titre">Les adresses à garder</h3><ul class="retenir-adresses">{rows}</ul>')
        self.children = [html_block("".join(parts), "atelier-retenir-contenu")]
