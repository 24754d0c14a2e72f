"""Generic step types: text, choice, true/false, sorting, spotting, recap."""
from __future__ import annotations

from widgets.components.choice import ChoiceExercise, Option
from widgets.components.recap import Recap
from widgets.components.sorting import Item, SortingExercise
from widgets.components.spot import Piece, SpotExercise
from widgets.components.true_false import TrueFalseExercise
from widgets.content.markdown import md
from widgets.simulations.browser import address_bar_html
from widgets.steps.registry import builds
from widgets.ui.controls import html_block


def options_from(raw: list[dict]) -> list[Option]:
    """Content options → ``Option`` objects (``dernier: true`` stays last when options are shuffled)."""
    return [Option(o["texte"], bool(o.get("correct")), o.get("retour", ""), last=bool(o.get("dernier")))
            for o in raw]


@builds("texte")
def build_text(step, ctx):
    return html_block(md(step["texte"]), "atelier-texte")


@builds("choix")
def build_choice(step, ctx):
    scene = html_block(address_bar_html(step["adresse"]), "atelier-decor") if step.get("adresse") else None
    return ChoiceExercise(step["question"], options_from(step["options"]), step.get("explication", ""),
                          multiple=bool(step.get("plusieurs")), scene=scene, exercise_id=ctx.exercise_id)


@builds("vrai_faux")
def build_true_false(step, ctx):
    return TrueFalseExercise(step["affirmation"], step["reponse"], step.get("explication", ""),
                             step.get("retour_vrai", ""), step.get("retour_faux", ""), exercise_id=ctx.exercise_id)


@builds("tri")
def build_sorting(step, ctx):
    items = [Item(e["texte"], e["categorie"], e.get("retour", "")) for e in step["elements"]]
    return SortingExercise(step["consigne"], step["categories"], items, step.get("explication", ""),
                           exercise_id=ctx.exercise_id)


@builds("reperer")
def build_spot(step, ctx):
    pieces = [Piece(p["texte"], bool(p.get("suspect")), p.get("retour", "")) for p in step["morceaux"]]
    return SpotExercise(step["consigne"], pieces, step.get("presentation", "message"), step.get("explication", ""),
                        exercise_id=ctx.exercise_id)


@builds("retenir")
def build_recap(step, ctx):
    return Recap(step["points"], step.get("adresses"))
