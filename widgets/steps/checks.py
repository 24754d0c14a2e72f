"""``type: verification``: the before/after check (``CheckStep``), and at the end the attestation."""
from __future__ import annotations

from widgets.components.attestation import AttestationForm
from widgets.components.check import AFTER, CheckBook, CheckQuestion, CheckStep
from widgets.simulations.browser import address_bar_html
from widgets.steps.registry import builds

#: Where the two check steps of a page find their shared results (``StepContext.shared``).
BOOK_KEY = "verification"


def questions_from(items: list[dict]) -> list[CheckQuestion]:
    return [CheckQuestion(i["id"], i["competence"], i["question"],
                          [(o["texte"], bool(o.get("correct"))) for o in i["options"]], i["a_revoir"],
                          address_bar_html(i["adresse"]) if i.get("adresse") else "")
            for i in items]


def attestation_form(ctx) -> AttestationForm:
    """The attestation of this atelier, with the structure and place set at launch."""
    from widgets.content.atelier import load_atelier
    from widgets.sessions.attestation import FILE_NAME, attestation_for, attestation_pdf

    atelier = load_atelier(ctx.folder)
    return AttestationForm(lambda name: attestation_pdf(attestation_for(atelier, name)), FILE_NAME)


@builds("verification")
def build_check(step, ctx):
    book = ctx.shared.setdefault(BOOK_KEY, CheckBook())
    after = attestation_form(ctx) if step["moment"] == AFTER and step.get("attestation", True) else None
    return CheckStep(step["moment"], questions_from(step["items"]), book, step.get("consigne", ""),
                     exercise_id=ctx.exercise_id, after=after)
