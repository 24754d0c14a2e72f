"""Step types on simulated pages: search results, cookie banner, fake alert.

Order on a personalised page: search results are shuffled, but the ads stay at the top, where
search engines put them. The buttons of a cookie banner keep their content order: they are the
banner's own buttons, and their real layout (the big « Tout accepter » first, the small « Continuer
sans accepter » last) is what the participant learns to see through. The answers to a fake alert
are reactions (« Je ferme l'onglet »), not buttons of the scene: they are shuffled like any question.
"""
from __future__ import annotations

from widgets.components.choice import ChoiceExercise, Option
from widgets.simulations.pages import (
    cookie_page_html,
    fake_alert_html,
    search_box_html,
    search_result_html,
)
from widgets.steps.registry import builds
from widgets.ui.controls import html_block


@builds("resultats_recherche")
def build_search(step, ctx):
    options = [Option(r["titre"], bool(r.get("correct")), r.get("retour", ""),
                      card_html=search_result_html(r["titre"], r["adresse"], r["description"], bool(r.get("annonce"))),
                      first=bool(r.get("annonce")), last=bool(r.get("dernier")))
               for r in step["resultats"]]
    scene = html_block(search_box_html(step["recherche"]), "atelier-decor")
    exercise = ChoiceExercise(step["question"], options, step.get("explication", ""), scene=scene,
                              exercise_id=ctx.exercise_id, choose_label="Je clique ici")
    exercise.add_class("atelier-recherche")
    return exercise


def _scene_options(raw):
    return [Option(b["texte"], bool(b.get("correct")), b.get("retour", ""), style=f"style-{b.get('style', 'secondaire')}",
                   last=bool(b.get("dernier")))
            for b in raw]


@builds("banniere_cookies")
def build_cookies(step, ctx):
    scene = html_block(cookie_page_html(step["site"], step["banniere"], step.get("titre_page", "")), "atelier-decor")
    exercise = ChoiceExercise(step["question"], _scene_options(step["boutons"]), step.get("explication", ""),
                              scene=scene, exercise_id=ctx.exercise_id, options_in_row=True, shuffle=False)
    exercise.add_class("atelier-cookies")
    return exercise


@builds("fausse_alerte")
def build_fake_alert(step, ctx):
    scene = html_block(fake_alert_html(step["adresse"], step["titre_alerte"], step["message_alerte"],
                                       step["telephone"]), "atelier-decor")
    exercise = ChoiceExercise(step["question"], _scene_options(step["boutons"]), step.get("explication", ""),
                              scene=scene, exercise_id=ctx.exercise_id)
    exercise.add_class("atelier-fausse-alerte")
    return exercise
