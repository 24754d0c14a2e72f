"""The domain-age page: type a site's address, learn since when its name exists, and from where we know it."""
from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as ipw

from widgets.analysers.rdap.lookup import SOURCE_LIVE, SOURCE_RECORDED, DomainAge, domain_age
from widgets.content.markdown import esc, md
from widgets.ui.controls import box, button, html_block, input_field, on_press, safe_callback
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks

if TYPE_CHECKING:  # the lookup imports it when it asks
    import requests

MAX_LENGTH = 2_000

#: Which answer the page shows, said in plain words (never only by a colour).
SOURCE_LABELS = {
    SOURCE_LIVE: ("direct", "Réponse en direct : le registre des noms de domaine vient de répondre."),
    SOURCE_RECORDED: ("enregistre", "Exemple enregistré : pas de réponse en direct, l'atelier montre une "
                                    "réponse gardée à l'avance."),
}
NO_SOURCE = ("aucune", "Aucune réponse : ni en direct, ni enregistrée.")


def source_html(result: DomainAge | None) -> str:
    """The banner saying where the answer comes from."""
    if result is None:
        return ""
    key, text = SOURCE_LABELS.get(result.source, NO_SOURCE)
    return f'<p class="age-source age-source-{key}"><strong>Origine de la réponse :</strong> {esc(text)}</p>'


class DomainAgeTool(ipw.VBox):
    """Ask how old a site's name is (RDAP, 3-second timeout, recorded examples offline).

    ``online=False`` never uses the network; ``session`` lets tests replay HTTP answers.
    """

    def __init__(self, instruction: str = "", examples: list[str] | None = None, online: bool = True,
                 session: requests.Session | None = None):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-outil")
        self.add_class("atelier-age-domaine")
        self.online = online
        self.session = session
        self.result: DomainAge | None = None
        self.input = input_field(ipw.Text, "Adresse du site", placeholder="Exemple : lemonde.fr",
                                 continuous_update=False)
        self.check_button = button("Chercher l'âge du site", "atelier-valider")
        self.check_button.on_click(self._on_check)
        self.source = html_block("", "atelier-age-source")
        self.answer = Feedback()
        children = [html_block(md(instruction), "atelier-consigne")] if instruction else []
        children += [self.input, self.check_button]
        if examples:
            buttons = []
            for example in examples:
                b = button(example, "atelier-exemple", tooltip=f"Chercher l'âge de {example}")
                b.on_click(on_press(self, "try_example", example))
                buttons.append(b)
            children.append(html_block('<p class="atelier-petit-titre">Ou essayez avec un exemple :</p>'))
            children.append(box(buttons, "atelier-exemples"))
        children += [self.source, self.answer]
        self.children = children

    def show_error(self, message: str) -> None:
        self.source.value = ""
        self.answer.show("erreur", message)

    def try_example(self, domain: str) -> None:
        """Put an example in the field and check it."""
        self.input.value = domain
        self.check()

    @safe_callback()
    def _on_check(self, _widget=None) -> None:
        self.check()

    def check(self) -> DomainAge | None:
        """Look up the address typed in the field and show the answer and its origin."""
        text = self.input.value or ""
        self.result = None
        self.source.value = ""
        if not text.strip():
            self.answer.show("info", "Le champ est vide : tapez l'adresse d'un site, par exemple « lemonde.fr ».")
            return None
        if len(text) > MAX_LENGTH:
            self.answer.show("attention", "Ce texte est beaucoup trop long pour être l'adresse d'un site.")
            return None
        self.result = domain_age(text, online=self.online, session=self.session)
        if not self.result.domain:
            self.answer.show("attention", self.result.message, title="Ce n'est pas une adresse de site")
            return self.result
        self.source.value = source_html(self.result)
        kind = "info" if self.result.created else "attention"
        self.answer.show(kind, f"Site : **{self.result.domain}**\n\n{self.result.message}",
                         title="Âge du site")
        return self.result
