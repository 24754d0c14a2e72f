"""Step types on simulated pages: search results, cookie banner, fake alert."""
from __future__ import annotations

from widgets.content.step_types.core import LAST, OPTION, TEXT, check_has_correct
from widgets.content.step_types.registry import step_type

BUTTON_OPTION = {**OPTION, "properties": {**OPTION["properties"],
                                          "style": {"enum": ["principal", "secondaire", "discret"]}}}


step_type("resultats_recherche", {
    "recherche": TEXT,
    "question": TEXT,
    "resultats": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["titre", "adresse", "description"], "additionalProperties": False,
        "properties": {"titre": TEXT, "adresse": TEXT, "description": TEXT, "annonce": {"type": "boolean"},
                       "correct": {"type": "boolean"}, "retour": {"type": "string"}, "dernier": LAST}}},
    "explication": {"type": "string"},
}, required=["recherche", "question", "resultats"], check=check_has_correct("resultats"))


step_type("banniere_cookies", {
    "site": TEXT,
    "titre_page": {"type": "string"},
    "banniere": TEXT,
    "question": TEXT,
    "boutons": {"type": "array", "minItems": 2, "items": BUTTON_OPTION},
    "explication": {"type": "string"},
}, required=["site", "banniere", "question", "boutons"], check=check_has_correct("boutons"))


step_type("fausse_alerte", {
    "adresse": TEXT,
    "titre_alerte": TEXT,
    "message_alerte": TEXT,
    "telephone": TEXT,
    "question": TEXT,
    "boutons": {"type": "array", "minItems": 2, "items": BUTTON_OPTION},
    "explication": {"type": "string"},
}, required=["adresse", "titre_alerte", "message_alerte", "telephone", "question", "boutons"],
    check=check_has_correct("boutons"))
