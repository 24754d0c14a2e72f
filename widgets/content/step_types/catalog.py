"""Every step type, imported by name, and the check of one step of a content file."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from widgets.content.pronunciation import KEY, pronunciation_problems, shown_texts
from widgets.content.step_types import (  # noqa: F401 (each declares its types)
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
from widgets.content.step_types.registry import REGISTRY, StepType
from widgets.content.validation import ContentError, describe_place, line_of, validate

#: The type of a step that does not say ``type``.
DEFAULT_TYPE = "texte"


def step_types() -> dict[str, StepType]:
    """Every declared step type, by its YAML word."""
    return REGISTRY


def check_step(step: Any, file: Path, node, path: list, root: Any, folder: Path) -> None:
    """Validate one step: its type, its schema, its own checks, its media files."""
    place = describe_place(path, root)
    if not isinstance(step, dict):
        raise ContentError(file, "une étape doit être un groupe de clés (titre, type…).", line_of(node, path), place)
    kind = step.get("type", DEFAULT_TYPE)
    if kind not in REGISTRY:
        raise ContentError(file, f"le type d'étape « {kind} » n'existe pas. Types possibles : "
                           + ", ".join(sorted(REGISTRY)) + ".", line_of(node, path + ["type"]), place)
    validate(step, REGISTRY[kind].schema, file, node, base_path=path, root=root)
    problems = REGISTRY[kind].check(step) if REGISTRY[kind].check else []
    if not problems and REGISTRY[kind].check_in_atelier and isinstance(root, dict):
        problems = REGISTRY[kind].check_in_atelier(step, root)
    problems += [([KEY, *sub], message) for sub, message in
                 pronunciation_problems(step.get(KEY), list(shown_texts(step)))]
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
