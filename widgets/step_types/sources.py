"""Step types of atelier 04 « Vérifier une information »: posts, site pages, domain age,
matching posts to manipulation techniques, charts, image steps and a projected true/false series."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from widgets.choice import ChoiceExercise
from widgets.media import figure_html
from widgets.simulations.site_page import site_page_html
from widgets.simulations.social_post import Post, social_post_html
from widgets.sorting import Item, SortingExercise
from widgets.step_types.core import OPTION, TEXT, check_has_correct, options_from
from widgets.steps import step_type
from widgets.true_false_series import Statement, TrueFalseSeries
from widgets.ui import box, esc, html_block

COUNT = {"type": "integer", "minimum": 0, "maximum": 100_000_000}
POST = {
    "type": "object", "required": ["auteur", "texte"], "additionalProperties": False,
    "properties": {"auteur": TEXT, "texte": TEXT, "date": {"type": "string"}, "site": {"type": "string"},
                   "jaime": COUNT, "partages": COUNT, "commentaires": COUNT,
                   "image": {"type": "object", "required": ["fichier"], "additionalProperties": False,
                             "properties": {"fichier": TEXT, "alt": TEXT}}},
}
CHOICE_KEYS = {
    "question": TEXT,
    "options": {"type": "array", "minItems": 2, "items": OPTION},
    "plusieurs": {"type": "boolean"},
    "explication": {"type": "string"},
}
CHART_KINDS = ("honnete", "axe_coupe", "periode_choisie", "effet_surface")  # widgets.chart_cache.KINDS


# ---------------------------------------------------------------- media helpers

def media_alts(folder: Path) -> dict[str, str]:
    """File name → alt text, from the atelier's ``media/images.yaml`` (empty if absent or broken)."""
    try:
        data = yaml.safe_load((Path(folder) / "media" / "images.yaml").read_text(encoding="utf-8")) or {}
        return {str(i["fichier"]): " ".join(str(i["alt"]).split()) for i in data.get("images", [])
                if isinstance(i, dict) and "fichier" in i and "alt" in i}
    except (OSError, yaml.YAMLError, UnicodeDecodeError, AttributeError, TypeError):
        return {}


def media_path(folder: Path, name: str) -> Path | None:
    """The media file ``name`` if it is inside the atelier's ``media`` folder."""
    media = (Path(folder) / "media").resolve()
    path = (media / name).resolve()
    return path if path.is_relative_to(media) and path.is_file() else None


def image_html(folder: Path, name: str, alt: str | None = None, caption: str = "") -> str:
    """A figure for a media file; its alt comes from the content or from ``images.yaml``."""
    path = media_path(folder, name)
    if path is None:
        return f'<p class="atelier-image-absente">Image introuvable : {esc(name)}.</p>'
    return figure_html(path, alt or media_alts(folder).get(name, ""), caption)


def post_html(raw: dict, folder: Path) -> str:
    """A content ``publication`` → the post's HTML."""
    picture = raw.get("image")
    return social_post_html(Post(raw["auteur"], raw["texte"], raw.get("date", ""), raw.get("site", ""),
                                 raw.get("jaime", 0), raw.get("partages", 0), raw.get("commentaires", 0),
                                 image_html(folder, picture["fichier"], picture.get("alt")) if picture else ""))


# ---------------------------------------------------------------- publication + choice

@step_type("publication", {"publication": POST, **CHOICE_KEYS},
           required=["publication", "question", "options"], check=check_has_correct())
def build_post_question(step, ctx):
    scene = html_block(post_html(step["publication"], ctx.folder), "atelier-decor")
    exercise = ChoiceExercise(step["question"], options_from(step["options"]), step.get("explication", ""),
                              multiple=bool(step.get("plusieurs")), scene=scene, exercise_id=ctx.exercise_id)
    exercise.add_class("atelier-publication")
    return exercise


@step_type("mentions_legales", {"adresse": TEXT, "titre_page": TEXT, "contenu": TEXT, **CHOICE_KEYS},
           required=["adresse", "contenu", "question", "options"], check=check_has_correct())
def build_legal_page(step, ctx):
    page = site_page_html(step["adresse"], step.get("titre_page", "Mentions légales"), step["contenu"])
    exercise = ChoiceExercise(step["question"], options_from(step["options"]), step.get("explication", ""),
                              multiple=bool(step.get("plusieurs")), scene=html_block(page, "atelier-decor"),
                              exercise_id=ctx.exercise_id)
    exercise.add_class("atelier-mentions")
    return exercise


# ---------------------------------------------------------------- domain age tool

@step_type("age_domaine", {
    "consigne": {"type": "string"},
    "exemples": {"type": "array", "maxItems": 6, "items": TEXT},
    "en_ligne": {"type": "boolean", "description": "false : ne jamais utiliser Internet (exemples enregistrés)."},
}, exercise=False)
def build_domain_age(step, ctx):
    from widgets.tools.domain_age_tool import DomainAgeTool  # with requests: only in the kernel that shows it

    return DomainAgeTool(step.get("consigne", ""), step.get("exemples"), online=step.get("en_ligne", True))


