"""Password strength, passphrases and the CNIL rule, as a participant sees them."""

import math
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.analysers.password.passphrase import (
    generate_passphrase,
    passphrase_entropy_bits,
    word_list,
)
from widgets.analysers.password.strength import (
    LABELS,
    assess_password,
    format_crack_time,
)

ENGLISH = re.compile(
    r"\b(This is|Add another|common|password|Avoid|Use a|guess|words?|Repeats|"
    r"Sequences|Capitalization|keyboard|Dates|Names|uncommon)\b"
)


def visible_text(result):
    return " ".join((result.label, result.crack_time, result.cnil_explanation, *result.explanations))


@pytest.mark.parametrize("weak", ["azerty", "motdepasse", "123456", "soleil", "doudou"])
def test_known_weak_passwords_are_rated_weak_in_french(weak):
    result = assess_password(weak)
    assert result.score <= 1
    assert result.label in ("Très faible", "Faible")
    assert result.explanations
    assert not ENGLISH.search(visible_text(result)), visible_text(result)
    assert result.crack_time == "moins d'une seconde"
    assert not result.meets_cnil


def test_keyboard_and_repeat_patterns_are_explained():
    assert any("clavier" in e for e in assess_password("qsdfghjk").explanations + assess_password("zxcvbnm,").explanations)
    assert any("répète" in e for e in assess_password("abcabcabcabc").explanations)
    assert any("date" in e.lower() for e in assess_password("14/07/1987").explanations)


def test_random_passphrase_is_strong():
    result = assess_password(generate_passphrase(7, rng=random.Random(3)))
    assert result.score == 4
    assert result.meets_cnil
    assert "7 mots" in result.cnil_explanation
    assert result.crack_time == "plusieurs siècles"


@pytest.mark.parametrize("length", [73, 200, 10_000])
def test_long_passwords_never_raise_and_are_praised(length):
    password = ("Ab1!" * 2600)[:length]
    result = assess_password(password)
    assert result.length == length
    assert result.label in LABELS
    assert any("très long" in e for e in result.explanations)


def test_long_random_password_is_strong_beyond_72():
    password = generate_passphrase(20, separator=" ", rng=random.Random(1))
    assert len(password) > 72
    assert assess_password(password).score == 4


def test_empty_password_gets_a_french_message():
    result = assess_password("")
    assert result.score == 0 and result.length == 0
    assert "rien écrit" in result.explanations[0]


@pytest.mark.parametrize(
    "password, meets, hint",
    [
        ("Gx7#pLq2!vRt", True, "12 caractères"),         # 12 chars, 4 kinds
        ("Gx7#pLq2vRt", False, "il manque 1 caractère"),  # 11 chars: too short
        ("Gx7pLq2vRtKm9a", True, "14 caractères"),         # 14 chars, no special
        ("Gx7pLq2vRtKm9", False, "caractères spéciaux"),  # 13 chars, no special
        ("gx7#plq2!vrt", False, "majuscules"),            # no upper case
        ("lune tapis gare fourche nuage bleu piano", True, "7 mots"),
        ("lune tapis gare fourche nuage bleu", False, "7 mots"),
        ("chat chat chat chat chat chat chat", False, "7 mots"),
    ],
)
def test_cnil_cases(password, meets, hint):
    result = assess_password(password)
    assert result.meets_cnil is meets
    assert hint in result.cnil_explanation


def test_cnil_form_but_guessable_is_flagged():
    result = assess_password("Azerty123456!")
    assert result.meets_cnil and result.score <= 2
    assert any("sur la forme" in e for e in result.explanations)


def test_user_inputs_make_personal_words_weak():
    name = "Kerbouriou1954"
    assert assess_password(name, user_inputs=["kerbouriou1954"]).score < assess_password(name).score


def test_crack_time_in_plain_french():
    assert format_crack_time(0.2) == "moins d'une seconde"
    assert format_crack_time(3 * 3600) == "environ 3 heures"
    assert format_crack_time(60) == "environ 1 minute"
    assert format_crack_time(10**12) == "plusieurs siècles"
    assert format_crack_time(float("nan")) == "moins d'une seconde"


def test_word_list_shape():
    words = word_list()
    assert len(words) >= 2000
    assert len(set(words)) == len(words)
    assert all(re.fullmatch(r"[a-z]{3,9}", w) for w in words)
    assert not {"merde", "putain", "con", "salope", "connard", "nazi"} & set(words)


def test_seven_words_give_at_least_77_bits():
    assert passphrase_entropy_bits(7, len(word_list())) >= 77
    assert passphrase_entropy_bits(7, 1024) < 77  # a small list would not do
    assert math.isclose(passphrase_entropy_bits(1, 2048), 11)


def test_generate_passphrase_uses_the_list_and_separator():
    phrase = generate_passphrase(7, separator=".", rng=random.Random(42))
    parts = phrase.split(".")
    assert len(parts) == 7 and set(parts) <= set(word_list())
    assert generate_passphrase(7, rng=random.Random(42)) == generate_passphrase(7, rng=random.Random(42))
    assert generate_passphrase() != generate_passphrase()  # system randomness by default


@given(st.text(max_size=300), st.lists(st.text(max_size=80), max_size=3))
@settings(max_examples=150, deadline=None)
def test_any_text_never_raises(password, inputs):
    result = assess_password(password, user_inputs=inputs)
    assert 0 <= result.score <= 4
    assert result.label == LABELS[result.score]
    assert result.explanations
    assert not ENGLISH.search(visible_text(result))


@given(st.one_of(st.none(), st.binary(max_size=100), st.integers()))
@settings(max_examples=50, deadline=None)
def test_wrong_types_never_raise(value):
    assert assess_password(value).label in LABELS
