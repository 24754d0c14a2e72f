"""A validated step on screen: its text, its activity (built by its type's builder), its image."""
from __future__ import annotations

import ipywidgets as ipw

from widgets.content.markdown import md
from widgets.content.step_types.catalog import DEFAULT_TYPE
from widgets.steps import browser, core, data, mail, pages, sources, tools  # noqa: F401 (each registers its builders)
from widgets.steps.registry import BUILDERS, StepContext
from widgets.ui.controls import box, html_block
from widgets.ui.figures import figure_html

__all__ = ["StepContext", "build_step"]


def build_step(step: dict, ctx: StepContext) -> ipw.Widget:
    """The widget of a validated step: its text, its image, then its activity."""
    kind = step.get("type", DEFAULT_TYPE)
    parts = []
    if step.get("texte") and kind != "texte":
        parts.append(html_block(md(step["texte"]), "atelier-texte"))
    activity = BUILDERS[kind](step, ctx)
    if activity is not None:
        parts.append(activity)
    if step.get("image"):
        parts.append(html_block(figure_html(ctx.folder / step["image"]["fichier"], step["image"]["alt"],
                                            step["image"].get("legende", "")), "atelier-figure"))
    return box(parts, "atelier-etape", f"atelier-etape-{kind}")
