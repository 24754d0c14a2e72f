"""Tests of the link checker (widgets.analysers.link): real-world cases, hostile input, offline."""

from __future__ import annotations

import ast
import json
import socket
import string
from pathlib import Path

import pytest
import tldextract
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.analysers.alerts import UnknownAlertCode
from widgets.analysers.domains import extractor
from widgets.analysers.link import alert_table
from widgets.analysers.link import check as link_module
from widgets.analysers.link.check import check_link, render_text
from widgets.analysers.link.data import (
    DataFileError,
    load_link_words,
    load_list,
    load_official_sites,
)
from widgets.analysers.phone import classify_number, load_numbers, national_digits

# (pasted text, expected level, expected registrable domain, alert codes that must be present)
CASES = [
    # Genuine official sites and their subdomains.
    ("https://www.impots.gouv.fr/accueil", "ok", "impots.gouv.fr", set()),
    ("https://cfspart.impots.gouv.fr/LoginAccess", "ok", "impots.gouv.fr", set()),
    ("https://connexion.ameli.fr/oauth/connect", "ok", "ameli.fr", set()),
    ("https://ants.gouv.fr/", "ok", "ants.gouv.fr", set()),
    ("https://www.amendes.gouv.fr/tai", "ok", "amendes.gouv.fr", set()),
    ("https://www.antai.gouv.fr/", "ok", "antai.gouv.fr", set()),
    ("https://www.service-public.gouv.fr/particuliers/vosdroits", "ok",
     "service-public.gouv.fr", set()),
    ("https://www.service-public.fr/particuliers", "ok", "service-public.fr", set()),
    ("https://www.caf.fr/allocataires", "ok", "caf.fr", set()),
    ("https://www.laposte.fr/outils/suivre-vos-envois", "ok", "laposte.fr", set()),
    ("https://www.colissimo.fr/", "ok", "colissimo.fr", set()),
    ("https://www.moncompteformation.gouv.fr/espace-prive/html/", "ok",
     "moncompteformation.gouv.fr", set()),
    ("https://www.pole-emploi.fr/", "ok", "pole-emploi.fr", set()),
    ("https://www.certificat-air.gouv.fr/", "ok", "certificat-air.gouv.fr", set()),
    ("https://www.cybermalveillance.gouv.fr/", "ok", "cybermalveillance.gouv.fr", set()),
    ("ameli.fr/compte", "ok", "ameli.fr", set()),
    ("WWW.IMPOTS.GOUV.FR", "ok", "impots.gouv.fr", set()),
    ("https://ｗｗｗ．ａｍｅｌｉ．ｆｒ/", "ok", "ameli.fr", set()),
    # A State site not in the list: still the State (.gouv.fr is reserved).
    ("https://www.ecologie.gouv.fr/", "ok", "ecologie.gouv.fr", set()),
    # An ordinary site.
    ("https://www.lemonde.fr/", "ok", "lemonde.fr", set()),
    # The "@" trick.
    ("https://www.ameli.fr@evil.com/", "danger", "evil.com", {"at_sign"}),
    ("http://impots.gouv.fr@198.51.100.7/remboursement", "danger", None,
     {"at_sign", "ip_address"}),
    # Numbers instead of a name.
    ("http://3232235777/", "danger", None, {"ip_address"}),
    ("http://0xC0A80101/login", "danger", None, {"ip_address"}),
    ("https://203.0.113.9/ameli/", "danger", None, {"ip_address"}),
    ("http://[2001:db8::1]/", "danger", None, {"ip_address"}),
    # Other alphabets.
    ("https://аmeli.fr/", "danger", "аmeli.fr", {"mixed_scripts", "lookalike_official"}),
    ("https://xn--meli-43d.fr/", "danger", "аmeli.fr", {"idn", "lookalike_official"}),
    ("https://аре.com/", "danger", "аре.com", {"confusable_characters"}),
    ("https://impôts.gouv.fr/", "danger", "impôts.gouv.fr", {"lookalike_official"}),
    # Official name used as decoration.
    ("https://impots.gouv.fr.remboursement-dgfip.com/", "danger", "remboursement-dgfip.com",
     {"lookalike_official"}),
    ("https://ameli.fr.secure-login.net/carte-vitale", "danger", "secure-login.net",
     {"lookalike_official"}),
    ("https://service-public.fr.co/", "danger", "fr.co", {"lookalike_official"}),
    ("https://laposte.fr.suivi-colis.info/", "danger", "suivi-colis.info",
     {"lookalike_official", "unusual_extension"}),
    # Official name inside another site's name (SMS ANTAI, Ameli, colis, CPF, Crit'Air).
    ("https://ameli-remboursement.com/", "danger", "ameli-remboursement.com",
     {"lookalike_official"}),
    ("https://antai-paiement.fr/amende", "danger", "antai-paiement.fr", {"lookalike_official"}),
    ("https://amendes-gouv-paiement.com/", "danger", "amendes-gouv-paiement.com",
     {"lookalike_official"}),
    ("https://carte-vitale-renouvellement.com/", "danger", "carte-vitale-renouvellement.com",
     {"lookalike_official", "suspicious_words"}),
    ("https://laposte-suivi.com/colis", "danger", "laposte-suivi.com", {"lookalike_official"}),
    ("https://colissimo-livraison.net/", "danger", "colissimo-livraison.net",
     {"lookalike_official"}),
    ("https://moncompteformation-cpf.fr/", "danger", "moncompteformation-cpf.fr",
     {"lookalike_official"}),
    ("https://critair-vignette.fr/commande", "danger", "critair-vignette.fr",
     {"lookalike_official"}),
    ("https://ameli.com/", "danger", "ameli.com", {"lookalike_official"}),
    ("https://gouv.fr.dossier-impaye.com/", "danger", "dossier-impaye.com", {"fake_gouv"}),
    ("https://paiement-gouvfr.com/", "danger", "paiement-gouvfr.com", {"fake_gouv"}),
    # Typos.
    ("https://amel1.fr/", "danger", "amel1.fr", {"lookalike_official"}),
    ("https://lmpots.gouv.fr/", "danger", "lmpots.gouv.fr", {"lookalike_official"}),
    ("https://ammeli.fr/", "danger", "ammeli.fr", {"lookalike_official"}),
    ("https://arneli.fr/", "danger", "arneli.fr", {"lookalike_official"}),
    ("https://lassurancereraite.fr/", "danger", "lassurancereraite.fr", {"lookalike_official"}),
    # Short links and cheap extensions.
    ("https://bit.ly/3xYzAbc", "attention", "bit.ly", {"shortener"}),
    ("https://urlz.fr/abcd", "attention", "urlz.fr", {"shortener"}),
    ("https://t.co/abc", "attention", "t.co", {"shortener"}),
    ("https://mon-colis.xyz/", "attention", "mon-colis.xyz", {"unusual_extension"}),
    ("https://promo-du-jour.top/", "attention", "promo-du-jour.top", {"unusual_extension"}),
    # No https.
    ("http://example.com/", "attention", "example.com", {"no_https"}),
    ("http://example.com/mon-compte/connexion", "danger", "example.com", {"no_https_login"}),
    ("http://ameli.fr/", "attention", "ameli.fr", {"no_https"}),
    # Ports.
    ("https://example.com:8443/", "attention", "example.com", {"unusual_port"}),
    # Many pieces.
    ("https://securite-verification-compte-client.com/", "attention",
     "securite-verification-compte-client.com", {"many_hyphens", "suspicious_words"}),
    ("https://a.b.c.d.example.com/", "attention", "example.com", {"many_subdomains"}),
    # Not a web address at all.
    ("javascript:alert(document.cookie)", "danger", None, {"dangerous_scheme"}),
    ("data:text/html;base64,PHNjcmlwdD4=", "danger", None, {"dangerous_scheme"}),
    ("file:///etc/passwd", "danger", None, {"dangerous_scheme"}),
    ("vbscript:msgbox(1)", "danger", None, {"dangerous_scheme"}),
    ("mailto:contact@example.fr", "attention", None, {"mailto_link"}),
    ("tel:+33899123456", "attention", None, {"phone_link"}),
    ("jean.dupont@orange.fr", "attention", None, {"email_address"}),
    # A site name dressed as another one, for brands outside the official list.
    ("https://paypal.com.secure.account-verify.ru/", "danger", "account-verify.ru", {"domain_in_subdomain"}),
    ("https://www.credit-agricole.fr.mon-compte.online", "danger", "mon-compte.online", {"domain_in_subdomain"}),
    ("https://chronopost.fr-livraison.com/colis", "danger", "fr-livraison.com", {"extension_hyphen"}),
    ("https://leboncoin.fr-paiement.com/securise", "danger", "fr-paiement.com", {"extension_hyphen"}),
    # Another address carried inside the link (open redirects, « #@ » decoration).
    ("https://www.google.com/url?q=https://colis-en-attente.com/", "attention", "google.com",
     {"carried_address"}),
    ("https://partage.example.com/r?u=https%3A%2F%2Fpaiement-amende.com%2F", "attention", "example.com",
     {"carried_address"}),
    ("https://mon-site-perso.com#@impots.gouv.fr", "attention", "mon-site-perso.com", {"carried_address"}),
    # Real sites that must stay calm: regional names, technical names, towns full of hyphens.
    ("https://accounts.google.com/signin?continue=https://mail.google.com/", "ok", "google.com", set()),
    ("https://api.eu.mailgun.net/v3", "ok", "mailgun.net", set()),
    ("https://m.fr.aliexpress.com/", "ok", "aliexpress.com", set()),
    ("https://declaration.net-entreprises.fr/", "ok", "net-entreprises.fr", set()),
    ("https://www.mairie-saint-remy-de-provence.fr/", "ok", "mairie-saint-remy-de-provence.fr", set()),
    ("https://fr.wikipedia.org/wiki/Alba-la-Romaine", "ok", "wikipedia.org", set()),
]


