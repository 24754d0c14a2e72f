"""Domain age (RDAP): live answers replayed with `responses`, offline fallback, bad input."""
from __future__ import annotations

import datetime
import json
import re

import pytest
import requests
import responses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.analysers.rdap.examples import recorded_examples
from widgets.analysers.rdap.lookup import DomainAge, domain_age

TODAY = datetime.date(2026, 11, 26)
ALLOWED_URL = re.compile(r"^https://(rdap\.org|rdap\.nic\.fr)/domain/[a-z0-9.-]+$")
ENGLISH_WORDS = re.compile(r"\b(the|error|not found|timeout|connection|unavailable)\b", re.I)


def rdap_doc(name: str, created: str | None, registrar: str | None = "Registraire Test") -> dict:
    events = [{"eventAction": "expiration", "eventDate": "2030-01-01T00:00:00Z"}]
    if created:
        events.append({"eventAction": "registration", "eventDate": created})
    doc = {"objectClassName": "domain", "ldhName": name, "events": events}
    if registrar:
        doc["entities"] = [{"roles": ["registrar"],
                            "vcardArray": ["vcard", [["version", {}, "text", "4.0"],
                                                     ["fn", {}, "text", registrar]]]}]
    return doc


def assert_plain_french(result: DomainAge) -> None:
    assert result.message.strip()
    assert not ENGLISH_WORDS.search(result.message)
    assert "Traceback" not in result.message


@responses.activate
def test_live_answer_gives_creation_date_and_registrar():
    responses.get("https://rdap.nic.fr/domain/journal-local.fr",
                  json=rdap_doc("journal-local.fr", "2024-03-03T10:00:00Z"))
    result = domain_age("https://www.journal-local.fr/article/42", today=datetime.date(2024, 9, 1))
    assert result.source == "en_direct"
    assert result.domain == "journal-local.fr"
    assert result.created == datetime.date(2024, 3, 3)
    assert result.registrar == "Registraire Test"
    assert "3 mars 2024" in result.message and "moins d'un an" in result.message
    assert "prudent" in result.message
    assert "à l'instant" in result.message
    sent = responses.calls[0].request
    assert sent.url == "https://rdap.nic.fr/domain/journal-local.fr"
    assert_plain_french(result)


@responses.activate
def test_old_domain_says_how_many_years():
    responses.get("https://rdap.org/domain/vieux-journal.com",
                  json=rdap_doc("vieux-journal.com", "2001-06-15T00:00:00Z", registrar=None))
    result = domain_age("vieux-journal.com", today=TODAY)
    assert result.created == datetime.date(2001, 6, 15)
    assert "25 ans" in result.message
    assert result.registrar is None and "réservé chez" not in result.message


@responses.activate
def test_redirect_from_bootstrap_is_followed():
    responses.get("https://rdap.org/domain/exemple-redirige.com", status=302,
                  headers={"Location": "https://rdap.registre.example/domain/exemple-redirige.com"})
    responses.get("https://rdap.registre.example/domain/exemple-redirige.com",
                  json=rdap_doc("exemple-redirige.com", "2019-01-20T00:00:00Z"))
    result = domain_age("exemple-redirige.com", today=TODAY)
    assert result.source == "en_direct"
    assert result.created == datetime.date(2019, 1, 20)
    assert len(responses.calls) == 2


@responses.activate
def test_redirect_to_plain_http_is_refused():
    responses.get("https://rdap.org/domain/exemple-http.com", status=301,
                  headers={"Location": "http://rdap.registre.example/domain/exemple-http.com"})
    result = domain_age("exemple-http.com", today=TODAY)
    assert result.source == "indisponible"
    assert len(responses.calls) == 1


@responses.activate
def test_404_says_the_name_does_not_seem_registered():
    responses.get("https://rdap.nic.fr/domain/nexiste-pas-du-tout.fr", status=404)
    result = domain_age("nexiste-pas-du-tout.fr", today=TODAY)
    assert result.source == "indisponible" and result.created is None
    assert "pas réservé" in result.message and "orthographe" in result.message
    assert_plain_french(result)


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (requests.exceptions.ConnectTimeout(), "à temps"),
        (requests.exceptions.ReadTimeout(), "à temps"),
        (requests.exceptions.ConnectionError("refused"), "pas de connexion"),
    ],
)
@responses.activate
def test_network_failures_fall_back_to_recorded_example(failure, expected):
    responses.get("https://rdap.nic.fr/domain/lemonde.fr", body=failure)
    result = domain_age("lemonde.fr", today=TODAY)
    assert result.source == "exemple_enregistre"
    assert result.created is not None and result.created.year == 1995
    assert "Réponse enregistrée le 26 novembre 2026" in result.message
    assert expected in result.message
    assert_plain_french(result)


@responses.activate
def test_timeout_without_recorded_example_is_unavailable():
    responses.get("https://rdap.nic.fr/domain/petit-site.fr", body=requests.exceptions.ReadTimeout())
    result = domain_age("petit-site.fr", today=TODAY)
    assert result.source == "indisponible" and result.created is None
    assert "à temps" in result.message and "Réessayez" in result.message


@pytest.mark.parametrize("status", [500, 502, 503, 429])
@responses.activate
def test_server_errors_give_a_french_message(status):
    responses.get("https://rdap.nic.fr/domain/petit-site.fr", status=status, body="oops")
    result = domain_age("petit-site.fr", today=TODAY)
    assert result.source == "indisponible"
    assert "en panne" in result.message
    assert_plain_french(result)


