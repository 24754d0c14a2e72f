"""GDPR letters: right article, CNIL complaint, deadline, placeholders, clean fields."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.analysers.rgpd_letter import LIMITS, make_letter


@pytest.mark.parametrize("kind, article, other", [
    ("acces", "article 15", "article 17"),
    ("effacement", "article 17", "article 15"),
])
def test_each_kind_cites_its_article_the_deadline_and_the_cnil(kind, article, other):
    letter = make_letter(kind, "Supermarché du Coiron", "Jeanne Martin", "2 rue du Temple\n07400 Alba-la-Romaine")
    assert article in letter and other not in letter
    assert "un mois" in letter
    assert "plainte auprès de la CNIL" in letter
    assert "Supermarché du Coiron" in letter
    assert letter.count("Jeanne Martin") == 2  # sender and signature
    assert "07400 Alba-la-Romaine" in letter
    assert "[" not in letter.split("Objet")[0].replace("[Adresse de l'organisme]", "").replace("[Ville], le [date]", "")


def test_access_and_erasure_ask_different_things():
    assert "copie" in make_letter("acces", "CAF")
    assert "effacer" in make_letter("effacement", "CAF")


def test_empty_fields_give_placeholders():
    letter = make_letter("acces", "")
    for placeholder in ("[Votre nom]", "[Votre adresse]", "[Nom de l'organisme]", "[date]"):
        assert placeholder in letter


def test_accents_and_capitals_in_kind_are_accepted():
    assert "article 15" in make_letter("Accès", "La Poste")


def test_unknown_kind_gets_a_french_message():
    text = make_letter("suppression!!", "La Poste")
    assert "type de lettre" in text and "article" not in text


def test_details_are_included():
    letter = make_letter("effacement", "Club photo", details="Mon compte client n° 1234, je ne suis plus adhérente.")
    assert "n° 1234" in letter and "raison de ma demande" in letter


def test_control_characters_are_removed_and_fields_limited():
    letter = make_letter("acces", "Mairie\x00\x1b[31m\r\nFausse ligne", "A" * 5000, details="x" * 10_000)
    assert "\x00" not in letter and "\x1b" not in letter and "\r" not in letter
    assert "A" * LIMITS["name"] in letter and "A" * (LIMITS["name"] + 1) not in letter
    assert "x" * (LIMITS["details"] + 1) not in letter
    assert "Mairie [31m Fausse ligne" in letter  # one line, no hidden escape code


@given(st.one_of(st.text(max_size=40), st.none(), st.integers()),
       st.text(max_size=500), st.text(max_size=500), st.text(max_size=500), st.text(max_size=2000))
@settings(max_examples=150, deadline=None)
def test_never_raises(kind, organisation, name, address, details):
    letter = make_letter(kind, organisation, name, address, details)
    assert isinstance(letter, str) and letter
    assert all(c.isprintable() or c == "\n" for c in letter)
    assert len(letter) < 6000


@pytest.mark.parametrize("kind", ["acces", "effacement"])
def test_the_delay_is_one_month_extendable_by_two_if_said_within_the_first(kind):
    """RGPD art. 12-3: one month; two more months only if the person is told within the first."""
    letter = make_letter(kind, "Mairie")
    assert "un mois" in letter and "prolongé de deux mois" in letter
    assert "premier mois" in letter and "article 12, paragraphe 3" in letter


def test_the_advice_shown_with_the_letter_explains_the_delay_and_its_source():
    from widgets.analysers.rgpd_letter import ADVICE, SOURCES

    assert "un mois" in ADVICE and "deux mois" in ADVICE and "premier mois" in ADVICE
    assert SOURCES and all(source["adresse"].startswith("https://") for source in SOURCES)
