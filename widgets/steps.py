"""The registry of step types: each type declares its content schema, its checks and its builder.

A step type is registered with ``@step_type("name", properties={...}, required=[...])`` in a module
of ``widgets/step_types/`` (every module there is loaded). Keys common to all steps: ``type``,
``titre``, ``duree`` (minutes), ``texte`` (Markdown shown first), ``image``, ``id``, ``en_direct``.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import ipywidgets as widgets

from widgets.content import ContentError, describe_place, line_of, validate

COMMON_PROPERTIES = {
    "type": {"type": "string"},
    "titre": {"type": "string", "minLength": 1, "maxLength": 90},
    "duree": {"type": "integer", "minimum": 0, "maximum": 90},
    "texte": {"type": "string"},
    "image": {
        "type": "object",
        "required": ["fichier", "alt"],
        "additionalProperties": False,
        "properties": {"fichier": {"type": "string", "minLength": 1},
                       "alt": {"type": "string", "minLength": 1},
                       "legende": {"type": "string"}},
    },
    "id": {"type": "string", "pattern": "^[a-z0-9_-]{1,40}$",
           "description": "l'identifiant ne doit contenir que des lettres minuscules sans accent, des chiffres, « - » ou « _ »."},
    "en_direct": {"type": "boolean"},
}


@dataclass
class StepContext:
    """What a builder may need besides the step's own content."""

    folder: Path
    atelier_id: str
    index: int

    @property
    def exercise_id(self) -> str:
        return f"{self.atelier_id}/{self.index + 1}"


@dataclass
class StepType:
    name: str
    schema: dict
    build: Callable[[dict, StepContext], widgets.Widget]
    check: Callable[[dict], list[tuple[list, str]]] | None = None
    exercise: bool = True


REGISTRY: dict[str, StepType] = {}


def step_type(name: str, properties: dict | None = None, required: list[str] | tuple = (),
              check: Callable | None = None, exercise: bool = True):
    """Register the decorated builder ``build(step, ctx) -> Widget`` for ``type: name``."""

    def decorate(build):
        schema = {
            "type": "object",
            "required": ["titre", *required],
            "additionalProperties": False,
            "properties": {**COMMON_PROPERTIES, **(properties or {})},
        }
        REGISTRY[name] = StepType(name, schema, build, check, exercise)
        return build

    return decorate


def load_step_types() -> dict[str, StepType]:
    """Import every module of ``widgets.step_types`` (each registers its types) once."""
    import widgets.step_types as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    return REGISTRY


def check_step(step: Any, file: Path, node, path: list, root: Any, folder: Path) -> None:
    """Validate one step: its type, its schema, its own checks, its media files."""
    types = load_step_types()
    place = describe_place(path, root)
    if not isinstance(step, dict):
        raise ContentError(file, "une étape doit être un groupe de clés (titre, type…).", line_of(node, path), place)
    kind = step.get("type", "texte")
    if kind not in types:
        raise ContentError(file, f"le type d'étape « {kind} » n'existe pas. Types possibles : "
                           + ", ".join(sorted(types)) + ".", line_of(node, path + ["type"]), place)
    validate(step, types[kind].schema, file, node, base_path=path, root=root)
    problems = types[kind].check(step) if types[kind].check else []
    image = step.get("image")
    if image:
        media = (folder / image["fichier"]).resolve()
        if not media.is_relative_to((folder / "media").resolve()) or not media.is_file():
            problems.append((["image", "fichier"], f"l'image « {image['fichier']} » est introuvable "
                                                   "(elle doit être dans le dossier media de l'atelier)."))
    if problems:
        sub, message = problems[0]
        full = path + list(sub)
        raise ContentError(file, message, line_of(node, full), describe_place(full, root))


def build_step(step: dict, ctx: StepContext) -> widgets.Widget:
    """The widget of a validated step: its text, its image, then its activity."""
    from widgets.media import figure_html
    from widgets.ui import box, html_block, md

    kind = step.get("type", "texte")
    parts = []
    if step.get("texte") and kind != "texte":
        parts.append(html_block(md(step["texte"]), "atelier-texte"))
    activity = load_step_types()[kind].build(step, ctx)
    if activity is not None:
        parts.append(activity)
    if step.get("image"):
        parts.append(html_block(figure_html(ctx.folder / step["image"]["fichier"], step["image"]["alt"],
                                            step["image"].get("legende", "")), "atelier-figure"))
    return box(parts, "atelier-etape", f"atelier-etape-{kind}")
