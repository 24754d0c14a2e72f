"""A validated step on screen: its text, its activity (built by its type's builder), its image."""
from __future__ import annotations

import ipywidgets as ipw

from widgets.content.markdown import esc, md
from widgets.content.step_types.catalog import DEFAULT_TYPE
from widgets.steps import (  # noqa: F401 (each registers its builders)
    attachments,
    browser,
    checks,
    core,
    data,
    mail,
    pages,
    procedures,
    sources,
    tools,
)
from widgets.steps.registry import BUILDERS, StepContext
from widgets.ui.controls import box, html_block
from widgets.ui.figures import figure_html
from widgets.ui.looks import set_shown

__all__ = ["StepContext", "build_step"]


def pronunciation_block(pairs: list[dict]) -> ipw.HTML:
    """The step's « prononciation » for the template's read-aloud script: hidden pairs (written, said)."""
    items = "".join(f'<span data-ecrit="{esc(p["ecrit"])}" data-dire="{esc(p["dire"])}"></span>' for p in pairs)
    block = html_block(f'<div hidden>{items}</div>', "atelier-prononciation")
    set_shown(block, False)
    return block


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
    if step.get("prononciation"):
        parts.append(pronunciation_block(step["prononciation"]))
    return box(parts, "atelier-etape", f"atelier-etape-{kind}")
