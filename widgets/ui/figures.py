"""Images and charts shown inline (data URI, inline SVG) with their text alternative: works offline, no file served."""
from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

import yaml

from widgets.content.markdown import esc

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


def media_alts(folder: Path) -> dict[str, str]:
    """File name → alt text, from the atelier's ``media/images.yaml`` (empty if absent or broken)."""
    try:
        data = yaml.safe_load((Path(folder) / "media" / "images.yaml").read_text(encoding="utf-8")) or {}
        return {str(i["fichier"]): " ".join(str(i["alt"]).split()) for i in data.get("images", [])
                if isinstance(i, dict) and "fichier" in i and "alt" in i}
    except (OSError, yaml.YAMLError, UnicodeDecodeError, AttributeError, TypeError):
        return {}


def media_path(folder: Path, name: str) -> Path | None:
    """The media file ``name`` if it is inside the atelier's ``media`` folder."""
    media = (Path(folder) / "media").resolve()
    path = (media / name).resolve()
    return path if path.is_relative_to(media) and path.is_file() else None


def image_html(folder: Path, name: str, alt: str | None = None, caption: str = "") -> str:
    """A figure for a media file; its alt comes from the content or from ``images.yaml``."""
    path = media_path(folder, name)
    if path is None:
        return f'<p class="atelier-image-absente">Image introuvable : {esc(name)}.</p>'
    return figure_html(path, alt or media_alts(folder).get(name, ""), caption)


@lru_cache(maxsize=8)
def chart(kind: str):
    """The ``widgets.charts.draw.Chart`` of ``kind`` (one of ``CHART_KINDS``), drawn once from the shipped data."""
    from widgets.charts.cache import cached_chart

    return cached_chart(kind)


def accessible_svg(svg: str, alt: str, prefix: str) -> str:
    """The chart's SVG with an ``aria-label``, fluid size and ids made unique in the page."""
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', rf'url(#{prefix}-\1)', svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)
    head, rest = svg.split(">", 1)
    head = re.sub(r'\s(width|height)="[^"]*"', "", head)
    if "aria-label" not in head:
        head += f' aria-label="{esc(alt)}"'
    return head + ">" + rest


def chart_html(kind: str, letter: str) -> str:
    """One chart, named « Graphique A », with its SVG and a visible « Description du graphique »."""
    c = chart(kind)
    return (f'<figure class="graphique"><figcaption class="graphique-nom">Graphique {esc(letter)}</figcaption>'
            f'{accessible_svg(c.svg, c.alt, f"graphique-{letter.lower()}")}'
            f'<details class="graphique-description"><summary>Description du graphique {esc(letter)}</summary>'
            f'<p>{esc(c.alt)}</p></details></figure>')
