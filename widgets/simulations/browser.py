"""A browser window: address bar, tabs, back, padlock, favourites; each part can be pressed."""
from __future__ import annotations

from widgets.find_part import FindThePart, Question
from widgets.ui import box, esc, html_block

#: part id → (symbol shown, accessible name, default explanation in plain French)
PARTS = {
    "onglet": ("Onglet", "L'onglet de la page",
               "Un **onglet** est une page ouverte. Vous pouvez en ouvrir plusieurs et passer de l'une à l'autre."),
    "nouvel_onglet": ("+", "Ouvrir un nouvel onglet",
                      "Le **+** ouvre un nouvel onglet, une nouvelle page vide, sans fermer celle-ci."),
    "precedent": ("←", "Page précédente",
                  "La **flèche vers la gauche** revient à la page d'avant."),
    "suivant": ("→", "Page suivante",
                "La **flèche vers la droite** revient à la page que vous venez de quitter avec la flèche gauche."),
    "actualiser": ("⟳", "Actualiser la page",
                   "La **flèche en rond** recharge la page, par exemple si elle s'affiche mal."),
    "cadenas": ("", "Cadenas : informations sur la connexion",
                "Le **cadenas** veut dire que la connexion est **chiffrée** : personne ne peut lire ce qui passe "
                "entre vous et le site. Il ne dit **pas** que le site est honnête : les faux sites ont aussi un cadenas."),
    "adresse": ("Adresse", "Barre d'adresse",
                "La **barre d'adresse** montre l'adresse du site. C'est là qu'on lit à qui est le site. "
                "Vous pouvez aussi y taper une adresse que vous connaissez."),
    "favoris": ("☆", "Ajouter aux favoris",
                "L'**étoile** enregistre le site dans vos **favoris**, pour le retrouver sans taper son adresse."),
    "menu": ("⋮", "Menu du navigateur",
             "Les **trois points** ouvrent le **menu** : historique, paramètres, impression…"),
}
ORDER = ["precedent", "suivant", "actualiser", "cadenas", "adresse", "favoris", "menu"]


def split_address(url: str) -> tuple[str, str, str]:
    """(before, registrable domain, after) of an address, for showing the domain in bold."""
    try:
        from widgets.analysers.link import check_link

        domain = check_link(url).domain or ""
    except Exception:  # noqa: BLE001 - display only
        domain = ""
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
    lock = ('<span class="nav-cadenas-icone" role="img" aria-label="Cadenas"></span>' if secure
            else '<span class="nav-non-securise">Non sécurisé</span>')
    before, domain, after = split_address(url)
    shown = f"{esc(before)}<strong>{esc(domain)}</strong>{esc(after)}" if domain else esc(url)
    return (f'<div class="nav-fenetre nav-seule-barre"><div class="nav-barre">'
            f'<span class="visuellement-cache">Barre d\'adresse du navigateur : </span>{lock}'
            f'<span class="nav-adresse">{shown}</span></div></div>')


class BrowserExplorer(FindThePart):
    """A browser window whose parts are buttons: explore them, or answer « where is… » questions."""

    kind = "navigateur"

    def __init__(self, url: str, tab_title: str, page_html: str, explanations: dict[str, str] | None = None,
                 questions: list[Question] | None = None, instruction: str = "", exercise_id: str | None = None):
        super().__init__({k: v[1] for k, v in PARTS.items()},
                         {k: (explanations or {}).get(k) or v[2] for k, v in PARTS.items()},
                         questions, instruction, exercise_id)
        self.add_class("atelier-navigateur")
        for part, (symbol, _name, _) in PARTS.items():
            label = tab_title if part == "onglet" else (url if part == "adresse" else symbol)
            self.part_button(part, label, "nav-partie", f"nav-{part}")
        tabs = box([self.buttons["onglet"], self.buttons["nouvel_onglet"]], "nav-onglets", row=True)
        bar = box([self.buttons[p] for p in ORDER], "nav-barre-outils", row=True)
        page = html_block(page_html, "nav-page")
        window = box([tabs, bar, page], "nav-fenetre")
        self.children = [self.prompt, self.question_text, window, self.feedback]
        self._show_question()
