"""Step types that open a one-to-one tool inside an atelier."""
from __future__ import annotations

from widgets.content.step_types.registry import step_type

step_type("verificateur_lien", {
    "consigne": {"type": "string"},
    "exemples": {"type": "array", "items": {"type": "string", "minLength": 1}},
}, exercise=False)
