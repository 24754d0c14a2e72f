"""The parts of an opened e-mail (sender name and address, To, Cc, Cci, subject, attachment, reply buttons)."""
from __future__ import annotations

from dataclasses import dataclass

from widgets.exercise import Exercise
from widgets.ui import box, button, esc, html_block, md, safe_callback

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


@dataclass
class Question:
    instruction: str
    part: str
    feedback: str = ""


class MailAnatomy(Exercise):
    """An opened e-mail whose parts are buttons; answer « where is… » questions by pressing them."""

    kind = "anatomie_courriel"

    def __init__(self, values: dict[str, str], body: str, questions: list[Question], instruction: str = "",
                 exercise_id: str | None = None):
        super().__init__(instruction, exercise_id)
        self.add_class("anatomie")
        self.questions = list(questions)
        self.current = 0
        self.buttons = {}
        for part, (_, name, _) in PARTS.items():
            label = values.get(part) or PARTS[part][0]
            if part == "piece_jointe":
                label = f"📎 {values.get(part, 'document.pdf')}"
            b = button(label, "anatomie-partie", f"anatomie-{part}", tooltip=name)
            b.on_click(self._make_handler(part))
            self.buttons[part] = b
        rows = []
        for row in ROWS:
            label = html_block(f'<span class="anatomie-etiquette">{esc(PARTS[row[0]][0])}</span>', "anatomie-etiquette-bloc")
            rows.append(box([label, *(self.buttons[p] for p in row)], "anatomie-ligne", row=True))
        mail = box([*rows, html_block(md(body), "anatomie-corps"), self.buttons["piece_jointe"],
                    box([self.buttons[p] for p in ACTIONS], "anatomie-actions", row=True)], "anatomie-message")
        self.question_text = html_block("", "atelier-question-courante")
        self.children = [self.prompt, self.question_text, mail, self.feedback]
        self._show_question()

    def _show_question(self) -> None:
        if self.current < len(self.questions):
            q = self.questions[self.current]
            self.question_text.value = (f'<p class="atelier-question-numero">Question {self.current + 1} sur '
                                        f'{len(self.questions)}</p>{md(q.instruction)}')
        else:
            self.question_text.value = ("<p>Vous avez trouvé toutes les parties demandées. "
                                        "Appuyez sur les autres parties pour savoir à quoi elles servent.</p>")

    def _make_handler(self, part: str):
        @safe_callback(on_error=self.show_error)
        def handler(_button=None):
            self.press(part)

        return handler

    def press(self, part: str) -> None:
        """The participant presses ``part`` of the message."""
        if part not in PARTS:
            return
        explanation = PARTS[part][2]
        if self.current < len(self.questions):
            q = self.questions[self.current]
            right = part == q.part
            if right:
                self.current += 1
                self.feedback.show("correct", "\n\n".join(t for t in (q.feedback, explanation) if t))
                if self.current == len(self.questions):
                    self.solved = True
                self._show_question()
            else:
                self.feedback.show("incorrect", f"Ici, c'est : {PARTS[part][1].lower()}. {explanation}\n\n"
                                                "Cherchez encore.")
            self._answered(part, right)
        else:
            self.feedback.show("info", explanation, title=PARTS[part][1])

    def correct_choices(self) -> set[str]:
        return {q.part for q in self.questions}

    def self_check(self) -> tuple[bool, bool]:
        """Press a wrong part then the right one for every question."""
        explained = True
        for q in list(self.questions[self.current:]):
            other = next(p for p in PARTS if p != q.part)
            self.press(other)
            explained = explained and self.feedback.kind == "incorrect"
            self.press(q.part)
        return explained, self.solved or not self.questions
