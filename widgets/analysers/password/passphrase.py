"""Random passphrases from the project's French word list (CNIL: 7 words)."""

from __future__ import annotations

import math
import random
import secrets

from widgets.analysers.password.wordlists import load_word_file

WORD_FILE = "mots_fr.txt"
MAX_WORDS = 20


def word_list() -> tuple[str, ...]:
    """The shipped French words (common, 3–9 letters, no accents)."""
    return load_word_file(WORD_FILE)


def passphrase_entropy_bits(words: int, list_size: int) -> float:
    """Entropy in bits of ``words`` words drawn uniformly from ``list_size``."""
    if words <= 0 or list_size <= 1:
        return 0.0
    return words * math.log2(list_size)


def generate_passphrase(
    words: int = 7, separator: str = "-", rng: random.Random | None = None
) -> str:
    """Draw ``words`` words at random (``secrets.SystemRandom`` by default).

    ``words`` is kept between 1 and 20; the separator is one visible
    character at most, so the result stays easy to type.
    """
    try:
        count = int(words)
    except (TypeError, ValueError):
        count = 7
    count = max(1, min(MAX_WORDS, count))
    sep = separator if isinstance(separator, str) else "-"
    sep = "".join(c for c in sep if c.isprintable())[:1]
    chooser = rng if rng is not None else secrets.SystemRandom()
    pool = word_list()
    return sep.join(chooser.choice(pool) for _ in range(count))
