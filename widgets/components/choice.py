"""Single- or multiple-choice question with feedback for each option.

Options may be shown in an order shuffled per participant (``personalise``); whatever the order on
screen, an option keeps its content index: ``choose``, ``validate``, ``replay_answer`` and what the
listeners receive all speak of content indexes.
"""
from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw

from widgets.components.exercise import Exercise
from widgets.content.answers import options_choice, options_of
from widgets.content.order import shuffled_order
from widgets.ui.controls import box, button, html_block, on_press, safe_callback, toggle

MARK_RIGHT = "✔ "
MARK_WRONG = "✖ "


@dataclass
class Option:
    """One answer: its label, whether it is right, the feedback shown when it is chosen."""

    text: str
    correct: bool = False
    feedback: str = ""
    card_html: str = ""  # optional rich look (a search result, a banner button…)
    style: str = ""  # optional extra CSS class for the button
    last: bool = False  # stays last whatever the shuffle (« Je ne sais pas »; content key ``dernier``)
    first: bool = False  # stays first whatever the shuffle (the ads at the top of search results)


class ChoiceExercise(Exercise):
    """Pick one answer (retry allowed until right) or several (then « Valider »).

    ``shuffle=False`` keeps the content order even for a personalised page: « Vrai » / « Faux », and
    the buttons of a simulated scene whose layout is part of what is taught (a cookie banner).
    """

    def __init__(
        self,
        question: str,
        options: list[Option],
        explanation: str = "",
        multiple: bool = False,
        scene: ipw.Widget | None = None,
        exercise_id: str | None = None,
        choose_label: str = "Choisir",
        options_in_row: bool = False,
        shuffle: bool = True,
    ):
        super().__init__(question, exercise_id)
        self.add_class("atelier-choix")
        self.options = list(options)
        self.explanation = explanation
        self.multiple = multiple
        self.shuffle = shuffle
        self.order = list(range(len(self.options)))  # content indexes, in the order shown
        self.buttons: list[ipw.Button | ipw.ToggleButton] = []
        option_widgets = []
        for index, option in enumerate(self.options):
            if multiple:
                control = toggle(option.text, "atelier-option")
            elif option.card_html:
                control = button(choose_label, "atelier-option")
                control.tooltip = option.text
            else:
                control = button(option.text, "atelier-option")
            if option.style:
                control.add_class(option.style)
            if not multiple:
                control.on_click(on_press(self, "choose", index))
            self.buttons.append(control)
            if option.card_html:
                option_widgets.append(box([html_block(option.card_html, "atelier-carte-contenu"), control], "atelier-carte"))
            else:
                option_widgets.append(control)
        self.option_widgets = option_widgets  # in content order
        self.options_box = box(option_widgets, "atelier-options", row=options_in_row)
        children = [self.prompt]
        if scene is not None:
            children.append(scene)
        children.append(self.options_box)
        if multiple:
            self.validate_button = button("Valider mes choix", "atelier-valider")
            self.validate_button.on_click(self._on_validate)
            children.append(self.validate_button)
        children.append(self.feedback)
        self.children = children

    # -- order on screen ------------------------------------------------------------------
    def personalise(self, seed: str | None) -> None:
        """Show the options in the order of participant ``seed`` (content order without one).

        Only the widgets move: a button keeps its option, its state and its content index.
        """
        if not self.shuffle:
            return
        self.order = shuffled_order(len(self.options), seed, self.exercise_id or self.prompt.value,
                                    last=[i for i, o in enumerate(self.options) if o.last],
                                    first=[i for i, o in enumerate(self.options) if o.first])
        self.options_box.children = [self.option_widgets[i] for i in self.order]

    # -- answering -------------------------------------------------------------------------
    def choose(self, index: int) -> None:
        """Answer with option ``index`` (single choice)."""
        if self.solved or not 0 <= index < len(self.options):
            return
        option = self.options[index]
        control = self.buttons[index]
        control.add_class("atelier-choisi")
        if option.card_html:
            control.description = ("✔ Bon choix" if option.correct else "✖ Ce choix")
        else:
            control.description = (MARK_RIGHT if option.correct else MARK_WRONG) + option.text
        text = "\n\n".join(t for t in (option.feedback, self.explanation if option.correct else "") if t)
        if option.correct:
            self.feedback.show("correct", text)
            for other in self.buttons:
                other.disabled = True
        else:
            self.feedback.show("incorrect", (text + "\n\n" if text else "") + "Essayez une autre réponse.")
            control.disabled = True
        self._answered(options_choice([index]), option.correct)

    @safe_callback()
    def _on_validate(self, _button=None) -> None:
        self.validate([i for i, b in enumerate(self.buttons) if b.value])

    def validate(self, chosen: list[int]) -> None:
        """Answer with the set of options ``chosen`` (multiple choice)."""
        if self.solved:
            return
        chosen_set = {i for i in chosen if 0 <= i < len(self.options)}
        if not chosen_set:
            self.feedback.show("info", "Choisissez au moins une réponse, puis appuyez sur « Valider mes choix ».")
            return
        right = {i for i, o in enumerate(self.options) if o.correct}
        lines = []
        for i in self.order:  # as shown on screen
            option = self.options[i]
            picked = i in chosen_set
            if picked != option.correct or picked:
                mark = "✔" if picked == option.correct else "✖"
                status = "vous l'avez choisie" if picked else "vous ne l'avez pas choisie"
                verdict = "à bon droit" if picked == option.correct else "à tort"
                detail = f" {option.feedback}" if option.feedback else ""
                lines.append(f"- {mark} **{option.text}** : {status}, {verdict}.{detail}")
        correct = chosen_set == right
        body = "\n".join(lines)
        if correct:
            body += ("\n\n" + self.explanation) if self.explanation else ""
            self.feedback.show("correct", body)
            for b in self.buttons + [self.validate_button]:
                b.disabled = True
        else:
            missing = len(right - chosen_set)
            wrong = len(chosen_set - right)
            summary = []
            if wrong:
                summary.append(f"{wrong} réponse{'s' if wrong > 1 else ''} en trop")
            if missing:
                summary.append(f"{missing} réponse{'s' if missing > 1 else ''} oubliée{'s' if missing > 1 else ''}")
            self.feedback.show("partiel" if chosen_set & right else "incorrect",
                               body + "\n\n" + " et ".join(summary).capitalize() + ". Modifiez vos choix et validez à nouveau.")
        self._answered(options_choice(chosen_set), correct)

    # -- for live results ---------------------------------------------------------------
    def replay_answer(self, choice: str) -> None:
        parts = options_of(choice, len(self.options))
        if self.multiple:
            self.validate(parts)
        elif parts:
            self.choose(parts[0])
