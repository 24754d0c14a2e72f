"""« Vrai ou faux ? » for the whole group: one statement at a time in very large text, then the answer."""
from __future__ import annotations

from dataclasses import dataclass

from widgets.components.exercise import Exercise
from widgets.content.answers import TRUE_FALSE as ANSWER_WORD
from widgets.content.answers import statement_choice, statement_of
from widgets.content.markdown import esc
from widgets.ui.controls import box, button, html_block, on_press, safe_callback


@dataclass
class Statement:
    """A statement, whether it is true, and why."""

    text: str
    answer: bool
    explanation: str = ""


class TrueFalseSeries(Exercise):
    """Statements shown one by one (projector-friendly); anyone may answer, the facilitator reveals.

    The answer stays in the kernel until « Voir la réponse » or an answer is given.
    """


    def __init__(self, instruction: str, statements: list[Statement], exercise_id: str | None = None):
        super().__init__(instruction, exercise_id)
        self.add_class("atelier-serie")
        self.statements = list(statements)
        self.index = 0
        self.given: list[bool | None] = [None] * len(self.statements)
        self.revealed: list[bool] = [False] * len(self.statements)
        self.counter = html_block("", "atelier-serie-numero")
        self.statement = html_block("", "atelier-serie-affirmation")
        self.true_button = button("Vrai", "atelier-option", "atelier-serie-vrai")
        self.false_button = button("Faux", "atelier-option", "atelier-serie-faux")
        self.true_button.on_click(on_press(self, "answer", True))
        self.false_button.on_click(on_press(self, "answer", False))
        self.reveal_button = button("Voir la réponse", "atelier-serie-montrer")
        self.reveal_button.on_click(self._on_reveal)
        self.next_button = button("Affirmation suivante →", "atelier-valider")
        self.next_button.on_click(self._on_next)
        self.children = [self.prompt, self.counter, self.statement,
                         box([self.true_button, self.false_button], "atelier-options", row=True),
                         box([self.reveal_button, self.next_button], "atelier-serie-commandes", row=True),
                         self.feedback]
        self._show_current()

    # -- display ------------------------------------------------------------------------------
    def _show_current(self) -> None:
        n, total = self.index + 1, len(self.statements)
        self.counter.value = f'<p>Affirmation {n} sur {total}</p>'
        self.statement.value = f'<p class="serie-texte">{esc(self.statements[self.index].text)}</p>'
        done = self.revealed[self.index]
        self.true_button.disabled = self.false_button.disabled = self.reveal_button.disabled = done
        for b in (self.true_button, self.false_button):
            b.description = b.description.lstrip("✔✖ ")
            b.remove_class("atelier-choisi")
        self.next_button.disabled = not done
        self.next_button.description = ("Affirmation suivante →" if n < total else "Fin de la série")
        if not done:
            self.feedback.clear()

    def _verdict(self, given: bool | None) -> None:
        st = self.statements[self.index]
        word = ANSWER_WORD[st.answer]
        body = f"La réponse est **{word}**. {st.explanation}".strip()
        if given is None:
            self.feedback.show("info", body, title=f"Réponse : {word}")
        elif given == st.answer:
            self.feedback.show("correct", body)
        else:
            self.feedback.show("incorrect", f"Vous avez répondu « {ANSWER_WORD[given]} ». {body}")
        self.revealed[self.index] = True
        self.true_button.disabled = self.false_button.disabled = self.reveal_button.disabled = True
        right = self.true_button if st.answer else self.false_button
        right.description = "✔ " + ANSWER_WORD[st.answer]
        right.add_class("atelier-choisi")
        self.next_button.disabled = False

    # -- actions (public: also used by the self-check and the tests) ---------------------------
    def answer(self, value: bool) -> None:
        """Answer the current statement « Vrai » (True) or « Faux » (False); the answer is then shown."""
        if self.revealed[self.index]:
            return
        value = bool(value)
        correct = value == self.statements[self.index].answer
        self.given[self.index] = value
        self._verdict(value)
        self._answered(statement_choice(self.index, value), correct)

    def reveal(self) -> None:
        """Show the answer of the current statement without answering (the facilitator's button)."""
        if not self.revealed[self.index]:
            self._verdict(None)

    def next(self) -> None:
        """Go to the next statement (after its answer was shown); after the last one, a summary."""
        if not self.revealed[self.index]:
            self.feedback.show("info", "Répondez ou appuyez sur « Voir la réponse » avant de passer à la suite.")
            return
        if self.index + 1 < len(self.statements):
            self.index += 1
            self._show_current()
            return
        answered = [g for g in self.given if g is not None]
        good = sum(g == s.answer for g, s in zip(self.given, self.statements) if g is not None)
        text = (f"Vous avez trouvé {good} bonne{'s' if good > 1 else ''} réponse{'s' if good > 1 else ''} "
                f"sur {len(answered)}." if answered else "Toutes les réponses ont été montrées.")
        self.feedback.show("info", text + " Chaque erreur est une occasion d'apprendre : c'est fait pour ça.",
                           title="Fin de la série")
        self.next_button.disabled = True

    @safe_callback()
    def _on_reveal(self, _button=None) -> None:
        self.reveal()

    @safe_callback()
    def _on_next(self, _button=None) -> None:
        self.next()

    # -- live results and self-check ------------------------------------------------------------
    def replay_answer(self, choice: str) -> None:
        given = statement_of(choice)
        if given is not None and given[0] < len(self.statements):
            self.index = given[0]
            self._show_current()
            self.answer(given[1])

    def self_check(self) -> tuple[bool, bool]:
        """First statement answered wrongly (explained?), then every statement answered rightly."""
        self.answer(not self.statements[0].answer)
        explained = self.feedback.kind == "incorrect" and "La réponse est" in self.feedback.text
        self.index = 0
        self.revealed = [False] * len(self.statements)
        self._show_current()
        accepted = True
        for i, st in enumerate(self.statements):
            self.answer(st.answer)
            accepted = accepted and self.feedback.kind == "correct"
            self.next()
        return explained, accepted
