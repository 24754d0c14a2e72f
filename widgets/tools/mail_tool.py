"""The e-mail checker page: paste a message's source or drop a .eml file, read the analysis in plain French.

Everything stays in memory: nothing pasted or dropped is written to disk, logged or sent.
The message's HTML is only ever shown through ``safe_html_body`` (sanitised, no remote images).
"""
from __future__ import annotations

from pathlib import Path

import ipywidgets as ipw

from widgets.content.markdown import esc, md
from widgets.ui.controls import AUTO_SIZE, FULL_WIDTH, box, button, html_block, input_field, on_press, safe_callback
from widgets.ui.feedback import Feedback
from widgets.ui.icons import icon
from widgets.ui.looks import looks

MAX_BYTES = 5_000_000
LEVEL_KIND = {"ok": "correct", "attention": "attention", "danger": "danger"}
LEVEL_TITLE = {
    "ok": "Rien de suspect trouvé",
    "attention": "Prudence avec ce message",
    "danger": "Danger : ce message ressemble à une arnaque",
}
#: Before an alert (decorative: the word « Danger » or « Prudence » follows): is it a danger? → mark.
ALERT_MARK = {True: icon("danger"), False: '<span aria-hidden="true">⚠</span>'}
LEVEL_TEXT = {
    "ok": "L'outil n'a rien trouvé d'inquiétant. Cela ne prouve pas que le message est honnête : "
          "au moindre doute, contactez l'organisme par un moyen que vous connaissez.",
    "attention": "Certains détails sont inhabituels. Lisez les explications ci-dessous avant de faire quoi que ce soit.",
    "danger": "Ne cliquez sur aucun lien, n'ouvrez pas les pièces jointes, ne répondez pas. "
              "Vous pouvez le signaler sur signal-spam.fr.",
}


def _items(title: str, lines: list[str]) -> str:
    if not lines:
        return ""
    return f'<h3 class="courriel-rubrique">{esc(title)}</h3><ul>' + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


def report_html(report) -> str:
    """The details of a ``MailReport`` as HTML; every piece that comes from the message is escaped."""
    from widgets.analysers.mail.check import authentication_notes

    if not report.valid:
        return _items("Pourquoi", [esc(a.message) for a in report.alerts])
    sender = report.sender
    who = []
    if sender is not None:
        who.append(f"Nom affiché : <strong>{esc(sender.name or '(aucun)')}</strong>")
        who.append(f"Vraie adresse : <strong>{esc(sender.address or '(inconnue)')}</strong>")
        who.append(f"Domaine d'envoi (ce qui compte) : <strong>{esc(sender.domain or 'inconnu')}</strong>")
    else:
        who.append("L'expéditeur est inconnu.")
    who.append(f"Objet : {esc(report.subject or '(sans objet)')}")
    parts = [_items("Qui envoie ce message ?", who)]
    alerts = [f'{ALERT_MARK[a.level == "danger"]} '
              f'<strong>{"Danger" if a.level == "danger" else "Prudence"} :</strong> {esc(a.message)}'
              for a in report.alerts]
    parts.append(_items("Ce qui est suspect", alerts))
    links = []
    for link in report.links:
        shown = f"Texte affiché : « {esc(link.text)} ». " if link.text and link.text != link.target else ""
        links.append(f"{shown}Mène vraiment vers : <code>{esc(link.target)}</code> "
                     f"(site : <strong>{esc(link.domain or 'inconnu')}</strong>)")
    parts.append(_items("Les liens (où ils mènent vraiment)", links))
    files = [f"{esc(a.filename)}" + (f" : {esc(a.reason)}" if a.reason else "") for a in report.attachments]
    parts.append(_items("Les pièces jointes", files))
    parts.append(_items("Les contrôles d'authenticité (SPF, DKIM, DMARC : des vérifications faites par les "
                        "messageries)", [esc(n) for n in authentication_notes(report.authentication)]))
    return "".join(parts)


def example_files(folder: Path | str) -> list[Path]:
    """The example messages (.eml) of a folder, sorted by name."""
    folder = Path(folder)
    return sorted(folder.glob("*.eml")) if folder.is_dir() else []


def uploaded_bytes(value) -> tuple[bytes | None, str]:
    """The content of a ``FileUpload`` value (ipywidgets 8 tuple, or 7 dict) in memory, and its file name."""
    items = list(value.values()) if isinstance(value, dict) else list(value or ())
    if not items:
        return None, ""
    item = items[0]
    content = item.get("content") if isinstance(item, dict) else getattr(item, "content", None)
    name = item.get("name", "") if isinstance(item, dict) else getattr(item, "name", "")
    if content is None:
        return None, str(name or "")
    return bytes(content), str(name or "")


