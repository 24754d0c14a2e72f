"""Sorting: put each item in a category by pressing the category's button (no drag and drop)."""
from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw

from widgets.components.exercise import Exercise
from widgets.content.markdown import esc
from widgets.ui.controls import box, button, html_block, on_press, safe_callback


@dataclass
class Item:
    """An item to sort, its right category and why."""

    text: str
    category: str
    feedback: str = ""


class SortingExercise(Exercise):
    """Each item shows one button per category; « Vérifier » explains each misplaced item."""


    def __init__(self, instruction: str, categories: list[str], items: list[Item],
                 explanation: str = "", exercise_id: str | None = None):
        super().__init__(instruction, exercise_id)
        self.add_class("atelier-tri")
        self.categories = list(categories)
        self.items = list(items)
        self.explanation = explanation
        self.placed: list[str | None] = [None] * len(self.items)
        self.rows: list[ipw.Box] = []
        self.item_buttons: list[list[ipw.Button]] = []
        self.item_labels: list[ipw.HTML] = []
        for i, item in enumerate(self.items):
            label = html_block(self._label_html(i), "atelier-tri-element")
            buttons = []
            for c, category in enumerate(self.categories):
                b = button(category, "atelier-tri-categorie")
                b.on_click(on_press(self, "place", i, self.categories[c]))
                buttons.append(b)
            self.item_labels.append(label)
            self.item_buttons.append(buttons)
            self.rows.append(box([label, box(buttons, "atelier-tri-boutons", row=True)], "atelier-tri-ligne"))
        self.check_button = button("Vérifier mon classement", "atelier-valider")
        self.check_button.on_click(self._on_check)
        self.children = [self.prompt, *self.rows, self.check_button, self.feedback]

    def _label_html(self, i: int) -> str:
        place = self.placed[i]
        where = f'<span class="atelier-tri-place">→ rangé dans : <strong>{esc(place)}</strong></span>' if place else (
            '<span class="atelier-tri-place">→ pas encore rangé</span>')
        return f'<p><strong>{esc(self.items[i].text)}</strong><br>{where}</p>'

    def place(self, i: int, category: str) -> None:
        """Put item ``i`` in ``category``."""
        if self.solved or category not in self.categories or not 0 <= i < len(self.items):
            return
        self.placed[i] = category
        for b in self.item_buttons[i]:
            if b.description.lstrip("● ") == category:
                b.description = "● " + category
                b.add_class("atelier-choisi")
            else:
                b.description = b.description.lstrip("● ")
                b.remove_class("atelier-choisi")
        self.item_labels[i].value = self._label_html(i)

    @safe_callback()
    def _on_check(self, _button=None) -> None:
        self.check()

    def replay_answer(self, choice: str) -> None:
        for i, category in enumerate(choice.split("|")[:len(self.items)]):
            if category in self.categories:
                self.place(i, category)
        self.check()

    def check(self) -> None:
        """Compare the placement with the answer and explain each item that is wrong or missing."""
        if self.solved:
            return
        missing = [i for i, p in enumerate(self.placed) if p is None]
        if missing:
            n = len(missing)
            self.feedback.show("info", f"Il reste {n} élément{'s' if n > 1 else ''} à ranger avant de vérifier.")
            return
        wrong = [i for i, item in enumerate(self.items) if self.placed[i] != item.category]
        if not wrong:
            body = "\n".join(f"- **{it.text}** : {it.category}. {it.feedback}" for it in self.items)
            self.feedback.show("correct", body + ("\n\n" + self.explanation if self.explanation else ""),
                               title="Bravo, tout est bien rangé")
            for buttons in self.item_buttons:
                for b in buttons:
                    b.disabled = True
            self.check_button.disabled = True
        else:
            n = len(wrong)
            body = "\n".join(
                f"- **{self.items[i].text}** n'est pas « {self.placed[i]} ». {self.items[i].feedback}" for i in wrong
            )
            self.feedback.show("partiel" if n < len(self.items) else "incorrect",
                               f"{len(self.items) - n} sur {len(self.items)} bien rangés.\n\n{body}\n\n"
                               "Changez ces éléments de place, puis vérifiez à nouveau.")
        self._answered("|".join(p or "" for p in self.placed), not wrong)
