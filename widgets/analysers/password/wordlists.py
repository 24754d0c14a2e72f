"""Load the project's one-item-per-line text lists from ``widgets/data``."""

from __future__ import annotations

from functools import lru_cache

from widgets.analysers.data_files import DATA_DIR


@lru_cache(maxsize=None)
def load_word_file(name: str) -> tuple[str, ...]:
    """Return the non-empty, non-comment lines of ``widgets/data/<name>``."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))
