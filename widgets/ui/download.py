"""A link that saves a document made in memory on the participant's own device.

The document travels inside the link (a ``data:`` URI): nothing is written on the disk of the computer
that serves the page, nothing is logged. The link is only shown on the participant's page.
"""
from __future__ import annotations

import base64

from widgets.content.markdown import esc


def size_words(data: bytes) -> str:
    """« 23 Ko »: the size a person reads."""
    return f"{max(1, round(len(data) / 1000))} Ko"


def download_link_html(data: bytes, file_name: str, label: str, mime: str = "application/pdf",
                       css_class: str = "atelier-telecharger") -> str:
    """``<a download>`` holding ``data``; its text says what, the file name, the kind and the size."""
    uri = f"data:{mime};base64," + base64.b64encode(data).decode("ascii")
    kind = "PDF" if mime == "application/pdf" else "texte" if mime.startswith("text/") else "fichier"
    return (f'<p><a class="{esc(css_class)}" download="{esc(file_name)}" href="{uri}">'
            f"{esc(label)} ({esc(file_name)}, {kind}, {size_words(data)})</a></p>")
