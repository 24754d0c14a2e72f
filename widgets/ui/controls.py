"""The controls every component is made of: buttons, boxes, HTML blocks, and callbacks that never fail."""
from __future__ import annotations

import functools
import logging

import ipywidgets as ipw

from widgets.ui.looks import looks

log = logging.getLogger("ateliers")
#: The layouts of the controls below (shared: see ``widgets.ui.looks``).
AUTO_WIDTH = {"width": "auto"}
AUTO_SIZE = {"width": "auto", "height": "auto"}
FULL_WIDTH = {"width": "100%"}

#: Shown when a callback fails: kind, French, and it never reveals what was typed.
ERROR_MESSAGE = (
    "Oups, quelque chose n'a pas fonctionné. Ce n'est pas de votre faute. "
    "Réessayez, ou demandez de l'aide à l'animateur."
)


def safe_callback(on_error=None):
    """Wrap a widget callback so that an error never reaches the participant as a traceback.

    Only the exception type is logged, never its message (it could quote what the
    participant typed). ``on_error`` receives the French message to show.
    """

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - the participant must never see it
                log.error("Erreur dans %s : %s", func.__qualname__, type(exc).__name__)
                handler = on_error
                if handler is None and args and hasattr(args[0], "show_error"):
                    handler = args[0].show_error
                if handler is not None:
                    handler(ERROR_MESSAGE)
                return None

        return wrapper

    return decorate


def on_press(owner, method: str, *args):
    """A click handler that calls ``owner.<method>(*args)`` (looked up at each press), guarded like
    ``safe_callback``: an error shows ``owner.show_error``'s French message, never a traceback."""
    def handler(_widget=None):
        getattr(owner, method)(*args)

    handler.__qualname__ = f"{type(owner).__name__}.{method}"
    return safe_callback(on_error=owner.show_error)(handler)


def button(label: str, *classes: str, tooltip: str = "") -> ipw.Button:
    """A large button with the project's classes (text only: no icon font needed)."""
    b = ipw.Button(description=label, tooltip=tooltip or None, **looks(ipw.Button, layout=AUTO_SIZE))
    b.add_class("atelier-bouton")
    for c in classes:
        b.add_class(c)
    return b


def toggle(label: str, *classes: str) -> ipw.ToggleButton:
    """A large on/off button (its state is announced through ``aria-pressed`` by the template)."""
    t = ipw.ToggleButton(description=label, value=False, **looks(ipw.ToggleButton, layout=AUTO_SIZE))
    t.add_class("atelier-bouton")
    t.add_class("atelier-bascule")
    for c in classes:
        t.add_class(c)
    return t


def html_block(content: str = "", *classes: str) -> ipw.HTML:
    """An HTML widget with the project's classes."""
    h = ipw.HTML(value=content, **looks(ipw.HTML, layout=AUTO_WIDTH))
    for c in classes:
        h.add_class(c)
    return h


def box(children=(), *classes: str, row: bool = False) -> ipw.Box:
    """A vertical (or wrapping horizontal) box with the project's classes."""
    kind = ipw.HBox if row else ipw.VBox
    b = kind(list(children), **looks(kind, layout={**AUTO_WIDTH, "flex_flow": "row wrap" if row else "column"}))
    for c in classes:
        b.add_class(c)
    return b


def input_field(kind: type, label: str, *, label_width: str = "initial", layout: dict | None = None,
                **traits) -> ipw.Widget:
    """A labelled input (``ipw.Text``, ``Password``, ``Textarea``, ``Dropdown``) with the project's class."""
    f = kind(description=label, **traits, **looks(kind, layout=layout, style={"description_width": label_width}))
    f.add_class("atelier-champ")
    return f
