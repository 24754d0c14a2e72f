"""Images shown inline (data URI) with their text alternative: works offline, no file served."""
from __future__ import annotations

import base64
from pathlib import Path

from widgets.ui import esc

MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml",
        ".webp": "image/webp", ".gif": "image/gif"}


def data_uri(path: Path) -> str:
    """The file as a ``data:`` URI."""
    mime = MIME.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def figure_html(path: Path, alt: str, caption: str = "") -> str:
    """A ``<figure>`` with the image, its ``alt`` and an optional caption."""
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure class="atelier-image"><img src="{data_uri(Path(path))}" alt="{esc(alt)}">{cap}</figure>'
