"""Step types that open a one-to-one tool inside an atelier."""
from __future__ import annotations

from widgets.steps.registry import builds
from widgets.tools.link_tool import LinkChecker


@builds("verificateur_lien")
def build_link_checker(step, ctx):
    return LinkChecker(step.get("consigne", ""), step.get("exemples"))
