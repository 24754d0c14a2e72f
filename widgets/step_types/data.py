"""Step types of atelier 03 (personal data): trackers, password, two-factor, photo, privacy, GDPR letter."""
from __future__ import annotations

from widgets.choice import ChoiceExercise
from widgets.simulations.privacy_settings import SETTINGS, Publication, PrivacySettings
from widgets.simulations.trackers import CATEGORIES, Site, TrackerSimulation
from widgets.simulations.two_factor import TwoFactorLogin
from widgets.step_types.core import OPTION, TEXT, check_has_correct, options_from
from widgets.steps import step_type
from widgets.tools.letter_tool import LetterTool
from widgets.tools.password_tool import PasswordTool
from widgets.tools.photo_tool import PhotoTool
from widgets.ui import box, html_block, md

QUESTION = {
    "type": "object", "required": ["question", "options"], "additionalProperties": False,
    "properties": {"question": TEXT, "options": {"type": "array", "minItems": 2, "items": OPTION},
                   "explication": {"type": "string"}, "texte": {"type": "string"}},
}


def _check_question(key: str):
    """A check: the optional follow-up question has exactly one right option."""

    def check(step: dict):
        if key not in step:
            return []
        problems = check_has_correct("options")(step[key])
        return [([key] + sub, message) for sub, message in problems]

    return check


def _question_widget(raw: dict | None, ctx, suffix: str):
    if not raw:
        return None
    exercise = ChoiceExercise(raw["question"], options_from(raw["options"]), raw.get("explication", ""),
                              exercise_id=f"{ctx.exercise_id}-{suffix}")
    if raw.get("texte"):
        return box([html_block(md(raw["texte"]), "atelier-texte"), exercise], "atelier-suite")
    return exercise


@step_type("traceurs", {
    "consigne": {"type": "string"},
    "sites": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["nom", "adresse", "revele"], "additionalProperties": False,
        "properties": {"nom": TEXT, "adresse": TEXT, "description": {"type": "string"},
                       "revele": {"type": "object", "minProperties": 1,
                                  "propertyNames": {"enum": list(CATEGORIES)},
                                  "additionalProperties": {"type": "array", "minItems": 1, "items": TEXT}}}}},
    "question": QUESTION,
}, required=["sites"], check=_check_question("question"))
def build_trackers(step, ctx):
    sites = [Site(s["nom"], s["adresse"], s.get("description", ""), s["revele"]) for s in step["sites"]]
    return TrackerSimulation(sites, step.get("consigne", ""), _question_widget(step.get("question"), ctx, "question"))


@step_type("mot_de_passe", {"consigne": {"type": "string"}}, exercise=False)
def build_password(step, ctx):
    return PasswordTool(step.get("consigne", ""))


@step_type("double_authentification", {
    "site": TEXT,
    "adresse": {"type": "string"},
    "appel": QUESTION,
}, required=["site"], check=_check_question("appel"))
def build_two_factor(step, ctx):
    login = TwoFactorLogin(step["site"], step.get("adresse", ""), exercise_id=ctx.exercise_id)
    call = _question_widget(step.get("appel"), ctx, "appel")
    return box([login, call] if call is not None else [login], "atelier-double-auth-etape")


@step_type("photo", {
    "consigne": {"type": "string"},
    "exemple": {"type": "string", "description": "le chemin d'une photo du dossier media"},
    "exemple_alt": {"type": "string"},
    "televersement": {"type": "boolean"},
}, exercise=False)
def build_photo(step, ctx):
    sample = None
    if step.get("exemple"):
        sample = (ctx.folder / step["exemple"]).resolve()
        if not sample.is_relative_to((ctx.folder / "media").resolve()) or not sample.is_file():
            sample = None
    return PhotoTool(sample, step.get("exemple_alt", ""), step.get("consigne", ""),
                     upload=step.get("televersement", True))


def _check_privacy(step):
    for i, pub in enumerate(step.get("publications", [])):
        if not pub.get("conseil"):
            return [(["publications", i, "conseil"], "il faut au moins un réglage conseillé.")]
    return []


SETTING = {"enum": list(SETTINGS)}


@step_type("confidentialite", {
    "consigne": {"type": "string"},
    "profil": TEXT,
    "publications": {"type": "array", "minItems": 1, "items": {
        "type": "object", "required": ["texte", "question", "reglage", "conseil"], "additionalProperties": False,
        "properties": {"texte": TEXT, "question": TEXT, "reglage": SETTING,
                       "conseil": {"type": "array", "minItems": 1, "uniqueItems": True, "items": SETTING},
                       "retour": {"type": "string"}}}},
    "explication": {"type": "string"},
}, required=["profil", "publications"], check=_check_privacy)
def build_privacy(step, ctx):
    pubs = [Publication(p["texte"], p["question"], p["reglage"], list(p["conseil"]), p.get("retour", ""))
            for p in step["publications"]]
    return PrivacySettings(step["profil"], pubs, step.get("explication", ""), step.get("consigne", ""),
                           exercise_id=ctx.exercise_id)


@step_type("lettre_rgpd", {
    "consigne": {"type": "string"},
    "organisme": {"type": "string"},
}, exercise=False)
def build_letter(step, ctx):
    return LetterTool(step.get("consigne", ""), step.get("organisme", ""))
