"""``atelier nouvel-atelier NOM``: copy the minimal working atelier of ``modele/`` into the ateliers folder."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from widgets.content.names import CONTENT_FILE, GUIDE_FILE

MODEL = Path(__file__).parent / "modele"
FILES = (CONTENT_FILE, GUIDE_FILE)


class NameError_(ValueError):
    """A name that cannot become a folder, explained in French."""


def folder_name(name: str, root: Path) -> str:
    """``Payer en ligne`` → ``05_payer_en_ligne`` (next free number; a given ``NN_`` is kept)."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:40].strip("_")
    if not slug or slug.isdigit():
        raise NameError_("Le nom doit contenir au moins une lettre, par exemple : atelier nouvel-atelier banque")
    if re.match(r"^\d\d_.", slug):
        return slug
    numbers = [int(p.name[:2]) for p in root.glob("[0-9][0-9]_*") if p.is_dir()]
    return f"{max(numbers, default=0) + 1:02d}_{slug}"


def create_atelier(name: str, root: Path | str, title: str | None = None, notebook: bool = True) -> Path:
    """Create ``root/NN_name`` with atelier.yaml, animateur.yaml and a run notebook; return the folder."""
    from widgets.authoring.notebook import write_notebook

    root = Path(root)
    folder = root / folder_name(name, root)
    if folder.exists():
        raise NameError_(f"Le dossier {folder} existe déjà. Choisissez un autre nom.")
    title = (title or str(name)).strip()
    title = "".join(ch for ch in title if ch.isprintable())[:80] or "Nouvel atelier"
    order = int(folder.name[:2])
    folder.mkdir(parents=True)
    (folder / "media").mkdir()
    safe_title = title.replace("\\", "\\\\").replace('"', '\\"')
    text = (MODEL / CONTENT_FILE).read_text(encoding="utf-8")
    (folder / CONTENT_FILE).write_text(text.replace("{titre}", safe_title).replace("{ordre}", str(order)),
                                         encoding="utf-8")
    (folder / "animateur.yaml").write_text((MODEL / "animateur.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    if notebook:
        write_notebook(folder, f"{title} — Ateliers numériques")
    return folder
