"""A simulated inbox (e-mails and SMS): decide « Arnaque » or « Message sérieux », then find the clues.

The inbox has a phone layout and a computer layout (narrow screens always get the phone one).
Links are never opened: pressing one shows where it really goes, like the long press on a phone.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from widgets.components.exercise import Exercise
from widgets.components.spot import Piece, SpotExercise
from widgets.content.answers import GENUINE, SCAM, message_choice
from widgets.content.markdown import esc, md
from widgets.content.vocabulary import INBOX_VIEWS as VIEWS
from widgets.ui.controls import box, button, html_block, on_press, safe_callback, toggle
from widgets.ui.icons import icon

DECISIONS = {SCAM: "Arnaque", GENUINE: "Message sérieux"}


@dataclass
class InboxMessage:
    """One message of the inbox; ``scam`` and the clues stay in the kernel."""

    kind: str  # "courriel" or "sms"
    sender_name: str
    sender_address: str
    body: str
    scam: bool
    feedback: str = ""
    subject: str = ""
    date: str = ""
    link_text: str = ""
    link_target: str = ""
    attachment: str = ""
    clues: list[Piece] = field(default_factory=list)

    @property
    def row_label(self) -> str:
        """The line of the message in the list of the inbox."""
        if self.kind == "sms":
            preview = " ".join(self.body.split())[:60]
            return f"SMS de {self.sender_name} — {preview}…"
        return f"{self.sender_name} — {self.subject}"


def message_from_content(raw: dict) -> InboxMessage:
    """A message as written in ``atelier.yaml`` → ``InboxMessage``."""
    link = raw.get("lien") or {}
    return InboxMessage(
        kind=raw.get("genre", "courriel"), sender_name=raw["nom"], sender_address=raw.get("adresse", ""),
        body=raw["texte"], scam=bool(raw["arnaque"]), feedback=raw.get("retour", ""),
        subject=raw.get("objet", ""), date=raw.get("date", ""), link_text=link.get("texte", ""),
        link_target=link.get("adresse", ""), attachment=raw.get("piece_jointe", ""),
        clues=[Piece(p["texte"], bool(p.get("suspect")), p.get("retour", "")) for p in raw.get("indices", [])],
    )


def link_domain(url: str) -> str:
    """The name of the site a link leads to (its registrable domain), or the address itself."""
    from widgets.analysers.link.parse import (
        link_domain,  # not the whole checker: megabytes per kernel
    )

    return link_domain(url) or url


def message_header_html(message: InboxMessage) -> str:
    """The top of an opened message: who sent it (name and real address), when, about what."""
    if message.kind == "sms":
        return (f'<div class="boite-entete boite-entete-sms"><p class="boite-de">SMS de '
                f'<strong>{esc(message.sender_name)}</strong></p>'
                f'<p class="boite-date">{esc(message.date)}</p></div>')
    return (f'<div class="boite-entete"><p class="boite-objet">{esc(message.subject)}</p>'
            f'<p class="boite-de">De : <strong>{esc(message.sender_name)}</strong> '
            f'<span class="boite-adresse">&lt;{esc(message.sender_address)}&gt;</span></p>'
            f'<p class="boite-date">{esc(message.date)}</p></div>')


def link_popup_html(target: str) -> str:
    """What a phone shows after a long press on a link (and a computer when the mouse is on it)."""
    return (f'<div class="boite-popup" role="note"><p class="boite-popup-titre">Ce lien mène vers :</p>'
            f'<p class="boite-popup-adresse">{esc(target)}</p>'
            f'<p>Le nom du site est : <strong>{esc(link_domain(target))}</strong></p>'
            '<p class="boite-popup-aide">Sur un téléphone, restez appuyé sur le lien pour voir cette fenêtre. '
            "Sur un ordinateur, posez la souris sur le lien sans cliquer : l'adresse s'affiche en bas à gauche.</p>"
            "</div>")


class InboxExercise(Exercise):
    """The inbox: open each message, decide, then (for a scam) press the clues."""


    def __init__(self, instruction: str, messages: list[InboxMessage], view: str = "ordinateur",
                 exercise_id: str | None = None):
        super().__init__(instruction, exercise_id)
        self.add_class("boite")
        self.messages = list(messages)
        self.decided: set[int] = set()
        self.current: int | None = None
        self.spot: SpotExercise | None = None
        self.view_buttons = {}
        for name, label in VIEWS.items():
            t = toggle(label, "boite-vue-bouton")
            t.observe(self._make_view_handler(name), names="value")
            self.view_buttons[name] = t
        self.rows = []
        for index, message in enumerate(self.messages):
            b = button(message.row_label, "boite-ligne", f"boite-ligne-{message.kind}")
            b.on_click(on_press(self, "open_message", index))
            self.rows.append(b)
        self.progress = html_block("", "boite-progression")
        title = html_block('<p class="boite-titre">Boîte de réception</p>', "boite-titre-bloc")
        self.list = box([title, *self.rows], "boite-liste")
        self.back_button = button("← Retour à la boîte de réception", "boite-retour")
        self.back_button.on_click(self._on_back)
        self.header = html_block("", "boite-message-entete")
        self.body = html_block("", "boite-corps")
        self.link_button = toggle("", "boite-lien")
        self.link_button.observe(self._on_link, names="value")
        self.popup = html_block("", "boite-popup-bloc")
        self.attachment = html_block("", "boite-piece-jointe")
        self.decision_buttons = {}
        for choice, label in DECISIONS.items():
            b = button(label, "atelier-option", f"boite-decision-{choice}")
            b.on_click(on_press(self, "decide", choice))
            self.decision_buttons[choice] = b
        self.question = html_block("<p><strong>Est-ce une arnaque ou un message sérieux ?</strong></p>",
                                   "boite-question")
        self.clue_area = box([], "boite-indices")
        self.panel = box([], "boite-lecture")
        self.frame = box([self.list, self.panel], "boite-cadre", row=True)
        self.children = [self.prompt, box(list(self.view_buttons.values()), "boite-vues", row=True),
                         self.progress, self.frame]
        self.set_view(view)
        self._show_progress()

    # -- views ------------------------------------------------------------------------------
    def _make_view_handler(self, name: str):
        @safe_callback(on_error=self.show_error)
        def handler(change):
            if change["new"]:
                self.set_view(name)
            elif self.view == name:  # pressing the active view keeps it
                self.view_buttons[name].value = True

        return handler

    def set_view(self, name: str) -> None:
        """Show the inbox as on a phone (``telephone``) or on a computer (``ordinateur``)."""
        if name not in VIEWS:
            return
        self.view = name
        for other in VIEWS:
            self.frame.remove_class(f"boite-vue-{other}")
            if other != name and self.view_buttons[other].value:
                self.view_buttons[other].value = False
        self.frame.add_class(f"boite-vue-{name}")
        if not self.view_buttons[name].value:
            self.view_buttons[name].value = True

    # -- opening a message ---------------------------------------------------------------------
    def open_message(self, index: int) -> None:
        """Open message ``index``: its header, its text, its link, its attachment, the two decisions."""
        if not 0 <= index < len(self.messages):
            return
        message = self.messages[index]
        self.current = index
        self.frame.add_class("boite-message-ouvert")
        for i, row in enumerate(self.rows):
            (row.add_class if i == index else row.remove_class)("boite-ligne-ouverte")
        self.header.value = message_header_html(message)
        css = "boite-bulle-sms" if message.kind == "sms" else "boite-texte-courriel"
        self.body.value = f'<div class="{css}">{md(message.body)}</div>'
        self.link_button.unobserve(self._on_link, names="value")
        self.link_button.value = False
        self.link_button.observe(self._on_link, names="value")
        self.link_button.description = message.link_text
        self.link_button.tooltip = f"Ce lien mène vers : {message.link_target}" if message.link_target else None
        self.popup.value = ""
        self.attachment.value = (f'<p class="boite-pj">{icon("trombone")} Pièce jointe : <strong>{esc(message.attachment)}</strong></p>'
                                 if message.attachment else "")
        self.feedback.clear()
        self.spot = None
        self.clue_area.children = []
        for b in self.decision_buttons.values():
            b.disabled = index in self.decided
            b.remove_class("atelier-choisi")
        parts = [self.back_button, self.header, self.body]
        if message.link_text:
            parts.append(self.link_button)
            parts.append(self.popup)
        if message.attachment:
            parts.append(self.attachment)
        parts += [self.question, box(list(self.decision_buttons.values()), "boite-decisions", row=True),
                  self.feedback, self.clue_area]
        self.panel.children = parts
        if index in self.decided:
            self._show_verdict(message)

    @safe_callback()
    def _on_back(self, _button=None) -> None:
        self.close_message()

    def close_message(self) -> None:
        """Back to the list of messages."""
        self.current = None
        self.spot = None
        self.frame.remove_class("boite-message-ouvert")
        self.panel.children = []

    @safe_callback()
    def _on_link(self, change) -> None:
        self.press_link(bool(change["new"]))

    def press_link(self, pressed: bool = True) -> None:
        """Show (or hide) where the link of the opened message really goes. The link is never opened."""
        if self.current is None:
            return
        target = self.messages[self.current].link_target
        self.popup.value = link_popup_html(target) if pressed and target else ""

    # -- deciding ----------------------------------------------------------------------------
    def decide(self, choice: str) -> None:
        """The participant says the opened message is a scam (``arnaque``) or genuine (``serieux``)."""
        if self.current is None or choice not in DECISIONS or self.current in self.decided:
            return
        message = self.messages[self.current]
        right = (choice == SCAM) == message.scam
        self.decision_buttons[choice].add_class("atelier-choisi")
        if right:
            self.decided.add(self.current)
            self.rows[self.current].description = "✔ " + message.row_label
            for b in self.decision_buttons.values():
                b.disabled = True
            self._show_verdict(message)
            self._show_progress()
            if len(self.decided) == len(self.messages):
                self.solved = True
        else:
            self.decision_buttons[choice].disabled = True
            hint = ("Regardez bien qui l'envoie, où mène le lien et ce qu'on vous demande."
                    if message.scam else
                    "Ce message ne vous demande ni argent, ni code, ni de cliquer en urgence. "
                    "Regardez bien qui l'envoie.")
            verdict = "C'est une arnaque." if message.scam else "Ce message est sérieux."
            self.feedback.show("incorrect", f"{verdict} {hint}\n\nEssayez l'autre réponse.")
        self._answered(message_choice(self.current, choice), right)

    def _show_verdict(self, message: InboxMessage) -> None:
        if message.scam:
            title = "Bonne réponse : c'est une arnaque"
        else:
            title = "Bonne réponse : ce message est sérieux"
        self.feedback.show("correct", message.feedback, title=title)
        if message.scam and any(p.suspicious for p in message.clues):
            self.spot = SpotExercise("Maintenant, appuyez sur les **indices** qui montrent l'arnaque, "
                                     "puis sur « Vérifier ».", message.clues, "message")
            self.clue_area.children = [self.spot]

    def _show_progress(self) -> None:
        n, total = len(self.decided), len(self.messages)
        self.progress.value = f"<p>Vous avez traité <strong>{n}</strong> message{'s' if n > 1 else ''} sur {total}.</p>"
        if n == total:
            self.progress.value += "<p>Bravo, vous avez trié toute la boîte de réception.</p>"

    # -- walkthrough ----------------------------------------------------------------------------
    def self_check(self) -> tuple[bool, bool]:
        """Answer every message wrongly then rightly, and find every clue; leave the inbox closed."""
        explained, accepted = True, True
        for index, message in enumerate(self.messages):
            self.open_message(index)
            right = SCAM if message.scam else GENUINE
            wrong = GENUINE if message.scam else SCAM
            if index not in self.decided:
                self.decide(wrong)
                explained = explained and self.feedback.kind == "incorrect" and bool(self.feedback.text)
                self.decide(right)
            accepted = accepted and self.feedback.kind == "correct"
            if self.spot is not None:
                spot = self.spot
                normal = [i for i, p in enumerate(spot.pieces) if not p.suspicious]
                if normal:
                    spot.check(normal[:1])
                    explained = explained and spot.feedback.kind in ("incorrect", "partiel")
                    for t in spot.toggles:
                        t.value = False
                spot.check([i for i, p in enumerate(spot.pieces) if p.suspicious])
                accepted = accepted and spot.feedback.kind == "correct"
        self.close_message()
        return explained, accepted and self.solved
