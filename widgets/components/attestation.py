"""« Mon attestation de participation »: an optional name, a button, a PDF saved on the participant's device.

The PDF is made in memory by ``make_pdf(name)`` and offered as a ``data:`` link; the name field is emptied
as soon as it is made. Nothing is written to disk, logged or sent; « Effacer » removes the link too.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as ipw

from widgets.content.markdown import md
from widgets.ui.controls import AUTO_WIDTH, box, button, html_block, input_field, safe_callback
from widgets.ui.download import download_link_html
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks, set_shown


class AttestationForm(ipw.VBox):
    """Type a name (or not), get the attestation as a PDF link; ``make_pdf(name) -> bytes``."""

    def __init__(self, make_pdf: Callable[[str], bytes], file_name: str, intro: str = ""):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-attestation")
        self.make_pdf = make_pdf
        self.file_name = file_name
        self.name = input_field(ipw.Text, "Votre nom et prénom (facultatif)", layout=AUTO_WIDTH,
                                placeholder="Par exemple : Marie Martin", continuous_update=False)
        self.make_button = button("Préparer mon attestation (PDF)", "atelier-valider", "attestation-preparer")
        self.make_button.on_click(self._on_make)
        self.clear_button = button("Effacer l'attestation de cette page", "attestation-effacer")
        self.clear_button.on_click(self._on_clear)
        set_shown(self.clear_button, False)
        self.result = Feedback()
        self.download = html_block("", "attestation-lien-zone")
        self.pdf_size = 0  # what a test may check; the PDF itself lives only in the link
        text = intro or ("Vous pouvez enregistrer une **attestation de participation** sur votre appareil "
                         "(utile pour France Travail, par exemple). Votre nom est facultatif : il est écrit "
                         "seulement dans le document, qui n'est gardé nulle part ailleurs.")
        self.children = [html_block("<h3>Mon attestation de participation</h3>" + md(text), "atelier-consigne"),
                         self.name, box([self.make_button, self.clear_button], "attestation-commandes", row=True),
                         self.result, self.download]

    def show_error(self, message: str) -> None:
        self.result.show("erreur", message)

    @safe_callback()
    def _on_make(self, _button=None) -> None:
        self.make()

    @safe_callback()
    def _on_clear(self, _button=None) -> None:
        self.clear()

    def make(self) -> bool:
        """Make the PDF from the name typed (if any) and show its link; the field is emptied."""
        name = self.name.value
        self.name.value = ""
        self.make_button.disabled = True
        self.result.show("info", "L'attestation se prépare (quelques secondes)…", title="Un instant")
        try:
            pdf = self.make_pdf(name)
        except Exception:  # noqa: BLE001 - said in French; nothing of the name is logged
            self.result.show("erreur", "L'attestation n'a pas pu être préparée. Demandez à l'animateur "
                                       "une attestation papier.")
            return False
        finally:
            del name
            self.make_button.disabled = False
        self.pdf_size = len(pdf)
        self.download.value = download_link_html(pdf, self.file_name, "Enregistrer mon attestation",
                                                 css_class="attestation-telecharger")
        set_shown(self.clear_button, True)
        self.result.show("correct", "Votre attestation est prête. Appuyez sur le lien pour l'enregistrer sur "
                                    "votre appareil. Sur un appareil partagé, appuyez ensuite sur « Effacer ».",
                         title="Attestation prête")
        return True

    def clear(self) -> None:
        """Remove the link (and so the PDF) from the page."""
        self.download.value = ""
        self.pdf_size = 0
        set_shown(self.clear_button, False)
        self.result.show("info", "L'attestation a été effacée de cette page.", title="C'est fait")
