"""Widgets that look alike share one layout and one style model (``widgets/ui/looks.py``)."""
from __future__ import annotations

import ipywidgets as ipw
import pytest

from widgets.ui.controls import box, button, html_block, input_field
from widgets.ui.looks import is_shown, looks, set_shown, shared


def test_two_buttons_share_their_layout_and_style_and_a_box_its_layout():
    first, second = button("Suivant →"), button("← Précédent", "atelier-precedent")
    assert first.layout is second.layout and first.style is second.style
    assert first.layout.width == "auto" and first.layout.height == "auto"
    assert html_block("a").layout is html_block("b").layout
    assert box([]).layout is box([first]).layout
    assert box([], row=True).layout is not box([]).layout  # another look: another model
    assert box([], row=True).layout.flex_flow == "row wrap"


def test_a_field_gets_the_look_it_asks_for():
    wide = input_field(ipw.Textarea, "Message", label_width="4rem", layout={"width": "100%"}, rows=8)
    assert wide.style.description_width == "4rem" and wide.layout.width == "100%" and wide.rows == 8
    assert "atelier-champ" in wide._dom_classes
    plain = input_field(ipw.Text, "Identifiant")
    assert plain.style.description_width == "initial" and plain.style is not wide.style


def test_a_shared_model_refuses_a_change_that_would_reach_every_widget():
    shown = button("Valider")
    with pytest.raises(AttributeError, match="shared by many widgets"):
        shown.layout.display = "none"
    with pytest.raises(AttributeError):
        shown.style.button_color = "red"
    assert button("Autre").layout.display is None


def test_hiding_one_widget_hides_only_that_one():
    one, other = html_block("un"), html_block("deux")
    set_shown(one, False)
    assert not is_shown(one) and is_shown(other) and one.layout is other.layout
    set_shown(one, True)
    assert is_shown(one) and "atelier-masque" not in one._dom_classes


def test_a_closed_shared_model_is_built_again():
    layout = shared(ipw.Layout, width="12px")
    layout.close()
    again = looks(ipw.HTML, layout={"width": "12px"})["layout"]
    assert again is not layout and again.comm is not None and again.width == "12px"
