"""The end of a simulated procedure: the confirmation page, the récépissé to download (a PDF made in memory)
and the confirmation e-mail in a simulated inbox, then where to find the récépissé later and why to keep it.

Everything shown comes from the content file (a fictional identity, an invented reference); every copy
says « Exercice — document sans valeur ». The PDF is a ``data:`` link: never written to disk.
"""
from __future__ import annotations

import ipywidgets as ipw

from widgets.analysers.receipt import FILE_NAME, MARK, Receipt, fill, receipt_rows
from widgets.content.markdown import esc, md
from widgets.simulations.browser import address_bar_html
from widgets.simulations.inbox import InboxMessage, message_header_html
from widgets.ui.controls import box, button, html_block, safe_callback
from widgets.ui.download import download_link_html
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks

DEFAULT_SUBJECT = "Votre demande {reference} a bien été reçue"
DEFAULT_BODY = ("Bonjour {prenom} {nom},\n\nNous avons bien reçu votre demande « {demarche} » le {date}. "
                "Son numéro est **{reference}**.\n\nGardez ce courriel : il prouve votre demande.\n\n"
                "*Ceci est un exercice : ce message n'a aucune valeur.*")


def confirmation_html(receipt: Receipt) -> str:
    """The service's « Demande envoyée » page, with the récépissé's lines."""
    rows = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{esc(v)}</td></tr>' for k, v in receipt_rows(receipt))
    return (f'<div class="site-page recepisse-page" role="group" aria-label="Page du service (exercice)">'
            f'<p class="recepisse-exercice"><strong>{esc(MARK)}</strong></p>'
            f'<p class="site-page-titre">Votre demande a bien été envoyée</p>'
            f"<p>Le service {esc(receipt.organisation)} a reçu votre demande. Voici votre récépissé.</p>"
            f'<table class="photo-infos recepisse-lignes"><caption>Récépissé de dépôt</caption>{rows}</table></div>')


def download_html(pdf: bytes) -> str:
    """A link that saves the PDF (a ``data:`` URI: nothing on the disk of the computer that serves the page)."""
    return download_link_html(pdf, FILE_NAME, "Enregistrer le récépissé",
                              css_class="photo-telecharger recepisse-telecharger")


class ReceiptPage(ipw.VBox):
    """Download the récépissé, read the confirmation e-mail, learn where to find it later and why to keep it."""

    def __init__(self, receipt: Receipt, sender_name: str, sender_address: str, where_later: str,
                 why_keep: str, subject: str = "", body: str = "", instruction: str = "", address: str = ""):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-outil")
        self.add_class("atelier-recepisse")
        self.receipt = receipt
        self.pdf = b""
        self.message = InboxMessage(kind="courriel", sender_name=sender_name, sender_address=sender_address,
                                    body=fill(body or DEFAULT_BODY, receipt), scam=False,
                                    subject=fill(subject or DEFAULT_SUBJECT, receipt),
                                    date=receipt.when)
        self.download_button = button("Télécharger le récépissé (PDF)", "atelier-valider", "recepisse-bouton")
        self.download_button.on_click(self._on_download)
        self.download = html_block("", "recepisse-lien-zone")
        self.result = Feedback()
        # the inbox: one row, opened in place (same look as atelier 02's inbox)
        self.row = button(f"{sender_name} — {self.message.subject}", "boite-ligne")
        self.row.on_click(self._on_open)
        self.back_button = button("← Retour à la boîte de réception", "boite-retour")
        self.back_button.on_click(self._on_close)
        self.reading = box([], "boite-lecture")
        self.mail_list = box([html_block('<p class="boite-titre">Boîte de réception</p>', "boite-titre-bloc"),
                              self.row], "boite-liste")
        self.inbox = box([self.mail_list, self.reading], "boite-cadre", "boite-vue-ordinateur", row=True)
        self.opened = False
        children = [html_block(md(instruction), "atelier-consigne")] if instruction else []
        if address:
            children.append(html_block(address_bar_html(address), "recepisse-barre"))
        children += [
            html_block(confirmation_html(receipt), "recepisse-confirmation"),
            self.download_button, self.download, self.result,
            html_block("<h3>Le courriel de confirmation</h3><p>Le service vous a aussi écrit. "
                       "Ouvrez le message dans la boîte de réception.</p>", "recepisse-sous-titre"),
            self.inbox,
            html_block("<h3>Où le retrouver plus tard ?</h3>" + md(where_later), "recepisse-ou"),
            html_block("<h3>Pourquoi le garder ?</h3>" + md(why_keep), "recepisse-pourquoi"),
        ]
        self.children = children

    def show_error(self, message: str) -> None:
        self.result.show("erreur", message)

    @safe_callback()
    def _on_download(self, _button=None) -> None:
        self.make_pdf()

    def make_pdf(self) -> bytes:
        """Make the récépissé's PDF in memory and offer it as a link."""
        from widgets.analysers.pdf import PdfError
        from widgets.analysers.receipt import receipt_pdf

        if not self.pdf:
            self.download_button.disabled = True
            self.result.show("info", "Le récépissé se prépare (quelques secondes)…", title="Un instant")
            try:
                self.pdf = receipt_pdf(self.receipt)
            except PdfError:
                self.result.show("erreur", "Le récépissé n'a pas pu être préparé. Réessayez dans un instant ; "
                                           "si cela recommence, prévenez l'animateur.")
                return b""
            finally:
                self.download_button.disabled = False
        self.download.value = download_html(self.pdf)
        self.result.show("correct", "Appuyez sur le lien « Enregistrer le récépissé ». Sur un téléphone, le fichier "
                                    "va dans le dossier **Téléchargements** (application Fichiers). "
                                    f"Il porte la mention « {MARK} ».", title="Le récépissé est prêt")
        return self.pdf

    @safe_callback()
    def _on_open(self, _button=None) -> None:
        self.open_message()

    def open_message(self) -> None:
        """Open the confirmation e-mail (read only: nothing to decide)."""
        self.opened = True
        self.row.add_class("boite-ligne-ouverte")
        self.inbox.add_class("boite-message-ouvert")
        self.reading.children = [self.back_button,
                                 html_block(message_header_html(self.message), "boite-message-entete"),
                                 html_block(f'<div class="boite-texte-courriel">{md(self.message.body)}</div>',
                                            "boite-corps")]

    @safe_callback()
    def _on_close(self, _button=None) -> None:
        self.close_message()

    def close_message(self) -> None:
        self.row.remove_class("boite-ligne-ouverte")
        self.inbox.remove_class("boite-message-ouvert")
        self.reading.children = []
