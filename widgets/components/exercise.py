"""The base of every exercise: a prompt, a body, a feedback region and answer listeners."""
from __future__ import annotations

from typing import Callable

import ipywidgets as ipw

from widgets.content.markdown import md
from widgets.ui.controls import html_block
from widgets.ui.feedback import Feedback
from widgets.ui.looks import looks

AnswerListener = Callable[["Exercise", str, bool], None]


class Exercise(ipw.VBox):
    """An exercise whose correct answer stays in the kernel (plain attributes, never synced traits).

    Subclasses build ``self.body`` and call ``self._answered(choice, correct)`` when the
    participant answers; listeners (``on_answer``) receive the exercise, an anonymous choice
    identifier (``widgets.content.answers``) and whether it was correct: that is all a live-results board
    ever needs. The board labels the choices from the content, never from the kernel.
    """

    def __init__(self, prompt: str = "", exercise_id: str | None = None):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-exercice")
        self.exercise_id = exercise_id
        self.prompt = html_block(md(prompt), "atelier-consigne")
        self.feedback = Feedback()
        self.answered = False
        self.first_choice: str | None = None
        self.solved = False
        self._listeners: list[AnswerListener] = []

    def on_answer(self, listener: AnswerListener) -> None:
        """Call ``listener(exercise, choice, correct)`` at each answer."""
        self._listeners.append(listener)

    def _answered(self, choice: str, correct: bool) -> None:
        first = not self.answered
        self.answered = True
        if first:
            self.first_choice = choice
        if correct:
            self.solved = True
        for listener in list(self._listeners):
            try:
                listener(self, choice, correct)
            except Exception:  # noqa: BLE001 - a listener must not break the exercise
                pass

    def show_error(self, message: str) -> None:
        """Show a kind French error in the feedback region."""
        self.feedback.show("erreur", message)

    def personalise(self, seed: str | None) -> None:
        """Show this exercise as participant ``seed`` sees it (e.g. options in their own order); by
        default nothing changes. The answers reported never depend on it."""

    def replay_answer(self, choice: str) -> None:
        """Give again an answer this exercise reported as ``choice`` (a reloaded page); by default nothing:
        the answer stays counted, the exercise shows fresh."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.exercise_id or ''})"


def exercises_in(widget: ipw.Widget) -> list[Exercise]:
    """Every exercise inside ``widget`` (depth first)."""
    found = [widget] if isinstance(widget, Exercise) else []
    for child in getattr(widget, "children", ()):
        found += exercises_in(child)
    return found
