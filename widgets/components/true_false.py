"""True or false: a statement, two big buttons, an explanation."""
from __future__ import annotations

from widgets.components.choice import ChoiceExercise, Option


class TrueFalseExercise(ChoiceExercise):
    """A statement to judge « Vrai » or « Faux », with the explanation shown after answering."""


    def __init__(self, statement: str, answer: bool, explanation: str = "",
                 feedback_true: str = "", feedback_false: str = "", exercise_id: str | None = None):
        super().__init__(
            statement,
            [Option("Vrai", answer is True, feedback_true), Option("Faux", answer is False, feedback_false)],
            explanation=explanation,
            exercise_id=exercise_id,
            options_in_row=True,
            shuffle=False,  # « Vrai » then « Faux », always
        )
        self.add_class("atelier-vrai-faux")
