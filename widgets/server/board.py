"""What the projected page shows: the live exercises of an atelier (from its content) and the room's answers."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from widgets.content.atelier import list_ateliers, load_atelier
from widgets.content.names import CONTENT_FILE, exercise_id
from widgets.content.validation import ContentError
from widgets.server.presence import connected_count
from widgets.sessions.answer_keys import AnswerKey, answer_key
from widgets.sessions.checks import check_items, room_progress
from widgets.sessions.store import END, LiveError, LiveStore


@dataclass
class LiveExercise:
    id: str
    title: str
    key: AnswerKey


def live_exercises(root: Path, atelier_id: str) -> list[LiveExercise]:
    """The steps of ``atelier_id`` flagged ``en_direct: true``, in order ([] if the atelier is unknown)."""
    folder = Path(root) / atelier_id
    if not atelier_id or "/" in atelier_id or atelier_id.startswith(".") or not (folder / CONTENT_FILE).is_file():
        return []
    try:
        atelier = load_atelier(folder)
    except ContentError:
        return []
    return [LiveExercise(exercise_id(atelier.id, i), s["titre"], answer_key(s) or AnswerKey())
            for i, s in enumerate(atelier.steps) if s.get("en_direct")]


def atelier_check_items(root: Path, atelier_id: str) -> list[tuple[str, str]]:
    """(item id, skill) of the atelier's before/after check ([] without one, or for an unknown atelier)."""
    folder = Path(root) / atelier_id
    if not atelier_id or "/" in atelier_id or atelier_id.startswith(".") or not (folder / CONTENT_FILE).is_file():
        return []
    try:
        return check_items(load_atelier(folder).steps)
    except ContentError:
        return []


def ateliers_with_live(root: Path) -> list[tuple[str, str]]:
    """(id, title) of the ateliers having at least one live exercise."""
    found, _errors = list_ateliers(root)
    return [(a.id, a.title) for a in found if any(s.get("en_direct") for s in a.steps)]


def bars(counts: dict[str, int], key: AnswerKey) -> list[dict]:
    """Bars of the chart: every labelled choice (even at 0), then the other answers given."""
    right = set(key.right)
    order = list(key.labels) + sorted(c for c in counts if c not in key.labels)
    return [{"libelle": key.label(c), "nombre": counts.get(c, 0), "correct": c in right} for c in order]


def board_state(store: LiveStore, root: Path, connections: dict[str, int] | None = None) -> dict:
    """Everything the animateur page shows, as JSON-ready data (hidden results are not included).

    ``connections`` (kernel id → open page connections, from the server) decides who is « connecté »;
    without it, the pages' recent news do.
    """
    session = store.current_session()
    choices = [{"id": i, "titre": t} for i, t in ateliers_with_live(root)]
    if session is None:
        return {"session": None, "ateliers": choices}
    exercises = live_exercises(root, session["atelier"])
    current = session["current"] or (exercises[0].id if exercises else None)
    state = {
        "session": {"id": session["id"], "atelier": session["atelier"], "debut": session["started"]},
        "ateliers": choices,
        "connectes": connected_count(store.pages(session["id"]), connections),
        "rejoints": store.joined(session["id"]),
        "exercices": [{"id": e.id, "titre": e.title} for e in exercises],
        "comptes": session["counts"],
        "courant": None,
        "fin": None,
    }
    if current == END:
        state["fin"] = summary(store, session["id"], exercises)
        progress = room_progress(store, session["id"], atelier_check_items(root, session["atelier"]))
        if progress is not None:  # the room's before/after: hidden (only who took part) until « Révéler »
            revealed = END in session["revealed"]
            state["fin"]["verification"] = ({**progress, "revele": True} if revealed else
                                            {"revele": False, "les_deux": progress["les_deux"]})
    elif current:
        counts = store.counts(session["id"], current)
        revealed = current in session["revealed"]
        shown = next((e for e in exercises if e.id == current), LiveExercise(current, current, AnswerKey()))
        exercise = {"id": current, "titre": shown.title, "question": shown.key.question,
                    "total": sum(counts.values()), "revele": revealed,
                    "position": next((i + 1 for i, e in enumerate(exercises) if e.id == current), 0)}
        if revealed:
            exercise["barres"] = bars(counts, shown.key)
            exercise["bonne_reponse"] = shown.key.right_words
            exercise["explication"] = shown.key.explanation
        state["courant"] = exercise
    return state


def summary(store: LiveStore, session: str, exercises: list[LiveExercise]) -> dict:
    """The end of the session: who answered, and per exercise the answers and the share of right ones."""
    rows = []
    for e in exercises:
        counts = store.counts(session, e.id)
        total = sum(counts.values())
        right = sum(n for c, n in counts.items() if c in set(e.key.right))
        rows.append({"id": e.id, "titre": e.title, "total": total,
                     "justes": round(100 * right / total) if total and e.key.right else None})
    return {"repondants": store.answered(session), "exercices": rows}


def _live_ids(store: LiveStore, root: Path) -> tuple[dict, list[str]]:
    session = store.current_session()
    if session is None:
        raise LiveError("Aucune session n'est ouverte. Appuyez sur « Nouvelle session ».")
    ids = [e.id for e in live_exercises(root, session["atelier"])]
    if not ids:
        raise LiveError("Cet atelier n'a pas d'exercice en direct.")
    return session, ids


#: The board's moves read the current exercise, then write the next one: one at a time, so that a
#: presenter's remote pressed twice quickly moves twice (the actions run in the server's threads).
_ONE_MOVE_AT_A_TIME = threading.Lock()


def _move(store: LiveStore, root: Path, choose) -> str:
    """Move the open session to ``choose(current, ids)``, one move at a time; return where it went."""
    with _ONE_MOVE_AT_A_TIME:
        session, ids = _live_ids(store, root)
        current = session["current"] if session["current"] in ids + [END] else ids[0]
        target = choose(current, ids)
        store.set_current(session["id"], target)
        return target


def next_exercise(store: LiveStore, root: Path) -> str:
    """Move the open session to its next live exercise; after the last one, to the summary (``END``)."""
    return _move(store, root, lambda current, ids: END if current in (END, ids[-1]) else ids[ids.index(current) + 1])


def previous_exercise(store: LiveStore, root: Path) -> str:
    """Move back to the previous live exercise (its results as they were); from the summary, the last."""
    return _move(store, root, lambda current, ids: ids[-1] if current == END else ids[max(0, ids.index(current) - 1)])


def start_session(store: LiveStore, root: Path, atelier_id: str) -> str:
    """Open a new session (the answers start from zero) on the first live exercise of ``atelier_id``."""
    exercises = live_exercises(root, atelier_id) if isinstance(atelier_id, str) else []
    if not exercises:
        raise LiveError("Cet atelier n'existe pas ou n'a pas d'exercice en direct.")
    return store.open_session(atelier_id, exercises[0].id)


def reveal_current(store: LiveStore, root: Path) -> str:
    session, ids = _live_ids(store, root)
    current = session["current"] or ids[0]
    if current == END:
        if atelier_check_items(root, session["atelier"]) and END not in session["revealed"]:
            store.reveal(session["id"], END)  # the room's before/after check
            return END
        raise LiveError("Tous les exercices en direct sont passés : appuyez sur ← pour revenir au dernier.")
    if current not in ids:
        raise LiveError("Cet exercice n'existe pas.")
    store.reveal(session["id"], current)
    return current
