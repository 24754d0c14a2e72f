"""An atelier on screen: its content file turned into a step-by-step path."""
from __future__ import annotations

from pathlib import Path

import ipywidgets as ipw

from widgets.components.step_path import Step, StepPath
from widgets.content.atelier import load_atelier
from widgets.content.markdown import esc, md
from widgets.content.validation import ContentError
from widgets.steps.build import StepContext, build_step
from widgets.ui.controls import html_block
from widgets.ui.looks import looks


def build_workshop(folder: Path | str = ".") -> StepPath:
    """The ``StepPath`` of the atelier in ``folder`` (its content is validated first)."""
    atelier = load_atelier(folder)
    steps = []
    everywhere = atelier.extra.get("prononciation", [])  # what to say instead, for every step
    shared: dict = {}  # what the steps of this page share (the before/after check's results)
    for index, raw in enumerate(atelier.steps):
        ctx = StepContext(folder=atelier.folder, atelier_id=atelier.id, index=index, shared=shared)
        if everywhere:
            raw = {**raw, "prononciation": [*raw.get("prononciation", []), *everywhere]}
        steps.append(Step(raw["titre"], (lambda raw=raw, ctx=ctx: build_step(raw, ctx)), raw.get("duree", 0)))
    path = StepPath(atelier.title, steps)
    path.atelier = atelier
    return path


def introduction_html(atelier) -> str:
    """The atelier's header: title, duration, what you will learn."""
    goals = "".join(f"<li>{md(o)}</li>" for o in atelier.objectives)
    return (f'<header class="atelier-entete"><h1>{esc(atelier.title)}</h1>'
            f'<p class="atelier-duree">Durée : environ {atelier.minutes} minutes · Niveau : {esc(atelier.level)}</p>'
            f'<details class="atelier-objectifs"><summary>Ce que vous allez apprendre</summary><ul>{goals}</ul></details>'
            f'</header>')


class WorkshopPage(ipw.VBox):
    """The page of an atelier: its header, then its path (or the French error of its content)."""

    def __init__(self, folder: Path | str = "."):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-page")
        self.error: ContentError | None = None
        self.path: StepPath | None = None
        try:
            self.path = build_workshop(folder)
        except ContentError as exc:
            self.error = exc
            self.children = [html_block(
                '<div class="atelier-erreur" role="alert"><h1>Cet atelier ne peut pas s\'afficher</h1>'
                f'<p>Le fichier de contenu contient une erreur :</p><p>{esc(exc)}</p>'
                '<p>Corrigez-la, puis rechargez la page.</p></div>')]
            return
        self.children = [html_block(introduction_html(self.path.atelier)), self.path]

    def personalise(self, seed: str | None) -> None:
        """Show the options of the questions in participant ``seed``'s own order (the same after a
        reload), for the steps already built and those built later. Without a seed (nbval, pytest):
        the content order. What the board receives stays the content index of each option."""
        if self.path is not None:
            self.path.personalise(seed)

    def __repr__(self) -> str:
        if self.error is not None:
            return f"Atelier impossible à afficher : {self.error}"
        return f"Atelier « {self.path.title} » : {len(self.path.steps)} étapes"
