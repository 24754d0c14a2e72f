"""A step-by-step path: « Étape 2 sur 7 », Précédent / Suivant, only the current step shown."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import ipywidgets as ipw

from widgets.components.exercise import exercises_in
from widgets.content.markdown import esc
from widgets.ui.controls import box, button, html_block, safe_callback
from widgets.ui.looks import looks


@dataclass
class Step:
    """A titled screen, built only when first shown (then kept, so answers are not lost)."""

    title: str
    build: Callable[[], ipw.Widget]
    minutes: int = 0
    _widget: ipw.Widget | None = field(default=None, repr=False)

    def widget(self) -> ipw.Widget:
        if self._widget is None:
            self._widget = self.build()
        return self._widget


class StepPath(ipw.VBox):
    """Shows one step at a time with a progress header and big navigation buttons."""

    def __init__(self, title: str, steps: list[Step]):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-parcours")
        self.title = title
        self.steps = list(steps)
        self.index = 0
        self.header = html_block("", "atelier-parcours-entete")
        self.body = box([], "atelier-parcours-corps")
        self.previous_button = button("← Précédent", "atelier-precedent")
        self.next_button = button("Suivant →", "atelier-suivant")
        self.previous_button.on_click(self._on_previous)
        self.next_button.on_click(self._on_next)
        self.nav = box([self.previous_button, self.next_button], "atelier-parcours-navigation", row=True)
        self.children = [self.header, self.body, self.nav]
        self._listeners: list[Callable[[int], None]] = []
        self.seed: str | None = None  # the participant's order of options (``personalise``)
        self.go(0)

    def on_step(self, listener: Callable[[int], None]) -> None:
        """Call ``listener(index)`` each time the shown step changes."""
        self._listeners.append(listener)

    def personalise(self, seed: str | None) -> None:
        """Show every exercise as participant ``seed`` sees it (options in their own order): those
        already built now, the others when they are built. Answers keep their content indexes."""
        self.seed = seed
        for step in self.steps:
            if step._widget is not None:
                self._personalise(step._widget)
            elif not getattr(step.build, "personalised", False):
                step.build = self._personalised(step.build)

    def _personalised(self, build: Callable[[], ipw.Widget]) -> Callable[[], ipw.Widget]:
        def personalised_build():
            widget = build()
            self._personalise(widget)
            return widget

        personalised_build.personalised = True
        return personalised_build

    def _personalise(self, widget: ipw.Widget) -> None:
        for exercise in exercises_in(widget):
            try:
                exercise.personalise(self.seed)
            except Exception:  # noqa: BLE001 - the content order is still a working page
                pass

    def show_error(self, message: str) -> None:
        self.header.value = f'<p class="atelier-erreur" role="alert">{esc(message)}</p>' + self.header.value

    def go(self, index: int) -> None:
        """Show step ``index`` (clamped to the path)."""
        if not self.steps:
            self.header.value = "<p>Cet atelier n'a pas encore d'étape.</p>"
            self.previous_button.disabled = self.next_button.disabled = True
            return
        self.index = max(0, min(int(index), len(self.steps) - 1))
        step = self.steps[self.index]
        n = len(self.steps)
        self.header.value = (
            f'<p class="etape-numero">Étape {self.index + 1} sur {n}</p>'
            f'<progress class="etape-progression" max="{n}" value="{self.index + 1}" '
            f'aria-label="Progression : étape {self.index + 1} sur {n}"></progress>'
            f'<h2 class="etape-titre" tabindex="-1">{esc(step.title)}</h2>'
        )
        self.body.children = [step.widget()]
        self.previous_button.disabled = self.index == 0
        last = self.index == n - 1
        self.next_button.disabled = last
        self.next_button.description = "Fin de l'atelier" if last else "Suivant →"
        for listener in list(self._listeners):
            try:
                listener(self.index)
            except Exception:  # noqa: BLE001
                pass

    @safe_callback()
    def _on_next(self, _button=None) -> None:
        self.go(self.index + 1)

    @safe_callback()
    def _on_previous(self, _button=None) -> None:
        self.go(self.index - 1)

    def summary(self) -> str:
        """A plain-text outline (for tests and the facilitator)."""
        return "\n".join(f"{i + 1}. {s.title}" for i, s in enumerate(self.steps))

    def __repr__(self) -> str:
        return f"Parcours « {self.title} » : {len(self.steps)} étapes"
