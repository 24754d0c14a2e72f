"""Step types of atelier 05 « Faire une démarche en ligne »: FranceConnect, creating an account, a form,
help near the villages."""
from __future__ import annotations

from widgets.simulations.account_signup import AccountSignup
from widgets.simulations.franceconnect import (
    FranceConnectLogin,
    identity_from_content,
    provider_from_content,
)
from widgets.simulations.help_nearby import HelpNearby
from widgets.simulations.service_form import ServiceForm, field_from_content
from widgets.steps.registry import builds


@builds("franceconnect")
def build_franceconnect(step, ctx):
    return FranceConnectLogin(step["service"], step["adresse_service"], step["adresse_franceconnect"],
                              [provider_from_content(c) for c in step["comptes"]],
                              identity_from_content(step["identite"]), step.get("consigne", ""),
                              exercise_id=ctx.exercise_id)


@builds("creation_compte")
def build_account(step, ctx):
    sender = step["expediteur"]
    return AccountSignup(step["site"], step["adresse"], step["boite"], sender["nom"], sender["adresse"],
                         step.get("validite_minutes", 10), step.get("dans_les_spams", True),
                         step.get("consigne", ""), exercise_id=ctx.exercise_id)


@builds("formulaire")
def build_form(step, ctx):
    return ServiceForm(step["adresse"], step["site"], step["titre_page"],
                       [field_from_content(f) for f in step["champs"]], step.get("introduction", ""),
                       step.get("consigne", ""), exercise_id=ctx.exercise_id)


@builds("aide_proximite")
def build_help(step, ctx):
    return HelpNearby(step.get("consigne", ""))
