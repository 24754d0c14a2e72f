"""Hooks in a participant's kernel: send anonymous answers, show the revealed answer, restore on reload.

Only active under Voilà (or when a store is given, in tests): notebooks run by nbval are unchanged.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from widgets.components.exercise import Exercise, exercises_in
from widgets.content import names
from widgets.kernel.request import query_string
from widgets.sessions.store import (
    LiveError,
    LiveStore,
    clean_participant,
    new_participant_id,
)
from widgets.ui.feedback import Feedback

if TYPE_CHECKING:
    from widgets.sessions.answer_keys import AnswerKey

log = logging.getLogger("ateliers")
POLL_SECONDS = 1.0
POLL_LIMIT = 12 * 3600  # a kernel stops polling after a (long) day of workshop


def under_voila() -> bool:
    return bool(os.environ.get("VOILA_KERNEL_ID") or os.environ.get("VOILA_REQUEST_URL")
                or os.environ.get("VOILA_PREHEAT") == "True")


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

    def __init__(self, path, store: LiveStore, participant: str | None = None):
        self.path = path
        self.store = store
        self.participant = clean_participant(participant) or new_participant_id()
        self.exercises: dict[str, Exercise] = {}
        from widgets.sessions.answer_keys import (  # only where a step is live
            AnswerKey,
            answer_key,
        )

        self.keys: dict[str, AnswerKey] = {}  # what « Révéler » shows, from the content
        self.reveal_boxes: dict[str, Feedback] = {}
        self.shown: set[str] = set()
        self._replaying = False
        self._lock = threading.RLock()
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

    def _hook(self, exercise: Exercise, exercise_id: str) -> None:
        self.exercises[exercise_id] = exercise
        box = Feedback()
        box.add_class("atelier-direct")
        self.reveal_boxes[exercise_id] = box
        exercise.children = (*exercise.children, box)
        exercise.on_answer(lambda ex, choice, correct: self._on_answer(exercise_id, choice))

    def _session(self) -> str | None:
        session = self.store.current_session()
        atelier = getattr(self.path, "atelier", None)
        if session is None or atelier is None or session["atelier"] != atelier.id:
            return None
        return session["id"]

    def _on_answer(self, exercise_id: str, choice: str) -> None:
        if self._replaying:
            return
        try:
            session = self._session()
            if session:
                self.store.record_answer(session, exercise_id, self.participant, choice)
        except (LiveError, OSError, ValueError) as exc:
            log.warning("En direct : réponse non envoyée (%s)", type(exc).__name__)

    def _on_step(self, index: int) -> None:
        if self._replaying:
            return
        try:
            session = self._session()
            if session:
                self.store.touch(session, self.participant, index)
        except (LiveError, OSError, ValueError) as exc:
            log.warning("En direct : étape non enregistrée (%s)", type(exc).__name__)

    # -- reload and reveal ---------------------------------------------------------------------
    def restore(self) -> bool:
        """Bring back this participant's step and answers from the store; True if something was restored."""
        session = self._session()
        if not session:
            return False
        step, answers = self.store.participant_state(session, self.participant)
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
                if step:
                    self.path.go(step)
            finally:
                self._replaying = False
        return bool(step or answers)

    def poll(self) -> None:
        """Say « I am here » and show the answers the animateur has revealed."""
        session = self.store.current_session()
        atelier = getattr(self.path, "atelier", None)
        if session is None or atelier is None or session["atelier"] != atelier.id:
            return
        self.store.touch(session["id"], self.participant)
        for exercise_id in session["revealed"]:
            if exercise_id in self.reveal_boxes and exercise_id not in self.shown:
                self.shown.add(exercise_id)
                key = self.keys[exercise_id]
                text = f"La bonne réponse est : **{key.right_words}**."
                if key.explanation:
                    text += "\n\n" + key.explanation
                with self._lock:
                    self.reveal_boxes[exercise_id].show("info", text, title="Réponse donnée par l'animateur")

    def start(self) -> None:
        """Restore this participant's place, once, before the page is shown (never raises)."""
        try:
            self.restore()
        except Exception as exc:  # noqa: BLE001 - the page still works from the first step
            log.warning("En direct : reprise impossible (%s)", type(exc).__name__)

    def run(self, stop: threading.Event) -> None:
        """The background loop: say « I am here » and show revealed answers (bounded in time)."""
        deadline = time.monotonic() + POLL_LIMIT
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                self.poll()
            except Exception as exc:  # noqa: BLE001 - never stop the page for the board
                log.warning("En direct : lecture impossible (%s)", type(exc).__name__)
            stop.wait(POLL_SECONDS)


def attach_live(path, store: LiveStore | None = None, participant: str | None = None,
                background: bool | None = None) -> LiveParticipant | None:
    """Hook ``path``'s live exercises to the store. Without a store, only under Voilà (else None)."""
    if not any(s.get("en_direct") for s in getattr(getattr(path, "atelier", None), "steps", [])):
        return None
    in_page = store is None  # a participant's page under Voilà (else a test giving its own store)
    if in_page:
        if not under_voila():
            return None
        try:
            store = LiveStore()
        except Exception as exc:  # noqa: BLE001 - the atelier works without live results
            log.warning("En direct : base indisponible (%s)", type(exc).__name__)
            return None
        background = True if background is None else background
    live = LiveParticipant(path, store, participant)  # hooks first: a preheated kernel does it in advance
    if in_page and participant is None:
        live.participant = participant_from_query() or live.participant  # waits for the request if preheated
    live.start()  # before the page is displayed: the browser receives the restored page
    if background:
        live.stop = threading.Event()
        threading.Thread(target=live.run, args=(live.stop,), daemon=True, name="atelier-en-direct").start()
    return live
