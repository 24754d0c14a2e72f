"""Generic step types: text, choice, true/false, sorting, spotting, recap."""
from __future__ import annotations

from widgets.choice import ChoiceExercise, Option
from widgets.recap import Recap
from widgets.simulations.browser import address_bar_html
from widgets.sorting import Item, SortingExercise
from widgets.spot import PRESENTATIONS, Piece, SpotExercise
from widgets.steps import step_type
from widgets.true_false import TrueFalseExercise
from widgets.ui import html_block, md

TEXT = {"type": "string", "minLength": 1}
OPTION = {
    "type": "object",
    "required": ["texte"],
    "additionalProperties": False,
    "properties": {"texte": TEXT, "correct": {"type": "boolean"}, "retour": {"type": "string"}},
}


def options_from(raw: list[dict]) -> list[Option]:
    """Content options → ``Option`` objects."""
    return [Option(o["texte"], bool(o.get("correct")), o.get("retour", "")) for o in raw]


def check_has_correct(key: str = "options"):
    """A check: at least one option is marked ``correct: true``."""

    def check(step: dict):
        if not any(o.get("correct") for o in step.get(key, [])):
            return [([key], "aucune réponse n'est marquée « correct: true ».")]
        if not step.get("plusieurs") and sum(bool(o.get("correct")) for o in step.get(key, [])) > 1:
            return [([key], "plusieurs réponses sont correctes : ajoutez « plusieurs: true » à l'étape.")]
        return []

    return check


@step_type("texte", {}, required=["texte"], exercise=False)
def build_text(step, ctx):
    return html_block(md(step["texte"]), "atelier-texte")


@step_type("choix", {
    "question": TEXT,
    "options": {"type": "array", "minItems": 2, "items": OPTION},
    "plusieurs": {"type": "boolean"},
    "explication": {"type": "string"},
    "adresse": {"type": "string", "description": "une adresse à montrer dans une barre de navigateur"},
}, required=["question", "options"], check=check_has_correct())
def build_choice(step, ctx):
    scene = html_block(address_bar_html(step["adresse"]), "atelier-decor") if step.get("adresse") else None
    return ChoiceExercise(step["question"], options_from(step["options"]), step.get("explication", ""),
                          multiple=bool(step.get("plusieurs")), scene=scene, exercise_id=ctx.exercise_id)


@step_type("vrai_faux", {
    "affirmation": TEXT,
    "reponse": {"type": "boolean"},
    "explication": {"type": "string"},
    "retour_vrai": {"type": "string"},
    "retour_faux": {"type": "string"},
}, required=["affirmation", "reponse"])
def build_true_false(step, ctx):
    return TrueFalseExercise(step["affirmation"], step["reponse"], step.get("explication", ""),
                             step.get("retour_vrai", ""), step.get("retour_faux", ""), exercise_id=ctx.exercise_id)


def _check_sorting(step):
    categories = step.get("categories", [])
    for i, item in enumerate(step.get("elements", [])):
        if item.get("categorie") not in categories:
            return [(["elements", i, "categorie"],
                     f"la catégorie « {item.get('categorie')} » n'est pas dans la liste « categories » ("
                     + ", ".join(categories) + ").")]
    return []


@step_type("tri", {
    "consigne": TEXT,
    "categories": {"type": "array", "minItems": 2, "maxItems": 5, "uniqueItems": True, "items": TEXT},
    "elements": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["texte", "categorie"], "additionalProperties": False,
        "properties": {"texte": TEXT, "categorie": TEXT, "retour": {"type": "string"}}}},
    "explication": {"type": "string"},
}, required=["consigne", "categories", "elements"], check=_check_sorting)
def build_sorting(step, ctx):
    items = [Item(e["texte"], e["categorie"], e.get("retour", "")) for e in step["elements"]]
    return SortingExercise(step["consigne"], step["categories"], items, step.get("explication", ""),
                           exercise_id=ctx.exercise_id)


def _check_spot(step):
    if not any(p.get("suspect") for p in step.get("morceaux", [])):
        return [(["morceaux"], "aucun morceau n'est marqué « suspect: true ».")]
    return []


@step_type("reperer", {
    "consigne": TEXT,
    "presentation": {"enum": list(PRESENTATIONS)},
    "morceaux": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["texte"], "additionalProperties": False,
        "properties": {"texte": TEXT, "suspect": {"type": "boolean"}, "retour": {"type": "string"}}}},
    "explication": {"type": "string"},
}, required=["consigne", "morceaux"], check=_check_spot)
def build_spot(step, ctx):
    pieces = [Piece(p["texte"], bool(p.get("suspect")), p.get("retour", "")) for p in step["morceaux"]]
    return SpotExercise(step["consigne"], pieces, step.get("presentation", "message"), step.get("explication", ""),
                        exercise_id=ctx.exercise_id)


@step_type("retenir", {
    "points": {"type": "array", "minItems": 1, "items": TEXT},
    "adresses": {"type": "array", "items": {
        "type": "object", "required": ["adresse", "pour"], "additionalProperties": False,
        "properties": {"adresse": TEXT, "pour": TEXT}}},
}, required=["points"], exercise=False)
def build_recap(step, ctx):
    return Recap(step["points"], step.get("adresses"))
