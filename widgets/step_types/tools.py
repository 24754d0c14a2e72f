"""Step types that open a one-to-one tool inside an atelier."""
from __future__ import annotations

from widgets.steps import step_type
from widgets.tools.link_tool import LinkChecker


@step_type("verificateur_lien", {
    "consigne": {"type": "string"},
    "exemples": {"type": "array", "items": {"type": "string", "minLength": 1}},
}, exercise=False)
def build_link_checker(step, ctx):
    return LinkChecker(step.get("consigne", ""), step.get("exemples"))
