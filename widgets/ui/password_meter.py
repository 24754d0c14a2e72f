"""The password meter of atelier 03: a 5-step bar with its label written out, and the French explanations.

Shared by the password page (``widgets.tools.password_tool``) and the account creation of atelier 05
(``widgets.simulations.account_signup``): one look, one wording, wherever a password is rated.
"""
from __future__ import annotations

from widgets.content.markdown import esc

#: zxcvbn score (0–4) → the feedback kind that shows it.
SCORE_KIND = {0: "danger", 1: "danger", 2: "attention", 3: "correct", 4: "correct"}


def meter_html(score: int, label: str) -> str:
    """A 5-step strength bar with its label written out (never colour alone)."""
    cells = "".join(f'<span class="mdp-case{" mdp-pleine" if i <= score else ""}"></span>' for i in range(5))
    return (f'<div class="mdp-jauge mdp-note-{int(score)}" role="img" '
            f'aria-label="Force : {esc(label)}, {int(score) + 1} sur 5">{cells}</div>'
            f'<p class="mdp-etiquette">Force : <strong>{esc(label)}</strong> ({int(score) + 1} sur 5)</p>')


def strength_markdown(strength) -> str:
    """The explanations of ``assess_password`` as Markdown."""
    lines = [f"- {e}" for e in strength.explanations]
    cnil = ("✔ " if strength.meets_cnil else "✖ ") + strength.cnil_explanation
    return "\n".join(lines) + "\n\n" + cnil