# ---------------------------------------------------------------- matching posts to techniques

class PostMatching(SortingExercise):
    """For each post, press the technique it uses; « Vérifier » explains each post (a ``SortingExercise``)."""

    kind = "associer"

    def __init__(self, instruction, categories, items, posts_html: list[str], explanation="", exercise_id=None):
        self.posts_html = list(posts_html)
        super().__init__(instruction, categories, items, explanation, exercise_id)
        self.add_class("atelier-associer")

    def _label_html(self, i: int) -> str:
        place = self.placed[i]
        where = (f'→ votre réponse : <strong>{esc(place)}</strong>' if place else "→ pas encore de réponse")
        return f'{self.posts_html[i]}<p class="atelier-tri-place">{where}</p>'


def _check_matching(step):
    techniques = step.get("techniques", [])
    for i, post in enumerate(step.get("publications", [])):
        if post.get("technique") not in techniques:
            return [(["publications", i, "technique"],
                     f"la technique « {post.get('technique')} » n'est pas dans la liste « techniques » ("
                     + ", ".join(techniques) + ").")]
    return []


@step_type("associer", {
    "consigne": TEXT,
    "techniques": {"type": "array", "minItems": 2, "maxItems": 6, "uniqueItems": True, "items": TEXT},
    "publications": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["auteur", "texte", "technique"], "additionalProperties": False,
        "properties": {"auteur": TEXT, "texte": TEXT, "technique": TEXT, "date": {"type": "string"},
                       "jaime": COUNT, "partages": COUNT, "retour": {"type": "string"}}}},
    "explication": {"type": "string"},
}, required=["consigne", "techniques", "publications"], check=_check_matching)
def build_matching(step, ctx):
    posts = step["publications"]
    items = [Item(p["texte"], p["technique"], p.get("retour", "")) for p in posts]
    cards = [post_html(p, ctx.folder) for p in posts]
    return PostMatching(step["consigne"], step["techniques"], items, cards, step.get("explication", ""),
                        exercise_id=ctx.exercise_id)


# ---------------------------------------------------------------- charts

@lru_cache(maxsize=8)
def chart(kind: str):
    """The ``widgets.charts.Chart`` of ``kind`` (one of ``CHART_KINDS``), drawn once from the shipped data."""
    from widgets.chart_cache import cached_chart

    return cached_chart(kind)


def accessible_svg(svg: str, alt: str, prefix: str) -> str:
    """The chart's SVG with an ``aria-label``, fluid size and ids made unique in the page."""
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'url\(#([^)]+)\)', rf'url(#{prefix}-\1)', svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)
    head, rest = svg.split(">", 1)
    head = re.sub(r'\s(width|height)="[^"]*"', "", head)
    if "aria-label" not in head:
        head += f' aria-label="{esc(alt)}"'
    return head + ">" + rest


def chart_html(kind: str, letter: str) -> str:
    """One chart, named « Graphique A », with its SVG and a visible « Description du graphique »."""
    c = chart(kind)
    return (f'<figure class="graphique"><figcaption class="graphique-nom">Graphique {esc(letter)}</figcaption>'
            f'{accessible_svg(c.svg, c.alt, f"graphique-{letter.lower()}")}'
            f'<details class="graphique-description"><summary>Description du graphique {esc(letter)}</summary>'
            f'<p>{esc(c.alt)}</p></details></figure>')


@step_type("graphique", {
    "graphiques": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"enum": list(CHART_KINDS)},
                   "description": "honnete, axe_coupe, periode_choisie ou effet_surface."},
    **CHOICE_KEYS,
}, required=["graphiques", "question", "options"], check=check_has_correct())
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

@step_type("images_etapes", {
    "images": {"type": "array", "minItems": 1, "maxItems": 6, "items": {
        "type": "object", "required": ["fichier"], "additionalProperties": False,
        "properties": {"fichier": TEXT, "alt": TEXT, "legende": {"type": "string"}}}},
}, required=["images"], exercise=False)
def build_image_steps(step, ctx):
    figures = [html_block(image_html(ctx.folder, i["fichier"], i.get("alt"), i.get("legende", "")),
                          "atelier-figure", "atelier-etape-image") for i in step["images"]]
    return box(figures, "atelier-images-etapes")


# ---------------------------------------------------------------- projected true/false series

@step_type("serie_vrai_faux", {
    "consigne": {"type": "string"},
    "affirmations": {"type": "array", "minItems": 2, "maxItems": 12, "items": {
        "type": "object", "required": ["affirmation", "reponse"], "additionalProperties": False,
        "properties": {"affirmation": TEXT, "reponse": {"type": "boolean"}, "explication": {"type": "string"}}}},
}, required=["affirmations"])
def build_series(step, ctx):
    statements = [Statement(a["affirmation"], a["reponse"], a.get("explication", "")) for a in step["affirmations"]]
    return TrueFalseSeries(step.get("consigne", ""), statements, exercise_id=ctx.exercise_id)
