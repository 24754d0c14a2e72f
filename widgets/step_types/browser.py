"""Step type « navigateur »: explore the parts of a browser window."""
from __future__ import annotations

from widgets.simulations.browser import PARTS, BrowserExplorer, Question
from widgets.steps import step_type
from widgets.ui import md

PART = {"enum": list(PARTS)}


@step_type("navigateur", {
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
def build_browser(step, ctx):
    questions = [Question(q["consigne"], q["partie"], q.get("retour", "")) for q in step.get("questions", [])]
    return BrowserExplorer(step["adresse"], step["titre_onglet"], md(step.get("page", "")),
                           step.get("explications"), questions, step.get("consigne", ""), exercise_id=ctx.exercise_id)
