"""Step type « navigateur »: explore the parts of a browser window."""
from __future__ import annotations

from widgets.content.step_types.registry import step_type
from widgets.content.vocabulary import BROWSER_PARTS as PARTS

PART = {"enum": list(PARTS)}


step_type("navigateur", {
    "consigne": {"type": "string"},
    "adresse": {"type": "string", "minLength": 1},
    "titre_onglet": {"type": "string", "minLength": 1},
    "page": {"type": "string"},
    "explications": {"type": "object", "additionalProperties": False,
                     "properties": {p: {"type": "string"} for p in PARTS}},
    "questions": {"type": "array", "items": {
        "type": "object", "required": ["consigne", "partie"], "additionalProperties": False,
        "properties": {"consigne": {"type": "string", "minLength": 1}, "partie": PART, "retour": {"type": "string"}}}},
}, required=["adresse", "titre_onglet"])
