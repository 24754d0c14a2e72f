"""Layouts and styles shared by the widgets that look alike: one model per look, not one per widget.

ipywidgets gives every widget a Layout model of its own, and a style model to every button, HTML block
and field: each is a comm in the participant's kernel and a model in their page. Before this module an
atelier's page held about 1 200 widget models, more than half of them identical layouts and styles.
``looks(Button, layout={"width": "auto"})`` gives the ``layout=`` and ``style=`` arguments of a new widget,
shared by every widget that asks for the same. A shared model refuses changes (it would change every
widget that has it): show or hide one widget with ``set_shown``.
"""
from __future__ import annotations

import ipywidgets as ipw

#: The class that hides a widget (``atelier.css``): its own display, whatever its layout says.
HIDDEN_CLASS = "atelier-masque"


class _Frozen:
    """A layout or style model that refuses changes once built: many widgets share it."""

    def __setattr__(self, name, value):
        if getattr(self, "_frozen", False) and name in self.keys:
            raise AttributeError(f"{type(self).__name__}.{name}: this model is shared by many widgets; "
                                 "give the widget a look of its own, or use set_shown")
        super().__setattr__(name, value)


_classes: dict[type, type] = {}
_shared: dict[tuple, ipw.Widget] = {}


def _frozen_class(model_class: type) -> type:
    if model_class not in _classes:
        _classes[model_class] = type(f"Shared{model_class.__name__}", (_Frozen, model_class), {"__module__": __name__})
    return _classes[model_class]


def shared(model_class: type, **traits) -> ipw.Widget:
    """The one ``model_class`` (a Layout or a style) with ``traits``, built at the first request."""
    key = (model_class, tuple(sorted(traits.items())))
    model = _shared.get(key)
    if model is None or model.comm is None:  # never built, or closed (``Widget.close_all``)
        model = _frozen_class(model_class)(**traits)
        model._frozen = True
        _shared[key] = model
    return model


def looks(widget_class: type, layout: dict | None = None, style: dict | None = None) -> dict:
    """The ``layout=`` (and, for a widget that has one, ``style=``) arguments of a new ``widget_class``."""
    arguments = {"layout": shared(ipw.Layout, **(layout or {}))}
    style_trait = widget_class.class_traits().get("style")
    if style_trait is not None:
        arguments["style"] = shared(style_trait.klass, **(style or {}))
    return arguments


def set_shown(widget: ipw.DOMWidget, shown: bool) -> None:
    """Show or hide ``widget`` (and what it holds), whatever layout it shares."""
    if shown:
        widget.remove_class(HIDDEN_CLASS)
    else:
        widget.add_class(HIDDEN_CLASS)


def is_shown(widget: ipw.DOMWidget) -> bool:
    return HIDDEN_CLASS not in widget._dom_classes
