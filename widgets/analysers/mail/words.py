"""Scam vocabulary (urgency, threats, money, card, codes…) found in the subject and body text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from widgets.analysers.alerts import Alert
from widgets.analysers.data_files import DataFileError, parse_dated, read_yaml
from widgets.analysers.mail.alert_table import alert
from widgets.analysers.mail.sender import normalise

WORDS_FILE = "mots_arnaque.yaml"
MAX_SCANNED_CHARS = 200_000
_SENTENCE_END = re.compile(r"[.!?;]+|\n\s*\n")


@dataclass(frozen=True)
class Expression:
    """One scam expression: as written, its French meaning if it is English, an added note.

    ``words`` is the expression normalised (lowercase, no accents, one space between words):
    it is looked for, between spaces, in sentences normalised the same way.
    """

    shown: str
    words: str
    meaning: str = ""
    note: str = ""

    @property
    def needle(self) -> str:
        return f" {self.words} "

    def quoted(self) -> str:
        """« account suspended » (en anglais : « compte suspendu »), or « urgent »."""
        if self.meaning:
            return f"« {self.shown} » (en anglais : « {self.meaning} »)"
        return f"« {self.shown} »"


@dataclass(frozen=True)
class WordCategory:
    """One category of scam words from widgets/data/mots_arnaque.yaml."""

    key: str
    code: str
    explanation: str
    expressions: tuple[Expression, ...]

    @property
    def patterns(self) -> tuple[tuple[str, re.Pattern], ...]:
        """(expression as written, pattern) of each expression."""
        return tuple((item.shown, re.compile(r"(?<!\w)" + re.escape(item.words) + r"(?!\w)"))
                     for item in self.expressions)


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _expression(item: object, name: str, key: str) -> Expression | None:
    """One item of « expressions »: a string, or a mapping texte / anglais / note."""
    if isinstance(item, dict):
        shown, meaning, note = _text(item.get("texte")), _text(item.get("anglais")), _text(item.get("note"))
        unknown = set(item) - {"texte", "anglais", "note"}
        if not shown or unknown:
            raise DataFileError(
                f"Le fichier de données « {name} » a une erreur dans la catégorie « {key} » : "
                "une expression écrite en plusieurs lignes doit avoir « texte: » (et, si besoin, "
                "« anglais: » ou « note: »)."
            )
    elif isinstance(item, (str, int, float)):
        shown, meaning, note = _text(str(item)), "", ""
    else:
        raise DataFileError(
            f"Le fichier de données « {name} » a une erreur dans la catégorie « {key} » : "
            "une expression doit être un mot ou une phrase."
        )
    words = normalise(shown)
    if not words:
        return None
    return Expression(shown, words, meaning, note)


def parse_categories(data: object, name: str = WORDS_FILE
                     ) -> tuple[tuple[WordCategory, ...], tuple[str, ...]]:
    """Validate the parsed YAML of ``mots_arnaque.yaml``: the categories and the negation words."""
    parse_dated(data, name)
    entries = data.get("categories")
    if not isinstance(entries, dict) or not entries:
        raise DataFileError(
            f"Le fichier de données « {name} » doit contenir « categories: » (urgence, menace…)."
        )
    categories = []
    for key, entry in entries.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str) \
                or not isinstance(entry.get("expressions"), list):
            raise DataFileError(
                f"Le fichier de données « {name} » a une erreur dans la catégorie « {key} » : "
                "il faut « code », « explication » et « expressions »."
            )
        expressions = [_expression(item, name, str(key)) for item in entry["expressions"]]
        categories.append(WordCategory(str(key), entry["code"], _text(entry.get("explication")),
                                       tuple(item for item in expressions if item is not None)))
    negations = data.get("negations") or []
    if not isinstance(negations, list):
        raise DataFileError(
            f"Le fichier de données « {name} » a une erreur : « negations » doit être une liste de mots."
        )
    return tuple(categories), tuple(normalise(str(word)) for word in negations if str(word).strip())


@lru_cache(maxsize=1)
def load_categories() -> tuple[tuple[WordCategory, ...], tuple[str, ...]]:
    """Load the categories and the negation words from the YAML data file."""
    return parse_categories(read_yaml(WORDS_FILE))


def find_scam_words(text: str) -> list[tuple[WordCategory, tuple[Expression, ...]]]:
    """Return each category found in the text with the expressions seen (negated sentences skipped).

    Letters hidden among invisible characters or written in another alphabet are revealed
    first (``normalise``): « urgent » with a zero-width space inside, or with a Cyrillic « е »,
    counts as « urgent »."""
    categories, negations = load_categories()
    # Normalised text is words separated by single spaces: a phrase is found, between spaces,
    # in the sentence padded with spaces (the same as a regex with word boundaries, but fast).
    sentences = [f" {normalise(chunk)} " for chunk in _SENTENCE_END.split(text[:MAX_SCANNED_CHARS])]
    sentences = [s for s in sentences if s.strip() and not any(
        f" {neg} " in s for neg in negations if neg)]
    kept = "|".join(sentences)  # « | » is never in a normalised phrase: no match across sentences
    found = []
    for category in categories:
        seen = [item for item in category.expressions if item.needle in kept]
        if seen:
            found.append((category, tuple(seen)))
    return found


def scam_word_alerts(text: str, with_bad_link: bool) -> list[Alert]:
    """One alert per category found; danger instead of attention when a look-alike link is present."""
    alerts = []
    for category, seen in find_scam_words(text):
        quoted = ", ".join(item.quoted() for item in seen[:4])
        notes = list(dict.fromkeys(item.note for item in seen if item.note))
        explanation = " ".join([category.explanation, *notes])
        # One code, two levels: scam words next to a misleading link are a danger, not a doubt.
        alerts.append(alert(category.code, "with_bad_link" if with_bad_link else "alone",
                            level="danger" if with_bad_link else None,
                            explanation=explanation, words=quoted))
    return alerts
