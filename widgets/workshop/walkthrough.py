"""Self-check of an atelier: show every step and answer every exercise wrongly, then rightly.

Used by the notebooks' test cell (compared by nbval) and by pytest for every atelier.
"""
from __future__ import annotations

from pathlib import Path

from widgets.components.choice import ChoiceExercise
from widgets.components.exercise import Exercise, exercises_in
from widgets.components.sorting import SortingExercise
from widgets.components.spot import SpotExercise


def answer_wrong_then_right(ex: Exercise) -> tuple[bool, bool]:
    """(a wrong answer is explained as wrong, the right answer is accepted)."""
    if isinstance(ex, ChoiceExercise):
        right = [i for i, o in enumerate(ex.options) if o.correct]
        wrong = [i for i, o in enumerate(ex.options) if not o.correct]
        if ex.multiple:
            ex.validate(wrong[:1] or right[:1] + [len(ex.options)])
            explained = ex.feedback.kind in ("incorrect", "partiel") or not wrong
            ex.validate(right)
        else:
            explained = True
            if wrong:
                ex.choose(wrong[0])
                explained = ex.feedback.kind == "incorrect" and bool(ex.feedback.text)
            ex.choose(right[0])
        return explained, ex.feedback.kind == "correct"
    if isinstance(ex, SortingExercise):
        for i, item in enumerate(ex.items):
            ex.place(i, next(c for c in ex.categories if c != item.category))
        ex.check()
        explained = ex.feedback.kind in ("incorrect", "partiel")
        for i, item in enumerate(ex.items):
            ex.place(i, item.category)
        ex.check()
        return explained, ex.feedback.kind == "correct"
    if isinstance(ex, SpotExercise):
        normal = [i for i, p in enumerate(ex.pieces) if not p.suspicious]
        ex.check(normal[:1])
        explained = ex.feedback.kind in ("incorrect", "partiel") or not normal
        for t in ex.toggles:
            t.value = False
        ex.check([i for i, p in enumerate(ex.pieces) if p.suspicious])
        return explained, ex.feedback.kind == "correct"
    if hasattr(ex, "self_check"):
        return ex.self_check()
    return True, True


def walkthrough(folder: Path | str = ".") -> str:
    """Go through a fresh copy of the atelier; a French report whose lines should all say « oui »."""
    from widgets.workshop.page import build_workshop

    path = build_workshop(folder)
    shown, exercises, explained, accepted = 0, 0, 0, 0
    for index in range(len(path.steps)):
        path.go(index)
        if path.body.children:
            shown += 1
        for ex in exercises_in(path.body):
            exercises += 1
            e, a = answer_wrong_then_right(ex)
            explained += e
            accepted += a
    yes = {True: "oui", False: "NON"}
    return "\n".join([
        f"Toutes les étapes s'affichent : {yes[shown == len(path.steps)]}",
        f"Il y a des exercices : {yes[exercises > 0]}",
        f"Les mauvaises réponses sont expliquées : {yes[explained == exercises]}",
        f"Les bonnes réponses sont acceptées : {yes[accepted == exercises]}",
        f"La dernière étape est « Ce qu'il faut retenir » : {yes[path.steps[-1].title == 'Ce qu’il faut retenir' or 'retenir' in path.steps[-1].title.lower()]}",
    ])
