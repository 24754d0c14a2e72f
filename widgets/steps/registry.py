"""Where a YAML word meets its component: ``@builds("choix")`` registers the builder of a step type.

The word itself (its schema and checks) is declared in ``widgets.content.step_types``; a builder
receives the validated step and a ``StepContext`` and returns the step's widget.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import ipywidgets as ipw

from widgets.content.names import exercise_id


@dataclass
class StepContext:
    """What a builder may need besides the step's own content."""

    folder: Path
    atelier_id: str
    index: int
    shared: dict = field(default_factory=dict)  # one per page: what its steps share (the check's results)

    @property
    def exercise_id(self) -> str:
        return exercise_id(self.atelier_id, self.index)


Builder = Callable[[dict, StepContext], "ipw.Widget | None"]
BUILDERS: dict[str, Builder] = {}


def builds(name: str):
    """Register the decorated ``build(step, ctx) -> Widget`` for ``type: name``."""

    def decorate(build: Builder) -> Builder:
        BUILDERS[name] = build
        return build

    return decorate
