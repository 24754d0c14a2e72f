"""Where things are: the project's Jupyter data (the Voilà template) and the ateliers folder."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
SHARE = PACKAGE / "share" / "jupyter"
TEMPLATE = "atelier"
TEMPLATE_DIR = SHARE / "voila" / "templates" / TEMPLATE


def use_project_template() -> None:
    """Put the project's ``share/jupyter`` first in ``JUPYTER_PATH`` (Voilà finds its template there)."""
    current = os.environ.get("JUPYTER_PATH", "")
    parts = [p for p in current.split(os.pathsep) if p]
    if str(SHARE) not in parts:
        os.environ["JUPYTER_PATH"] = os.pathsep.join([str(SHARE), *parts])


def default_root() -> Path:
    """The ``ateliers/`` folder: in the current folder if there is one, else beside the package."""
    here = Path.cwd() / "ateliers"
    if here.is_dir():
        return here
    return PACKAGE.parent / "ateliers"