@pytest.mark.parametrize(("text", "level", "domain", "codes"), CASES)
def test_real_world_cases(text, level, domain, codes):
    report = check_link(text)
    found = {alert.code for alert in report.alerts}
    assert report.level == level, (report.summary, found)
    assert report.domain == domain
    assert codes <= found
    if level == "ok":
        assert found == set()


def test_case_table_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("site", load_official_sites(), ids=lambda s: s.domain)
def test_every_official_site_is_recognised_with_its_owner(site):
    for domain in site.domains:
        report = check_link(f"https://www.{domain}/")
        assert report.level == "ok", [a.code for a in report.alerts]
        assert report.owner == site.owner
        assert report.domain == domain
        assert "appartient à" in report.summary or "ancienne adresse" in report.summary


def test_official_summary_names_the_owner():
    report = check_link("https://www.ameli.fr/assure")
    assert report.summary.startswith("Ce site (ameli.fr) appartient à l'Assurance Maladie")


def test_old_address_points_to_the_new_one():
    report = check_link("https://www.service-public.fr/")
    assert "service-public.gouv.fr" in report.summary


def test_state_site_outside_the_list_is_called_a_state_site():
    report = check_link("https://www.agriculture.gouv.fr/")
    assert report.owner is None
    assert "site de l'État" in report.summary


