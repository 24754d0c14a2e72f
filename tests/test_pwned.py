"""Leak check: only 5 characters leave the computer, and offline still works."""

import hashlib
import re
import socket

import pytest
import requests
import responses
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.analysers.password.pwned import (
    OFFLINE_NOTE,
    check_common,
    check_leak,
    what_is_sent,
)

PASSWORD = "Marmotte-Ardeche-07"
DIGEST = hashlib.sha1(PASSWORD.encode()).hexdigest().upper()
PREFIX, SUFFIX = DIGEST[:5], DIGEST[5:]
URL = f"https://api.pwnedpasswords.com/range/{PREFIX}"


def answer(*lines):
    return "\r\n".join(lines)


def other_suffix(n):
    return f"{n:035X}"


def test_what_is_sent_is_the_5_first_characters_of_the_sha1():
    assert what_is_sent(PASSWORD) == PREFIX
    assert len(what_is_sent("azerty")) == 5
    assert what_is_sent("") == ""


@responses.activate
def test_found_with_count_and_only_prefix_sent():
    responses.get(URL, body=answer(f"{other_suffix(1)}:3", f"{SUFFIX}:1234", f"{other_suffix(2)}:0"))
    result = check_leak(PASSWORD)
    assert result.source == "en_ligne"
    assert result.found and result.count == 1234
    assert result.sent == PREFIX
    assert "1\u00a0234 fois" in result.message
    request = responses.calls[0].request
    assert request.url == URL
    assert request.headers["Add-Padding"] == "true"
    assert PASSWORD not in request.url and SUFFIX not in request.url
    assert request.body is None


@responses.activate
def test_not_found():
    responses.get(URL, body=answer(f"{other_suffix(1)}:3", f"{other_suffix(2)}:0"))
    result = check_leak(PASSWORD)
    assert result.source == "en_ligne"
    assert not result.found and result.count == 0
    assert "aucune fuite" in result.message


@responses.activate
def test_padding_line_with_zero_count_is_not_a_leak():
    responses.get(URL, body=answer(f"{SUFFIX}:0"))
    assert check_leak(PASSWORD).found is False


@responses.activate
def test_timeout_falls_back_to_local_list():
    responses.get(URL, body=requests.exceptions.ConnectTimeout())
    result = check_leak("azerty")
    assert result.source == "liste_locale"
    assert result.found and result.count is None
    assert result.message.startswith(OFFLINE_NOTE)
    assert result.sent is None


@responses.activate
def test_connection_refused_falls_back():
    responses.get(f"https://api.pwnedpasswords.com/range/{what_is_sent('motdepasse')}",
                  body=requests.exceptions.ConnectionError("refused"))
    result = check_leak("motdepasse")
    assert result.source == "liste_locale" and result.found
    assert "Pas de connexion" in result.message


@responses.activate
def test_http_503_falls_back():
    responses.get(URL, status=503, body="Service Unavailable")
    result = check_leak(PASSWORD)
    assert result.source == "liste_locale"
    assert not result.found
    assert "n'a pas bien répondu" in result.message
    assert result.sent == PREFIX  # the 5 characters did reach the service


@pytest.mark.parametrize("body", ["<html>Bonjour</html>", "", f"{SUFFIX}:beaucoup", "\x00\xff"])
@responses.activate
def test_garbage_answer_falls_back(body):
    responses.get(URL, body=body)
    result = check_leak(PASSWORD)
    assert result.source == "liste_locale"
    assert "liste de mots de passe connus" in result.message


@responses.activate
def test_offline_choice_sends_nothing():
    result = check_leak("soleil", online=False)
    assert result.source == "liste_locale" and result.found and result.sent is None
    assert len(responses.calls) == 0


def test_sockets_blocked_fallback(monkeypatch):
    def no_socket(*args, **kwargs):
        raise OSError("réseau coupé pour le test")

    monkeypatch.setattr(socket, "socket", no_socket)
    monkeypatch.setattr(socket, "create_connection", no_socket)
    result = check_leak("doudou")
    assert result.source == "liste_locale"
    assert result.found
    assert result.message.startswith(OFFLINE_NOTE)


def test_local_list_french_and_zxcvbn_passwords():
    assert check_common("azerty").found
    assert check_common("Motdepasse").found  # capitals do not help
    assert check_common("password").found    # from zxcvbn's list
    unknown = check_common("Marmotte-Ardeche-07")
    assert not unknown.found and "Rien n'a été envoyé" in unknown.message


def test_empty_password():
    result = check_leak("")
    assert not result.found and result.sent is None
    assert "rien écrit" in result.message


@given(st.text(max_size=200), st.sampled_from(["ok", "503", "garbage"]))
@settings(max_examples=100, deadline=None)
def test_never_raises_and_sends_only_the_prefix(password, answer_kind):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        pattern = re.compile(r"https://api\.pwnedpasswords\.com/range/.*")
        if answer_kind == "ok":
            mock.get(pattern, body=f"{other_suffix(7)}:2")
        elif answer_kind == "503":
            mock.get(pattern, status=503)
        else:
            mock.get(pattern, body="\x00<html>")
        result = check_leak(password)
        urls = [call.request.url for call in mock.calls]
    assert result.message
    assert result.source in ("en_ligne", "liste_locale")
    if password:
        assert urls == [f"https://api.pwnedpasswords.com/range/{what_is_sent(password)}"]
    else:
        assert urls == []
