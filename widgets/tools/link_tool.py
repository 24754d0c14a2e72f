"""The link checker page: paste a link, read in plain French who owns the site and what is suspicious."""
from __future__ import annotations

import ipywidgets as ipw

from widgets.content.markdown import md
from widgets.ui.controls import box, button, html_block, input_field, on_press, safe_callback
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks

LEVEL_KIND = {"ok": "correct", "attention": "attention", "danger": "danger"}
LEVEL_TITLE = {
    "ok": "Rien de suspect",
    "attention": "Prudence",
    "danger": "Danger : ne cliquez pas",
}
MAX_LENGTH = 10_000


def report_markdown(report) -> str:
    """The report of the link checker as Markdown for the page."""
    lines = [report.summary]
    if report.domain:
        lines.append(f"Le nom du site (ce qui compte) : **{report.domain}**")
    for alert in report.alerts:
        word = "Danger" if alert.level == "danger" else "Prudence"
        lines.append(f"- ⚠ **{word} :** {alert.message}")
    if report.level == "ok":
        lines.append("Rien de suspect ne veut pas dire « sûr » : regardez toujours le nom du site.")
    return "\n\n".join(lines)


class LinkChecker(ipw.VBox):
    """Paste a link, press « Vérifier ce lien »; nothing typed is kept or sent anywhere."""

    def __init__(self, instruction: str = "", examples: list[str] | None = None):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-outil")
        self.input = input_field(ipw.Text, "Lien à vérifier", placeholder="Collez ou tapez un lien ici",
                                 continuous_update=False)
        self.check_button = button("Vérifier ce lien", "atelier-valider")
        self.check_button.on_click(self._on_check)
        self.input.observe(self._on_check, names="value")  # Enter in the field checks too
        self.result = Feedback()
        self.report = None
        children = [html_block(md(instruction), "atelier-consigne")] if instruction else []
        children += [self.input, self.check_button]
        if examples:
            example_buttons = []
            for ex in examples:
                b = button(ex, "atelier-exemple", tooltip=f"Essayer avec l'exemple {ex}")
                b.on_click(on_press(self, "try_example", ex))
                example_buttons.append(b)
            children.append(html_block('<p class="atelier-petit-titre">Ou essayez avec un exemple :</p>'))
            children.append(box(example_buttons, "atelier-exemples"))
        children.append(self.result)
        self.children = children

    def show_error(self, message: str) -> None:
        self.result.show("erreur", message)

    def try_example(self, url: str) -> None:
        """Put an example in the field and check it."""
        self.input.value = url
        self.check()

    @safe_callback()
    def _on_check(self, _widget=None) -> None:
        self.check()

    def check(self) -> None:
        """Analyse the text of the field and show the verdict."""
        from widgets.analysers.link.check import check_link

        text = self.input.value or ""
        if not text.strip():
            self.result.show("info", "Le champ est vide : collez un lien, puis appuyez sur « Vérifier ce lien ».")
            return
        if len(text) > MAX_LENGTH:
            self.result.show("attention", "Ce texte est beaucoup trop long pour être un lien normal. "
                                          "Un lien aussi long cache souvent quelque chose.")
            return
        self.report = check_link(text)
        kind = LEVEL_KIND.get(self.report.level, "info") if self.report.valid else "attention"
        title = LEVEL_TITLE.get(self.report.level, "Résultat") if self.report.valid else "Ce n'est pas une adresse de site"
        self.result.show(kind, report_markdown(self.report), title=title)

