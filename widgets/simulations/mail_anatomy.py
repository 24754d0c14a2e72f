"""The parts of an opened e-mail (sender name and address, To, Cc, Cci, subject, attachment, reply buttons)."""
from __future__ import annotations

from widgets.components.find_part import FindThePart, Question
from widgets.content.markdown import esc, md
from widgets.content.vocabulary import MAIL_PARTS as PARTS
from widgets.ui.controls import box, html_block
from widgets.ui.icons import button_icon_classes

ROWS = [["nom_expediteur", "adresse_expediteur"], ["a"], ["cc"], ["cci"], ["objet"]]
ACTIONS = ["repondre", "repondre_tous", "transferer"]


class MailAnatomy(FindThePart):
    """An opened e-mail whose parts are buttons; answer « where is… » questions by pressing them."""


    def __init__(self, values: dict[str, str], body: str, questions: list[Question], instruction: str = "",
                 exercise_id: str | None = None):
        super().__init__({k: v[1] for k, v in PARTS.items()}, {k: v[2] for k, v in PARTS.items()},
                         questions, instruction, exercise_id)
        self.add_class("anatomie")
        for part in PARTS:
            label = values.get(part) or PARTS[part][0]
            if part == "piece_jointe":
                label = values.get(part) or "document.pdf"
            self.part_button(part, label, "anatomie-partie", f"anatomie-{part}")
        for css_class in button_icon_classes("trombone"):
            self.buttons["piece_jointe"].add_class(css_class)
        rows = []
        for row in ROWS:
            label = html_block(f'<span class="anatomie-etiquette">{esc(PARTS[row[0]][0])}</span>', "anatomie-etiquette-bloc")
            rows.append(box([label, *(self.buttons[p] for p in row)], "anatomie-ligne", row=True))
        mail = box([*rows, html_block(md(body), "anatomie-corps"), self.buttons["piece_jointe"],
                    box([self.buttons[p] for p in ACTIONS], "anatomie-actions", row=True)], "anatomie-message")
        self.children = [self.prompt, self.question_text, mail, self.feedback]
        self._show_question()
