"""The facilitator notes of an atelier (``animateur.yaml``): schema, loading, French errors.

The notes complete ``atelier.yaml`` for the *fiche animateur* and the participant *mémo*:
material, what to say and show at each step, usual questions, a one-to-one variant.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from widgets.content.atelier import Atelier
from widgets.content.names import GUIDE_FILE
from widgets.content.validation import ContentError, line_of, read_yaml, validate

#: Step types where people mostly listen (their minutes count as teaching, not exercise).
TEACHING_TYPES = {"texte", "retenir"}

TEXT = {"type": "string", "minLength": 1}
ADDRESSES = {"type": "array", "items": {
    "type": "object", "required": ["adresse", "pour"], "additionalProperties": False,
    "properties": {"adresse": TEXT, "pour": TEXT}}}

SCHEMA = {
    "type": "object",
    "required": ["materiel", "etapes", "questions", "individuel"],
    "additionalProperties": False,
    "properties": {
        "public": TEXT,
        "prerequis": TEXT,
        "materiel": {
            "type": "object", "required": ["projecteur", "internet", "appareils"], "additionalProperties": False,
            "properties": {"projecteur": {"type": "boolean"}, "internet": {"type": "boolean"},
                           "appareils": TEXT, "autres": {"type": "array", "items": TEXT}},
        },
        "preparation": {"type": "array", "items": TEXT},
        "etapes": {"type": "array", "items": {
            "type": "object", "required": ["etape"], "additionalProperties": False,
            "properties": {"etape": TEXT, "expose": {"type": "integer", "minimum": 0, "maximum": 90},
                           "exercice": {"type": "integer", "minimum": 0, "maximum": 90},
                           "dire": TEXT, "montrer": TEXT}}},
        "questions": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["question", "reponse"], "additionalProperties": False,
            "properties": {"question": TEXT, "reponse": TEXT}}},
        "individuel": TEXT,
        "memo": {"type": "object", "additionalProperties": False,
                 "properties": {"points": {"type": "array", "items": TEXT}, "adresses": ADDRESSES,
                                "telephones": {"type": "array", "items": {
                                    "type": "object", "required": ["numero", "pour"], "additionalProperties": False,
                                    "properties": {"numero": TEXT, "pour": TEXT}}}}},
    },
}


@dataclass
class PlanStep:
    """One step of the facilitator's plan."""

    number: int
    title: str
    kind: str
    teaching: int
    exercise: int
    say: str = ""
    show: str = ""
    sources: list[dict] = field(default_factory=list)  # where the step's facts come from (atelier.yaml)

    @property
    def minutes(self) -> int:
        return self.teaching + self.exercise


@dataclass
class Guide:
    """Everything the fiche animateur and the mémo show, from both files."""

    atelier: Atelier
    audience: str
    prerequisites: str
    material: dict
    preparation: list[str]
    plan: list[PlanStep]
    questions: list[dict]
    one_to_one: str
    memo_points: list[str] = field(default_factory=list)
    memo_addresses: list[dict] = field(default_factory=list)
    memo_phones: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)  # the atelier's own sources (atelier.yaml, top level)

    @property
    def teaching_minutes(self) -> int:
        return sum(s.teaching for s in self.plan)

    @property
    def exercise_minutes(self) -> int:
        return sum(s.exercise for s in self.plan)

    @property
    def total_minutes(self) -> int:
        return self.teaching_minutes + self.exercise_minutes


def _default_split(step: dict) -> tuple[int, int]:
    minutes = step.get("duree", 0)
    return (minutes, 0) if step.get("type", "texte") in TEACHING_TYPES else (0, minutes)


def load_guide(atelier: Atelier) -> Guide:
    """Read and check ``animateur.yaml`` beside ``atelier``; raise a French ``ContentError`` with its line."""
    file = atelier.folder / GUIDE_FILE
    data, node = read_yaml(file)
    if data is None:
        raise ContentError(file, "le fichier est vide.")
    validate(data, SCHEMA, file, node)
    titles = [s.get("titre", "") for s in atelier.steps]
    notes: dict[str, dict] = {}
    for index, entry in enumerate(data["etapes"]):
        here = ["etapes", index, "etape"]
        if entry["etape"] not in titles:
            raise ContentError(file, f"l'étape « {entry['etape']} » n'existe pas dans atelier.yaml. Recopiez "
                               "exactement son titre. Titres possibles : " + ", ".join(f"« {t} »" for t in titles) + ".",
                               line_of(node, here), f"etapes → {index + 1}")
        if entry["etape"] in notes:
            raise ContentError(file, f"l'étape « {entry['etape']} » est décrite deux fois.",
                               line_of(node, here), f"etapes → {index + 1}")
        notes[entry["etape"]] = {**entry, "_index": index}
    plan = []
    for number, step in enumerate(atelier.steps, start=1):
        note = notes.get(step.get("titre", ""), {})
        teaching, exercise = _default_split(step)
        if "expose" in note or "exercice" in note:
            teaching, exercise = note.get("expose", 0), note.get("exercice", 0)
            if teaching + exercise != step.get("duree", 0):
                raise ContentError(
                    file, f"pour l'étape « {step['titre']} », exposé ({teaching} min) + exercice ({exercise} min) "
                          f"= {teaching + exercise} minutes, mais l'étape dure {step.get('duree', 0)} minutes "
                          "dans atelier.yaml. Les deux doivent être égaux.",
                    line_of(node, ["etapes", note["_index"]]), f"etapes → {note['_index'] + 1}")
        plan.append(PlanStep(number, step.get("titre", ""), step.get("type", "texte"), teaching, exercise,
                             note.get("dire", ""), note.get("montrer", ""), list(step.get("sources", []))))
    memo = data.get("memo", {})
    recap = next((s for s in atelier.steps if s.get("type") == "retenir"), {})
    return Guide(
        atelier=atelier,
        audience=data.get("public") or atelier.extra.get("public", "Tout public débutant."),
        prerequisites=data.get("prerequis") or atelier.extra.get("prerequis", "Aucun."),
        material=data["materiel"],
        preparation=data.get("preparation", []),
        plan=plan,
        questions=data["questions"],
        one_to_one=data["individuel"],
        memo_points=list(recap.get("points", [])) + memo.get("points", []),
        memo_addresses=list(recap.get("adresses", [])) + memo.get("adresses", []),
        memo_phones=memo.get("telephones", []),
        sources=list(atelier.extra.get("sources", [])),
    )


def check_guide(folder: Path | str) -> Guide | None:
    """Check ``folder/animateur.yaml`` (if there is one) with its atelier; ``None`` if it is absent."""
    from widgets.content.atelier import load_atelier

    folder = Path(folder)
    if not (folder / GUIDE_FILE).is_file():
        return None
    return load_guide(load_atelier(folder))
