"""The GDPR letter page: choose access or erasure, fill a few fields, copy or download the letter.

The letter is built in memory (``make_letter``), shown in a read-only text box and offered as a
``data:`` link: it is never written to disk, logged or sent.
"""
from __future__ import annotations

import ipywidgets as ipw

from widgets.content.markdown import md
from widgets.ui.controls import AUTO_WIDTH, box, button, html_block, input_field, on_press, safe_callback
from widgets.ui.download import download_link_html
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks, set_shown

KIND_LABELS = {
    "acces": "Voir mes données (droit d'accès)",
    "effacement": "Faire effacer mes données (droit à l'effacement)",
}
FILE_NAME = "lettre_rgpd.txt"


def download_html(letter: str) -> str:
    """A download link for the letter as plain text (``data:`` URI, nothing on disk)."""
    return download_link_html(letter.encode("utf-8"), FILE_NAME, "Télécharger la lettre",
                              mime="text/plain;charset=utf-8", css_class="lettre-telecharger")


def _text(label: str, placeholder: str, area: bool = False) -> ipw.Widget:
    return input_field(ipw.Textarea if area else ipw.Text, label, layout=AUTO_WIDTH, placeholder=placeholder,
                       continuous_update=False)


class LetterTool(ipw.VBox):
    """Prepare a GDPR letter (access or erasure) to copy or download."""

    def __init__(self, instruction: str = "", organisation: str = ""):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-outil")
        self.add_class("atelier-lettre")
        self.kind = "acces"
        self.kind_buttons = {}
        for kind, label in KIND_LABELS.items():
            b = button(label, "lettre-type")
            b.on_click(on_press(self, "choose", kind))
            self.kind_buttons[kind] = b
        self.organisation = _text("Organisme", "Par exemple : le magasin de bricolage")
        self.organisation.value = organisation
        self.name = _text("Votre nom", "Prénom et nom")
        self.address = _text("Votre adresse", "Rue, code postal, commune", area=True)
        self.details = _text("Précisions (facultatif)", "Numéro de client, adresse de courriel utilisée…", area=True)
        self.make_button = button("Préparer la lettre", "atelier-valider")
        self.make_button.on_click(self._on_make)
        self.letter_box = ipw.Textarea(description="Votre lettre", disabled=False, rows=14, **looks(
            ipw.Textarea, layout=AUTO_WIDTH, style={"description_width": "initial"}))
        self.letter_box.add_class("lettre-texte")
        set_shown(self.letter_box, False)
        self.letter_box.observe(self._keep_letter, names="value")  # read-only: edits are undone
        self.download = html_block("", "lettre-telecharger-zone")
        self.result = Feedback()
        self.letter = ""
        children = [html_block(md(instruction), "atelier-consigne")] if instruction else []
        children += [html_block("<p>1. Que voulez-vous demander ?</p>"), box(self.kind_buttons.values(), "lettre-types", row=True),
                     html_block("<p>2. Remplissez ce que vous voulez. Les cases vides restent entre crochets, "
                                "à compléter à la main.</p>"),
                     self.organisation, self.name, self.address, self.details, self.make_button, self.result,
                     self.letter_box, self.download]
        self.children = children
        self._mark_kind()

    def show_error(self, message: str) -> None:
        self.result.show("erreur", message)

    def _mark_kind(self) -> None:
        for kind, b in self.kind_buttons.items():
            chosen = kind == self.kind
            b.description = ("✔ " if chosen else "") + KIND_LABELS[kind]
            if chosen:
                b.add_class("atelier-choisi")
            else:
                b.remove_class("atelier-choisi")

    def choose(self, kind: str) -> None:
        """Choose the kind of letter (``acces`` or ``effacement``)."""
        if kind in KIND_LABELS:
            self.kind = kind
            self._mark_kind()

    @safe_callback()
    def _keep_letter(self, _change=None) -> None:
        if self.letter_box.value != self.letter:
            self.letter_box.value = self.letter

    @safe_callback()
    def _on_make(self, _button=None) -> None:
        self.make()

    def make(self) -> str:
        """Build the letter from the fields and show it (copy or download)."""
        from widgets.analysers.rgpd_letter import ADVICE, make_letter

        self.letter = make_letter(self.kind, self.organisation.value, self.name.value, self.address.value,
                                  self.details.value)
        self.letter_box.value = self.letter
        set_shown(self.letter_box, True)
        self.download.value = download_html(self.letter)
        self.result.show("correct", "Votre lettre est prête, plus bas. Copiez-la dans un courriel, "
                                    "ou téléchargez-la pour l'imprimer.\n\n" + ADVICE, title="Lettre prête")
        return self.letter
