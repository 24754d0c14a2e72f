"""Hooks in a participant's kernel: send anonymous answers, show the revealed answer, restore on reload.

Only active under Voilà (or when a store is given, in tests): notebooks run by nbval are unchanged.
Answers and steps leave through an ``Outbox`` (the click never waits for the base). A background loop
shows what the animateur reveals, joins a session opened after the page, and stops when the server has
seen the page go (it starts again as soon as the participant touches the page).
"""
from __future__ import annotations

import logging
import os
import threading
import time
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from widgets.components.check import CheckStep
from widgets.components.exercise import Exercise, exercises_in
from widgets.content import names
from widgets.kernel.outbox import Letter, Outbox
from widgets.kernel.request import query_string
from widgets.sessions.store import (
    KERNEL_ID,
    LiveError,
    LiveStore,
    clean_participant,
    new_participant_id,
)
from widgets.ui.feedback import Feedback

#: The step type of the before/after check: its results are sent too (``LiveStore.record_check``).
CHECK_TYPE = "verification"

if TYPE_CHECKING:
    from widgets.sessions.answer_keys import AnswerKey

log = logging.getLogger("ateliers")
POLL_SECONDS = 1.0
POLL_LIMIT = 12 * 3600  # a kernel stops polling after a (long) day of workshop
#: A page the server has seen gone for this long: its kernel stops its background work.
GONE_SECONDS = 20.0
#: The page's kernel tries a busy base briefly, then lets the outbox try again.
KERNEL_RETRIES, KERNEL_BUSY_SECONDS = 2, 1.0

LATE_TEXT = ("Votre réponse n'a pas encore pu être envoyée au tableau de la salle. Elle reste valable ici, "
             "et l'envoi est réessayé tout seul. Vous pouvez continuer.")
SENT_TEXT = "Votre réponse est bien arrivée au tableau de la salle."
JOINED_TEXT = ("L'animateur a commencé une nouvelle session. Vos prochaines réponses comptent "
               "pour le tableau de la salle.")


def under_voila() -> bool:
    return bool(os.environ.get("VOILA_KERNEL_ID") or os.environ.get("VOILA_REQUEST_URL")
                or os.environ.get("VOILA_PREHEAT") == "True")


def own_kernel_id() -> str | None:
    """This kernel's id in the server (Voilà gives it to every kernel it starts), if well-formed."""
    kernel = os.environ.get("VOILA_KERNEL_ID", "")
    return kernel if KERNEL_ID.match(kernel) else None


def participant_from_query() -> str | None:
    """The ``participant`` of the page's query string.

    In a preheated kernel this waits for the participant's request: Voilà pauses the page's rendering
    here, so whatever is restored afterwards is part of the page the browser receives.
    """
    try:
        query = query_string()
    except Exception as exc:  # noqa: BLE001 - no request known: a fresh anonymous id, never a traceback
        log.warning("En direct : adresse de la page inconnue (%s)", type(exc).__name__)
        return None
    return clean_participant((parse_qs(query).get("participant") or [None])[0])


