"""The parts of an opened e-mail (sender name and address, To, Cc, Cci, subject, attachment, reply buttons)."""
from __future__ import annotations

from widgets.find_part import FindThePart, Question
from widgets.ui import box, esc, html_block, md

#: part id → (label on the row, accessible name, explanation in plain French)
PARTS = {
    "nom_expediteur": ("De :", "Le nom de l'expéditeur",
                       "C'est le **nom affiché** de l'expéditeur. N'importe qui peut écrire n'importe quel nom : "
                       "il ne prouve rien."),
    "adresse_expediteur": ("", "L'adresse de l'expéditeur",
                           "C'est la **vraie adresse** de l'expéditeur. Regardez la fin, après l'arobase « @ » : "
                           "elle dit d'où vient le message."),
    "a": ("À :", "Les destinataires principaux",
          "**À** : les personnes à qui le message est destiné. Tout le monde voit ces adresses."),
    "cc": ("Cc :", "Les destinataires en copie",
           "**Cc** veut dire « copie carbone » : ces personnes reçoivent une copie. Tout le monde voit leurs adresses."),
    "cci": ("Cci :", "Les destinataires en copie cachée",
            "**Cci** veut dire « copie carbone invisible » : ces personnes reçoivent une copie, "
            "mais personne ne voit leurs adresses."),
    "objet": ("Objet :", "L'objet du message",
              "L'**objet** dit en quelques mots de quoi parle le message."),
    "piece_jointe": ("📎", "La pièce jointe",
                     "La **pièce jointe** est un fichier envoyé avec le message (une photo, un document…). "
                     "N'ouvrez que celles que vous attendiez."),
    "repondre": ("Répondre", "Répondre",
                 "**Répondre** écrit seulement à l'expéditeur."),
    "repondre_tous": ("Répondre à tous", "Répondre à tous",
                      "**Répondre à tous** écrit à l'expéditeur **et** à toutes les personnes en À et en Cc."),
    "transferer": ("Transférer", "Transférer",
                   "**Transférer** envoie une copie du message à quelqu'un d'autre."),
}
ROWS = [["nom_expediteur", "adresse_expediteur"], ["a"], ["cc"], ["cci"], ["objet"]]
ACTIONS = ["repondre", "repondre_tous", "transferer"]


class MailAnatomy(FindThePart):
    """An opened e-mail whose parts are buttons; answer « where is… » questions by pressing them."""

    kind = "anatomie_courriel"

    def __init__(self, values: dict[str, str], body: str, questions: list[Question], instruction: str = "",
                 exercise_id: str | None = None):
        super().__init__({k: v[1] for k, v in PARTS.items()}, {k: v[2] for k, v in PARTS.items()},
                         questions, instruction, exercise_id)
        self.add_class("anatomie")
        for part in PARTS:
            label = values.get(part) or PARTS[part][0]
            if part == "piece_jointe":
                label = f"📎 {values.get(part, 'document.pdf')}"
            self.part_button(part, label, "anatomie-partie", f"anatomie-{part}")
        rows = []
        for row in ROWS:
            label = html_block(f'<span class="anatomie-etiquette">{esc(PARTS[row[0]][0])}</span>', "anatomie-etiquette-bloc")
            rows.append(box([label, *(self.buttons[p] for p in row)], "anatomie-ligne", row=True))
        mail = box([*rows, html_block(md(body), "anatomie-corps"), self.buttons["piece_jointe"],
                    box([self.buttons[p] for p in ACTIONS], "anatomie-actions", row=True)], "anatomie-message")
        self.children = [self.prompt, self.question_text, mail, self.feedback]
        self._show_question()
