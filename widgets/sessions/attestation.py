"""The attestation de participation: one A4 page saying who took part in which atelier, when, for how long.

Made in memory (``attestation_pdf`` returns bytes): the name, if the participant types one, is put in the
page and nowhere else; it is never logged, stored or sent. The structure and place come from the
conseiller (``atelier lancer --structure … --lieu …``, passed to the participants' kernels through the
environment). ``atelier fiches`` prints the same page blank, for a room without devices.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from widgets.content.french_dates import french_date
from widgets.content.referentials import referentials

#: Set by ``atelier lancer`` for the participants' kernels (they inherit the server's environment).
ENV_STRUCTURE, ENV_PLACE = "ATELIERS_STRUCTURE", "ATELIERS_LIEU"
MAX_TEXT = 80
FILE_NAME = "attestation_participation.pdf"
TEMPLATE = Path(__file__).parent / "templates" / "attestation.html.j2"


def clean_text(value: object, limit: int = MAX_TEXT) -> str:
    """One line of printable text (control characters dropped, spaces squeezed, cut at ``limit``)."""
    if not isinstance(value, str):
        return ""
    text = "".join(c for c in unicodedata.normalize("NFC", value) if unicodedata.category(c)[0] != "C" or c == " ")
    return " ".join(text.split())[:limit].strip()




def duration_words(minutes: int) -> str:
    """« 45 minutes », « 1 heure », « 1 h 10 »."""
    hours, rest = divmod(max(0, int(minutes)), 60)
    if not hours:
        return f"{rest} minutes"
    if not rest:
        return f"{hours} heure{'s' if hours > 1 else ''}"
    return f"{hours} h {rest:02d}"


@dataclass
class Attestation:
    """What the page says. ``name`` and ``day`` empty: a blank attestation, filled in by hand."""

    title: str
    minutes: int
    competences: list[str]
    structure: str = ""
    place: str = ""
    name: str = ""
    day: date | None = None
    objectives: list[str] = field(default_factory=list)


def competence_names(codes: list[str]) -> list[str]:
    """« 4.1 Sécuriser l'environnement numérique » for each PIX code (``data/referentiels.yaml``)."""
    names = referentials()["competences_pix"]
    return [f"{c} {names.get(c, '')}".strip() for c in codes]


def organiser_from_env() -> tuple[str, str]:
    """(structure, place) set by the conseiller at launch ("" when not set)."""
    return clean_text(os.environ.get(ENV_STRUCTURE)), clean_text(os.environ.get(ENV_PLACE))


def attestation_for(atelier, name: str = "", day: date | None = None, structure: str | None = None,
                    place: str | None = None, blank: bool = False) -> Attestation:
    """The attestation of ``atelier`` (an ``Atelier``) for ``name`` (optional), dated ``day`` (today)."""
    env_structure, env_place = organiser_from_env()
    return Attestation(
        title=atelier.title, minutes=atelier.minutes, competences=competence_names(atelier.pix),
        structure=clean_text(structure) if structure is not None else env_structure,
        place=clean_text(place) if place is not None else env_place,
        name="" if blank else clean_text(name), day=None if blank else (day or date.today()),
        objectives=[o.replace("**", "") for o in atelier.objectives])


@lru_cache(maxsize=1)
def _template():
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(TEMPLATE.read_text(encoding="utf-8"))


def attestation_html(attestation: Attestation) -> str:
    """The one-page attestation as HTML (French, titled: the PDF's title and language come from it)."""
    return _template().render(a=attestation, duration=duration_words(attestation.minutes),
                              day=french_date(attestation.day) if attestation.day else "")


def attestation_pdf(attestation: Attestation) -> bytes:
    """The tagged, accessible PDF of the attestation, in memory (never a file)."""
    from widgets.analysers.pdf import pdf_bytes

    return pdf_bytes(attestation_html(attestation))
