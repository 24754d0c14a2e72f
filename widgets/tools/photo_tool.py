"""The photo page: what a photo hides (place, date, device), and a cleaned copy to download.

The sample photo comes from the atelier's media folder. The participant's own photo arrives through
a ``FileUpload`` (in memory); the upload is emptied once read, and the cleaned copy is offered as a
``data:`` link: nothing is written to disk, logged or sent.
"""
from __future__ import annotations

import base64
from pathlib import Path

import ipywidgets as ipw

from widgets.content.markdown import esc, md
from widgets.ui.controls import button, html_block, safe_callback
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks

MAX_BYTES = 15_000_000
CLEAN_NAME = "photo_nettoyee"


def info_html(info) -> str:
    """The hidden information of a photo as an HTML table."""
    rows = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{esc(v)}</td></tr>' for k, v in info.items)
    return f'<table class="photo-infos"><caption>Ce que la photo contient</caption>{rows}</table>'


def download_html(data: bytes) -> str:
    """A download link for the cleaned copy, built in memory (``data:`` URI)."""
    is_jpeg = data[:3] == b"\xff\xd8\xff"
    mime, ext = ("image/jpeg", "jpg") if is_jpeg else ("image/png", "png")
    uri = f"data:{mime};base64," + base64.b64encode(data).decode("ascii")
    return (f'<p><a class="photo-telecharger" download="{CLEAN_NAME}.{ext}" href="{uri}">'
            f"Télécharger la copie nettoyée ({CLEAN_NAME}.{ext})</a></p>"
            "<p>Cette copie a les mêmes pixels, sans le lieu, la date ni l'appareil.</p>")


def upload_contents(value) -> list[bytes]:
    """The bytes of each file of a ``FileUpload`` value (ipywidgets 7 or 8 shapes)."""
    items = value.values() if isinstance(value, dict) else (value or ())
    found = []
    for item in items:
        content = item.get("content") if isinstance(item, dict) else getattr(item, "content", None)
        if content is not None:
            found.append(bytes(content))
    return found


class PhotoTool(ipw.VBox):
    """Look at the sample photo's hidden data, then clean your own photo."""

    def __init__(self, sample: Path | None = None, sample_alt: str = "", instruction: str = "",
                 upload: bool = True):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-outil")
        self.add_class("atelier-photo")
        self.sample = Path(sample) if sample else None
        self.sample_result = Feedback()
        self.result = Feedback()
        self.details = html_block("", "photo-details-zone")
        self.download = html_block("", "photo-telecharger-zone")
        self.info = None
        self.cleaned = b""
        children = [html_block(md(instruction), "atelier-consigne")] if instruction else []
        if self.sample is not None:
            from widgets.ui.figures import figure_html

            children.append(html_block(figure_html(self.sample, sample_alt or "Photo d'exemple"), "atelier-figure"))
            self.sample_button = button("Voir ce que cache cette photo", "atelier-valider")
            self.sample_button.on_click(self._on_sample)
            self.sample_details = html_block("", "photo-details-zone")
            children += [self.sample_button, self.sample_result, self.sample_details]
        self.upload = None
        if upload:
            self.upload = ipw.FileUpload(accept="image/*", multiple=False, description="Choisir une photo",
                                         **looks(ipw.FileUpload))
            self.upload.add_class("atelier-bouton")
            self.upload.observe(self._on_upload, names="value")
            children += [html_block("<h3>Et vos photos ?</h3><p>Choisissez une photo de votre appareil. "
                                    "Elle reste sur cet ordinateur, le temps de la lire : elle n'est ni "
                                    "enregistrée ni envoyée.</p>", "photo-sous-titre"),
                         self.upload, self.result, self.details, self.download]
        self.children = children

    def show_error(self, message: str) -> None:
        self.result.show("erreur", message)

    @safe_callback()
    def _on_sample(self, _button=None) -> None:
        self.show_sample()

    def show_sample(self) -> None:
        """Read the sample photo's metadata and show them."""
        from widgets.analysers.photo.metadata import read_photo

        info = read_photo(self.sample.read_bytes())
        self.sample_details.value = info_html(info) if info.valid else ""
        self.sample_result.show("attention" if info.has_gps else "info", info.message,
                                title="Cette photo en dit beaucoup" if info.has_gps else None)

    @safe_callback()
    def _on_upload(self, change=None) -> None:
        files = upload_contents(self.upload.value)
        if not files:
            return
        self.analyse(files[0])
        self.upload.value = ()  # forget the file in the widget as soon as it is read

    def analyse(self, data: bytes) -> None:
        """Show what ``data`` hides and offer a cleaned copy (everything in memory)."""
        from widgets.analysers.photo.metadata import clean_photo, read_photo

        self.details.value = ""
        self.download.value = ""
        self.cleaned = b""
        self.info = read_photo(data, max_bytes=MAX_BYTES)
        if not self.info.valid:
            self.result.show("erreur", self.info.message, title="Nous ne pouvons pas lire ce fichier")
            return
        self.details.value = info_html(self.info)
        self.cleaned = clean_photo(data, max_bytes=MAX_BYTES)
        if self.cleaned:
            self.download.value = download_html(self.cleaned)
            self.result.show("attention" if self.info.has_gps else "info",
                             self.info.message + "\n\nUne copie nettoyée est prête : le lien est plus bas.")
        else:
            self.result.show("erreur", "Nous n'avons pas pu nettoyer cette photo. Essayez avec une autre.")
