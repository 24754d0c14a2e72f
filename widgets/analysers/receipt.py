"""A fictional « récépissé de dépôt » (proof that an online request was received), as HTML and as a PDF in memory.

Everything in it comes from the atelier's content file (a fictional identity, an invented procedure and
reference): nothing a participant types. The PDF is made by ``widgets.analysers.pdf`` (WeasyPrint) straight
into bytes, never a file, and every page says « Exercice — document sans valeur ».
"""
from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from widgets.content.french_dates import french_moment

MARK = "Exercice — document sans valeur"
FILE_NAME = "recepisse_exercice.pdf"
PARIS = ZoneInfo("Europe/Paris")
_PLACEHOLDER = re.compile(r"\{(prenom|nom|demarche|organisme|reference|date)\}")


@dataclass(frozen=True)
class Receipt:
    """What the récépissé says."""

    procedure: str
    organisation: str
    reference: str
    moment: datetime
    first_name: str
    last_name: str
    address: str = ""
    attachments: tuple[str, ...] = field(default_factory=tuple)

    @property
    def when(self) -> str:
        """« 29 novembre 2026 à 10 h 42 »."""
        return french_moment(self.moment)


def parse_moment(text: str | None) -> datetime | None:
    """« 2026-11-29 10:42 » → a datetime (None when empty or not in that form)."""
    if not text:
        return None
    try:
        return datetime.strptime(str(text).strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        return None


def now_in_paris() -> datetime:
    return datetime.now(PARIS).replace(tzinfo=None, second=0, microsecond=0)


def make_reference(moment: datetime, rng: random.Random | None = None) -> str:
    """An invented file number, « EX-20261129-123456 » (the « EX » says it is an exercise)."""
    number = (rng or random.SystemRandom()).randint(0, 999_999)
    return f"EX-{moment:%Y%m%d}-{number:06d}"


def make_receipt(procedure: str, organisation: str, first_name: str, last_name: str, address: str = "",
                 reference: str | None = None, moment: str | datetime | None = None,
                 attachments: list[str] | tuple[str, ...] = ()) -> Receipt:
    """A ``Receipt`` from the content file's values; missing date → now (Paris), missing reference → invented."""
    when = moment if isinstance(moment, datetime) else parse_moment(moment)
    when = when or now_in_paris()
    return Receipt(procedure=procedure, organisation=organisation, reference=reference or make_reference(when),
                   moment=when, first_name=first_name, last_name=last_name, address=address,
                   attachments=tuple(attachments))


def fill(template: str, receipt: Receipt) -> str:
    """Replace ``{reference}``, ``{date}``, ``{demarche}``, ``{prenom}``, ``{nom}``, ``{organisme}`` (nothing else)."""
    values = {"prenom": receipt.first_name, "nom": receipt.last_name, "demarche": receipt.procedure,
              "organisme": receipt.organisation, "reference": receipt.reference, "date": receipt.when}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template or "")


def receipt_rows(receipt: Receipt) -> list[tuple[str, str]]:
    """The lines of the récépissé, as (label, value)."""
    rows = [("Démarche", receipt.procedure), ("Service", receipt.organisation),
            ("Numéro de dossier", receipt.reference), ("Reçue le", receipt.when),
            ("Demandeur", f"{receipt.first_name} {receipt.last_name}".strip())]
    if receipt.address:
        rows.append(("Adresse", receipt.address))
    if receipt.attachments:
        rows.append(("Pièces jointes", " ; ".join(receipt.attachments)))
    return rows


_CSS = """
@page { size: A4; margin: 18mm 16mm;
        @bottom-center { content: "Exercice — document sans valeur · page " counter(page); font-size: 9pt; color: #444; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 12pt; color: #111; line-height: 1.4; }
.exercice { border: 3px solid #8a1c1c; color: #8a1c1c; font-weight: 700; text-align: center; padding: 6pt;
            font-size: 14pt; margin-bottom: 14pt; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
.sous-titre { margin: 0 0 14pt; }
table { border-collapse: collapse; width: 100%; margin: 10pt 0; }
th, td { border: 1px solid #777; padding: 5pt 7pt; text-align: left; vertical-align: top; }
th { width: 34%; background: #eee; }
.filigrane { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 40pt; color: #ddd;
             transform: rotate(-30deg); z-index: -1; }
.note { font-size: 10.5pt; }
"""


def receipt_html(receipt: Receipt) -> str:
    """The récépissé as a standalone HTML page (French, titled, every value escaped)."""
    e = html.escape
    rows = "".join(f'<tr><th scope="row">{e(k)}</th><td>{e(v)}</td></tr>' for k, v in receipt_rows(receipt))
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Récépissé de dépôt — {e(MARK)}</title>'
            f"<style>{_CSS}</style></head><body>"
            f'<div class="filigrane" aria-hidden="true">EXERCICE</div>'
            f'<p class="exercice">{e(MARK)}</p>'
            f"<h1>Récépissé de dépôt</h1>"
            f'<p class="sous-titre">Votre demande a bien été reçue par le service.</p>'
            f"<table><caption>Votre demande</caption>{rows}</table>"
            f'<p class="note">Gardez ce document : il prouve que vous avez fait la demande, et à quelle date. '
            f"Le numéro de dossier sert à suivre la demande ou à poser une question au service.</p>"
            f'<p class="note">Ce récépissé a été fabriqué pour un atelier d\'initiation. Le service, la personne et '
            f"le numéro sont inventés : il ne prouve rien et ne doit pas être présenté à une administration.</p>"
            "</body></html>")


def receipt_pdf(receipt: Receipt) -> bytes:
    """The récépissé as a tagged PDF (PDF/UA-1), made in memory: the bytes, never a file."""
    from widgets.analysers.pdf import pdf_bytes

    return pdf_bytes(receipt_html(receipt))