def test_lookalike_summary_names_the_real_site():
    report = check_link("https://antai-paiement.fr/")
    assert "ce n'est PAS le site" in report.summary
    assert "amendes.gouv.fr" in report.summary or "antai.gouv.fr" in report.summary


def test_official_address_used_as_decoration_is_explained():
    report = check_link("https://ameli.fr.secure-login.net/carte-vitale")
    assert report.alerts[0].code == "lookalike_official"
    assert "« ameli.fr »" in report.alerts[0].message
    assert "secure-login.net" in report.alerts[0].message


def test_dangers_come_first():
    report = check_link("http://example.com:8080/connexion")
    levels = [a.level for a in report.alerts]
    assert levels == sorted(levels, key=lambda level: level != "danger")


def test_at_sign_message_shows_the_real_site():
    report = check_link("https://www.ameli.fr@evil.com/")
    message = next(a.message for a in report.alerts if a.code == "at_sign")
    assert "evil.com" in message and "www.ameli.fr" in message


def test_address_without_beginning_is_explained():
    report = check_link("ameli.fr/compte")
    assert report.valid
    assert "https://" in report.summary


def test_backslash_is_read_like_a_browser():
    report = check_link("https://evil.com\\@ameli.fr/")
    assert report.domain == "evil.com"
    assert report.owner is None


def test_tabs_inside_javascript_are_seen_through():
    report = check_link("java\tscript:alert(1)")
    assert report.level == "danger"
    assert not report.valid


