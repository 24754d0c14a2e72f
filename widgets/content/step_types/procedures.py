"""Step types of atelier 05 « Faire une démarche en ligne »: FranceConnect, creating an account, a form,
help near the villages.

NOTE (H5, 16:03 UTC): H4's original of this file was overwritten by mistake by H5 at 16:02; this is a
reconstruction from ``widgets/steps/procedures.py`` and the simulations' ``*_from_content`` readers.
H4: please check it against your version.
"""
from __future__ import annotations

from widgets.content.step_types.registry import step_type
from widgets.content.vocabulary import FORM_FIELD_KINDS

TEXT = {"type": "string", "minLength": 1}

PROVIDER = {
    "type": "object", "required": ["nom", "adresse", "identifiant", "identifiant_exemple", "secret_exemple"],
    "additionalProperties": False,
    "properties": {"nom": TEXT, "adresse": TEXT, "identifiant": TEXT, "identifiant_exemple": TEXT,
                   "secret": TEXT, "secret_exemple": TEXT, "note": {"type": "string"}},
}

IDENTITY = {
    "type": "object", "required": ["prenoms", "nom", "transmis"], "additionalProperties": False,
    "properties": {"prenoms": TEXT, "nom": TEXT,
                   "transmis": {"type": "array", "minItems": 1, "items": {
                       "type": "object", "required": ["donnee", "valeur"], "additionalProperties": False,
                       "properties": {"donnee": TEXT, "valeur": TEXT}}}},
}

step_type("franceconnect", {
    "consigne": {"type": "string"},
    "service": TEXT,
    "adresse_service": TEXT,
    "adresse_franceconnect": TEXT,
    "comptes": {"type": "array", "minItems": 1, "items": PROVIDER},
    "identite": IDENTITY,
}, required=["service", "adresse_service", "adresse_franceconnect", "comptes", "identite"])


step_type("creation_compte", {
    "consigne": {"type": "string"},
    "site": TEXT,
    "adresse": TEXT,
    "boite": TEXT,
    "expediteur": {"type": "object", "required": ["nom", "adresse"], "additionalProperties": False,
                   "properties": {"nom": TEXT, "adresse": TEXT}},
    "validite_minutes": {"type": "integer", "minimum": 1, "maximum": 60},
    "dans_les_spams": {"type": "boolean"},
}, required=["site", "adresse", "boite", "expediteur"])


FIELD = {
    "type": "object", "required": ["cle", "libelle"], "additionalProperties": False,
    "properties": {"cle": TEXT, "libelle": TEXT, "genre": {"enum": list(FORM_FIELD_KINDS)},
                   "obligatoire": {"type": "boolean"}, "aide": {"type": "string"},
                   "exemple": {"type": ["string", "integer"]},
                   "choix": {"type": "array", "minItems": 2, "items": TEXT}},
}

step_type("formulaire", {
    "consigne": {"type": "string"},
    "adresse": TEXT,
    "site": TEXT,
    "titre_page": TEXT,
    "introduction": {"type": "string"},
    "champs": {"type": "array", "minItems": 1, "items": FIELD},
}, required=["adresse", "site", "titre_page", "champs"])


step_type("aide_proximite", {"consigne": {"type": "string"}}, exercise=False)
