"""Small helpers shared by every component: Markdown, escaping, safe callbacks, buttons."""
from __future__ import annotations

import functools
import html
import logging

import ipywidgets as widgets
import mistune

_markdown = mistune.create_markdown(escape=True, plugins=["strikethrough", "table"])
log = logging.getLogger("ateliers")

#: Shown when a callback fails: kind, French, and it never reveals what was typed.
ERROR_MESSAGE = (
    "Oups, quelque chose n'a pas fonctionné. Ce n'est pas de votre faute. "
    "Réessayez, ou demandez de l'aide à l'animateur."
)


def md(text: str | None) -> str:
    """Markdown from a content file to HTML (raw HTML is escaped, never run)."""
    if not text:
        return ""
    return _markdown(str(text))


def esc(text: object) -> str:
    """Escape any text for HTML (quotes too)."""
    return html.escape("" if text is None else str(text), quote=True)


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


def button(label: str, *classes: str, tooltip: str = "") -> widgets.Button:
    """A large button with the project's classes (text only: no icon font needed)."""
    b = widgets.Button(description=label, tooltip=tooltip or None)
    b.layout = widgets.Layout(width="auto", height="auto")
    b.add_class("atelier-bouton")
    for c in classes:
        b.add_class(c)
    return b


def toggle(label: str, *classes: str) -> widgets.ToggleButton:
    """A large on/off button (its state is announced through ``aria-pressed`` by the template)."""
    t = widgets.ToggleButton(description=label, value=False)
    t.layout = widgets.Layout(width="auto", height="auto")
    t.add_class("atelier-bouton")
    t.add_class("atelier-bascule")
    for c in classes:
        t.add_class(c)
    return t


def html_block(content: str = "", *classes: str) -> widgets.HTML:
    """An HTML widget with the project's classes."""
    h = widgets.HTML(value=content)
    h.layout = widgets.Layout(width="auto")
    for c in classes:
        h.add_class(c)
    return h


def box(children=(), *classes: str, row: bool = False) -> widgets.Box:
    """A vertical (or wrapping horizontal) box with the project's classes."""
    b = (widgets.HBox if row else widgets.VBox)(list(children))
    b.layout = widgets.Layout(width="auto", flex_flow="row wrap" if row else "column")
    for c in classes:
        b.add_class(c)
    return b
