"""Step types of atelier 03 (personal data): trackers, password, two-factor, photo, privacy, GDPR letter."""
from __future__ import annotations

from widgets.content.step_types.core import OPTION, TEXT, check_has_correct
from widgets.content.step_types.registry import step_type
from widgets.content.vocabulary import PRIVACY_SETTINGS as SETTINGS
from widgets.content.vocabulary import TRACKER_CATEGORIES as CATEGORIES

QUESTION = {
    "type": "object", "required": ["question", "options"], "additionalProperties": False,
    "properties": {"question": TEXT, "options": {"type": "array", "minItems": 2, "items": OPTION},
                   "explication": {"type": "string"}, "texte": {"type": "string"}},
}


def _check_question(key: str):
    """A check: the optional follow-up question has exactly one right option."""

    def check(step: dict):
        if key not in step:
            return []
        problems = check_has_correct("options")(step[key])
        return [([key] + sub, message) for sub, message in problems]

    return check


step_type("traceurs", {
    "consigne": {"type": "string"},
    "sites": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["nom", "adresse", "revele"], "additionalProperties": False,
        "properties": {"nom": TEXT, "adresse": TEXT, "description": {"type": "string"},
                       "revele": {"type": "object", "minProperties": 1,
                                  "propertyNames": {"enum": list(CATEGORIES)},
                                  "additionalProperties": {"type": "array", "minItems": 1, "items": TEXT}}}}},
    "question": QUESTION,
}, required=["sites"], check=_check_question("question"))


step_type("mot_de_passe", {"consigne": {"type": "string"}}, exercise=False)


step_type("double_authentification", {
    "site": TEXT,
    "adresse": {"type": "string"},
    "appel": QUESTION,
}, required=["site"], check=_check_question("appel"))


step_type("photo", {
    "consigne": {"type": "string"},
    "exemple": {"type": "string", "description": "le chemin d'une photo du dossier media"},
    "exemple_alt": {"type": "string"},
    "televersement": {"type": "boolean"},
}, exercise=False)


def _check_privacy(step):
    for i, pub in enumerate(step.get("publications", [])):
        if not pub.get("conseil"):
            return [(["publications", i, "conseil"], "il faut au moins un réglage conseillé.")]
    return []


SETTING = {"enum": list(SETTINGS)}


step_type("confidentialite", {
    "consigne": {"type": "string"},
    "profil": TEXT,
    "publications": {"type": "array", "minItems": 1, "items": {
        "type": "object", "required": ["texte", "question", "reglage", "conseil"], "additionalProperties": False,
        "properties": {"texte": TEXT, "question": TEXT, "reglage": SETTING,
                       "conseil": {"type": "array", "minItems": 1, "uniqueItems": True, "items": SETTING},
                       "retour": {"type": "string"}}}},
    "explication": {"type": "string"},
}, required=["profil", "publications"], check=_check_privacy)


step_type("lettre_rgpd", {
    "consigne": {"type": "string"},
    "organisme": {"type": "string"},
}, exercise=False)
