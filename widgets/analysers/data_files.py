"""Where the analysers' data files are: the ``widgets/data`` folder shipped with the package."""
from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
