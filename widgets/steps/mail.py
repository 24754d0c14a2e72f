"""Step types of atelier 02 (e-mail and scams): inbox, anatomy of a message, writing a message, e-mail checker."""
from __future__ import annotations

from widgets.simulations.compose import ComposeExercise
from widgets.simulations.inbox import InboxExercise, message_from_content
from widgets.simulations.mail_anatomy import MailAnatomy, Question
from widgets.steps.registry import builds
from widgets.tools.mail_tool import MailChecker, example_files


@builds("boite_reception")
def build_inbox(step, ctx):
    messages = [message_from_content(m) for m in step["messages"]]
    return InboxExercise(step["consigne"], messages, step.get("vue", "ordinateur"), exercise_id=ctx.exercise_id)


@builds("anatomie_courriel")
def build_anatomy(step, ctx):
    values = {k: v for k, v in step["message"].items() if k != "texte"}
    questions = [Question(q["consigne"], q["partie"], q.get("retour", "")) for q in step["questions"]]
    return MailAnatomy(values, step["message"]["texte"], questions, step.get("consigne", ""),
                       exercise_id=ctx.exercise_id)


@builds("rediger_courriel")
def build_compose(step, ctx):
    return ComposeExercise(step["consigne"], step["destinataire"], step.get("copie_cachee"), step.get("fichier", ""),
                           exercise_id=ctx.exercise_id)


@builds("verificateur_courriel")
def build_mail_checker(step, ctx):
    folder = ctx.folder / "exemples"
    available = {p.name: p for p in example_files(folder)}
    examples = [(ex["titre"], available[ex["fichier"]]) for ex in step.get("exemples", []) if ex["fichier"] in available]
    return MailChecker(step.get("consigne", ""), examples)
