"""The project's own icons: small SVG files shipped with the Voilà template, each with a text alternative.

Emoji show as empty boxes on a computer without an emoji font (often the laptop that projects), so
no pictogram of the ateliers is an emoji: each is one file of ``ICON_DIR``, drawn in the colour of
the text around it (``currentColor``).

- In HTML, ``icon(name)`` puts the file inline: decorative (hidden from screen readers) next to
  visible words that say the same, or an image named by ``label`` when it stands alone.
- On a button (plain text in ipywidgets), ``button_icon_classes(name)`` are the classes with which the
  template's ``atelier.css`` draws the same file before the button's text (``static/icones/<name>.svg``).
"""
from __future__ import annotations

import functools
from pathlib import Path

from widgets.content.markdown import esc

#: Served by Voilà under ``voila/templates/atelier/static/icones/`` (``atelier.css`` points there).
ICON_DIR = (Path(__file__).resolve().parent.parent / "share" / "jupyter" / "voila" / "templates" / "atelier"
            / "static" / "icones")

#: Every icon: file name (without ``.svg``) → what it shows, in French (its default text alternative).
ICONS = {
    "reglages": "Informations et réglages du site",
    "loupe": "Rechercher",
    "trombone": "Pièce jointe",
    "personne": "Profil",
    "pouce": "J'aime",
    "bulle": "Commentaires",
    "partage": "Partager",
    "danger": "Danger",
    "haut-parleur": "Écouter",
    "arret": "Arrêter",
}


@functools.cache
def _svg_tail(name: str) -> str:
    """The file's markup after ``<svg`` (the attributes of the element, its drawing, ``</svg>``)."""
    text = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
    tail = text[text.index("<svg") + len("<svg"):].strip()
    return tail.replace('xmlns="http://www.w3.org/2000/svg"', "").strip()  # inline in HTML: not needed


def icon(name: str, label: str = "") -> str:
    """Inline SVG of icon ``name``.

    Without ``label``: decorative (``aria-hidden``), to put next to words that say the same.
    With ``label``: an image (``role="img"``) whose text alternative is ``label``.
    """
    if name not in ICONS:
        raise KeyError(f"icône inconnue : {name}")
    if label:
        access = f'role="img" aria-label="{esc(label)}"'
    else:
        access = 'aria-hidden="true"'
    return f'<svg class="icone icone-{name}" {access} focusable="false" {_svg_tail(name)}'


def button_icon_classes(name: str) -> tuple[str, str]:
    """The classes that make ``atelier.css`` draw icon ``name`` before a button's text.

    The icon is decorative: the button's text (or its tooltip when it has none) names it.
    """
    if name not in ICONS:
        raise KeyError(f"icône inconnue : {name}")
    return "avec-icone", f"icone-{name}"
