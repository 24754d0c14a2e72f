"""The national references an atelier declares: PIX competences, CRA themes, levels (``data/referentiels.yaml``)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def referentials() -> dict:
    """PIX competences, CRA themes and levels (``data/referentiels.yaml``)."""
    return yaml.safe_load((DATA / "referentiels.yaml").read_text(encoding="utf-8"))
