"""Step types of online procedures (atelier 05): attaching a document (photo or PDF), the receipt of a request."""
from __future__ import annotations

import re

from widgets.content.step_types.registry import step_type

TEXT = {"type": "string", "minLength": 1}
ADDRESS = {"type": "string", "pattern": "^https://[^\\s]+$",
           "description": "l'adresse du faux site doit commencer par « https:// »."}
MAIL = {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$",
        "description": "l'adresse de l'expéditeur s'écrit nom@domaine (un domaine inventé, en .example)."}
MOMENT = {"type": "string", "pattern": "^20[0-9]{2}-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]$",
          "description": "la date s'écrit AAAA-MM-JJ HH:MM, par exemple 2026-11-29 10:42."}
#: Placeholders the confirmation e-mail may use (filled by ``widgets.analysers.receipt.fill``).
PLACEHOLDERS = ("prenom", "nom", "demarche", "organisme", "reference", "date")
#: Domains that reach nobody, for invented senders (RFC 2606 names, GUIDE §5).
FICTION_DOMAIN = re.compile(r"(^|\.)(example|test|invalid)$|(^|\.)example\.(com|net|org)$")


step_type("piece_jointe", {
    "consigne": {"type": "string"},
    "document": TEXT,
    "site": TEXT,
    "adresse": ADDRESS,
    "taille_max_mo": {"type": "integer", "minimum": 1, "maximum": 20},
}, required=["document"], exercise=False)


def _check_receipt(step: dict) -> list[tuple[list, str]]:
    mail = step.get("courriel", {})
    domain = mail.get("adresse", "").rsplit("@", 1)[-1].lower()
    if domain and not FICTION_DOMAIN.search(domain):
        return [(["courriel", "adresse"], f"l'adresse « {mail['adresse']} » pourrait appartenir à quelqu'un : "
                                          "prenez un domaine inventé qui finit par « .example ».")]
    for key in ("objet", "texte"):
        for name in re.findall(r"\{([^{}]*)\}", mail.get(key, "")):
            if name not in PLACEHOLDERS:
                return [(["courriel", key], f"« {{{name}}} » n'est pas connu. On peut écrire : "
                                            + ", ".join("{" + p + "}" for p in PLACEHOLDERS) + ".")]
    return []


step_type("recepisse", {
    "consigne": {"type": "string"},
    "demarche": TEXT,
    "organisme": TEXT,
    "adresse": ADDRESS,
    "reference": {"type": "string", "pattern": "^[A-Za-z0-9-]{4,30}$",
                  "description": "le numéro de dossier ne contient que des lettres, des chiffres et « - »."},
    "date": MOMENT,
    "identite": {"type": "object", "required": ["prenom", "nom"], "additionalProperties": False,
                 "properties": {"prenom": TEXT, "nom": TEXT, "adresse": TEXT}},
    "pieces_jointes": {"type": "array", "items": TEXT},
    "courriel": {"type": "object", "required": ["nom", "adresse"], "additionalProperties": False,
                 "properties": {"nom": TEXT, "adresse": MAIL, "objet": TEXT, "texte": TEXT}},
    "ou_le_retrouver": TEXT,
    "pourquoi_le_garder": TEXT,
}, required=["demarche", "organisme", "identite", "courriel", "ou_le_retrouver", "pourquoi_le_garder"],
    check=_check_receipt, exercise=False)
