"""Step types of atelier 04 « Vérifier une information »: posts, site pages, domain age, matching, charts, images, a projected true/false series."""
from __future__ import annotations

from widgets.content.step_types.core import OPTION, TEXT, check_has_correct
from widgets.content.step_types.registry import step_type
from widgets.content.vocabulary import CHART_KINDS

COUNT = {"type": "integer", "minimum": 0, "maximum": 100_000_000}


POST = {
    "type": "object", "required": ["auteur", "texte"], "additionalProperties": False,
    "properties": {"auteur": TEXT, "texte": TEXT, "date": {"type": "string"}, "site": {"type": "string"},
                   "jaime": COUNT, "partages": COUNT, "commentaires": COUNT,
                   "image": {"type": "object", "required": ["fichier"], "additionalProperties": False,
                             "properties": {"fichier": TEXT, "alt": TEXT}}},
}


CHOICE_KEYS = {
    "question": TEXT,
    "options": {"type": "array", "minItems": 2, "items": OPTION},
    "plusieurs": {"type": "boolean"},
    "explication": {"type": "string"},
}


step_type("publication", {"publication": POST, **CHOICE_KEYS},
           required=["publication", "question", "options"], check=check_has_correct())


step_type("mentions_legales", {"adresse": TEXT, "titre_page": TEXT, "contenu": TEXT, **CHOICE_KEYS},
           required=["adresse", "contenu", "question", "options"], check=check_has_correct())


step_type("age_domaine", {
    "consigne": {"type": "string"},
    "exemples": {"type": "array", "maxItems": 6, "items": TEXT},
    "en_ligne": {"type": "boolean", "description": "false : ne jamais utiliser Internet (exemples enregistrés)."},
}, exercise=False)


def _check_matching(step):
    techniques = step.get("techniques", [])
    for i, post in enumerate(step.get("publications", [])):
        if post.get("technique") not in techniques:
            return [(["publications", i, "technique"],
                     f"la technique « {post.get('technique')} » n'est pas dans la liste « techniques » ("
                     + ", ".join(techniques) + ").")]
    return []


step_type("associer", {
    "consigne": TEXT,
    "techniques": {"type": "array", "minItems": 2, "maxItems": 6, "uniqueItems": True, "items": TEXT},
    "publications": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["auteur", "texte", "technique"], "additionalProperties": False,
        "properties": {"auteur": TEXT, "texte": TEXT, "technique": TEXT, "date": {"type": "string"},
                       "jaime": COUNT, "partages": COUNT, "retour": {"type": "string"}}}},
    "explication": {"type": "string"},
}, required=["consigne", "techniques", "publications"], check=_check_matching)


step_type("graphique", {
    "graphiques": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"enum": list(CHART_KINDS)},
                   "description": "honnete, axe_coupe, periode_choisie ou effet_surface."},
    **CHOICE_KEYS,
}, required=["graphiques", "question", "options"], check=check_has_correct())


step_type("images_etapes", {
    "images": {"type": "array", "minItems": 1, "maxItems": 6, "items": {
        "type": "object", "required": ["fichier"], "additionalProperties": False,
        "properties": {"fichier": TEXT, "alt": TEXT, "legende": {"type": "string"}}}},
}, required=["images"], exercise=False)


step_type("serie_vrai_faux", {
    "consigne": {"type": "string"},
    "affirmations": {"type": "array", "minItems": 2, "maxItems": 12, "items": {
        "type": "object", "required": ["affirmation", "reponse"], "additionalProperties": False,
        "properties": {"affirmation": TEXT, "reponse": {"type": "boolean"}, "explication": {"type": "string"}}}},
}, required=["affirmations"])
