"""Step types on simulated pages: search results, cookie banner, fake alert."""
from __future__ import annotations

from widgets.choice import ChoiceExercise, Option
from widgets.simulations.pages import cookie_page_html, fake_alert_html, search_box_html, search_result_html
from widgets.step_types.core import OPTION, TEXT, check_has_correct
from widgets.steps import step_type
from widgets.ui import html_block

BUTTON_OPTION = {**OPTION, "properties": {**OPTION["properties"],
                                          "style": {"enum": ["principal", "secondaire", "discret"]}}}


@step_type("resultats_recherche", {
    "recherche": TEXT,
    "question": TEXT,
    "resultats": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["titre", "adresse", "description"], "additionalProperties": False,
        "properties": {"titre": TEXT, "adresse": TEXT, "description": TEXT, "annonce": {"type": "boolean"},
                       "correct": {"type": "boolean"}, "retour": {"type": "string"}}}},
    "explication": {"type": "string"},
}, required=["recherche", "question", "resultats"], check=check_has_correct("resultats"))
def build_search(step, ctx):
    options = [Option(r["titre"], bool(r.get("correct")), r.get("retour", ""),
                      card_html=search_result_html(r["titre"], r["adresse"], r["description"], bool(r.get("annonce"))))
               for r in step["resultats"]]
    scene = html_block(search_box_html(step["recherche"]), "atelier-decor")
    exercise = ChoiceExercise(step["question"], options, step.get("explication", ""), scene=scene,
                              exercise_id=ctx.exercise_id, choose_label="Je clique ici")
    exercise.add_class("atelier-recherche")
    return exercise


def _scene_options(raw):
    return [Option(b["texte"], bool(b.get("correct")), b.get("retour", ""), style=f"style-{b.get('style', 'secondaire')}")
            for b in raw]


@step_type("banniere_cookies", {
    "site": TEXT,
    "titre_page": {"type": "string"},
    "banniere": TEXT,
    "question": TEXT,
    "boutons": {"type": "array", "minItems": 2, "items": BUTTON_OPTION},
    "explication": {"type": "string"},
}, required=["site", "banniere", "question", "boutons"], check=check_has_correct("boutons"))
def build_cookies(step, ctx):
    scene = html_block(cookie_page_html(step["site"], step["banniere"], step.get("titre_page", "")), "atelier-decor")
    exercise = ChoiceExercise(step["question"], _scene_options(step["boutons"]), step.get("explication", ""),
                              scene=scene, exercise_id=ctx.exercise_id, options_in_row=True)
    exercise.add_class("atelier-cookies")
    return exercise


@step_type("fausse_alerte", {
    "adresse": TEXT,
    "titre_alerte": TEXT,
    "message_alerte": TEXT,
    "telephone": TEXT,
    "question": TEXT,
    "boutons": {"type": "array", "minItems": 2, "items": BUTTON_OPTION},
    "explication": {"type": "string"},
}, required=["adresse", "titre_alerte", "message_alerte", "telephone", "question", "boutons"],
    check=check_has_correct("boutons"))
def build_fake_alert(step, ctx):
    scene = html_block(fake_alert_html(step["adresse"], step["titre_alerte"], step["message_alerte"],
                                       step["telephone"]), "atelier-decor")
    exercise = ChoiceExercise(step["question"], _scene_options(step["boutons"]), step.get("explication", ""),
                              scene=scene, exercise_id=ctx.exercise_id)
    exercise.add_class("atelier-fausse-alerte")
    return exercise