class MailChecker(ipw.VBox):
    """Paste a message or drop a .eml; press « Vérifier ce message »."""

    def __init__(self, instruction: str = "", examples: list[tuple[str, Path]] | None = None):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-outil")
        self.add_class("courriel-outil")
        self.source = input_field(ipw.Textarea, "Source du message", layout=FULL_WIDTH, rows=8,
                                  placeholder="Collez ici la source du message (« Afficher l'original »)")
        self.upload = ipw.FileUpload(accept=".eml,.txt", multiple=False, description="Déposer un fichier .eml",
                                     **looks(ipw.FileUpload, layout=AUTO_SIZE))
        self.upload.add_class("atelier-bouton")
        self.upload.add_class("courriel-depot")
        self.upload.observe(self._on_upload, names="value")
        self.check_button = button("Vérifier ce message", "atelier-valider")
        self.check_button.on_click(self._on_check)
        self.result = Feedback()
        self.details = html_block("", "courriel-details")
        self.preview = html_block("", "courriel-apercu")
        self.report = None
        children = [html_block(md(instruction), "atelier-consigne")] if instruction else []
        children += [self.source, box([self.check_button, self.upload], "courriel-actions", row=True)]
        if examples:
            example_buttons = []
            for label, path in examples:
                b = button(label, "atelier-exemple", tooltip=f"Essayer avec l'exemple « {label} »")
                b.on_click(on_press(self, "check_example", path))
                example_buttons.append(b)
            children.append(html_block('<p class="atelier-petit-titre">Ou essayez avec un exemple :</p>'))
            children.append(box(example_buttons, "atelier-exemples"))
        children += [self.result, self.details, self.preview]
        self.children = children

    def show_error(self, message: str) -> None:
        self.result.show("erreur", message)
        self.details.value = ""
        self.preview.value = ""

    def check_example(self, path: Path) -> None:
        """Check one of the example messages shipped with the atelier."""
        self.check(path.read_bytes())

    @safe_callback()
    def _on_check(self, _button=None) -> None:
        self.check(self.source.value or "")

    @safe_callback()
    def _on_upload(self, change) -> None:
        data, _name = uploaded_bytes(change["new"])
        if data is None:
            return
        self.upload.unobserve(self._on_upload, names="value")
        try:
            self.upload.value = ()  # the file is not kept in the widget once read
        finally:
            self.upload.observe(self._on_upload, names="value")
        self.check(data)

    def check(self, data: bytes | str) -> None:
        """Analyse ``data`` (the source of a message) and show the verdict, the details and the safe body."""
        from widgets.analysers.mail.check import check_message, safe_html_body

        size = len(data) if isinstance(data, (bytes, str)) else 0
        if size > MAX_BYTES:
            self.show_error("Ce fichier est trop gros pour être un courriel normal (plus de 5 Mo). "
                            "Il n'a pas été vérifié.")
            return
        if isinstance(data, str) and not data.strip():
            self.result.show("info", "Le champ est vide : collez la source d'un message, ou déposez un fichier .eml, "
                                     "puis appuyez sur « Vérifier ce message ».")
            self.details.value = ""
            self.preview.value = ""
            return
        self.report = report = check_message(data, max_bytes=MAX_BYTES)
        if not report.valid:
            self.result.show("attention", "Regardez l'explication ci-dessous.", title="Ce message n'a pas pu être vérifié")
            self.details.value = report_html(report)
            self.preview.value = ""
            return
        self.result.show(LEVEL_KIND.get(report.level, "attention"), LEVEL_TEXT.get(report.level, ""),
                         title=LEVEL_TITLE.get(report.level, "Résultat"))
        self.details.value = report_html(report)
        body = safe_html_body(data)
        if body:
            self.preview.value = ('<h3 class="courriel-rubrique">Le message, sans ses images ni ses liens</h3>'
                                  f'<div class="courriel-corps" tabindex="0" role="region" aria-label="Le message">{body}</div>')
        elif report.text_body:
            self.preview.value = ('<h3 class="courriel-rubrique">Le texte du message</h3>'
                                  f'<pre class="courriel-corps courriel-texte" tabindex="0" aria-label="Le texte du message">'
                                  f'{esc(report.text_body)}</pre>')
        else:
            self.preview.value = ""
