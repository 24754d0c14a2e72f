"""Build the fiches animateur and the mémos of every atelier, as HTML and PDF, into one folder."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from widgets.content.atelier import list_ateliers
from widgets.content.names import CONTENT_FILE, GUIDE_FILE
from widgets.content.validation import ContentError
from widgets.documents.guide import load_guide
from widgets.documents.render import TEMPLATES, guide_html, memo_html, write_pdf
from widgets.sessions.attestation import TEMPLATE as ATTESTATION_TEMPLATE
from widgets.sessions.attestation import attestation_for, attestation_html

#: The kinds of documents: file suffix and French label.
KINDS = {"fiche-animateur": "Fiche animateur", "memo": "Mémo à emporter",
         "attestation-vierge": "Attestation de participation vierge (à remplir à la main)"}


def documents_dir(root: Path | str) -> Path:
    """Default output folder: ``documents/`` beside the ateliers folder."""
    return Path(root).resolve().parent / "documents"


def document_name(atelier_id: str, kind: str, extension: str) -> str:
    """``01_navigateur-memo.pdf``: the file name of one document."""
    return f"{atelier_id}-{kind}.{extension}"


def documents_outdated(root: Path | str, out: Path | str | None = None) -> bool:
    """True when a document is missing or older than what it is made from (content, notes, templates)."""
    out = Path(out) if out else documents_dir(root)
    sources = [*TEMPLATES.glob("*"), ATTESTATION_TEMPLATE, *Path(root).glob(f"*/{GUIDE_FILE}"), *Path(root).glob(f"*/{CONTENT_FILE}")]
    newest_source = max((f.stat().st_mtime for f in sources if f.is_file()), default=0.0)
    for notes in Path(root).glob(f"*/{GUIDE_FILE}"):
        for kind in KINDS:
            document = out / document_name(notes.parent.name, kind, "pdf")
            if not document.is_file() or document.stat().st_mtime < newest_source:
                return True
    return False


@dataclass
class BuildResult:
    """What ``build_documents`` wrote, and the French problems met."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def build_documents(root: Path | str, out: Path | str | None = None, pdf: bool = True) -> BuildResult:
    """Write HTML (and PDF) fiche animateur and mémo for every valid atelier of ``root``."""
    out = Path(out) if out else documents_dir(root)
    result = BuildResult(out)
    out.mkdir(parents=True, exist_ok=True)
    ateliers, errors = list_ateliers(root)
    result.problems += [str(e) for e in errors]
    for atelier in ateliers:
        if not (atelier.folder / GUIDE_FILE).is_file():
            result.problems.append(f"{atelier.id} : pas de fichier {GUIDE_FILE}, pas de fiche ni de mémo.")
            continue
        try:
            guide = load_guide(atelier)
        except ContentError as exc:
            result.problems.append(str(exc))
            continue
        blank = attestation_html(attestation_for(atelier, blank=True))  # structure and place: ``atelier lancer``'s
        for kind, html in (("fiche-animateur", guide_html(guide)), ("memo", memo_html(guide)),
                           ("attestation-vierge", blank)):
            page = out / document_name(atelier.id, kind, "html")
            page.write_text(html, encoding="utf-8")
            result.files.append(page)
            if pdf:
                result.files.append(write_pdf(html, out / document_name(atelier.id, kind, "pdf")))
    return result
