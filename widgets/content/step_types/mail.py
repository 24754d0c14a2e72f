"""Step types of atelier 02 (e-mail and scams): inbox, anatomy of a message, writing a message, e-mail checker."""
from __future__ import annotations

from widgets.content.step_types.registry import step_type
from widgets.content.vocabulary import INBOX_VIEWS as VIEWS
from widgets.content.vocabulary import MAIL_PARTS as PARTS

TEXT = {"type": "string", "minLength": 1}


PIECE = {"type": "object", "required": ["texte"], "additionalProperties": False,
         "properties": {"texte": TEXT, "suspect": {"type": "boolean"}, "retour": {"type": "string"}}}


MESSAGE = {
    "type": "object",
    "required": ["genre", "nom", "texte", "arnaque", "retour"],
    "additionalProperties": False,
    "properties": {
        "genre": {"enum": ["courriel", "sms"]},
        "nom": TEXT,
        "adresse": TEXT,
        "objet": TEXT,
        "date": {"type": "string"},
        "texte": TEXT,
        "lien": {"type": "object", "required": ["texte", "adresse"], "additionalProperties": False,
                 "properties": {"texte": TEXT, "adresse": TEXT}},
        "piece_jointe": TEXT,
        "arnaque": {"type": "boolean"},
        "retour": TEXT,
        "indices": {"type": "array", "minItems": 2, "items": PIECE},
    },
}


def _check_inbox(step):
    for i, m in enumerate(step.get("messages", [])):
        if m.get("genre") == "courriel" and not (m.get("objet") and m.get("adresse")):
            return [(["messages", i], "un courriel doit avoir un « objet » et une « adresse » d'expéditeur.")]
        if m.get("indices") and not any(p.get("suspect") for p in m["indices"]):
            return [(["messages", i, "indices"], "aucun indice n'est marqué « suspect: true ».")]
        if m.get("indices") and not m.get("arnaque"):
            return [(["messages", i, "indices"], "seules les arnaques ont des indices à trouver.")]
    return []


step_type("boite_reception", {
    "consigne": TEXT,
    "vue": {"enum": list(VIEWS)},
    "messages": {"type": "array", "minItems": 2, "items": MESSAGE},
}, required=["consigne", "messages"], check=_check_inbox)


step_type("anatomie_courriel", {
    "consigne": {"type": "string"},
    "message": {"type": "object", "required": ["nom_expediteur", "adresse_expediteur", "objet", "texte"],
                "additionalProperties": False,
                "properties": {"nom_expediteur": TEXT, "adresse_expediteur": TEXT, "a": TEXT, "cc": TEXT,
                               "cci": TEXT, "objet": TEXT, "texte": TEXT, "piece_jointe": TEXT}},
    "questions": {"type": "array", "minItems": 1, "items": {
        "type": "object", "required": ["consigne", "partie"], "additionalProperties": False,
        "properties": {"consigne": TEXT, "partie": {"enum": list(PARTS)}, "retour": {"type": "string"}}}},
}, required=["message", "questions"])


step_type("rediger_courriel", {
    "consigne": TEXT,
    "destinataire": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$"},
    "copie_cachee": {"type": "array", "items": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$"}},
    "fichier": TEXT,
}, required=["consigne", "destinataire"])


def _check_examples(step):
    for i, ex in enumerate(step.get("exemples", [])):
        name = ex.get("fichier", "")
        if "/" in name or "\\" in name or name.startswith("."):
            return [(["exemples", i, "fichier"], "donnez seulement le nom du fichier, rangé dans le dossier « exemples »." )]
    return []


step_type("verificateur_courriel", {
    "consigne": {"type": "string"},
    "exemples": {"type": "array", "maxItems": 6, "items": {
        "type": "object", "required": ["titre", "fichier"], "additionalProperties": False,
        "properties": {"titre": TEXT, "fichier": {"type": "string", "pattern": "\\.eml$"}}}},
}, check=_check_examples, exercise=False)
