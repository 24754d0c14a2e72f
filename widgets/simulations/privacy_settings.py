"""Simulated privacy settings of a social-network profile: who can see each publication?

Each publication has a scenario question ("who can see this photo of your grandchildren?"), a
starting setting and the settings advised; the participant picks Public / Amis / Moi uniquement
for each, then checks. The advice stays in the kernel until « Vérifier mes réglages ».
"""
from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as ipw

from widgets.components.exercise import Exercise
from widgets.content.markdown import esc, md
from widgets.content.vocabulary import PRIVACY_SETTINGS as SETTINGS
from widgets.ui.controls import box, button, html_block, on_press, safe_callback
from widgets.ui.icons import icon

WHO_SEES = {
    "public": "Tout le monde sur Internet, même des inconnus, peut la voir et la copier.",
    "amis": "Seules les personnes que vous avez acceptées comme amis peuvent la voir.",
    "moi": "Vous seul pouvez la voir.",
}


@dataclass
class Publication:
    text: str
    question: str
    setting: str
    advised: list[str] = field(default_factory=list)
    feedback: str = ""


class PrivacySettings(Exercise):
    """Choose who sees each publication, then check against the advice."""


    def __init__(self, profile_name: str, publications: list[Publication], explanation: str = "",
                 prompt: str = "", exercise_id: str | None = None):
        super().__init__(prompt or "Pour chaque publication, choisissez qui peut la voir.", exercise_id)
        self.add_class("atelier-confidentialite")
        self.publications = list(publications)
        self.explanation = explanation
        self.settings = [p.setting for p in self.publications]
        self.buttons: list[dict[str, ipw.Button]] = []
        self.who = []
        cards = [html_block(f'<p class="conf-profil">{icon("personne")} '
                            f"Profil de {esc(profile_name)}</p>", "conf-entete")]
        for index, pub in enumerate(self.publications):
            row = {}
            for key, label in SETTINGS.items():
                b = button(label, "conf-reglage")
                b.on_click(on_press(self, "set", index, key))
                row[key] = b
            self.buttons.append(row)
            who = html_block("", "conf-qui")
            self.who.append(who)
            cards.append(box([html_block(f'<p class="conf-publication">{esc(pub.text)}</p>'
                                         f'<div class="conf-question">{md(pub.question)}</div>'),
                              box(row.values(), "conf-reglages", row=True), who], "conf-carte"))
            self._show(index)
        self.check_button = button("Vérifier mes réglages", "atelier-valider")
        self.check_button.on_click(self._on_check)
        self.children = [self.prompt, box(cards, "conf-profil-zone"), self.check_button, self.feedback]

    def _show(self, index: int) -> None:
        current = self.settings[index]
        for key, b in self.buttons[index].items():
            b.description = ("✔ " if key == current else "") + SETTINGS[key]
            if key == current:
                b.add_class("atelier-choisi")
            else:
                b.remove_class("atelier-choisi")
        self.who[index].value = f"<p>Réglage actuel : <strong>{esc(SETTINGS.get(current, current))}</strong>. " \
                                f"{esc(WHO_SEES.get(current, ''))}</p>"

    def set(self, index: int, key: str) -> None:
        """Set publication ``index`` to ``key`` (public, amis or moi)."""
        if 0 <= index < len(self.publications) and key in SETTINGS:
            self.settings[index] = key
            self._show(index)

    @safe_callback()
    def _on_check(self, _button=None) -> None:
        self.check()

    def check(self) -> bool:
        """Compare every setting with the advice; explain each one that differs."""
        lines, good = [], 0
        for pub, setting in zip(self.publications, self.settings):
            ok = setting in pub.advised
            good += ok
            advice = " ou ".join(SETTINGS[a] for a in pub.advised)
            mark = "✔" if ok else "✖"
            detail = f" {pub.feedback}" if pub.feedback else ""
            lines.append(f"- {mark} **{pub.text}** : « {SETTINGS[setting]} ». Conseillé : {advice}.{detail}")
        correct = good == len(self.publications)
        body = "\n".join(lines)
        if correct:
            self.feedback.show("correct", body + ("\n\n" + self.explanation if self.explanation else ""))
        else:
            self.feedback.show("partiel" if good else "incorrect",
                               body + f"\n\n{len(self.publications) - good} réglage(s) à changer. "
                                      "Modifiez-les et vérifiez à nouveau.")
        self._answered(",".join(self.settings), correct)
        return correct

    def self_check(self) -> tuple[bool, bool]:
        """All public (wrong for private ones), then the advice."""
        for i in range(len(self.publications)):
            self.set(i, next((k for k in SETTINGS if k not in self.publications[i].advised), "public"))
        explained = not self.check() and self.feedback.kind in ("incorrect", "partiel")
        for i, pub in enumerate(self.publications):
            self.set(i, pub.advised[0])
        return explained, self.check()
