"""A simulated public-service form (a birth certificate request, a change of address…): required fields,
date and postal-code formats, errors explained in plain French next to each field, the summary page,
correcting a mistake before validating.

The checks are ``widgets.analysers.form.check``. Nothing typed is kept: once the request is validated
(nothing is sent), every field and the summary are emptied.
"""
from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw

from widgets.analysers.form.check import FieldCheck, check_field
from widgets.components.exercise import Exercise
from widgets.content.markdown import esc, md
from widgets.simulations.procedure_page import procedure_page_html
from widgets.ui.controls import box, button, html_block, input_field, safe_callback

NO_CHOICE = "— Choisissez —"


@dataclass
class FormField:
    """One field of the form, as the content file declares it."""

    key: str
    label: str
    kind: str = "texte"
    required: bool = True
    help: str = ""
    example: str = ""
    choices: tuple[str, ...] = ()


class ServiceForm(Exercise):
    """Fill in → « Vérifier ma demande » (errors next to the fields) → summary → correct or validate."""

    def __init__(self, url: str, site: str, heading: str, fields: list[FormField], intro: str = "",
                 instruction: str = "", exercise_id: str | None = None):
        super().__init__(instruction, exercise_id)
        self.add_class("atelier-formulaire")
        self.fields = list(fields)
        self.page = html_block(procedure_page_html(url, site, heading) + (
            f'<div class="demarche-corps">{md(intro)}</div>' if intro else ""), "demarche-page")
        self.summary_errors = html_block("", "demarche-resume-erreurs")
        self.inputs: dict[str, ipw.Widget] = {}
        self.errors: dict[str, ipw.HTML] = {}
        rows = []
        for f in self.fields:
            label = f.label + (" (obligatoire)" if f.required else " (facultatif)")
            if f.kind == "choix":
                widget = input_field(ipw.Dropdown, label, options=[NO_CHOICE, *f.choices], value=NO_CHOICE)
            else:
                widget = input_field(ipw.Text, label, continuous_update=False,
                                     placeholder=f"Exemple : {f.example}" if f.example else "")
            widget.add_class(f"formulaire-champ-{f.key}")
            self.inputs[f.key] = widget
            self.errors[f.key] = html_block("", "demarche-erreur")
            parts = [widget]
            if f.help:
                parts.append(html_block(f'<p class="demarche-aide">{esc(f.help)}</p>', "demarche-aide-bloc"))
            parts.append(self.errors[f.key])
            rows.append(box(parts, "formulaire-ligne"))
        self.check_button = button("Vérifier ma demande", "atelier-valider")
        self.check_button.on_click(self._on_check)
        self.form = box([self.summary_errors, *rows, self.check_button], "demarche-formulaire")
        self.recap = html_block("", "demarche-recapitulatif")
        self.edit_button = button("← Modifier ma demande", "atelier-precedent")
        self.edit_button.on_click(self._on_edit)
        self.send_button = button("Valider la demande", "atelier-valider", "formulaire-valider")
        self.send_button.on_click(self._on_send)
        self.recap_box = box([self.recap, box([self.edit_button, self.send_button], "demarche-boutons", row=True)],
                             "demarche-recap")
        self.values: dict[str, str] = {}
        self.checked: dict[str, FieldCheck] = {}
        self.sent = False
        self.children = [self.prompt, self.page, self.form, self.feedback]

    def _raw(self, key: str) -> str:
        value = self.inputs[key].value
        return "" if value in (None, NO_CHOICE) else str(value)

    @safe_callback()
    def _on_check(self, _button=None) -> None:
        self.check()

    def check(self) -> bool:
        """Check every field; errors next to each and listed on top, or the summary page."""
        self.checked = {f.key: check_field(f.kind, self._raw(f.key), f.required, f.choices) for f in self.fields}
        wrong = [f for f in self.fields if not self.checked[f.key].ok]
        for f in self.fields:
            result = self.checked[f.key]
            self.errors[f.key].value = ("" if result.ok else
                                        f'<p class="demarche-erreur-texte"><strong>Erreur :</strong> {esc(result.message)}</p>')
            (self.inputs[f.key].remove_class if result.ok else self.inputs[f.key].add_class)("demarche-champ-faux")
        if wrong:
            names = ", ".join(f"« {f.label} »" for f in wrong)
            count = len(wrong)
            self.summary_errors.value = (f'<div class="demarche-erreurs" role="alert"><p><strong>{count} '
                                         f"champ{'s' if count > 1 else ''} à corriger</strong> : {esc(names)}.</p>"
                                         "<p>Le message est écrit sous chaque champ.</p></div>")
            self.feedback.show("incorrect", "Le site a trouvé des erreurs. C'est normal : il vérifie avant d'envoyer. "
                                            "Lisez le message en rouge sous chaque champ, corrigez, puis appuyez de "
                                            "nouveau sur « Vérifier ma demande ».", title="À corriger")
            self._answered("erreurs", False)
            return False
        self.summary_errors.value = ""
        self.values = {f.key: self.checked[f.key].value for f in self.fields}
        rows = "".join(f"<tr><th scope=\"row\">{esc(f.label)}</th><td>{esc(self.values[f.key]) or '—'}</td></tr>"
                       for f in self.fields)
        self.recap.value = ('<p class="demarche-titre">Récapitulatif de votre demande</p>'
                            "<p>Relisez tout. Une erreur ? Appuyez sur « Modifier ma demande » : c'est encore possible. "
                            "Après « Valider », ce sera trop tard.</p>"
                            f'<table class="demarche-tableau">{rows}</table>')
        self.feedback.clear()
        self.children = [self.prompt, self.page, self.recap_box, self.feedback]
        return True

    @safe_callback()
    def _on_edit(self, _button=None) -> None:
        self.edit()

    def edit(self) -> None:
        """Back to the form, the values still in the fields (to correct one)."""
        if self.sent:
            return
        self.recap.value = ""
        self.children = [self.prompt, self.page, self.form, self.feedback]
        self.feedback.show("info", "Corrigez ce qui ne va pas, puis appuyez de nouveau sur « Vérifier ma demande ».")

    @safe_callback()
    def _on_send(self, _button=None) -> None:
        self.send()

    def send(self) -> bool:
        """Validate the request (nothing is sent) and forget everything typed."""
        if self.sent or not self.values:
            return self.sent
        self.sent = True
        self.solved = True
        self.clear()
        self.children = [self.prompt, self.page, self.feedback]
        self.feedback.show("correct", "Votre demande est validée. Sur un vrai site, vous recevez ensuite un "
                                      "**récépissé** : la preuve de votre demande. Ici, rien n'a été envoyé et "
                                      "rien de ce que vous avez tapé n'est gardé.", title="Demande validée")
        self._answered("valide", True)
        return True

    def clear(self) -> None:
        """Empty every field, error and the summary."""
        for f in self.fields:
            self.inputs[f.key].value = NO_CHOICE if f.kind == "choix" else ""
            self.errors[f.key].value = ""
        self.values = {}
        self.checked = {}
        self.recap.value = ""
        self.summary_errors.value = ""

    def fill(self, values: dict[str, str]) -> None:
        """Type ``values`` into the fields (key → text), as a participant would."""
        for key, value in values.items():
            if key in self.inputs:
                widget = self.inputs[key]
                if isinstance(widget, ipw.Dropdown) and value not in widget.options:
                    continue
                widget.value = value

    # -- walkthrough ----------------------------------------------------------------------------
    def self_check(self) -> tuple[bool, bool]:
        """Send it empty (errors explained), fill in the examples, correct once, validate."""
        self.clear()
        explained = not self.check() and all(self.errors[f.key].value for f in self.fields if f.required)
        self.fill({f.key: f.example for f in self.fields if f.example})
        if not self.check():
            return explained, False
        self.edit()
        return explained, self.check() and self.send() and self.feedback.kind == "correct"


def field_from_content(raw: dict) -> FormField:
    """A ``champs`` entry of ``atelier.yaml`` → ``FormField``."""
    return FormField(raw["cle"], raw["libelle"], raw.get("genre", "texte"), raw.get("obligatoire", True),
                     raw.get("aide", ""), str(raw.get("exemple", "")), tuple(raw.get("choix", ())))