class LiveParticipant:
    """Links one participant's path to the live store."""

    def __init__(self, path, store: LiveStore, participant: str | None = None, kernel: str | None = None):
        from widgets.sessions.answer_keys import (  # only where a step is live
            AnswerKey,
            answer_key,
        )

        self.path = path
        self.store = store
        self.participant = clean_participant(participant) or new_participant_id()
        self.kernel = kernel
        self.exercises: dict[str, Exercise] = {}
        self.keys: dict[str, AnswerKey] = {}  # what « Révéler » shows, from the content
        self.reveal_boxes: dict[str, Feedback] = {}
        self.shown: set[str] = set()
        self.session: str | None = None  # the session this page takes part in
        self._replaying = False
        self._lock = threading.RLock()
        self.outbox = Outbox(on_late=self._show_late, on_sent=self._show_sent)
        self.notice = Feedback()  # « a new session started »: at the top of the path
        self.notice.add_class("atelier-direct-session")
        path.children = (self.notice, *path.children)
        self.stop: threading.Event | None = None
        self._loop: threading.Thread | None = None
        self._woken_at = 0.0  # when the participant last woke the loop: the page was there then
        atelier = getattr(path, "atelier", None)
        raw_steps = atelier.steps if atelier is not None else []
        for index, step in enumerate(path.steps):
            if index < len(raw_steps) and raw_steps[index].get("en_direct"):
                exercise = names.exercise_id(atelier.id, index)
                self.keys[exercise] = answer_key(raw_steps[index]) or AnswerKey()
                if step._widget is not None:  # already shown (the first step)
                    found = exercises_in(step._widget)
                    if found:
                        self._hook(found[0], exercise)
                else:
                    step.build = self._hooked(step.build, exercise)
        self.check_steps = [i for i, raw in enumerate(raw_steps[:len(path.steps)]) if raw.get("type") == CHECK_TYPE]
        for index in self.check_steps:
            step = path.steps[index]
            if step._widget is not None:
                self._hook_checks(step._widget)
            else:
                step.build = self._hooked_checks(step.build)
        path.on_step(self._on_step)

    # -- hooks ---------------------------------------------------------------------------------
    def _hooked(self, build, exercise_id: str):
        def hooked_build():
            widget = build()
            found = exercises_in(widget)
            if found:
                self._hook(found[0], exercise_id)
            return widget

        return hooked_build

    def _hooked_checks(self, build):
        def hooked_build():
            widget = build()
            self._hook_checks(widget)
            return widget

        return hooked_build

    def _hook_checks(self, widget) -> None:
        for check in checks_in(widget):
            check.on_result(self._on_check)

    def _on_check(self, moment: str, item: str, right: bool) -> None:
        """A check answer: only (moment, item, right) leaves, keyed by this page's random id."""
        self._send_to_session(lambda session: self.store.record_check(session, self.participant, moment, item, right))

    def _send_to_session(self, record, exercise_id: str | None = None) -> None:
        """Post ``record(session id)`` to the outbox, for the session open when it leaves (not on replay)."""
        if self._replaying:
            return
        self.wake()

        def send():
            session = self._current()
            if session is None:
                raise LiveError("Aucune session n'est ouverte.")  # refused for good: not tried again
            record(session["id"])

        self.outbox.post(Letter(send, exercise_id))

    def _hook(self, exercise: Exercise, exercise_id: str) -> None:
        self.exercises[exercise_id] = exercise
        box = Feedback()
        box.add_class("atelier-direct")
        self.reveal_boxes[exercise_id] = box
        exercise.children = (*exercise.children, box)
        exercise.on_answer(lambda ex, choice, correct: self._on_answer(exercise_id, choice))

    def _current(self) -> dict | None:
        """The open session, if it is this page's atelier's."""
        session = self.store.current_session()
        atelier = getattr(self.path, "atelier", None)
        if session is None or atelier is None or session["atelier"] != atelier.id:
            return None
        return session

    def _on_answer(self, exercise_id: str, choice: str) -> None:
        self._send_to_session(lambda session: self.store.record_answer(session, exercise_id, self.participant, choice),
                              exercise_id)

    def _on_step(self, index: int) -> None:
        if self._replaying:
            return
        self.wake()

        def send():
            session = self._current()
            if session is not None:
                self.store.touch(session["id"], self.participant, index, self.kernel)

        self.outbox.post(Letter(send))

    # -- messages on the page --------------------------------------------------------------------
    def _box_of(self, exercise_id: str) -> Feedback | None:
        return self.reveal_boxes.get(exercise_id)

    def _show_late(self, exercise_id: str) -> None:
        box = self._box_of(exercise_id)
        if box is not None and exercise_id not in self.shown:
            with self._lock:
                box.show("info", LATE_TEXT, title="Envoi en attente")

    def _show_sent(self, exercise_id: str) -> None:
        box = self._box_of(exercise_id)
        if box is not None and exercise_id not in self.shown:
            with self._lock:
                box.show("info", SENT_TEXT)

    # -- reload and reveal ---------------------------------------------------------------------
    def restore(self) -> bool:
        """Bring back this participant's step and answers from the store; True if something was restored."""
        session = self._current()
        self.session = session["id"] if session else None
        if not session:
            return False
        step, answers = self.store.participant_state(session["id"], self.participant)
        with self._lock:
            self._replaying = True
            try:
                for exercise_id, choice in answers:
                    index = names.step_index(exercise_id)
                    if index is not None and index < len(self.path.steps):
                        self.path.steps[index].widget()  # builds (and hooks) the exercise
                    if exercise_id in self.exercises:
                        try:
                            self.exercises[exercise_id].replay_answer(choice)
                        except Exception as exc:  # noqa: BLE001 - the other answers still come back
                            log.warning("En direct : réponse non reprise (%s)", type(exc).__name__)
                checks = self.store.participant_checks(session["id"], self.participant)
                for index in self.check_steps if checks else []:
                    for check in checks_in(self.path.steps[index].widget()):
                        check.restore({item: right for moment, item, right in checks if moment == check.moment})
                if step:
                    self.path.go(step)
            finally:
                self._replaying = False
        self._on_step(self.path.index)  # this page, from this kernel, from now (sent without waiting)
        return bool(step or answers or checks)

    def poll(self) -> bool:
        """Show what the animateur revealed, join a new session; False once the page is gone."""
        session = self._current()
        if session is None:
            return True
        if session["id"] != self.session:  # opened after this page: it joins, and says so
            self.session = session["id"]
            self.store.touch(session["id"], self.participant, self.path.index, self.kernel)
            with self._lock:
                self.notice.show("info", JOINED_TEXT, title="Nouvelle session")
        gone = self.store.page_gone_since(session["id"], self.participant)
        # a page touched since the server saw it go is back (the server marks it again within a second)
        if gone is not None and gone > self._woken_at and time.time() - gone > GONE_SECONDS:
            return False
        for exercise_id in session["revealed"]:
            if exercise_id in self.reveal_boxes and exercise_id not in self.shown:
                self.shown.add(exercise_id)
                key = self.keys[exercise_id]
                text = f"La bonne réponse est : **{key.right_words}**."
                if key.explanation:
                    text += "\n\n" + key.explanation
                with self._lock:
                    self.reveal_boxes[exercise_id].show("info", text, title="Réponse donnée par l'animateur")
        return True

    def start(self) -> None:
        """Restore this participant's place, once, before the page is shown (never raises)."""
        try:
            self.restore()
        except Exception as exc:  # noqa: BLE001 - the page still works from the first step
            log.warning("En direct : reprise impossible (%s)", type(exc).__name__)

    def run(self, stop: threading.Event) -> None:
        """The background loop: reveals and new sessions, until the page is gone (bounded in time)."""
        deadline = time.monotonic() + POLL_LIMIT
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                if not self.poll():
                    return  # the page is gone: nothing left to do until it comes back (``wake``)
            except Exception as exc:  # noqa: BLE001 - never stop the page for the board
                log.warning("En direct : lecture impossible (%s)", type(exc).__name__)
            stop.wait(POLL_SECONDS)

    def run_in_background(self) -> None:
        self.stop = threading.Event()
        self._loop = threading.Thread(target=self.run, args=(self.stop,), daemon=True, name="atelier-en-direct")
        self._loop.start()

    @property
    def watching(self) -> bool:
        return self._loop is not None and self._loop.is_alive()

    def wake(self) -> None:
        """The participant touched the page: its loop runs again if it had stopped."""
        if self.stop is not None and not self.stop.is_set() and not self.watching:
            self._woken_at = time.time()
            self.run_in_background()


