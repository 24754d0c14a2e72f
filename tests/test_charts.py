"""Honest and misleading charts: valid self-contained SVG, numbers in the alt text, real axes."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.charts import draw as charts
from widgets.charts.draw import (
    ACCENT,
    INK,
    MAIN,
    Chart,
    DatasetError,
    area_effect,
    chosen_period,
    honest_bar,
    load_dataset,
    truncated_axis,
)

SVG_NS = "http://www.w3.org/2000/svg"
ALL = [honest_bar, truncated_axis, chosen_period, area_effect]


@pytest.fixture(scope="module")
def df():
    return load_dataset()


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_dataset_holds_the_published_insee_figures(df):
    row = df[(df.indicateur == "illectronisme") & (df.annee == 2021) & (df.groupe == "Ensemble")]
    assert row.valeur_pct.item() == pytest.approx(15.4)
    assert set(df.columns) >= {"indicateur", "annee", "groupe", "valeur_pct", "publication"}
    assert df.valeur_pct.between(0, 100).all()


@pytest.mark.parametrize("make", ALL)
def test_each_chart_is_valid_self_contained_svg(df, make):
    chart = make(df)
    assert isinstance(chart, Chart)
    root = ET.fromstring(chart.svg)
    assert root.tag == f"{{{SVG_NS}}}svg"
    assert not root.findall(f".//{{{SVG_NS}}}script")
    assert not root.findall(f".//{{{SVG_NS}}}image")
    assert re.findall(r"https?://[^\"'\s<>]+", chart.svg) == [SVG_NS]
    assert "<!DOCTYPE" not in chart.svg
    texts = root.findall(f".//{{{SVG_NS}}}text")
    assert texts, "text must stay text (svg.fonttype none)"
    assert root.find(f"{{{SVG_NS}}}title").text == chart.alt


@pytest.mark.parametrize("make", ALL)
def test_text_is_large_enough_at_360_px(df, make):
    chart = make(df)
    root = ET.fromstring(chart.svg)
    view_width = float(root.get("viewBox").split()[2])
    sizes = [float(s) for s in re.findall(r"font[^;\"]*?\b(\d+(?:\.\d+)?)px", chart.svg)]
    assert sizes
    assert min(sizes) * 360 / view_width >= 13.5


@pytest.mark.parametrize("make", ALL)
def test_alt_text_contains_every_number_in_french(df, make):
    chart = make(df)
    shown = re.findall(r"(\d+(?:,\d)?)\u00a0%", chart.alt)
    assert len(shown) >= 2
    assert not re.search(r"\d\.\d", chart.alt), "decimal comma expected"
    for number in shown:
        assert number + "\u00a0%" in chart.svg  # the figure writes the same numbers


def test_honest_chart_starts_at_zero_and_says_honest(df):
    chart = honest_bar(df)
    assert chart.misleading is False
    assert chart.ylim[0] == 0
    for label, value in [("15 à 24 ans", "2"), ("25 à 39 ans", "4"), ("60 à 74 ans", "24"),
                         ("75 ans ou plus", "62")]:
        assert f"{label} : {value}\u00a0%" in chart.alt
    assert "honnête" in chart.explanation
    # an honest chart hides no choice: the age band it leaves out is said on the chart and in its alt
    assert "40 à 59 ans ne sont pas montrés" in chart.alt
    svg_text = " ".join(t.text or "" for t in ET.fromstring(chart.svg).iter(f"{{{SVG_NS}}}text"))
    assert "40 à 59 ans ne sont pas montrés" in svg_text
    assert "40 à 59 ans" in chart.explanation


def test_a_chart_of_every_age_band_or_of_other_groups_has_no_left_out_note(df):
    assert charts.left_out_bands(["15 à 24 ans", "25 à 39 ans", "40 à 59 ans"]) == []
    assert charts.left_out_bands(["15 à 24 ans", "75 ans ou plus"]) == ["25 à 39 ans", "40 à 59 ans", "60 à 74 ans"]
    assert charts.left_out_bands(["France métropolitaine", "DOM"]) == []
    chart = honest_bar(df, groupes=("France métropolitaine", "DOM"))
    assert "pas montrés" not in chart.alt and "pas montrés" not in chart.svg


def test_truncated_axis_really_starts_above_zero(df):
    chart = truncated_axis(df)
    assert chart.misleading is True
    assert chart.ylim[0] > 50
    assert chart.ylim[0] < 78.0  # just below the smallest value
    assert "78\u00a0%" in chart.alt and "79,3\u00a0%" in chart.alt
    assert "1,3 point" in chart.explanation and "0\u00a0%" in chart.explanation


def test_chosen_period_names_the_full_period(df):
    chart = chosen_period(df)
    assert chart.misleading is True
    assert chart.ylim[0] == 0
    assert "74,7\u00a0%" in chart.alt and "75,3\u00a0%" in chart.alt
    assert "62,5\u00a0%" not in chart.alt  # the hidden years are not shown …
    assert "2008" in chart.explanation and "62,5\u00a0%" in chart.explanation  # … but explained
    other = chosen_period(df, annees=(2008, 2016))
    assert "16,8 points" in other.explanation


def test_area_effect_explains_the_squared_ratio(df):
    chart = area_effect(df)
    assert chart.misleading is True
    assert "2,6 fois" in chart.explanation and "6,7 fois" in chart.explanation


def test_colours_contrast_on_white():
    for colour in (MAIN, ACCENT, INK):
        assert (1.05) / (_luminance(colour) + 0.05) >= 4.5


def test_misleading_highlight_is_not_colour_only(df):
    svg = truncated_axis(df).svg
    assert "<pattern" in svg or "hatch" in svg  # hatching, on top of the colour


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "abîmé"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00binaire", "CSV"),
        (b"\xff\xfe\xfa\xfb", "abîmé"),
        (b"a,b\n1,2\n", "Il manque des colonnes"),
        ("indicateur,annee,groupe,valeur_pct,champ,publication\n".encode(), "aucun chiffre"),
        ("indicateur,annee,groupe,valeur_pct,champ,publication\nx,deux mille,Ensemble,3,c,p\n".encode(),
         "Ligne 2"),
        ("indicateur,annee,groupe,valeur_pct,champ,publication\nx,2019,Ensemble,150,c,p\n".encode(),
         "entre 0 et 100"),
        (b'indicateur,annee\n"x,2019\n', ""),
    ],
)
def test_broken_csv_gives_french_message(tmp_path, content, expected):
    path = tmp_path / "casse.csv"
    path.write_bytes(content)
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert isinstance(caught.value, ValueError)
    assert expected in str(caught.value)
    assert "Error" not in str(caught.value) and "Traceback" not in str(caught.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DatasetError, match="introuvable"):
        load_dataset(tmp_path / "absent.csv")
    with pytest.raises(DatasetError, match="introuvable"):
        load_dataset(tmp_path)


def test_unknown_request_gives_french_message(df):
    with pytest.raises(DatasetError, match="manquent"):
        chosen_period(df, annees=(1990, 2012))
    with pytest.raises(DatasetError, match="Aucun chiffre"):
        honest_bar(df, indicateur="inconnu")
    with pytest.raises(DatasetError, match="load_dataset"):
        honest_bar("pas un tableau")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_property_any_file_gives_dataframe_or_french_error(tmp_path, content):
    path = tmp_path / "hasard.csv"
    path.write_bytes(content)
    try:
        frame = load_dataset(path)
    except DatasetError as error:
        assert str(error) and not re.search(r"\b(Error|the|file)\b", str(error))
    else:
        assert frame.valeur_pct.between(0, 100).all()


@settings(max_examples=25, deadline=None)
@given(values=st.lists(st.floats(min_value=0.5, max_value=100, allow_nan=False), min_size=2, max_size=2),
       names=st.lists(st.text(min_size=1, max_size=30).filter(lambda s: s.strip()), min_size=2,
                      max_size=2, unique_by=str.strip))
def test_property_hostile_group_names_still_give_valid_svg(values, names, tmp_path_factory):
    import pandas

    frame = pandas.DataFrame({"indicateur": "illectronisme", "annee": 2021,
                              "groupe": [n.strip() for n in names], "valeur_pct": values,
                              "champ": "c", "publication": "p"})
    for make in (honest_bar, area_effect):
        chart = make(frame, groupes=[n.strip() for n in names])
        ET.fromstring(chart.svg)
        assert re.findall(r"https?://[^\"'\s<>]+", chart.svg) == [SVG_NS]


def test_matplotlib_is_not_imported_with_the_module():
    import subprocess
    import sys

    code = "import sys, widgets.charts.draw; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert charts.DEFAULT_DATASET.is_file()


# -- charts drawn once, read by every kernel --------------------------------------------------------
def test_a_kept_chart_is_the_drawn_chart_and_spares_pandas(tmp_path, monkeypatch):
    import os
    import subprocess
    import sys

    from widgets.charts import cache as chart_cache

    monkeypatch.setenv("ATELIERS_CACHE", str(tmp_path))
    assert sorted(chart_cache.missing()) == sorted(chart_cache.KINDS)
    chart_cache.prepare_charts()  # what « atelier lancer » does, in another process
    assert chart_cache.missing() == []
    for kind in chart_cache.KINDS:
        kept, drawn = chart_cache.cached_chart(kind), chart_cache.draw(kind)
        assert (kept.alt, kept.explanation, kept.misleading, kept.ylim) == \
            (drawn.alt, drawn.explanation, drawn.misleading, drawn.ylim)
        ET.fromstring(kept.svg)
    code = ("import sys\nfrom widgets.workshop.page import build_workshop\npath = build_workshop('.')\n"
            "shown = [i for i, s in enumerate(path.atelier.steps) if s.get('type') == 'graphique']\n"
            "for i in shown: path.go(i)\n"
            "print(len(shown), 'pandas' in sys.modules, 'matplotlib' in sys.modules)")
    folder = charts.DEFAULT_DATASET.parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, check=True,
                         env={**os.environ, "ATELIERS_CACHE": str(tmp_path)})
    shown, pandas_loaded, matplotlib_loaded = out.stdout.split()
    assert int(shown) >= 1 and pandas_loaded == matplotlib_loaded == "False"


def test_a_damaged_or_unwritable_cache_still_gives_the_chart(tmp_path, monkeypatch):
    from widgets.charts import cache as chart_cache

    monkeypatch.setenv("ATELIERS_CACHE", str(tmp_path))
    kept = chart_cache.cached_chart("honnete")
    file = next((tmp_path / "graphiques").glob("honnete-*.json"))
    file.write_text("{pas du json", encoding="utf-8")
    assert chart_cache.cached_chart("honnete").alt == kept.alt  # drawn again, and kept again
    assert chart_cache._read(file) is not None
    blocked = tmp_path / "fichier"
    blocked.write_text("x")
    monkeypatch.setenv("ATELIERS_CACHE", str(blocked))  # a file where the folder should be
    assert chart_cache.cached_chart("axe_coupe").misleading


def test_edited_figures_are_drawn_again(tmp_path):
    from widgets.charts import cache as chart_cache

    copy = tmp_path / "illectronisme.csv"
    copy.write_bytes(charts.DEFAULT_DATASET.read_bytes())
    before = chart_cache.chart_key("honnete", copy)
    copy.write_bytes(copy.read_bytes().replace(b"2021", b"2020", 1))
    assert chart_cache.chart_key("honnete", copy) != before