@responses.activate
def test_server_error_uses_recorded_example_when_there_is_one():
    responses.get("https://rdap.nic.fr/domain/ameli.fr", status=503)
    result = domain_age("ameli.fr", today=TODAY)
    assert result.source == "exemple_enregistre"
    assert "vérifiez-la en ligne" in result.message  # its date is only approximate


@pytest.mark.parametrize("body", ["<html>pas du JSON</html>", "[1, 2, 3]", "\xff\xfe\x00",
                                  "[" * 5000 + "]" * 5000])
@responses.activate
def test_invalid_json_is_a_bad_answer(body):
    responses.get("https://rdap.nic.fr/domain/petit-site.fr", body=body)
    result = domain_age("petit-site.fr", today=TODAY)
    assert result.source == "indisponible"
    assert "illisible" in result.message


@responses.activate
def test_huge_answer_is_refused():
    responses.get("https://rdap.nic.fr/domain/petit-site.fr", body="{" + " " * 400_000 + "}")
    result = domain_age("petit-site.fr", today=TODAY)
    assert result.source == "indisponible"


@responses.activate
def test_answer_about_another_domain_is_refused():
    responses.get("https://rdap.nic.fr/domain/petit-site.fr",
                  json=rdap_doc("autre-site.fr", "2020-01-01T00:00:00Z"))
    assert domain_age("petit-site.fr", today=TODAY).created is None


@responses.activate
def test_json_without_registration_event():
    responses.get("https://rdap.nic.fr/domain/petit-site.fr", json=rdap_doc("petit-site.fr", None))
    result = domain_age("petit-site.fr", today=TODAY)
    assert result.created is None
    assert result.source == "indisponible"
    assert "date de création" in result.message


@responses.activate
def test_offline_uses_recorded_example_without_any_request():
    result = domain_age("www.lemonde.fr", online=False, today=TODAY)
    assert len(responses.calls) == 0
    assert result.source == "exemple_enregistre"
    assert result.domain == "lemonde.fr"
    assert "1995" in result.message and "pas de connexion Internet" in result.message


@responses.activate
def test_offline_unknown_domain_is_unavailable():
    result = domain_age("petit-site.fr", online=False, today=TODAY)
    assert len(responses.calls) == 0
    assert result.source == "indisponible" and result.created is None
    assert "pas de connexion Internet" in result.message


@responses.activate
def test_invented_news_site_never_asks_the_network_and_looks_recent():
    result = domain_age("https://info-verite-ardeche.fr/scandale", online=True, today=TODAY)
    assert len(responses.calls) == 0
    assert result.source == "exemple_enregistre"
    assert (TODAY - result.created).days < 365
    assert "moins d'un an" in result.message and "n'existe pas" in result.message


def test_every_recorded_example_has_a_registration_date_and_its_own_name():
    examples = recorded_examples()
    assert {"info-verite-ardeche.fr", "lemonde.fr", "francetvinfo.fr", "ledauphine.com",
            "afp.com", "ameli.fr"} <= set(examples)
    for name, example in examples.items():
        assert example.document["ldhName"] == name
        result = domain_age(name, online=False, today=TODAY)
        assert result.created is not None and result.created < TODAY


@pytest.mark.parametrize("text", ["", "   ", "bonjour", "localhost", "192.168.1.1", "gouv.fr",
                                  "lemonde .fr", "-abc-.fr", "a..fr", "exemple.pasuneextension",
                                  "javascript:alert(1)", "<script>x</script>.fr", "\x00\x07.fr",
                                  "x" * 10_000, "exemple.fr\r\nHost: pirate", None, 42, b"lemonde.fr"])
@responses.activate
def test_garbage_is_refused_with_french_message_and_no_request(text):
    result = domain_age(text, today=TODAY)
    assert len(responses.calls) == 0
    assert result.source == "indisponible" and result.domain == ""
    assert "lemonde.fr" in result.message  # shows a correct example
    assert_plain_french(result)


GARBAGE_NO_DOT = st.text(alphabet=st.characters(blacklist_characters=".\u3002\uff0e\uff61"),
                         max_size=300)
WITH_CONTROL = st.builds(lambda a, c, b: a + c + b, st.text(max_size=50),
                         st.sampled_from(["\x00", "\x1b", "\u200b", "\u202e", "\n", "\t", "\x7f"]),
                         st.text(max_size=50))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(GARBAGE_NO_DOT, WITH_CONTROL))
def test_property_garbage_never_raises_and_never_requests(text):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        result = domain_age(text, today=TODAY)
        assert len(mock.calls) == 0
    assert isinstance(result, DomainAge)
    assert result.source == "indisponible" and result.message


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_property_any_text_only_ever_builds_safe_rdap_urls(text):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.get(re.compile(r".*"), body=requests.exceptions.ConnectionError())
        result = domain_age(text, today=TODAY)
        for call in mock.calls:
            assert ALLOWED_URL.match(call.request.url), call.request.url
    assert result.source in {"en_direct", "exemple_enregistre", "indisponible"}
    assert result.message


@settings(max_examples=100, deadline=None)
@given(doc=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                        lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(st.sampled_from(["events", "entities", "eventAction",
                                                           "eventDate", "roles", "vcardArray",
                                                           "ldhName", "x"]), inner, max_size=4),
                        max_leaves=20))
def test_property_hostile_rdap_documents_never_raise(doc):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.get("https://rdap.nic.fr/domain/petit-site.fr", body=json.dumps(doc))
        result = domain_age("petit-site.fr", today=TODAY)
    assert result.source in {"en_direct", "indisponible"}
    assert result.message
