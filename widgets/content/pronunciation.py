"""« prononciation »: what « Écouter » says instead of a text that reads badly aloud, checked in French.

In a step (or at the top of atelier.yaml, for every step)::

    prononciation:
      - ecrit: "amendes.gouv.fr"
        dire: "amendes point gouv point F R"

The schema (``widgets.content.step_types.registry.PRONUNCIATION``) checks the keys; this module checks
what a schema cannot: the written text is really shown by the step (copied as it is written), once, with
no Markdown marks, and there is something to say. The page puts the pairs beside the step
(``widgets.steps.build``) and the read-aloud script of the template says ``dire`` wherever it meets ``ecrit``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

KEY = "prononciation"
#: Keys whose text is never shown on the step (so it cannot be what is read).
NOT_SHOWN = {KEY, "sources", "id", "type", "en_direct", "fichier", "style", "presentation", "categorie", "genre"}
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_MARKDOWN = re.compile(r"\*\*|__|`|\[|\]\(")


def normalise(text: str) -> str:
    """Spaces of every kind (non-breaking, new lines) as one plain space."""
    return _SPACES.sub(" ", str(text)).strip()


def shown_texts(data: Any) -> Iterator[str]:
    """Every text of a step (or of a list of steps) that can be shown on screen."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_SHOWN:
                yield from shown_texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from shown_texts(value)


def pronunciation_problems(pairs: Any, texts: list[str], where: str = "cette étape") -> list[tuple[list, str]]:
    """[(path inside the list, French message)] for schema-valid ``pairs`` against the ``texts`` shown."""
    if not isinstance(pairs, list):
        return []
    shown = [normalise(t) for t in texts]
    problems: list[tuple[list, str]] = []
    seen: set[str] = set()
    for index, pair in enumerate(pairs):
        written, said = normalise(pair.get("ecrit", "")), normalise(pair.get("dire", ""))
        if _MARKDOWN.search(written):
            problems.append(([index, "ecrit"], f"« {written} » contient une mise en forme (« ** », « ` », un lien) : "
                                               "écrivez le texte tel qu'il s'affiche, sans elle."))
        elif not any(written in text for text in shown):
            problems.append(([index, "ecrit"], f"le texte « {written} » n'apparaît pas dans {where}. Copiez-le tel "
                                               "qu'il est écrit (mêmes majuscules, mêmes espaces, même ponctuation)."))
        elif written in seen:
            problems.append(([index, "ecrit"], f"le texte « {written} » est déjà dans la liste « prononciation » : "
                                               "gardez une seule façon de le dire."))
        elif not re.search(r"\w", said):
            problems.append(([index, "dire"], "« dire » doit contenir les mots à prononcer."))
        elif said == written:
            problems.append(([index, "dire"], f"« dire » est identique à « ecrit » (« {written} ») : écrivez ce "
                                              "qu'il faut prononcer, par exemple « amendes point gouv point F R »."))
        seen.add(written)
    return problems
