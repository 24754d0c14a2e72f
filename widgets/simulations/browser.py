"""A browser window: address bar, tabs, back, site settings (where the padlock was), favourites; each part can be pressed.

It looks like Chrome, the most common browser on phones: since Chrome 117 (2023) a « réglages » icon
(two sliders) sits where the padlock was; Firefox and Safari still show a padlock (the part's explanation says so).
"""
from __future__ import annotations

from widgets.components.find_part import FindThePart, Question
from widgets.content.markdown import esc
from widgets.content.vocabulary import BROWSER_PARTS as PARTS
from widgets.ui.controls import box, html_block
from widgets.ui.icons import button_icon_classes, icon

ORDER = ["precedent", "suivant", "actualiser", "cadenas", "adresse", "favoris", "menu"]


def split_address(url: str) -> tuple[str, str, str]:
    """(before, registrable domain, after) of an address, for showing the domain in bold."""
    from widgets.analysers.link.parse import (
        link_domain,  # not the whole checker: megabytes per kernel
    )

    domain = link_domain(url) or ""
    if domain:
        host_end = url.find("/", url.find("//") + 2 if "//" in url else 0)
        host_part = url if host_end == -1 else url[:host_end]
        at = host_part.rfind(domain)
        if at != -1:
            return url[:at], domain, url[at + len(domain):]
    return url, "", ""


def address_bar_html(url: str, secure: bool | None = None) -> str:
    """A read-only address bar, as a browser shows it (registrable domain in bold)."""
    secure = url.startswith("https://") if secure is None else secure
    lock = (icon("reglages", "Informations sur le site") if secure
            else '<span class="nav-non-securise">Non sécurisé</span>')
    before, domain, after = split_address(url)
    shown = f"{esc(before)}<strong>{esc(domain)}</strong>{esc(after)}" if domain else esc(url)
    return (f'<div class="nav-fenetre nav-seule-barre"><div class="nav-barre">'
            f'<span class="visuellement-cache">Barre d\'adresse du navigateur : </span>{lock}'
            f'<span class="nav-adresse">{shown}</span></div></div>')


class BrowserExplorer(FindThePart):
    """A browser window whose parts are buttons: explore them, or answer « where is… » questions."""


    def __init__(self, url: str, tab_title: str, page_html: str, explanations: dict[str, str] | None = None,
                 questions: list[Question] | None = None, instruction: str = "", exercise_id: str | None = None):
        super().__init__({k: v[1] for k, v in PARTS.items()},
                         {k: (explanations or {}).get(k) or v[2] for k, v in PARTS.items()},
                         questions, instruction, exercise_id)
        self.add_class("atelier-navigateur")
        for part, (symbol, _name, _) in PARTS.items():
            label = tab_title if part == "onglet" else (url if part == "adresse" else symbol)
            self.part_button(part, label, "nav-partie", f"nav-{part}")
        for css_class in button_icon_classes("reglages"):
            self.buttons["cadenas"].add_class(css_class)
        tabs = box([self.buttons["onglet"], self.buttons["nouvel_onglet"]], "nav-onglets", row=True)
        bar = box([self.buttons[p] for p in ORDER], "nav-barre-outils", row=True)
        page = html_block(page_html, "nav-page")
        window = box([tabs, bar, page], "nav-fenetre")
        self.children = [self.prompt, self.question_text, window, self.feedback]
        self._show_question()
