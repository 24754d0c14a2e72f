"""The before/after check: a few questions at the start of an atelier, parallel ones at the end.

Kind by design: one answer per question, « Je ne sais pas » always offered last, no grade, no timer.
At the start the answer is only noted; at the end the right answer is given and the participant sees
their own progress in words (« Au début : 1 sur 3. Maintenant : 3 sur 3. ») and what to review.
The two steps of one page share a ``CheckBook`` (in the kernel's memory only). Listeners
(``CheckStep.on_result``) receive (moment, item id, right): all the live board ever keeps of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import ipywidgets as ipw

from widgets.components.exercise import Exercise
from widgets.content.answers import options_choice
from widgets.content.markdown import esc, md
from widgets.content.order import shuffled_order
from widgets.ui.controls import box, button, html_block, on_press
from widgets.ui.looks import looks, set_shown

BEFORE, AFTER = "avant", "apres"
DONT_KNOW = "Je ne sais pas"
#: The reported choice of « Je ne sais pas ».
DONT_KNOW_CHOICE = "?"

ResultListener = Callable[[str, str, bool], None]


def _inline(text: str) -> str:
    """Short Markdown as inline HTML (no paragraph around it)."""
    html = md(text).strip()
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1 else html


@dataclass
class CheckQuestion:
    """One item: the skill it checks, the question, the options (one right), what to review if missed."""

    id: str
    skill: str
    question: str
    options: list[tuple[str, bool]]
    review: str
    scene_html: str = ""  # e.g. an address in a browser bar


@dataclass
class CheckBook:
    """What one participant's page knows of its two checks: moment → item id → right (memory only)."""

    results: dict[str, dict[str, bool]] = field(default_factory=lambda: {BEFORE: {}, AFTER: {}})

    def note(self, moment: str, item: str, right: bool) -> None:
        self.results.setdefault(moment, {}).setdefault(item, bool(right))  # the first answer counts

    def score(self, moment: str) -> int:
        return sum(self.results.get(moment, {}).values())


def progress_words(book: CheckBook, total: int) -> str:
    """« Au début : 1 sur 3. Maintenant : 3 sur 3. » (only « Maintenant » if the start was missed)."""
    now = f"Maintenant : {book.score(AFTER)} sur {total}."
    if not book.results.get(BEFORE):
        return now
    return f"Au début : {book.score(BEFORE)} sur {len(book.results[BEFORE])}. {now}"


class CheckItem(Exercise):
    """One question of a check: a single answer, then a kind word (the right one at the end only)."""

    def __init__(self, question: CheckQuestion, moment: str, exercise_id: str | None = None):
        super().__init__(question.question, exercise_id)
        self.add_class("atelier-verification-question")
        self.question = question
        self.moment = moment
        self.labels = [text for text, _right in question.options] + [DONT_KNOW]
        self.dont_know = len(question.options)
        self.buttons = []
        for index, label in enumerate(self.labels):
            control = button(label, "atelier-option")
            control.on_click(on_press(self, "choose", index))
            self.buttons.append(control)
        self.options_box = box(self.buttons, "atelier-options")
        self.right: bool | None = None
        scene = [html_block(question.scene_html, "atelier-decor")] if question.scene_html else []
        self.children = [self.prompt, *scene, self.options_box, self.feedback]

    def personalise(self, seed: str | None) -> None:
        order = shuffled_order(len(self.labels), seed, self.exercise_id, last=[self.dont_know])
        self.options_box.children = [self.buttons[i] for i in order]

    @property
    def right_text(self) -> str:
        return next(text for text, right in self.question.options if right)

    def choose(self, index: int) -> None:
        """Answer with option ``index`` (``len(options)``: « Je ne sais pas »). Only the first answer counts."""
        if self.answered or not 0 <= index < len(self.labels):
            return
        self.right = index != self.dont_know and self.question.options[index][1]
        chosen = self.buttons[index]
        chosen.add_class("atelier-choisi")
        chosen.description = "➜ " + self.labels[index]
        for b in self.buttons:
            b.disabled = True
        if self.moment == BEFORE:
            self.feedback.show("info", "C'est noté. Ce n'est pas une note : vous verrez à la fin ce que vous avez appris."
                               if index != self.dont_know else
                               "C'est noté. Vous allez le découvrir pendant l'atelier.", title="Réponse notée")
        elif self.right:
            self.feedback.show("correct", "")
        else:
            self.feedback.show("info", f"La bonne réponse est : **{self.right_text}**.\n\n"
                                       f"À revoir : {self.question.review}", title="À revoir")
        choice = DONT_KNOW_CHOICE if index == self.dont_know else options_choice([index])
        self._answered(choice, self.right)

    def self_check(self) -> tuple[bool, bool]:
        """(a wrong answer says what to review or is noted kindly, the right answer is accepted); leaves it fresh."""
        wrong = next(i for i, (_t, right) in enumerate(self.question.options) if not right)
        listeners, self._listeners = self._listeners, []
        try:
            self.choose(wrong)
            explained = bool(self.feedback.text) and (self.moment == BEFORE or self.question.review in self.feedback.text)
            self._reset()
            self.choose(next(i for i, (_t, right) in enumerate(self.question.options) if right))
            accepted = self.moment == BEFORE and self.feedback.kind == "info" or self.feedback.kind == "correct"
            self._reset()
        finally:
            self._listeners = listeners
        return explained, accepted

    def _reset(self) -> None:
        self.answered = self.solved = False
        self.first_choice, self.right = None, None
        for b, label in zip(self.buttons, self.labels):
            b.disabled = False
            b.description = label
            b.remove_class("atelier-choisi")
        self.feedback.clear()

    def mark_done(self, right: bool) -> None:
        """Show this question as already answered (a reloaded page): which option is not kept, only whether it was right."""
        if self.answered:
            return
        self.answered, self.right = True, bool(right)
        for b in self.buttons:
            b.disabled = True
        self.feedback.show("info", "Vous avez déjà répondu à cette question.", title="Réponse notée")


