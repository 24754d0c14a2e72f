"""Matching posts to the manipulation technique each one uses (a sorting exercise whose items are posts)."""
from __future__ import annotations

from widgets.components.sorting import SortingExercise
from widgets.content.markdown import esc


class PostMatching(SortingExercise):
    """For each post, press the technique it uses; « Vérifier » explains each post (a ``SortingExercise``)."""


    def __init__(self, instruction, categories, items, posts_html: list[str], explanation="", exercise_id=None):
        self.posts_html = list(posts_html)
        super().__init__(instruction, categories, items, explanation, exercise_id)
        self.add_class("atelier-associer")

    def _label_html(self, i: int) -> str:
        place = self.placed[i]
        where = (f'→ votre réponse : <strong>{esc(place)}</strong>' if place else "→ pas encore de réponse")
        return f'{self.posts_html[i]}<p class="atelier-tri-place">{where}</p>'