def test_bidi_override_is_danger():
    report = check_link("https://ameli.fr\u202e/moc.evil")
    assert report.level == "danger"
    assert "bidi_characters" in {a.code for a in report.alerts}
    assert "\u202e" not in report.url


@pytest.mark.parametrize("text", [
    "", "   ", "\x00", "\x00\x01\x02", "https://", "http://", ":::", "[::1", "http://[zz]/",
    "https://example.com:99999/", "https://example.com:abc/", "😀😀😀", "<script>alert(1)</script>",
    "http://a b.fr/", "https://a..b.fr", "http://1.2.3.4.5/", "bonjour",
])
def test_bad_input_gives_a_french_message(text):
    report = check_link(text)
    assert report.level in ("attention", "danger")
    assert report.alerts and all(a.message for a in report.alerts)
    assert report.summary


@pytest.mark.parametrize("text", ["", "   ", "https://", "http://", ":::", "bonjour", "\x00"])
def test_no_host_means_not_valid(text):
    report = check_link(text)
    assert not report.valid
    assert report.domain is None


def test_absurd_port_is_not_valid():
    report = check_link("https://example.com:99999/")
    assert not report.valid
    assert report.level == "attention"
    assert "invalid_port" in {a.code for a in report.alerts}


def test_loopback_in_brackets_is_an_ip():
    report = check_link("[::1]")
    assert "ip_address" in {a.code for a in report.alerts}


def test_huge_input_is_cut_for_display_and_flagged():
    report = check_link("https://example.com/" + "a" * 20_000)
    assert len(report.url) <= 300
    assert report.domain == "example.com"
    assert "very_long" in {a.code for a in report.alerts}


def test_huge_garbage_never_raises():
    report = check_link("\x00é😀[]:@" * 5_000)
    assert report.level in ("attention", "danger")


def test_random_bytes_decoded():
    data = bytes(range(256)) * 4
    for text in (data.decode("latin-1"), data.decode("utf-8", errors="replace")):
        report = check_link(text)
        assert report.level in ("ok", "attention", "danger")
    assert check_link(b"https://www.ameli.fr/").owner == "l'Assurance Maladie"


@pytest.mark.parametrize("value", [None, 42, 3.5, ["https://ameli.fr"], {"url": 1}, object()])
def test_non_text_gives_a_french_report(value):
    report = check_link(value)
    assert not report.valid
    assert report.alerts[0].code == "not_text"
    assert "texte" in report.alerts[0].message


def _assert_well_formed(report):
    assert report.level in ("ok", "attention", "danger")
    codes = {a.code for a in report.alerts}
    assert "internal_error" not in codes
    for alert in report.alerts:
        assert alert.level in ("attention", "danger")
        assert alert.message.strip()
    assert report.summary.strip()
    assert len(report.url) <= 300
    data = report.to_json()
    assert set(data) == {"url", "domaine", "niveau", "alertes"}
    for item in data["alertes"]:
        assert set(item) == {"code", "message"}
    json.dumps(data)
    json.dumps(data, ensure_ascii=False).encode("utf-8")
    render_text(report).encode("utf-8")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec=None), max_size=400))
def test_any_text_gives_a_well_formed_report(text):
    _assert_well_formed(check_link(text))


_PIECES = st.sampled_from([
    "http://", "https://", "https:", "//", "\\", "@", ":", "::", "[", "]", "%", "%61", "xn--",
    "xn--meli-43d", "ameli", "impots", ".gouv", ".fr", ".com", ".", "-", "0x", "127.0.0.1",
    "3232235777", ":8080", ":99999", "/", "?", "#", "а", "é", "\x00", "\t", "\u202e", "\u200b",
    "😀", "javascript:", "mailto:", " ", "www.", "connexion", "bit.ly",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_url_like_pieces_give_a_well_formed_report(text):
    _assert_well_formed(check_link(text))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=60), st.sampled_from(["", "https://", "https://a.fr/"]))
