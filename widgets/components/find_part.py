"""« Where is…? »: a real-looking object whose parts are buttons, and questions answered by pressing them.

Subclasses (the browser window, the opened e-mail) only lay their parts out; asking, judging and
explaining live here.
"""
from __future__ import annotations

from dataclasses import dataclass

from widgets.components.exercise import Exercise
from widgets.content.markdown import md
from widgets.ui.controls import button, html_block, on_press


@dataclass
class Question:
    """« Find the part that… »: the part to press and what to say then."""

    instruction: str
    part: str
    feedback: str = ""


class FindThePart(Exercise):
    """Parts are buttons; ``names`` gives each part's accessible name, ``explanations`` what it is for.

    With questions, each press is judged against the current question; without (or once all are
    answered), a press explains the part.
    """

    def __init__(self, names: dict[str, str], explanations: dict[str, str], questions: list[Question] | None = None,
                 instruction: str = "", exercise_id: str | None = None):
        super().__init__(instruction, exercise_id)
        self.names = dict(names)
        self.explanations = dict(explanations)
        self.questions = list(questions or [])
        self.current = 0
        self.buttons: dict = {}
        self.question_text = html_block("", "atelier-question-courante")

    def part_button(self, part: str, label: str, *classes: str):
        """The button of ``part`` (kept in ``self.buttons``)."""
        b = button(label, *classes, tooltip=self.names[part])
        b.on_click(on_press(self, "press", part))
        self.buttons[part] = b
        return b

    def _show_question(self) -> None:
        if self.current < len(self.questions):
            q = self.questions[self.current]
            self.question_text.value = (f'<p class="atelier-question-numero">Question {self.current + 1} sur '
                                        f'{len(self.questions)}</p>{md(q.instruction)}')
        elif self.questions:
            self.question_text.value = ("<p>Vous avez trouvé toutes les parties demandées. "
                                        "Appuyez sur les autres parties pour savoir à quoi elles servent.</p>")
        else:
            self.question_text.value = "<p>Appuyez sur chaque partie pour savoir à quoi elle sert.</p>"

    def press(self, part: str) -> None:
        """The participant presses ``part``."""
        if part not in self.names:
            return
        explanation = self.explanations.get(part, "")
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
                self.feedback.show("incorrect", f"Ici, c'est : {self.names[part].lower()}. {explanation}\n\n"
                                                "Cherchez encore.")
            self._answered(part, right)
        else:
            self.feedback.show("info", explanation, title=self.names[part])

    def self_check(self) -> tuple[bool, bool]:
        """Press a wrong part then the right one for every question left."""
        explained = True
        for q in list(self.questions[self.current:]):
            other = next(p for p in self.names if p != q.part)
            self.press(other)
            explained = explained and self.feedback.kind == "incorrect"
            self.press(q.part)
        return explained, self.solved or not self.questions