class CheckStep(ipw.VBox):
    """The questions of one check, then (once all are answered) a kind word, or the progress at the end."""

    def __init__(self, moment: str, questions: list[CheckQuestion], book: CheckBook | None = None,
                 instruction: str = "", exercise_id: str | None = None, after: ipw.Widget | None = None):
        super().__init__(**looks(ipw.VBox))
        self.add_class("atelier-verification")
        self.add_class(f"atelier-verification-{moment}")
        self.moment = moment
        self.book = book if book is not None else CheckBook()
        self.items = [CheckItem(q, moment, f"{exercise_id or 'verification'}:{q.id}") for q in questions]
        self._listeners: list[ResultListener] = []
        for item in self.items:
            item.on_answer(lambda ex, _choice, right, item=item: self._on_item(item, right))
        intro = instruction or ("Avant de commencer : que savez-vous déjà ? Ce n'est pas une note. « Je ne sais pas » "
                                "est une bonne réponse quand on ne sait pas." if moment == BEFORE else
                                "Les mêmes questions, avec d'autres exemples. Voyez ce que vous avez appris.")
        numbered = []
        for n, item in enumerate(self.items, start=1):
            numbered.append(box([html_block(f'<p class="verification-numero">Question {n} sur {len(self.items)}</p>'),
                                 item], "atelier-verification-item"))
        self.summary = html_block("", "atelier-verification-bilan")
        set_shown(self.summary, False)
        self.after = after  # shown with the summary (the attestation at the end)
        if after is not None:
            set_shown(after, False)
        self.children = [html_block(md(intro), "atelier-consigne"), *numbered, self.summary,
                         *([after] if after is not None else [])]

    def on_result(self, listener: ResultListener) -> None:
        """Call ``listener(moment, item id, right)`` at the first answer to each question."""
        self._listeners.append(listener)

    @property
    def done(self) -> bool:
        return all(item.answered for item in self.items)

    def _on_item(self, item: CheckItem, right: bool) -> None:
        self.book.note(self.moment, item.question.id, right)
        for listener in list(self._listeners):
            try:
                listener(self.moment, item.question.id, bool(right))
            except Exception:  # noqa: BLE001 - a listener must not break the check
                pass
        if self.done:
            self.show_summary()

    def restore(self, results: dict[str, bool]) -> None:
        """Bring back the answers already given (a reloaded page): item id → right."""
        for item in self.items:
            if item.question.id in results:
                item.mark_done(results[item.question.id])
                self.book.note(self.moment, item.question.id, results[item.question.id])
        if self.done:
            self.show_summary()

    def show_summary(self) -> None:
        total = len(self.items)
        if self.moment == BEFORE:
            html = ('<div class="verification-bilan"><h3 class="verification-bilan-titre">Merci !</h3>'
                    f"<p>Vous avez répondu aux {total} questions. On en reparle à la fin de l'atelier.</p></div>")
        else:
            missed = [item.question for item in self.items if not item.right]
            review = "".join(f"<li><strong>{esc(q.skill)}</strong> : {_inline(q.review)}</li>" for q in missed)
            html = ('<div class="verification-bilan"><h3 class="verification-bilan-titre">Vos progrès</h3>'
                    f'<p class="verification-progres"><strong>{esc(progress_words(self.book, total))}</strong></p>'
                    + (f"<p>À revoir :</p><ul>{review}</ul>" if missed else
                       "<p>Bravo : vous avez trouvé toutes les réponses.</p>") + "</div>")
        self.summary.value = html
        set_shown(self.summary, True)
        if self.after is not None:
            set_shown(self.after, True)
