"""Step types of atelier 04 « Vérifier une information »: posts, site pages, domain age,
matching posts to manipulation techniques, charts, image steps and a projected true/false series."""
from __future__ import annotations

from pathlib import Path

from widgets.components.choice import ChoiceExercise
from widgets.components.post_matching import PostMatching
from widgets.components.sorting import Item
from widgets.components.true_false_series import Statement, TrueFalseSeries
from widgets.simulations.site_page import site_page_html
from widgets.simulations.social_post import Post, social_post_html
from widgets.steps.core import options_from
from widgets.steps.registry import builds
from widgets.ui.controls import box, html_block
from widgets.ui.figures import chart, chart_html, image_html

CHART_KINDS = ("honnete", "axe_coupe", "periode_choisie", "effet_surface")  # widgets.charts.cache.KINDS


def post_html(raw: dict, folder: Path) -> str:
    """A content ``publication`` → the post's HTML."""
    picture = raw.get("image")
    return social_post_html(Post(raw["auteur"], raw["texte"], raw.get("date", ""), raw.get("site", ""),
                                 raw.get("jaime", 0), raw.get("partages", 0), raw.get("commentaires", 0),
                                 image_html(folder, picture["fichier"], picture.get("alt")) if picture else ""))


# ---------------------------------------------------------------- publication + choice

@builds("publication")
def build_post_question(step, ctx):
    scene = html_block(post_html(step["publication"], ctx.folder), "atelier-decor")
    exercise = ChoiceExercise(step["question"], options_from(step["options"]), step.get("explication", ""),
                              multiple=bool(step.get("plusieurs")), scene=scene, exercise_id=ctx.exercise_id)
    exercise.add_class("atelier-publication")
    return exercise


@builds("mentions_legales")
def build_legal_page(step, ctx):
    page = site_page_html(step["adresse"], step.get("titre_page", "Mentions légales"), step["contenu"])
    exercise = ChoiceExercise(step["question"], options_from(step["options"]), step.get("explication", ""),
                              multiple=bool(step.get("plusieurs")), scene=html_block(page, "atelier-decor"),
                              exercise_id=ctx.exercise_id)
    exercise.add_class("atelier-mentions")
    return exercise


# ---------------------------------------------------------------- domain age tool

@builds("age_domaine")
def build_domain_age(step, ctx):
    from widgets.tools.domain_age_tool import (
        DomainAgeTool,  # with requests: only in the kernel that shows it
    )

    return DomainAgeTool(step.get("consigne", ""), step.get("exemples"), online=step.get("en_ligne", True))


# ---------------------------------------------------------------- matching posts to techniques


@builds("associer")
def build_matching(step, ctx):
    posts = step["publications"]
    items = [Item(p["texte"], p["technique"], p.get("retour", "")) for p in posts]
    cards = [post_html(p, ctx.folder) for p in posts]
    return PostMatching(step["consigne"], step["techniques"], items, cards, step.get("explication", ""),
                        exercise_id=ctx.exercise_id)


@builds("graphique")
def build_chart(step, ctx):
    letters = "ABC"
    kinds = step["graphiques"]
    scene = html_block("".join(chart_html(k, letters[i]) for i, k in enumerate(kinds)), "atelier-graphiques")
    why = "\n\n".join(f"**Graphique {letters[i]}** : {chart(k).explanation}" for i, k in enumerate(kinds))
    explanation = "\n\n".join(t for t in (step.get("explication", ""), why) if t)
    exercise = ChoiceExercise(step["question"], options_from(step["options"]), explanation,
                              multiple=bool(step.get("plusieurs")), scene=scene, exercise_id=ctx.exercise_id)
    exercise.add_class("atelier-graphique")
    return exercise


# ---------------------------------------------------------------- image steps

@builds("images_etapes")
def build_image_steps(step, ctx):
    figures = [html_block(image_html(ctx.folder, i["fichier"], i.get("alt"), i.get("legende", "")),
                          "atelier-figure", "atelier-etape-image") for i in step["images"]]
    return box(figures, "atelier-images-etapes")


# ---------------------------------------------------------------- projected true/false series

@builds("serie_vrai_faux")
def build_series(step, ctx):
    statements = [Statement(a["affirmation"], a["reponse"], a.get("explication", "")) for a in step["affirmations"]]
    return TrueFalseSeries(step.get("consigne", ""), statements, exercise_id=ctx.exercise_id)
