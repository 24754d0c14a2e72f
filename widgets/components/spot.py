"""« Click the suspicious part » of an address, a message or a page."""
from __future__ import annotations

from dataclasses import dataclass

from widgets.components.exercise import Exercise
from widgets.content.answers import options_choice, options_of
from widgets.ui.controls import box, button, safe_callback, toggle


@dataclass
class Piece:
    """A piece of the text; ``suspicious`` pieces are the ones to find, ``feedback`` says why."""

    text: str
    suspicious: bool = False
    feedback: str = ""


class SpotExercise(Exercise):
    """The participant presses the pieces they find suspicious, then « Vérifier »."""


    def __init__(self, instruction: str, pieces: list[Piece], presentation: str = "message",
                 explanation: str = "", exercise_id: str | None = None):
        super().__init__(instruction, exercise_id)
        self.add_class("atelier-reperer")
        self.pieces = list(pieces)
        self.explanation = explanation
        self.toggles = []
        for piece in self.pieces:
            t = toggle(piece.text, "atelier-morceau")
            self.toggles.append(t)
        self.text_box = box(self.toggles, "atelier-morceaux", f"atelier-presentation-{presentation}", row=True)
        self.check_button = button("Vérifier", "atelier-valider")
        self.check_button.on_click(self._on_check)
        self.children = [self.prompt, self.text_box, self.check_button, self.feedback]

    @safe_callback()
    def _on_check(self, _button=None) -> None:
        self.check([i for i, t in enumerate(self.toggles) if t.value])

    def check(self, chosen: list[int]) -> None:
        """Judge the pieces ``chosen`` as suspicious and explain each one."""
        if self.solved:
            return
        chosen_set = {i for i in chosen if 0 <= i < len(self.pieces)}
        for i in chosen_set:
            self.toggles[i].value = True
        if not chosen_set:
            self.feedback.show("info", "Appuyez d'abord sur les morceaux qui vous semblent suspects, puis sur « Vérifier ».")
            return
        to_find = {i for i, p in enumerate(self.pieces) if p.suspicious}
        found = chosen_set & to_find
        missed = to_find - chosen_set
        wrong = chosen_set - to_find
        lines = [f"- ✔ Bien vu : « {self.pieces[i].text.strip()} ». {self.pieces[i].feedback}" for i in sorted(found)]
        lines += [f"- ✖ Ce morceau est normal : « {self.pieces[i].text.strip()} ». {self.pieces[i].feedback}"
                  for i in sorted(wrong)]
        correct = not missed and not wrong
        if correct:
            self.feedback.show("correct", "\n".join(lines) + ("\n\n" + self.explanation if self.explanation else ""),
                               title=f"Bravo, vous avez trouvé les {len(to_find)} indices" if len(to_find) > 1
                               else "Bravo, vous avez trouvé l'indice")
            for t in self.toggles:
                t.disabled = True
            self.check_button.disabled = True
        else:
            n = len(missed)
            if n:
                lines.append(f"- Il reste {n} indice{'s' if n > 1 else ''} à trouver. Regardez encore.")
            self.feedback.show("partiel" if found else "incorrect", "\n".join(lines))
        self._answered(options_choice(chosen_set), correct)

    def replay_answer(self, choice: str) -> None:
        chosen = options_of(choice, len(self.pieces))
        for i, control in enumerate(self.toggles):
            control.value = i in chosen
        self.check(chosen)
