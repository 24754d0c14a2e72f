"""The registry of step types: the YAML word (``type: choix``), its content schema and its own checks.

Each family module of this folder calls ``step_type`` for its words; ``catalog`` imports them all by
name. What a step looks like on screen is elsewhere (``widgets.steps``): this layer only says what a
content file may contain, so that it can be checked without building anything.
Keys common to all steps: ``type``, ``titre``, ``duree`` (minutes), ``texte`` (Markdown shown first),
``image``, ``id``, ``en_direct``, ``sources`` (where the step's facts come from), ``prononciation`` (what
« Écouter » says instead of a text that reads badly aloud).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

#: Where a taught fact comes from: kept beside it, listed on the fiche animateur.
SOURCES = {
    "type": "array", "minItems": 1,
    "items": {
        "type": "object", "required": ["titre", "adresse", "consulte_le"], "additionalProperties": False,
        "properties": {
            "titre": {"type": "string", "minLength": 1},
            "adresse": {"type": "string", "pattern": "^https://[^\\s]+$",
                        "description": "l'adresse de la source doit commencer par « https:// »."},
            "consulte_le": {"type": "string", "pattern": "^20[0-9]{2}-[01][0-9]-[0-3][0-9]$",
                            "description": "la date de consultation s'écrit AAAA-MM-JJ, par exemple 2026-11-29."},
        },
    },
}

#: What « Écouter » says instead of a text that reads badly aloud (an address, a code, an abbreviation):
#: wherever the step shows ``ecrit``, the device says ``dire``. Also accepted at the top of atelier.yaml,
#: for every step. Checked further by ``widgets.content.pronunciation``.
PRONUNCIATION = {
    "type": "array", "minItems": 1,
    "items": {
        "type": "object", "required": ["ecrit", "dire"], "additionalProperties": False,
        "properties": {
            "ecrit": {"type": "string", "minLength": 1},
            "dire": {"type": "string", "minLength": 1},
        },
    },
}

COMMON_PROPERTIES = {
    "type": {"type": "string"},
    "titre": {"type": "string", "minLength": 1, "maxLength": 90},
    "duree": {"type": "integer", "minimum": 0, "maximum": 90},
    "texte": {"type": "string"},
    "image": {
        "type": "object",
        "required": ["fichier", "alt"],
        "additionalProperties": False,
        "properties": {"fichier": {"type": "string", "minLength": 1},
                       "alt": {"type": "string", "minLength": 1},
                       "legende": {"type": "string"}},
    },
    "id": {"type": "string", "pattern": "^[a-z0-9_-]{1,40}$",
           "description": "l'identifiant ne doit contenir que des lettres minuscules sans accent, des chiffres, « - » ou « _ »."},
    "en_direct": {"type": "boolean"},
    "sources": SOURCES,
    "prononciation": PRONUNCIATION,
}

#: A check receives the (schema-valid) step and returns [(path inside the step, French message)].
Check = Callable[[dict], list[tuple[list, str]]]


@dataclass
class StepType:
    """One YAML word: its JSON Schema, its extra checks, and whether the room can answer it (an exercise)."""

    name: str
    schema: dict
    check: Check | None = None
    exercise: bool = True
    #: A check that also reads the whole atelier (``(step, atelier data) -> problems``), e.g. parallel steps.
    check_in_atelier: Callable[[dict, dict], list[tuple[list, str]]] | None = None


REGISTRY: dict[str, StepType] = {}


def step_type(name: str, properties: dict | None = None, required: list[str] | tuple = (),
              check: Check | None = None, exercise: bool = True,
              check_in_atelier: Callable[[dict, dict], list[tuple[list, str]]] | None = None) -> StepType:
    """Declare ``type: name`` with its own keys (``properties``), the required ones and its checks."""
    schema = {
        "type": "object",
        "required": ["titre", *required],
        "additionalProperties": False,
        "properties": {**COMMON_PROPERTIES, **(properties or {})},
    }
    REGISTRY[name] = StepType(name, schema, check, exercise, check_in_atelier)
    return REGISTRY[name]
