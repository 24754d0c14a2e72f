"""Atelier 04 « Vérifier une information »: its components, its domain-age tool, its charts, its walkthrough."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import requests
import responses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.analysers.rdap.lookup import SOURCE_LIVE, SOURCE_NONE, SOURCE_RECORDED
from widgets.components.post_matching import PostMatching
from widgets.components.true_false_series import Statement, TrueFalseSeries
from widgets.content.atelier import load_atelier
from widgets.content.vocabulary import CHART_KINDS
from widgets.sessions.answer_keys import answer_key
from widgets.simulations.social_post import Post, count_fr, initials, social_post_html
from widgets.steps.build import StepContext, build_step
from widgets.tools.domain_age_tool import DomainAgeTool
from widgets.ui.figures import (
    accessible_svg,
    chart,
    chart_html,
    media_alts,
)
from widgets.workshop.walkthrough import exercises_in, walkthrough

FOLDER = Path(__file__).resolve().parent.parent / "ateliers" / "04_sources"
ATELIER = load_atelier(FOLDER)
HOSTILE = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.sampled_from([
    "<script>alert(1)</script>", "\x00\x01\x1b[31m", "é" * 5000, "javascript:alert(1)", "   ", "\u202e",
])


def step_of(kind: str, nth: int = 0):
    """The widget of the ``nth`` step of ``kind`` in atelier 04."""
    found = [(i, s) for i, s in enumerate(ATELIER.steps) if s.get("type") == kind]
    index, raw = found[nth]
    return raw, build_step(raw, StepContext(FOLDER, ATELIER.id, index))


# ---------------------------------------------------------------- the atelier as a whole

def test_walkthrough_every_step_shows_and_every_exercise_explains():
    report = walkthrough(FOLDER)
    assert "NON" not in report, report
    assert report.count("oui") == 5


def test_duration_is_the_sum_of_the_steps_and_within_60_to_75_minutes():
    total = sum(s.get("duree", 0) for s in ATELIER.steps)
    assert ATELIER.minutes == total
    assert 60 <= total <= 75


def test_sift_steps_and_required_activities_are_present():
    kinds = [s.get("type") for s in ATELIER.steps]
    for kind in ("tri", "publication", "mentions_legales", "age_domaine", "resultats_recherche",
                 "images_etapes", "associer", "graphique", "serie_vrai_faux", "retenir"):
        assert kind in kinds, kind
    sorting = ATELIER.steps[kinds.index("tri")]
    assert "Satire" in sorting["categories"] and len(sorting["categories"]) <= 5
    matching = ATELIER.steps[kinds.index("associer")]
    assert len(matching["techniques"]) == 6


# ---------------------------------------------------------------- social post

def test_post_shows_author_initials_text_and_counts_in_words():
    html = social_post_html(Post("Info Vérité Ardèche", "Ce matin, **tout** est sous l'eau", likes=2480,
                                 shares=15_300, comments=3))
    assert ">IV<" in html and "Info Vérité Ardèche" in html
    assert "<strong>tout</strong>" in html
    assert "2\u202f480 « J'aime »" in html and "15,3\u00a0k partages" in html and "3 commentaires" in html


@given(author=HOSTILE, text=HOSTILE)
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_post_never_raises_and_never_lets_markup_through(author, text):
    html = social_post_html(Post(author, text, likes=-5))
    assert "<script" not in html.lower()
    assert initials(author)
    assert count_fr(-5) == "0"


def test_stop_step_shows_the_viral_post_with_its_photo_and_alt():
    raw, widget = step_of("publication")
    html = " ".join(getattr(w, "value", "") for w in _all(widget) if isinstance(getattr(w, "value", None), str))
    assert "Info Vérité Ardèche" in html and "data:image/jpeg;base64," in html
    assert media_alts(FOLDER)["rue_inondee.jpg"].split()[0] in html  # alt text from images.yaml
    ex = exercises_in(widget)[0]
    ex.choose(1)
    assert ex.feedback.kind == "incorrect" and "source" in ex.feedback.text
    ex.choose(0)
    assert ex.feedback.kind == "correct"


def _all(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _all(child)


# ---------------------------------------------------------------- matching (associer)

def test_matching_explains_each_wrong_post_and_accepts_the_right_techniques():
    raw, widget = step_of("associer")
    ex = next(e for e in exercises_in(widget) if isinstance(e, PostMatching))
    posts = raw["publications"]
    ex.place(0, posts[-1]["technique"])  # a wrong technique for the first post
    for i, p in enumerate(posts[1:], start=1):
        ex.place(i, p["technique"])
    ex.check()
    assert ex.feedback.kind == "partiel"
    assert f"{len(posts) - 1} sur {len(posts)}" in ex.feedback.text
    assert posts[0]["retour"] in ex.feedback.text  # the feedback of that post, and only it
    assert posts[1]["retour"] not in ex.feedback.text
    ex.item_buttons[0][ex.categories.index(posts[0]["technique"])].click()
    ex.check_button.click()
    assert ex.feedback.kind == "correct"
    assert "votre réponse" in ex.item_labels[0].value and "Ameli" in ex.item_labels[0].value


# ---------------------------------------------------------------- charts

@pytest.mark.parametrize("kind", CHART_KINDS)
def test_chart_html_has_a_text_alternative_that_says_what_it_shows(kind):
    html = chart_html(kind, "A")
    c = chart(kind)
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'role="img"' in svg and "aria-label=" in svg and "<title>" in svg
    assert "Description du graphique A" in html
    # the alternative gives the real numbers of the dataset, in French
    numbers = re.findall(r"\d+(?:,\d)?\u00a0%", c.alt)
    assert len(numbers) >= 2
    assert ("trompeur" in c.alt.lower()) == c.misleading
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_two_charts_on_one_page_do_not_share_ids():
    svg_a, svg_b = accessible_svg(chart("honnete").svg, "a", "ga"), accessible_svg(chart("axe_coupe").svg, "b", "gb")
    ids_a = set(re.findall(r'\bid="([^"]+)"', svg_a))
    ids_b = set(re.findall(r'\bid="([^"]+)"', svg_b))
    assert ids_a and not ids_a & ids_b


def test_chart_step_says_which_chart_misleads_and_why():
    raw, widget = step_of("graphique", 2)  # honest bars vs area discs
    ex = exercises_in(widget)[0]
    ex.choose(0)
    assert ex.feedback.kind == "incorrect"
    ex.choose(1)
    assert ex.feedback.kind == "correct"
    assert "surface" in ex.feedback.text and "Graphique B" in ex.feedback.text


# ---------------------------------------------------------------- true/false series

def test_series_shows_one_statement_at_a_time_and_reveals_on_demand():
    series = TrueFalseSeries("Vrai ou faux ?", [Statement("La Terre est ronde.", True, "On le sait depuis longtemps."),
                                                 Statement("Un partage prouve la vérité.", False, "Non.")])
    assert "Affirmation 1 sur 2" in series.counter.value and "La Terre est ronde." in series.statement.value
    assert series.feedback.value == ""  # the answer is not in the page before it is shown
    series.next_button.click()
    assert series.index == 0 and series.feedback.kind == "info"
    series.reveal_button.click()
    assert series.feedback.kind == "info" and "Vrai" in series.feedback.text
    assert series.true_button.disabled and series.next_button.disabled is False
    series.next_button.click()
    assert "Affirmation 2 sur 2" in series.counter.value
    series.true_button.click()
    assert series.feedback.kind == "incorrect" and "Faux" in series.feedback.text
    series.next_button.click()
    assert "0 bonne réponse sur 1" in series.feedback.text


def test_series_answers_reach_the_live_listeners_anonymously():
    series = TrueFalseSeries("", [Statement("A", True), Statement("B", False)])
    seen = []
    series.on_answer(lambda ex, choice, correct: seen.append((choice, correct)))
    series.answer(True)
    series.next()
    series.answer(True)
    assert seen == [("0:vrai", True), ("1:vrai", False)]
    key = answer_key({"type": "serie_vrai_faux", "titre": "t", "affirmations": [
        {"affirmation": "A", "reponse": True}, {"affirmation": "B", "reponse": False}]})
    assert set(key.right) == {"0:vrai", "1:faux"}


@given(HOSTILE)
@settings(max_examples=40)
def test_series_statement_text_is_escaped(text):
    series = TrueFalseSeries("", [Statement(text or "x", True), Statement("y", False)])
    assert "<script" not in series.statement.value.lower()


# ---------------------------------------------------------------- domain-age tool (no network: responses)

FR_DOC = {"objectClassName": "domain", "ldhName": "journal-du-village.fr",
          "events": [{"eventAction": "registration", "eventDate": "2001-05-03T10:00:00Z"}]}


@responses.activate
def test_live_answer_is_shown_and_said_to_be_live():
    responses.get("https://rdap.nic.fr/domain/journal-du-village.fr", json=FR_DOC)
    tool = DomainAgeTool()
    tool.input.value = "https://www.journal-du-village.fr/article"
    tool.check_button.click()
    assert tool.result.source == SOURCE_LIVE
    assert "en direct" in tool.source.value and "2001" in tool.answer.text
    assert "journal-du-village.fr" in tool.answer.text


@pytest.mark.parametrize("failure", [requests.exceptions.ConnectionError("refused"),
                                     requests.exceptions.ConnectTimeout(), requests.exceptions.ReadTimeout()])
@responses.activate
def test_offline_or_timeout_falls_back_to_a_recorded_example_and_says_so(failure):
    responses.get("https://rdap.nic.fr/domain/lemonde.fr", body=failure)
    tool = DomainAgeTool(examples=["lemonde.fr"])
    example_button = next(w for w in _all(tool) if getattr(w, "description", "") == "lemonde.fr")
    example_button.click()
    assert tool.result.source == SOURCE_RECORDED
    assert "Exemple enregistré" in tool.source.value
    assert "1995" in tool.answer.text


@responses.activate
def test_bad_json_without_recorded_example_gives_a_french_message():
    responses.get("https://rdap.nic.fr/domain/petit-site.fr", body="{pas du json")
    tool = DomainAgeTool()
    tool.input.value = "petit-site.fr"
    tool.check()
    assert tool.result.source == SOURCE_NONE
    assert "Aucune réponse" in tool.source.value
    assert tool.answer.kind == "attention" and "Impossible" in tool.answer.text


@responses.activate
def test_invented_site_is_never_asked_online_and_is_said_recent():
    tool = DomainAgeTool(online=True)
    tool.input.value = "info-verite-ardeche.fr"
    tool.check()
    assert len(responses.calls) == 0
    assert tool.result.source == SOURCE_RECORDED and "inventé" in tool.answer.text


def test_offline_mode_never_uses_the_network():
    class NoNetwork(requests.Session):
        def request(self, *args, **kwargs):  # pragma: no cover - must not be reached
            raise AssertionError("réseau utilisé")

    tool = DomainAgeTool(online=False, session=NoNetwork())
    tool.input.value = "afp.com"
    tool.check()
    assert tool.result.source == SOURCE_RECORDED and "Exemple enregistré" in tool.source.value


@given(HOSTILE)
@settings(max_examples=60, deadline=None)
def test_domain_tool_never_raises_on_bad_input(text):
    tool = DomainAgeTool(online=False)
    tool.input.value = text
    tool.check()
    assert tool.answer.kind in ("info", "attention")
    assert tool.answer.text and "Traceback" not in tool.answer.text
    assert "<script" not in tool.answer.value.lower()


def test_empty_and_huge_inputs_have_plain_french_messages():
    tool = DomainAgeTool(online=False)
    tool.check()
    assert "vide" in tool.answer.text
    tool.input.value = "a" * 5000 + ".fr"
    tool.check()
    assert "trop long" in tool.answer.text


def test_domain_age_step_of_the_atelier_lists_its_examples():
    raw, widget = step_of("age_domaine")
    labels = {getattr(w, "description", "") for w in _all(widget)}
    assert {"info-verite-ardeche.fr", "lemonde.fr"} <= labels


# ---------------------------------------------------------------- reverse image search

def test_reverse_image_steps_use_the_screenshots_with_their_alts():
    raw, widget = step_of("images_etapes")
    html = " ".join(w.value for w in _all(widget) if isinstance(getattr(w, "value", None), str))
    alts = media_alts(FOLDER)
    for image in raw["images"]:
        assert alts[image["fichier"]][:40].replace("'", "&#x27;") in html
    assert html.count("<img") == len(raw["images"])
