"""Scam vocabulary (urgency, threats, money, card, codes…) found in the subject and body text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from widgets.analysers.alerts import Alert
from widgets.analysers.data_files import DATA_DIR
from widgets.analysers.mail.alert_table import alert
from widgets.analysers.mail.sender import normalise

MAX_SCANNED_CHARS = 200_000
_SENTENCE_END = re.compile(r"[.!?;]+|\n\s*\n")


@dataclass(frozen=True)
class WordCategory:
    """One category of scam words from widgets/data/mots_arnaque.yaml."""

    key: str
    code: str
    explanation: str
    patterns: tuple[tuple[str, re.Pattern], ...]  # (expression as written, pattern)


@lru_cache(maxsize=1)
def load_categories() -> tuple[tuple[WordCategory, ...], tuple[str, ...]]:
    """Load the categories and the negation words from the YAML data file."""
    text = (DATA_DIR / "mots_arnaque.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    categories = []
    for key, entry in (data.get("categories") or {}).items():
        patterns = []
        for expression in entry.get("expressions") or []:
            words = normalise(str(expression))
            if words:
                shown = " ".join(str(expression).split())
                patterns.append((shown, re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")))
        categories.append(WordCategory(str(key), str(entry["code"]),
                                       " ".join(str(entry.get("explication", "")).split()),
                                       tuple(patterns)))
    negations = tuple(normalise(str(word)) for word in data.get("negations") or [])
    return tuple(categories), negations


def find_scam_words(text: str) -> list[tuple[WordCategory, tuple[str, ...]]]:
    """Return each category found in the text with the expressions seen (negated sentences skipped)."""
    categories, negations = load_categories()
    sentences = [normalise(chunk) for chunk in _SENTENCE_END.split(text[:MAX_SCANNED_CHARS])]
    sentences = [s for s in sentences if s and not any(
        re.search(r"(?<!\w)" + re.escape(neg) + r"(?!\w)", s) for neg in negations if neg)]
    found = []
    for category in categories:
        seen = []
        for words, pattern in category.patterns:
            if any(pattern.search(sentence) for sentence in sentences):
                seen.append(words)
        if seen:
            found.append((category, tuple(seen)))
    return found


def scam_word_alerts(text: str, with_bad_link: bool) -> list[Alert]:
    """One alert per category found; danger instead of attention when a look-alike link is present."""
    alerts = []
    for category, seen in find_scam_words(text):
        quoted = ", ".join(f"« {word} »" for word in seen[:4])
        # One code, two levels: scam words next to a misleading link are a danger, not a doubt.
        alerts.append(alert(category.code, "with_bad_link" if with_bad_link else "alone",
                            level="danger" if with_bad_link else None,
                            explanation=category.explanation, words=quoted))
    return alerts
