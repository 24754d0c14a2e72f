"""Step types of atelier 03 (personal data): trackers, password, two-factor, photo, privacy, GDPR letter."""
from __future__ import annotations

from widgets.components.choice import ChoiceExercise
from widgets.content.markdown import md
from widgets.simulations.privacy_settings import PrivacySettings, Publication
from widgets.simulations.trackers import Site, TrackerSimulation
from widgets.simulations.two_factor import TwoFactorLogin
from widgets.steps.core import options_from
from widgets.steps.registry import builds
from widgets.tools.letter_tool import LetterTool
from widgets.tools.password_tool import PasswordTool
from widgets.tools.photo_tool import PhotoTool
from widgets.ui.controls import box, html_block


def _question_widget(raw: dict | None, ctx, suffix: str):
    if not raw:
        return None
    exercise = ChoiceExercise(raw["question"], options_from(raw["options"]), raw.get("explication", ""),
                              exercise_id=f"{ctx.exercise_id}-{suffix}")
    if raw.get("texte"):
        return box([html_block(md(raw["texte"]), "atelier-texte"), exercise], "atelier-suite")
    return exercise


@builds("traceurs")
def build_trackers(step, ctx):
    sites = [Site(s["nom"], s["adresse"], s.get("description", ""), s["revele"]) for s in step["sites"]]
    return TrackerSimulation(sites, step.get("consigne", ""), _question_widget(step.get("question"), ctx, "question"))


@builds("mot_de_passe")
def build_password(step, ctx):
    return PasswordTool(step.get("consigne", ""))


@builds("double_authentification")
def build_two_factor(step, ctx):
    login = TwoFactorLogin(step["site"], step.get("adresse", ""), exercise_id=ctx.exercise_id)
    call = _question_widget(step.get("appel"), ctx, "appel")
    return box([login, call] if call is not None else [login], "atelier-double-auth-etape")


@builds("photo")
def build_photo(step, ctx):
    sample = None
    if step.get("exemple"):
        sample = (ctx.folder / step["exemple"]).resolve()
        if not sample.is_relative_to((ctx.folder / "media").resolve()) or not sample.is_file():
            sample = None
    return PhotoTool(sample, step.get("exemple_alt", ""), step.get("consigne", ""),
                     upload=step.get("televersement", True))


@builds("confidentialite")
def build_privacy(step, ctx):
    pubs = [Publication(p["texte"], p["question"], p["reglage"], list(p["conseil"]), p.get("retour", ""))
            for p in step["publications"]]
    return PrivacySettings(step["profil"], pubs, step.get("explication", ""), step.get("consigne", ""),
                           exercise_id=ctx.exercise_id)


@builds("lettre_rgpd")
def build_letter(step, ctx):
    return LetterTool(step.get("consigne", ""), step.get("organisme", ""))