def checks_in(widget) -> list[CheckStep]:
    """Every before/after check inside ``widget`` (depth first)."""
    found = [widget] if isinstance(widget, CheckStep) else []
    for child in getattr(widget, "children", ()):
        found += checks_in(child)
    return found


def attach_live(path, store: LiveStore | None = None, participant: str | None = None,
                background: bool | None = None, kernel: str | None = None) -> LiveParticipant | None:
    """Hook ``path``'s live exercises to the store. Without a store, only under Voilà (else None)."""
    live = prepare_live(path, store, kernel)
    if live is None:
        return None
    in_page = store is None
    if in_page and participant is None:
        participant = participant_from_query()  # waits for the request if preheated
    begin_live(live, participant, background=in_page if background is None else background)
    return live


def prepare_live(path, store: LiveStore | None = None, kernel: str | None = None) -> LiveParticipant | None:
    """The hooks (a preheated kernel sets them in advance); None when nothing is live or not under Voilà."""
    if not any(s.get("en_direct") or s.get("type") == CHECK_TYPE for s in getattr(getattr(path, "atelier", None), "steps", [])):
        return None
    if store is None:  # a participant's page under Voilà (else a test giving its own store)
        if not under_voila():
            return None
        try:
            store = LiveStore(retries=KERNEL_RETRIES, busy_seconds=KERNEL_BUSY_SECONDS)
        except Exception as exc:  # noqa: BLE001 - the atelier works without live results
            log.warning("En direct : base indisponible (%s)", type(exc).__name__)
            return None
        kernel = kernel or own_kernel_id()
    return LiveParticipant(path, store, kernel=kernel)


def begin_live(live: LiveParticipant, participant: str | None, background: bool = True) -> None:
    """Once the participant is known: restore their place (before the page is shown), then watch."""
    live.participant = clean_participant(participant) or live.participant
    live.start()
    if background:
        live.run_in_background()
