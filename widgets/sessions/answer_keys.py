"""What the projected board shows of an exercise, derived from the validated content file.

For each step type that the room can answer, the labels of its choices (as ``widgets.content.answers``
names them), the right choices, the right answer in words and the explanation. The server and the
participants' kernels read them here: nothing of the kind is ever taken from what a kernel wrote.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from widgets.content.answers import (
    COMPLETE,
    GENUINE,
    SCAM,
    TRUE_FALSE,
    message_choice,
    options_choice,
    statement_choice,
)
from widgets.content.markdown import md
from widgets.content.step_types.catalog import DEFAULT_TYPE


@dataclass(frozen=True)
class AnswerKey:
    """The board's view of one exercise (labels and right choices are anonymous choice identifiers)."""

    question: str = ""  # HTML of the exercise's prompt
    labels: dict[str, str] = field(default_factory=dict)
    right: tuple[str, ...] = ()
    explanation: str = ""  # Markdown

    def label(self, choice: str) -> str:
        """A readable label for a reported choice (several options are joined with « + »)."""
        if choice in self.labels:
            return self.labels[choice]
        parts = choice.split(",")
        if len(parts) > 1 and all(p in self.labels for p in parts):
            return " + ".join(self.labels[p] for p in parts)
        return f"Autre réponse ({choice[:40]})"

    @property
    def right_words(self) -> str:
        """The right answer in words (« » when the exercise has no single right choice to name)."""
        words = []
        for choice in self.right:
            words.append(self.labels[choice] if choice in self.labels
                         else " + ".join(self.labels.get(p, p) for p in choice.split(",")))
        return " ; ".join(words)


def _options(step: dict, prompt: str, options: list[dict], explanation: str | None = None) -> AnswerKey:
    labels = {options_choice([i]): o["texte"] if "texte" in o else o["titre"] for i, o in enumerate(options)}
    correct = [i for i, o in enumerate(options) if o.get("correct")]
    right = (options_choice(correct),) if step.get("plusieurs") else tuple(options_choice([i]) for i in correct)
    return AnswerKey(md(prompt), labels, tuple(sorted(right)),
                     step.get("explication", "") if explanation is None else explanation)


def _choice(step: dict) -> AnswerKey:
    return _options(step, step["question"], step["options"])


def _buttons(step: dict) -> AnswerKey:
    return _options(step, step["question"], step["boutons"])


def _search(step: dict) -> AnswerKey:
    return _options(step, step["question"], step["resultats"])


def _chart(step: dict) -> AnswerKey:
    from widgets.charts.cache import (
        cached_chart,  # the charts drawn at launch, read from disk
    )

    letters = "ABC"
    why = "\n\n".join(f"**Graphique {letters[i]}** : {cached_chart(k).explanation}"
                      for i, k in enumerate(step["graphiques"]))
    return _options(step, step["question"], step["options"],
                    "\n\n".join(t for t in (step.get("explication", ""), why) if t))


def _true_false(step: dict) -> AnswerKey:
    options = [{"texte": TRUE_FALSE[True], "correct": step["reponse"] is True},
               {"texte": TRUE_FALSE[False], "correct": step["reponse"] is False}]
    return _options(step, step["affirmation"], options)


def _series(step: dict) -> AnswerKey:
    statements = step["affirmations"]
    labels = {statement_choice(i, answer): f"{i + 1}. {word}"
              for i in range(len(statements)) for answer, word in TRUE_FALSE.items()}
    right = tuple(sorted(statement_choice(i, s["reponse"]) for i, s in enumerate(statements)))
    return AnswerKey(md(step.get("consigne", "")), labels, right)


def _spot(step: dict) -> AnswerKey:
    right = options_choice(i for i, p in enumerate(step["morceaux"]) if p.get("suspect"))
    return AnswerKey(md(step["consigne"]), right=(right,), explanation=step.get("explication", ""))


def _parts(step: dict) -> AnswerKey:
    return AnswerKey(md(step.get("consigne", "")), right=tuple(sorted({q["partie"] for q in step.get("questions", [])})))


def _inbox(step: dict) -> AnswerKey:
    right = tuple(sorted(message_choice(i, SCAM if m["arnaque"] else GENUINE) for i, m in enumerate(step["messages"])))
    return AnswerKey(md(step["consigne"]), right=right)


def _compose(step: dict) -> AnswerKey:
    return AnswerKey(md(step["consigne"]), right=(COMPLETE,))


def _instruction(step: dict) -> AnswerKey:
    """Exercises whose answers are not single choices (sorting, settings…): counted, not labelled."""
    return AnswerKey(md(step.get("consigne", "")), explanation=step.get("explication", ""))


def _follow_up(key: str) -> Callable[[dict], AnswerKey | None]:
    """The step's first exercise is its follow-up question ``key`` (when it has one)."""
    def answer_key(step: dict) -> AnswerKey | None:
        return _choice(step[key]) if step.get(key) else None

    return answer_key


def _two_factor(step: dict) -> AnswerKey:
    return AnswerKey()


#: For each step type the room can answer: how its first exercise's answers are named.
ANSWER_KEYS: dict[str, Callable[[dict], AnswerKey | None]] = {
    "choix": _choice, "publication": _choice, "mentions_legales": _choice, "graphique": _chart,
    "vrai_faux": _true_false, "resultats_recherche": _search, "banniere_cookies": _buttons,
    "fausse_alerte": _buttons, "serie_vrai_faux": _series, "reperer": _spot, "navigateur": _parts,
    "anatomie_courriel": _parts, "boite_reception": _inbox, "rediger_courriel": _compose,
    "tri": _instruction, "associer": _instruction, "confidentialite": _instruction,
    "traceurs": _follow_up("question"), "double_authentification": _two_factor,
}


def answer_key(step: dict) -> AnswerKey | None:
    """The answer key of a validated step, or None when the step has no exercise."""
    derive = ANSWER_KEYS.get(step.get("type", DEFAULT_TYPE))
    return derive(step) if derive is not None else None
