"""The names the whole project agrees on: an atelier's files, an exercise's identifier, a page's address."""
from __future__ import annotations

#: In every atelier folder: the content a conseiller edits, and the thin notebook Voilà serves.
CONTENT_FILE = "atelier.yaml"
NOTEBOOK_FILE = "atelier.ipynb"
#: Beside them: the facilitator's notes, from which the fiche animateur and the mémo are made.
GUIDE_FILE = "animateur.yaml"


def exercise_id(atelier_id: str, index: int) -> str:
    """« 01_navigateur/3 »: the exercise of step ``index`` (from 0) of an atelier, as the live store keeps it."""
    return f"{atelier_id}/{index + 1}"


def step_index(exercise: str) -> int | None:
    """The step index (from 0) of an exercise identifier, or None if it is not one."""
    _atelier, _sep, number = str(exercise).partition("/")
    return int(number) - 1 if number.isdigit() and int(number) > 0 else None


def notebook_path(atelier_id: str) -> str:
    """An atelier's notebook, relative to the ateliers folder (Voilà's name for its page and pool)."""
    return f"{atelier_id}/{NOTEBOOK_FILE}"


def page_url(base_url: str, atelier_id: str) -> str:
    """The address of an atelier's page under the server's ``base_url`` (ends with « / »)."""
    return f"{base_url}voila/render/{notebook_path(atelier_id)}"
