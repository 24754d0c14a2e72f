"""The before/after check of an atelier: « Ce que je sais déjà » at the start, « Ce que j'ai appris » at the end.

``type: verification`` with ``moment: avant`` or ``moment: apres`` and 3 or 4 ``items``. Each item names
the skill it checks (``competence``), asks one ``question`` with one right option, and says what to
review when it is missed (``a_revoir``). The « après » step asks *parallel* items: the same ids and
skills as the « avant » step, with other examples (other texts). « Je ne sais pas » is always offered,
last: an author does not write it. It is a kind moment, not a test: no grade, no timer.
"""
from __future__ import annotations

import unicodedata

from widgets.content.step_types.core import TEXT
from widgets.content.step_types.registry import step_type

BEFORE, AFTER = "avant", "apres"
#: What a participant sees as the step's default title, by moment.
MOMENT_TITLES = {BEFORE: "Ce que je sais déjà", AFTER: "Ce que j'ai appris"}
#: Offered last in every item (the answer is reported as this choice).
DONT_KNOW = "Je ne sais pas"

ITEM_ID = {"type": "string", "pattern": "^[a-z0-9_-]{1,40}$",
           "description": "l'identifiant ne doit contenir que des lettres minuscules sans accent, des chiffres, « - » ou « _ »."}

ITEM = {
    "type": "object",
    "required": ["id", "competence", "question", "options", "a_revoir"],
    "additionalProperties": False,
    "properties": {
        "id": ITEM_ID,
        "competence": {"type": "string", "minLength": 1, "maxLength": 80},
        "question": TEXT,
        "adresse": {"type": "string", "description": "une adresse à montrer dans une barre de navigateur"},
        "options": {"type": "array", "minItems": 2, "maxItems": 4, "items": {
            "type": "object", "required": ["texte"], "additionalProperties": False,
            "properties": {"texte": TEXT, "correct": {"type": "boolean"}}}},
        "a_revoir": TEXT,
    },
}


def _plain(text: str) -> str:
    """A text compared loosely: no accents, case, spaces or punctuation at the ends."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return " ".join(text.replace("’", "'").strip(" .!?…«»\"'").split())


def _check_items(step: dict) -> list[tuple[list, str]]:
    """One right option per item, distinct ids, no « Je ne sais pas » written by the author."""
    seen = set()
    for i, item in enumerate(step.get("items", [])):
        if item["id"] in seen:
            return [(["items", i, "id"], f"l'identifiant « {item['id']} » est utilisé deux fois dans cette vérification.")]
        seen.add(item["id"])
        right = sum(bool(o.get("correct")) for o in item["options"])
        if right != 1:
            return [(["items", i, "options"], "chaque question de la vérification doit avoir exactement une réponse "
                                              f"marquée « correct: true » (ici : {right}).")]
        for j, option in enumerate(item["options"]):
            if _plain(option["texte"]) == _plain(DONT_KNOW):
                return [(["items", i, "options", j], f"n'écrivez pas « {DONT_KNOW} » : cette réponse est "
                                                     "toujours proposée toute seule, en dernier.")]
    if step.get("en_direct"):
        return [(["en_direct"], "une vérification n'est pas projetée question par question : enlevez « en_direct ». "
                                "Le tableau montre le résultat de la salle à la fin de la session.")]
    return []


def _example(item: dict) -> str:
    """The case an item shows: its question and its address (if any)."""
    return _plain(item["question"]) + "\x1f" + _plain(item.get("adresse", ""))


def check_in_atelier(step: dict, atelier: dict) -> list[tuple[list, str]]:
    """Across the atelier: one « avant » before one « après », with parallel items (same ids and skills,
    different examples)."""
    steps = [s for s in atelier.get("etapes", []) if isinstance(s, dict) and s.get("type") == "verification"]
    moments = [s.get("moment") for s in steps]
    moment = step.get("moment")
    other_moment = AFTER if moment == BEFORE else BEFORE
    if moments.count(moment) > 1:
        return [(["moment"], f"l'atelier a plusieurs vérifications « {moment} » : il en faut une seule.")]
    if other_moment not in moments:
        return [(["moment"], f"l'atelier a une vérification « {moment} » mais pas de vérification « {other_moment} ». "
                             "Ajoutez-la : les mêmes compétences, avec d'autres exemples.")]
    if moments.index(BEFORE) > moments.index(AFTER):
        return [(["moment"], "la vérification « avant » doit venir avant la vérification « apres ».")]
    if moment == BEFORE:
        return []  # the « après » step compares both (its errors point at its own items)
    before = {item["id"]: item for item in next(s for s in steps if s.get("moment") == BEFORE).get("items", [])}
    after_ids = [item["id"] for item in step.get("items", [])]
    for i, item in enumerate(step.get("items", [])):
        twin = before.get(item["id"])
        if twin is None:
            return [(["items", i, "id"], f"la question « {item['id']} » n'existe pas dans la vérification « avant ». "
                                         "Les deux vérifications ont les mêmes identifiants : "
                                         + ", ".join(f"« {k} »" for k in before) + ".")]
        if _plain(twin["competence"]) != _plain(item["competence"]):
            return [(["items", i, "competence"], f"la question « {item['id']} » ne vérifie pas la même compétence "
                                                 f"qu'avant (« {twin['competence']} ») : recopiez-la.")]
        if _example(twin) == _example(item):
            return [(["items", i, "question"], f"la question « {item['id']} » est la même qu'avant : à la fin, "
                                               "posez-la avec un autre exemple (même compétence, autre cas).")]
        if {_plain(o["texte"]) for o in twin["options"]} == {_plain(o["texte"]) for o in item["options"]}:
            return [(["items", i, "options"], f"les réponses de la question « {item['id']} » sont les mêmes qu'avant : "
                                              "changez l'exemple, pas seulement la question.")]
    missing = [k for k in before if k not in after_ids]
    if missing:
        return [(["items"], "la vérification « apres » n'a pas la question « " + missing[0] + " » de la vérification "
                            "« avant » : chaque compétence est vérifiée au début et à la fin.")]
    return []


step_type("verification", {
    "moment": {"enum": [BEFORE, AFTER]},
    "consigne": {"type": "string"},
    "items": {"type": "array", "minItems": 3, "maxItems": 4, "items": ITEM},
    "attestation": {"type": "boolean", "description": "false : ne pas proposer l'attestation de participation "
                                                      "à la fin (vérification « apres »)."},
}, required=["moment", "items"], check=_check_items, check_in_atelier=check_in_atelier)
