"""HTML and tagged PDF of the fiche animateur and the mémo (Jinja2 templates, WeasyPrint)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from widgets.content.markdown import md
from widgets.content.referentials import referentials
from widgets.documents.guide import Guide

TEMPLATES = Path(__file__).parent / "templates"
FOOTER = ("Ateliers numériques · Contenu sous licence libre CC BY-SA 4.0 (vous pouvez le copier et "
          "l'adapter en citant la source et en gardant la même licence) · Programme sous licence EUPL 1.2.")


def inline_md(text: str) -> Markup:
    """A short Markdown text (bold, code) as inline HTML; raw HTML stays escaped."""
    html = md(text).strip()
    html = re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.S) if html.count("<p>") == 1 else html
    return Markup(html)


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["md"] = inline_md
    env.filters["date_fr"] = french_date
    return env


def french_date(value) -> str:
    """« 2026-11-29 » → « 29/11/2026 » (a text that is not such a date is shown as it is)."""
    text = str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    return f"{match.group(3)}/{match.group(2)}/{match.group(1)}" if match else text


def _context(guide: Guide) -> dict:
    refs = referentials()
    a = guide.atelier
    return {
        "a": a, "g": guide, "footer": FOOTER,
        "css": Markup((TEMPLATES / "imprimer.css").read_text(encoding="utf-8")),
        "pix": [f"{c} {refs['competences_pix'].get(c, '')}".strip() for c in a.pix],
        "cra": [refs["themes_cra"].get(t, t) for t in a.cra_themes],
        "points": [inline_md(p) for p in guide.memo_points],
    }


def guide_html(guide: Guide) -> str:
    """The fiche animateur as a standalone HTML page."""
    return _env().get_template("fiche.html.j2").render(**_context(guide))


def memo_html(guide: Guide) -> str:
    """The one-page participant memo as a standalone HTML page."""
    return _env().get_template("memo.html.j2").render(**_context(guide))


def write_pdf(html: str, target: Path) -> Path:
    """A tagged, accessible PDF (PDF/UA-1, French, with its title) of ``html``."""
    import weasyprint

    weasyprint.HTML(string=html, base_url=str(TEMPLATES)).write_pdf(
        target, pdf_variant="pdf/ua-1", pdf_tags=True)
    return target
