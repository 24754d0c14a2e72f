"""An atelier's content file: loaded, fully validated (each step by its type), kept until it changes."""
from __future__ import annotations

import copy
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from widgets.content.names import CONTENT_FILE, NOTEBOOK_FILE
from widgets.content.referentials import referentials
from widgets.content.step_types.registry import PRONUNCIATION, SOURCES
from widgets.content.validation import (
    ContentError,
    describe_place,
    line_of,
    read_text,
    read_yaml,
    validate,
)

#: Digests of the content files the server has fully validated. A participant's kernel inherits the
#: server's environment: it skips validating again a file that has not changed since (a changed file
#: has another digest and is validated in full, with its French errors).
VALIDATED_ENV = "ATELIERS_CONTENUS_VALIDES"


def _atelier_schema() -> dict:
    refs = referentials()
    return {
        "type": "object",
        "required": ["titre", "resume", "duree", "niveau", "objectifs", "competences_pix", "themes_cra", "etapes"],
        "additionalProperties": False,
        "properties": {
            "titre": {"type": "string", "minLength": 1, "maxLength": 80},
            "resume": {"type": "string", "minLength": 1, "maxLength": 200},
            "ordre": {"type": "integer", "minimum": 0},
            "duree": {"type": "integer", "minimum": 5, "maximum": 240},
            "niveau": {"enum": refs["niveaux"]},
            "public": {"type": "string"},
            "prerequis": {"type": "string"},
            "tablette": {"type": "boolean"},
            "objectifs": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
            "competences_pix": {"type": "array", "minItems": 1, "uniqueItems": True,
                                "items": {"enum": list(refs["competences_pix"])}},
            "themes_cra": {"type": "array", "minItems": 1, "uniqueItems": True,
                           "items": {"enum": list(refs["themes_cra"])}},
            "etapes": {"type": "array", "minItems": 1, "items": {"type": "object"}},
            "sources": SOURCES,
            "prononciation": PRONUNCIATION,
        },
    }


@dataclass
class Atelier:
    """An atelier as declared in its content file (validated)."""

    folder: Path
    title: str
    summary: str
    minutes: int
    level: str
    objectives: list[str]
    pix: list[str]
    cra_themes: list[str]
    steps: list[dict]
    order: int = 99
    extra: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.folder.name

    @property
    def notebook(self) -> Path:
        return self.folder / NOTEBOOK_FILE


#: Validated ateliers by folder, with the (mtime, size) of their file: the server's pages (landing,
#: animateur board polled twice a second) must not validate every file again on each request.
_loaded: dict[Path, tuple[tuple[int, int], "Atelier"]] = {}


def load_atelier(folder: Path | str) -> Atelier:
    """Load and fully validate ``folder/atelier.yaml`` (each step against its type's schema).

    The validated result is kept until the file changes (each caller gets its own copy).
    """
    folder = Path(os.path.abspath(folder))  # "." must give the folder's name as id (links are kept)
    file = folder / CONTENT_FILE
    try:
        stat = file.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    cached = _loaded.get(folder)
    if stamp is not None and cached is not None and cached[0] == stamp:
        return copy.deepcopy(cached[1])  # callers may change their copy
    atelier = _load_atelier(folder, file)
    if stamp is not None:
        _loaded[folder] = (stamp, copy.deepcopy(atelier))
    return atelier


def content_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _remember_validated(digest: str) -> None:
    known = os.environ.get(VALIDATED_ENV, "").split()
    if digest not in known:
        os.environ[VALIDATED_ENV] = " ".join([*known, digest][-64:])


def _load_atelier(folder: Path, file: Path) -> Atelier:
    text = read_text(file)
    digest = content_digest(text)
    if digest in os.environ.get(VALIDATED_ENV, "").split():
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # validated as it is
    else:
        data = _validated(folder, file, text)
        _remember_validated(digest)
    return Atelier(
        folder=folder,
        title=data["titre"],
        summary=data["resume"],
        minutes=data["duree"],
        level=data["niveau"],
        objectives=data["objectifs"],
        pix=data["competences_pix"],
        cra_themes=data["themes_cra"],
        steps=data["etapes"],
        order=data.get("ordre", 99),
        extra={k: data[k] for k in ("public", "prerequis", "tablette", "sources", "prononciation") if k in data},
    )


def _validated(folder: Path, file: Path, text: str) -> dict:
    """The data of ``text``, once fully validated (its French error otherwise)."""
    from widgets.content.pronunciation import pronunciation_problems, shown_texts
    from widgets.content.step_types.catalog import (
        check_step,  # the step schemas: only when validating
    )

    data, node = read_yaml(file, text)
    if data is None:
        raise ContentError(file, "le fichier est vide.")
    validate(data, _atelier_schema(), file, node)
    for index, step in enumerate(data["etapes"]):
        check_step(step, file, node, ["etapes", index], data, folder)
    for sub, message in pronunciation_problems(data.get("prononciation"), list(shown_texts(data["etapes"])),
                                               "les étapes de l'atelier"):
        path = ["prononciation", *sub]
        raise ContentError(file, message, line_of(node, path), describe_place(path, data))
    return data


def list_ateliers(root: Path | str) -> tuple[list[Atelier], list[ContentError]]:
    """Every atelier below ``root`` (folders holding ``atelier.yaml``), sorted, and the errors found."""
    ateliers, errors = [], []
    for file in sorted(Path(root).glob(f"*/{CONTENT_FILE}")):
        try:
            ateliers.append(load_atelier(file.parent))
        except ContentError as exc:
            errors.append(exc)
    ateliers.sort(key=lambda a: (a.order, a.id))
    return ateliers, errors
