"""Generic step types: text, choice, true/false, sorting, spotting, recap."""
from __future__ import annotations

from widgets.content.step_types.registry import step_type
from widgets.content.vocabulary import SPOT_PRESENTATIONS as PRESENTATIONS

TEXT = {"type": "string", "minLength": 1}


#: ``dernier: true`` keeps an option last: options are shown in an order shuffled per participant
#: (``widgets.content.order``), but « Je ne sais pas » or « Aucune de ces réponses » reads best at the end.
LAST = {"type": "boolean", "description": "true : cette réponse reste la dernière quand les réponses sont mélangées."}

OPTION = {
    "type": "object",
    "required": ["texte"],
    "additionalProperties": False,
    "properties": {"texte": TEXT, "correct": {"type": "boolean"}, "retour": {"type": "string"}, "dernier": LAST},
}


def check_has_correct(key: str = "options"):
    """A check: at least one option is marked ``correct: true``."""

    def check(step: dict):
        if not any(o.get("correct") for o in step.get(key, [])):
            return [([key], "aucune réponse n'est marquée « correct: true ».")]
        if not step.get("plusieurs") and sum(bool(o.get("correct")) for o in step.get(key, [])) > 1:
            return [([key], "plusieurs réponses sont correctes : ajoutez « plusieurs: true » à l'étape.")]
        return []

    return check


step_type("texte", {}, required=["texte"], exercise=False)


step_type("choix", {
    "question": TEXT,
    "options": {"type": "array", "minItems": 2, "items": OPTION},
    "plusieurs": {"type": "boolean"},
    "explication": {"type": "string"},
    "adresse": {"type": "string", "description": "une adresse à montrer dans une barre de navigateur"},
}, required=["question", "options"], check=check_has_correct())


step_type("vrai_faux", {
    "affirmation": TEXT,
    "reponse": {"type": "boolean"},
    "explication": {"type": "string"},
    "retour_vrai": {"type": "string"},
    "retour_faux": {"type": "string"},
}, required=["affirmation", "reponse"])


def _check_sorting(step):
    categories = step.get("categories", [])
    for i, item in enumerate(step.get("elements", [])):
        if item.get("categorie") not in categories:
            return [(["elements", i, "categorie"],
                     f"la catégorie « {item.get('categorie')} » n'est pas dans la liste « categories » ("
                     + ", ".join(categories) + ").")]
    return []


step_type("tri", {
    "consigne": TEXT,
    "categories": {"type": "array", "minItems": 2, "maxItems": 5, "uniqueItems": True, "items": TEXT},
    "elements": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["texte", "categorie"], "additionalProperties": False,
        "properties": {"texte": TEXT, "categorie": TEXT, "retour": {"type": "string"}}}},
    "explication": {"type": "string"},
}, required=["consigne", "categories", "elements"], check=_check_sorting)


def _check_spot(step):
    if not any(p.get("suspect") for p in step.get("morceaux", [])):
        return [(["morceaux"], "aucun morceau n'est marqué « suspect: true ».")]
    return []


step_type("reperer", {
    "consigne": TEXT,
    "presentation": {"enum": list(PRESENTATIONS)},
    "morceaux": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["texte"], "additionalProperties": False,
        "properties": {"texte": TEXT, "suspect": {"type": "boolean"}, "retour": {"type": "string"}}}},
    "explication": {"type": "string"},
}, required=["consigne", "morceaux"], check=_check_spot)


step_type("retenir", {
    "points": {"type": "array", "minItems": 1, "items": TEXT},
    "adresses": {"type": "array", "items": {
        "type": "object", "required": ["adresse", "pour"], "additionalProperties": False,
        "properties": {"adresse": TEXT, "pour": TEXT}}},
}, required=["points"], exercise=False)
