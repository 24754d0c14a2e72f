"""The server's own pages, rendered from ``templates/``: the landing page, the animateur's board, refusals.

Every link is built from the server's base URL (the same pages work behind Binder's proxy).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from widgets.content.atelier import list_ateliers
from widgets.content.names import page_url
from widgets.documents.build import KINDS, document_name, documents_dir
from widgets.server.prefetch import static_files
from widgets.sessions.store import AGE_BANDS, STATUSES

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMATS = {"pdf": "PDF", "html": "page web"}


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["capitalize_first"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    return env


def render(name: str, **values) -> str:
    """The template ``name`` filled with ``values`` (every value is escaped unless marked safe)."""
    return _environment().get_template(name).render(**values)


def qr_svg(url: str) -> str:
    """An inline SVG QR code of ``url`` (made here, no network)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12, border=2)
    svg = image.to_string(encoding="unicode")
    return svg[svg.index("<svg"):] if "<svg" in svg else svg


def printable_documents(ateliers: list, folder: Path, base_url: str = "/") -> list[tuple[str, list[tuple[str, str]]]]:
    """(atelier title, [(address, label)]) of the mémos and fiches animateur already built in ``folder``."""
    found = []
    for a in ateliers:
        links = [(f"{base_url}documents/{name}", f"{label} ({FORMATS[ext]})")
                 for kind, label in KINDS.items() for ext in FORMATS
                 for name in [document_name(a.id, kind, ext)] if (folder / name).is_file()]
        if links:
            found.append((a.title, links))
    return found


def landing_html(root: Path, base_url: str = "/", extra_footer: str = "", documents: Path | None = None) -> str:
    """The landing page; ``documents`` is the folder of built documents (default: beside ``root``).

    While the participant reads the cards, the browser fetches the atelier pages' static files
    (``<link rel="prefetch">``, see ``prefetch.py``): the atelier then opens like a repeat visit."""
    ateliers, errors = list_ateliers(root)
    cards = [{"url": page_url(base_url, a.id), "title": a.title, "minutes": a.minutes, "level": a.level,
              "summary": a.summary} for a in ateliers]
    return render("accueil.html.j2", ateliers=cards, broken=[Path(e.file).parent.name for e in errors],
                  documents=printable_documents(ateliers, Path(documents) if documents else documents_dir(root), base_url),
                  extra_footer=extra_footer, prefetch=static_files(base_url) if ateliers else [])


def animateur_html(base_url: str, join_url: str, expected: int | None = None) -> str:
    """The animateur's board (the key is in an HttpOnly cookie, never in the page); ``expected``: people
    the conseiller usually expects (the field's first value)."""
    return render("animateur.html.j2", base_url=base_url, join_url=join_url, qr_svg=qr_svg(join_url),
                  age_bands=AGE_BANDS, statuses=STATUSES, expected=expected or "")


def refusal_html(base_url: str = "/") -> str:
    """« Accès refusé »: the animateur's pages without the key."""
    return render("refus.html.j2", base_url=base_url)


def document_not_found_html(base_url: str = "/") -> str:
    return render("document_introuvable.html.j2", base_url=base_url)
