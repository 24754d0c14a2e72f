"""Writing an e-mail (to the town hall): fields À, Cc, Cci, Objet, message and a simulated attachment.

``review_message`` is the pure check; ``ComposeExercise`` is the form. Nothing typed is kept:
the fields are emptied once the message is « sent » (nothing is really sent).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import getaddresses

import ipywidgets as ipw

from widgets.components.exercise import Exercise
from widgets.content.answers import COMPLETE
from widgets.content.markdown import esc
from widgets.ui.controls import FULL_WIDTH, box, button, html_block, input_field, safe_callback, toggle
from widgets.ui.icons import button_icon_classes

MAX_CHARS = 20_000
GREETINGS = re.compile(r"^\W*(bonjour|bonsoir|madame|monsieur|mesdames|messieurs|cher|chère|chers|chères)\b", re.I)
CLOSINGS = re.compile(r"(cordialement|salutations|bien à vous|merci|bonne journée|bonne fin de journée|"
                      r"respectueusement|sincères|amitiés|à bientôt)", re.I)
ANNOUNCED = re.compile(r"(ci-joint|ci joint|ci-jointe|pièce jointe|pièces jointes|piece jointe|je joins|"
                       r"vous trouverez joint|en pj\b|en p\.j\.)", re.I)


@dataclass(frozen=True)
class Problem:
    """One thing to fix in the message, explained kindly."""

    code: str
    message: str


def addresses(text: str) -> list[str]:
    """The e-mail addresses written in a field (separated by commas or semicolons), lower case."""
    text = (text or "").replace(";", ",")
    return [addr.strip().lower() for _, addr in getaddresses([text]) if "@" in addr]


def review_message(to: str, cc: str, bcc: str, subject: str, text: str, attached: bool,
                   recipient: str, group: list[str] | tuple = (), file_expected: bool = False) -> list[Problem]:
    """What is missing or wrong in the message; an empty list means it is ready to send."""
    fields = [to, cc, bcc, subject, text]
    if any(len(f or "") > MAX_CHARS for f in fields):
        return [Problem("too_long", "Ce texte est beaucoup trop long. Écrivez un message plus court.")]
    problems = []
    to_list, cc_list, bcc_list = addresses(to), addresses(cc), addresses(bcc)
    recipient = recipient.lower()
    if recipient not in to_list:
        problems.append(Problem("recipient", f"Dans le champ « À », écrivez l'adresse de la mairie : **{recipient}**."
                                + (" Vérifiez chaque lettre." if to_list else "")))
    group = [g.lower() for g in group]
    visible = [g for g in group if g in to_list or g in cc_list]
    if visible:
        problems.append(Problem("group_visible", "Les membres de l'association sont en « À » ou en « Cc » : "
                                "chacun verrait l'adresse des autres. Mettez-les en **Cci** (copie cachée) "
                                "pour protéger leurs adresses."))
    elif any(g not in bcc_list for g in group):
        problems.append(Problem("group_missing", "Il manque des membres de l'association. Mettez leurs adresses "
                                "dans **Cci**, séparées par des virgules."))
    if len((subject or "").strip()) < 3:
        problems.append(Problem("subject", "L'**objet** est vide. Écrivez en quelques mots de quoi parle le message, "
                                "par exemple « Réservation de la salle des fêtes »."))
    body = (text or "").strip()
    if not GREETINGS.search(body):
        problems.append(Problem("greeting", "Commencez par une **formule de politesse**, par exemple « Bonjour, » "
                                "ou « Madame, Monsieur, »."))
    if not CLOSINGS.search(body[-200:] if body else ""):
        problems.append(Problem("closing", "Terminez par une **formule de fin**, par exemple « Cordialement, » "
                                "suivie de votre nom."))
    if ANNOUNCED.search(body) and not attached:
        problems.append(Problem("attachment_missing", "Vous écrivez « ci-joint », mais **aucun fichier n'est joint**. "
                                "Appuyez sur « Joindre un fichier »."))
    elif file_expected and not attached:
        problems.append(Problem("attachment_expected", "N'oubliez pas de **joindre le fichier** demandé "
                                "avec le bouton « Joindre un fichier »."))
    return problems


class ComposeExercise(Exercise):
    """A new-message form; « Envoyer » checks it and explains what to fix. Nothing is sent or kept."""


    def __init__(self, instruction: str, recipient: str, group: list[str] | None = None, file_name: str = "",
                 exercise_id: str | None = None):
        super().__init__(instruction, exercise_id)
        self.add_class("redaction")
        self.recipient = recipient
        self.group = list(group or [])
        self.file_name = file_name or "document.pdf"
        self.file_expected = bool(file_name)
        self.fields = {}
        for key, label in (("to", "À"), ("cc", "Cc"), ("bcc", "Cci"), ("subject", "Objet")):
            self.fields[key] = input_field(ipw.Text, label, label_width="4rem", layout=FULL_WIDTH,
                                           placeholder="" if key != "to" else "prenom.nom@courriel.example")
        self.fields["text"] = input_field(ipw.Textarea, "Message", label_width="4rem", layout=FULL_WIDTH, rows=8)
        self.attach_button = toggle("Joindre un fichier", "redaction-joindre", *button_icon_classes("trombone"))
        self.attach_button.observe(self._on_attach, names="value")
        self.attached_info = html_block("", "redaction-pj")
        self.send_button = button("Envoyer", "atelier-valider")
        self.send_button.on_click(self._on_send)
        form = box([*self.fields.values(), box([self.attach_button, self.attached_info], "redaction-pj-ligne", row=True),
                    self.send_button], "redaction-formulaire")
        self.children = [self.prompt, form, self.feedback]

    @property
    def attached(self) -> bool:
        return bool(self.attach_button.value)

    @safe_callback()
    def _on_attach(self, change) -> None:
        self.attach(bool(change["new"]))

    def attach(self, on: bool = True) -> None:
        """Attach (or remove) the simulated file: no file of the computer is read."""
        if self.attach_button.value != on:
            self.attach_button.value = on
            return
        self.attached_info.value = (f"<p>Fichier joint : <strong>{esc(self.file_name)}</strong> "
                                    "(appuyez encore pour le retirer)</p>" if on else "")

    def fill(self, to: str = "", cc: str = "", bcc: str = "", subject: str = "", text: str = "") -> None:
        """Type in the fields (used by tests and the walkthrough)."""
        for key, value in (("to", to), ("cc", cc), ("bcc", bcc), ("subject", subject), ("text", text)):
            self.fields[key].value = value

    @safe_callback()
    def _on_send(self, _button=None) -> None:
        self.send()

    def send(self) -> list[Problem]:
        """Check the message; when it is right, « send » it (nothing leaves) and empty the form."""
        values = {k: str(f.value or "") for k, f in self.fields.items()}
        problems = review_message(values["to"], values["cc"], values["bcc"], values["subject"], values["text"],
                                  self.attached, self.recipient, self.group, self.file_expected)
        if problems:
            n = len(problems)
            intro = "Il reste une chose à corriger :" if n == 1 else f"Il reste {n} choses à corriger :"
            self.feedback.show("partiel" if n <= 2 else "incorrect",
                               intro + "\n\n" + "\n".join(f"- {p.message}" for p in problems))
        else:
            self.feedback.show("correct", "Votre message est complet et poli, les adresses des membres sont "
                                          "protégées. (Dans cet exercice, rien n'est vraiment envoyé, "
                                          "et ce que vous avez écrit est effacé.)",
                               title="Bravo, votre message est prêt")
            self.fill()
            self.attach(False)
        self._answered(",".join(p.code for p in problems) or COMPLETE, not problems)
        if not problems:
            self.solved = True
        return problems

    def self_check(self) -> tuple[bool, bool]:
        """A message with the usual mistakes, then a good one."""
        self.fill(to=self.recipient, cc=", ".join(self.group), text="Voici le document ci-joint.")
        self.attach(False)
        self.send()
        explained = self.feedback.kind in ("incorrect", "partiel") and "ci-joint" in self.feedback.text
        self.fill(to=self.recipient, bcc=", ".join(self.group), subject="Réservation de la salle des fêtes",
                  text="Bonjour,\n\nVous trouverez ci-joint le document demandé.\n\nCordialement,\nJeanne Roux")
        self.attach(True)
        self.send()
        return explained, self.feedback.kind == "correct"
