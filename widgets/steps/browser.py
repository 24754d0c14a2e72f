"""Step type « navigateur »: explore the parts of a browser window."""
from __future__ import annotations

from widgets.content.markdown import md
from widgets.simulations.browser import BrowserExplorer, Question
from widgets.steps.registry import builds


@builds("navigateur")
def build_browser(step, ctx):
    questions = [Question(q["consigne"], q["partie"], q.get("retour", "")) for q in step.get("questions", [])]
    return BrowserExplorer(step["adresse"], step["titre_onglet"], md(step.get("page", "")),
                           step.get("explications"), questions, step.get("consigne", ""), exercise_id=ctx.exercise_id)