def test_very_long_text_gives_a_well_formed_report(chunk, prefix):
    text = prefix + chunk * (10_000 // len(chunk) + 1)
    assert len(text) >= 10_000
    _assert_well_formed(check_link(text))


def test_checker_prints_and_logs_nothing(capsys, caplog):
    check_link("https://www.ameli.fr@evil.com/mot-de-passe=secret123")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert caplog.records == []


def _tree(path: Path) -> list[str]:
    return sorted(str(p) for p in path.rglob("*")) if path.exists() else []


def test_tldextract_is_offline_and_writes_no_cache(monkeypatch, tmp_path):
    attempts = []

    def refuse_socket(*args, **kwargs):
        attempts.append("socket")
        raise OSError("network refused in tests")

    def refuse_write(*args, **kwargs):
        attempts.append("cache")
        raise OSError("cache refused in tests")

    for name in ("HOME", "XDG_CACHE_HOME", "TLDEXTRACT_CACHE"):
        monkeypatch.setenv(name, str(tmp_path / name))
    for name in ("socket", "getaddrinfo", "create_connection"):
        monkeypatch.setattr(socket, name, refuse_socket)
    monkeypatch.setattr(tldextract.cache, "_make_dir", refuse_write)
    monkeypatch.setattr(tldextract.cache.DiskCache, "set", refuse_write)
    package_dir = Path(tldextract.__file__).parent
    default_cache = Path(tldextract.cache.get_cache_dir())
    before = (_tree(package_dir), _tree(default_cache))
    extractor.cache_clear()
    try:
        for text in ("https://www.impots.gouv.fr/", "https://bit.ly/x", "https://аmeli.fr/"):
            report = check_link(text)
            assert "internal_error" not in {a.code for a in report.alerts}
        assert check_link("https://a.b.example.co.uk/").domain == "example.co.uk"
    finally:
        extractor.cache_clear()
    assert attempts == []
    assert list(tmp_path.rglob("*")) == []
    assert (_tree(package_dir), _tree(default_cache)) == before


def test_render_text_is_french_and_names_the_domain():
    text = render_text(check_link("https://ameli-remboursement.com/"))
    assert "Ce site est ameli-remboursement.com" in text
    assert "Danger" in text
    assert "Nom du site : ameli-remboursement.com" in text


def test_render_text_for_an_official_site():
    text = render_text(check_link("https://www.impots.gouv.fr/"))
    assert "Ce site (impots.gouv.fr) appartient à" in text
    assert "Rien d'anormal" in text


def test_render_text_for_a_warning():
    text = render_text(check_link("http://example.com/"))
    assert "Attention" in text and "example.com" in text


def test_render_text_without_domain():
    text = render_text(check_link(""))
    assert "Nom du site : aucun" in text


# --- Data files -----------------------------------------------------------------------------

def test_packaged_data_files_load():
    assert len(load_official_sites()) >= 20
    assert "bit.ly" in load_list("raccourcisseurs.txt")
    assert "xyz" in load_list("extensions_suspectes.txt")
    words = load_link_words()
    assert "connexion" in words.login and "remboursement" in words.scam


@pytest.mark.parametrize("content", [
    "- domaine: ameli.fr\n  organisme: [unclosed\n",
    "juste du texte",
    "- domaine: ameli.fr\n",
    "- domaine: 12\n  organisme: X\n",
    "- domaine: ameli.fr\n  organisme: X\n  marques: 5\n",
    "",
])
def test_broken_official_file_gives_french_error_naming_the_file(tmp_path, content):
    path = tmp_path / "domaines_officiels.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_official_sites(path)
    assert "domaines_officiels.yaml" in str(error.value)
    assert "Le fichier de données" in str(error.value)


def test_missing_and_binary_files_give_french_errors(tmp_path):
    with pytest.raises(DataFileError, match="introuvable"):
        load_list("raccourcisseurs.txt", tmp_path / "raccourcisseurs.txt")
    binary = tmp_path / "mots_liens.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(DataFileError, match="mots_liens.yaml"):
        load_link_words(binary)


def test_broken_data_makes_a_report_not_a_traceback(monkeypatch):
    def broken(*args, **kwargs):
        raise DataFileError("Le fichier de données « domaines_officiels.yaml » est mal écrit.")

    monkeypatch.setattr(link_module, "load_official_sites", broken)
    report = check_link("https://www.ameli.fr/")
    assert not report.valid
    assert report.alerts[0].code == "data_error"
    assert "domaines_officiels.yaml" in report.alerts[0].message


def test_state_sites_under_gouv_fr_are_not_imitations():
    """The real tax office sends from dgfip.finances.gouv.fr: a brand word under .gouv.fr is no scam."""
    report = check_link("https://dgfip.finances.gouv.fr/contact")
    assert report.level == "ok"
    assert report.domain == "finances.gouv.fr"
    assert "État" in report.summary


# --- Alert table ----------------------------------------------------------------------------

LINK_PACKAGE = Path(link_module.__file__).parent


def _calls(name: str):
    """(file name, call) of every call to ``name(...)`` in the modules of the link checker."""
    for path in sorted(LINK_PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
                yield path.name, node


def _literals(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _wordings(code: str) -> set[str] | None:
    message = alert_table.ALERTS[code].message
    return None if isinstance(message, str) else set(message)


def test_every_code_the_checker_can_emit_is_in_the_alert_table():
    """Read every ``alert(...)`` call of the checker's source: each code (and wording) is a table row."""
    lookalike_kinds = {c for _, call in _calls("Lookalike") for c in _literals(call.args[0])}
    emitted = set()
    for name, call in _calls("alert"):
        where = f"{name}: {ast.unparse(call)}"
        codes = _literals(call.args[0])
        if not codes:  # the contact branch: alert(code, variant, …), code from CONTACT_CODES
            assert ast.unparse(call.args[0]) == "code", where
            codes = set(alert_table.CONTACT_CODES.values())
        emitted |= codes
        for code in codes:
            assert code in alert_table.ALERTS, f"{where}: « {code} » manque dans ALERTS"
            wordings = _wordings(code)
            if len(call.args) < 2:
                assert wordings is None, f"{where}: il faut choisir une formulation"
                continue
            assert wordings is not None or code in alert_table.CONTACT_CODES.values(), where
            variant = call.args[1]
            if _literals(variant):
                assert _literals(variant) <= wordings, where
            elif ast.unparse(variant) == "lookalike.kind":
                assert wordings == lookalike_kinds, where
            else:  # contact links: the scheme names the wording of phone_link
                assert ast.unparse(variant) == "variant", where
                assert _wordings("phone_link") == {
                    scheme for scheme, c in alert_table.CONTACT_CODES.items() if c == "phone_link"}
    assert emitted == set(alert_table.ALERTS), "des lignes de ALERTS ne servent à rien"
    assert not list(_calls("Alert")), "les alertes se construisent avec alert(), depuis la table"


def test_alert_table_rows_are_well_formed():
    for code, kind in alert_table.ALERTS.items():
        assert kind.level in ("attention", "danger"), code
        templates = [kind.message] if isinstance(kind.message, str) else list(kind.message.values())
        for template in templates:
            list(string.Formatter().parse(template))  # raises on a stray brace
            assert template.strip() and template[0].isupper() or template == "{error}", code


def test_alert_refuses_a_code_or_wording_missing_from_the_table():
    with pytest.raises(UnknownAlertCode):
        alert_table.alert("no_such_code")
    with pytest.raises(UnknownAlertCode):
        alert_table.alert("ip_address")  # this code has several wordings: one must be chosen
    with pytest.raises(UnknownAlertCode):
        alert_table.alert("empty", "no_such_wording")
    assert alert_table.alert("empty").level == alert_table.ALERTS["empty"].level


def test_every_alert_given_has_the_level_of_its_table_row():
    texts = [case[0] for case in CASES] + ["sms:0601020304", "callto:x", "https://a.fr/" + "x" * 2100]
    for text in texts:
        for found in check_link(text).alerts:
            assert found.code in alert_table.ALERTS, (text, found.code)
            assert found.level == alert_table.ALERTS[found.code].level, (text, found.code)


# --- Public sites outside the list, official names that changed (issue 12) ----------------

@pytest.mark.parametrize("text", [
    "https://www.alba-la-romaine.fr/",
    "https://www.ac-grenoble.fr/",
    "https://www.monespacesante.fr/",
    "alba-la-romaine.fr",
])
def test_a_public_site_outside_the_list_is_not_called_unofficial(text):
    report = check_link(text)
    words = f"{report.summary} {' '.join(a.message for a in report.alerts)} {render_text(report)}"
    assert report.level == "ok"
    assert "pas un site officiel" not in words
    assert "pas dans la liste" in report.summary
    assert "toujours" not in words


def test_no_wording_says_state_sites_always_end_in_gouv_fr():
    texts = [str(kind.message) for kind in alert_table.ALERTS.values()]
    texts += list(alert_table.SUMMARY.values())
    for text in texts:
        assert "toujours par" not in text and "pas un site officiel" not in text, text


def test_fake_gouv_is_still_a_danger_with_a_true_wording():
    report = check_link("https://gouv.fr.dossier-impaye.com/")
    assert report.level == "danger"
    report = check_link("https://paiement-gouvfr.com/")
    (found,) = [a for a in report.alerts if a.code == "fake_gouv"]
    assert found.level == "danger" and "réservée à l'État" in found.message


def test_ameli_second_domain_is_official():
    report = check_link("https://assurance-maladie.fr/")
    assert report.level == "ok" and report.owner.startswith("l'Assurance Maladie")
    assert "ameli.fr" in report.summary


def test_ants_is_called_france_titres():
    report = check_link("https://ants.gouv.fr/")
    assert "France Titres (ANTS)" in report.summary
    assert check_link("https://france-titres-paiement.example.com/").level == "danger"


def test_service_public_old_address_still_accepted():
    report = check_link("https://www.service-public.fr/particuliers/vosdroits/F2428")
    assert report.level == "ok" and "service-public.gouv.fr" in report.summary


def test_official_file_is_dated_and_sourced():
    from widgets.analysers.data_files import parse_dated, read_yaml

    dated = parse_dated(read_yaml("domaines_officiels.yaml"), "domaines_officiels.yaml")
    assert dated.checked_on.year >= 2026 and dated.sources
    assert all(source.address.startswith("https://") for source in dated.sources)


@pytest.mark.parametrize("content", [
    'verifie_le: "2026-11-29"\nsites:\n  - domaine: ameli.fr\n    organisme: X\n',  # no sources
    ('verifie_le: "29/11/2026"\nsources:\n  - {titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}\n'
     'sites:\n  - domaine: ameli.fr\n    organisme: X\n'),
    ('verifie_le: "2026-11-29"\nsources:\n  - {titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}\n'
     'sites: []\n'),
    ('verifie_le: "2026-11-29"\nsources:\n  - {titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}\n'
     'sites:\n  - domaine: ameli.fr\n    organisme: X\n    autres_domaines: [pas un domaine]\n'),
])
def test_broken_dated_official_file_gives_french_error(tmp_path, content):
    path = tmp_path / "domaines_officiels.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_official_sites(path)
    assert "Le fichier de données « domaines_officiels.yaml »" in str(error.value)


# --- Phone numbers (widgets/analysers/phone.py, widgets/data/numeros.yaml) -----------------

PUBLIC_NUMBERS = ["3646", "36 46", "33700", "33 700", "0 805 805 817", "+33 805 805 817", "3939",
                  "17", "15", "18", "112", "114", "0 892 705 705"]


@pytest.mark.parametrize("number", PUBLIC_NUMBERS)
def test_public_numbers_taught_are_never_flagged(number):
    for scheme in ("tel", "sms"):
        report = check_link(f"{scheme}:{number}")
        assert report.alerts == (), [a.message for a in report.alerts]
        assert report.level == "ok"
        assert "le numéro" in report.summary and "Coût" in report.summary


def test_card_blocking_number_is_said_to_be_surcharged():
    report = check_link("tel:0892705705")
    assert "surtaxé" in report.summary and "votre banque" in report.summary


@pytest.mark.parametrize(("number", "kind"), [
    ("0800 12 34 56", "gratuit"), ("08 05 00 00 00", "gratuit"),
    ("0810 00 00 00", "surtaxe"), ("0820 00 00 00", "surtaxe"), ("+33 8 99 12 34 56", "surtaxe"),
    ("118 218", "surtaxe"), ("0806 00 00 00", "banalise"),
    ("01 99 00 12 34", "fiction"), ("02 61 91 00 00", "fiction"), ("03 53 01 99 99", "fiction"),
    ("04 65 71 12 12", "fiction"), ("05 36 49 00 01", "fiction"), ("06 39 98 76 54", "fiction"),
    ("+33 6 39 98 76 54", "fiction"), ("0033 (0)1 99 00 12 34", "fiction"),
    ("04 75 00 00 00", "ordinaire"), ("07 12 34 56 78", "ordinaire"),
    ("3200", "court"), ("+44 20 7946 0000", "etranger"), ("**21*0612345678#", "code"),
    ("bonjour", "invalide"), ("", "invalide"), ("0", "invalide"),
])
def test_numbers_are_classified(number, kind):
    info = classify_number(number)
    assert info.kind == kind, info
    assert info.explanation and info.explanation[0].isupper()


def test_phone_wording_teaches_the_real_ranges():
    surcharged = check_link("tel:0899123456").alerts[0].message
    assert "surtaxé" in surcharged and "089" in surcharged
    free = check_link("tel:0800123456").alerts[0].message
    assert "gratuit" in free
    for text in ("tel:0899123456", "tel:0800123456", "tel:3200", "sms:36123"):
        message = check_link(text).alerts[0].message
        assert "08 ou 3" not in message, message


def test_number_data_file_is_dated_and_every_public_number_is_sourced():
    data = load_numbers()
    assert data.dated.checked_on.year >= 2026
    assert {"3646", "33700", "0805805817", "17", "0892705705", "3939"} <= {n.digits for n in data.public}
    for number in data.public:
        assert number.sources and all(s.address.startswith("https://") for s in number.sources)
    assert data.fiction == ("019900", "026191", "035301", "046571", "053649", "063998")
    assert data.free == ("0800", "0801", "0802", "0803", "0804", "0805")
    assert data.surcharged == ("081", "082", "089", "118")


@pytest.mark.parametrize("content", [
    "publics: []\n",
    ('verifie_le: "2026-11-29"\nsources:\n  - {titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}\n'
     'publics:\n  - {numero: "36 46", nom: X, cout: "gratuit"}\n'),  # no sources for the number
    ('verifie_le: "2026-11-29"\nsources:\n  - {titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}\n'
     'publics:\n  - numero: "trente"\n    nom: X\n    cout: gratuit\n'
     '    sources: [{titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}]\n'),
    ('verifie_le: "2026-11-29"\nsources:\n  - {titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}\n'
     'publics:\n  - numero: "3646"\n    nom: X\n    cout: "pas cher"\n'
     '    sources: [{titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}]\n'),
    ('verifie_le: "2026-11-29"\nsources:\n  - {titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}\n'
     'publics:\n  - numero: "3646"\n    nom: X\n    cout: gratuit\n'
     '    sources: [{titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}]\n'
     'fiction: ["01 99 00"]\ngratuits: [zéro]\nsurtaxes: ["089"]\n'),
    "publics: [unclosed\n",
])
def test_broken_number_file_gives_french_error(tmp_path, content):
    path = tmp_path / "numeros.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_numbers(path)
    assert "Le fichier de données « numeros.yaml »" in str(error.value)


@given(st.one_of(st.text(max_size=60), st.none(), st.integers(), st.binary(max_size=20),
                 st.text(alphabet="0123456789 +()*#.-;", max_size=30)))
@settings(max_examples=300, deadline=None)
def test_classify_number_never_raises(text):
    info = classify_number(text)
    assert info.kind in {"public", "fiction", "gratuit", "surtaxe", "banalise", "court", "code",
                         "etranger", "ordinaire", "invalide"}
    assert info.explanation.strip()
    digits = national_digits(text)
    assert digits is None or digits.isdigit()


@given(st.sampled_from(["tel:", "sms:", "callto:"]), st.text(max_size=40))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_contact_links_with_hostile_numbers_never_raise(scheme, text):
    report = check_link(scheme + text)
    assert report.level in ("ok", "attention", "danger")
    for found in report.alerts:
        assert found.level == alert_table.ALERTS[found.code].level


def test_numbers_are_found_in_text_as_written():
    from widgets.analysers.phone import find_numbers

    text = ("Appelez le 3646 ou le 0 805 805 817, le +33 6 39 98 12 34, le 01.99.00.12.34 ; "
            "SMS au 33 700 ; 118 218. Colis n° 6A19283746502, 2,99 €, version 1.3646.")
    assert find_numbers(text) == ["0 805 805 817", "+33 6 39 98 12 34", "01.99.00.12.34"]
    assert find_numbers(text, short=True)[3:] == ["3646", "33 700", "118 218"]
    assert find_numbers(None) == []
