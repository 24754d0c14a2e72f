"""Tests of the e-mail checker (widgets.analysers.mail): corpus, JSON, safe HTML, robustness."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import responses
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.analysers.alerts import UnknownAlertCode
from widgets.analysers.mail import alert_table
from widgets.analysers.mail import check as mail
from widgets.analysers.mail.attachments import classify
from widgets.analysers.mail.auth import METHODS
from widgets.analysers.mail.check import (
    MailReport,
    authentication_notes,
    check_message,
    render_text,
    safe_html_body,
)
from widgets.analysers.mail.words import load_categories

CORPUS = Path(__file__).parent / "corpus" / "courriels"
EXPECTED = yaml.safe_load((CORPUS / "ATTENDUS.yaml").read_text("utf-8"))
LEVELS = {"ok", "attention", "danger"}
ON_ATTRIBUTE = re.compile(r"<[^>]*\son\w+\s*=", re.IGNORECASE)
ENGLISH_HINTS = re.compile(r"\b(the|error|warning|exception|traceback|invalid|none)\b", re.IGNORECASE)


@pytest.fixture(autouse=True)
def no_network():
    """Any HTTP call made with requests during these tests fails instead of leaving the machine."""
    with responses.RequestsMock(assert_all_requests_are_fired=False):
        yield


def eml(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def codes(report: MailReport) -> set[str]:
    return {alert.code for alert in report.alerts}


def simple_mail(body: str, sender: str = "Paul Roux <paul.roux@messagerie.invalid>",
                extra: str = "", ctype: str = "text/plain") -> bytes:
    return (f"From: {sender}\nTo: jeanne@messagerie.invalid\nSubject: Bonjour\n{extra}"
            f"MIME-Version: 1.0\nContent-Type: {ctype}; charset=utf-8\n"
            f"Content-Transfer-Encoding: 8bit\n\n{body}\n").encode("utf-8")


# ---------------------------------------------------------------- corpus

def test_corpus_is_complete_and_listed():
    files = {path.name for path in CORPUS.glob("*.eml")}
    assert len(files) >= 20
    assert files == set(EXPECTED)
    kinds = [entry["categorie"] for entry in EXPECTED.values()]
    assert kinds.count("arnaque") >= 10 and kinds.count("vrai") >= 5 and kinds.count("abime") >= 6


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_gets_expected_verdict(name):
    expected = EXPECTED[name]
    report = check_message(eml(name))
    assert report.valid is expected["valide"]
    assert report.level == expected["niveau"], [a.code for a in report.alerts]
    assert set(expected["codes"]) <= codes(report)
    for alert in report.alerts:
        assert alert.level in {"attention", "danger"}
        assert alert.message.strip()
        words_only = re.sub(r"\S*[.@/]\S*", " ", alert.message)  # addresses and domains aside
        words_only = re.sub(r"«[^»]*»", " ", words_only)  # the message's own words, quoted
        assert not ENGLISH_HINTS.search(words_only), alert.message


def test_corpus_scores_scams_and_genuine():
    scams = [n for n, e in EXPECTED.items() if e["categorie"] == "arnaque"]
    genuine = [n for n, e in EXPECTED.items() if e["categorie"] == "vrai"]
    caught = [n for n in scams if check_message(eml(n)).level != "ok"]
    flagged = [n for n in genuine if check_message(eml(n)).level != "ok"]
    assert caught == scams
    assert flagged == []


def test_real_sender_and_registrable_domain():
    report = check_message(eml("vrai_ameli_lettre_information.eml"))
    assert report.sender.address == "ne-pas-repondre@info.ameli.fr"
    assert report.sender.name == "l'Assurance Maladie"
    assert report.sender.domain == "ameli.fr"
    assert report.authentication == {"spf": "pass", "dkim": "pass", "dmarc": "pass"}


def test_borrowed_brand_names_the_real_address():
    report = check_message(eml("arnaque_antai_amende.eml"))
    alert = next(a for a in report.alerts if a.code == "display_name_brand")
    assert alert.level == "danger"
    assert "avis@antai-paiement.example" in alert.message
    mismatch = next(a for a in report.alerts if a.code == "link_text_mismatch")
    assert "www.amendes.gouv.fr" in mismatch.message


def test_brand_name_with_its_own_domain_is_not_flagged():
    report = check_message(simple_mail("Votre attestation est disponible.",
                                       sender="Ameli <ne-pas-repondre@info.ameli.fr>"))
    assert "display_name_brand" not in codes(report)
    spoof = check_message(simple_mail("Votre attestation est disponible.",
                                      sender="Ameli <ne-pas-repondre@ameli-info.example>"))
    assert "display_name_brand" in codes(spoof)


def test_reply_to_same_organisation_is_fine_other_is_flagged():
    same = check_message(simple_mail("Bonjour.", sender="Mairie <mairie@alba-la-romaine.fr>",
                                     extra="Reply-To: accueil@services.alba-la-romaine.fr\n"))
    assert "reply_to_differs" not in codes(same)
    other = check_message(simple_mail("Bonjour.", sender="Mairie <mairie@alba-la-romaine.fr>",
                                      extra="Reply-To: mairie@boite-mail.example\n"))
    assert "reply_to_differs" in codes(other)
    assert other.level == "attention"


def test_links_show_text_target_and_domain():
    report = check_message(eml("arnaque_antai_amende.eml"))
    by_text = {link.text: link for link in report.links}
    link = by_text["www.amendes.gouv.fr"]
    assert link.target.startswith("https://amendes-gouv-paiement.example/")
    assert link.domain == "amendes-gouv-paiement.example"
    assert link.level in LEVELS


def test_attachments_listed_with_reason():
    report = check_message(eml("arnaque_fausse_facture_pdf_exe.eml"))
    (item,) = report.attachments
    assert item.filename == "facture_2026-1187.pdf.exe"
    assert item.dangerous and "programme" in item.reason
    assert item.size > 50
    photo = check_message(eml("vrai_photos_petits_enfants.eml")).attachments[0]
    assert photo.filename == "anniversaire_lea.jpg" and photo.content_type == "image/jpeg"
    assert not photo.dangerous and photo.reason is None


@pytest.mark.parametrize("filename, code, level", [
    ("facture.pdf.exe", "double_extension", "danger"),
    ("facture.pdf      .exe", "double_extension", "danger"),
    ("programme.EXE", "dangerous_attachment", "danger"),
    ("script.vbs", "dangerous_attachment", "danger"),
    ("raccourci.lnk", "dangerous_attachment", "danger"),
    ("facture\u202efdp.exe", "hidden_extension", "danger"),
    ("page.htm", "html_attachment", "danger"),
    ("disque.iso", "disk_image_attachment", "danger"),
    ("photos.zip", "archive_attachment", "attention"),
    ("tableau.xlsm", "macro_attachment", "attention"),
    ("photo.jpg", None, None),
    ("lettre.pdf", None, None),
])
def test_attachment_classification(filename, code, level):
    found_code, found_level, reason = classify(filename, "application/octet-stream")
    assert (found_code, found_level) == (code, level)
    assert (reason is None) == (code is None)


def test_scam_words_need_no_negation():
    warned = check_message(simple_mail("Donnez-nous votre mot de passe pour continuer."))
    assert "secret_code_request" in codes(warned)
    advice = check_message(simple_mail("Nous ne vous demanderons jamais votre mot de passe."))
    assert "secret_code_request" not in codes(advice)
    tip = check_message(simple_mail("Protégez votre messagerie avec un mot de passe solide."))
    assert "secret_code_request" not in codes(tip)


def test_words_alone_are_attention_but_danger_with_lookalike_link():
    words = "Urgent : réglez les frais de douane immédiatement."
    alone = check_message(simple_mail(words))
    assert alone.level == "attention"
    assert {a.level for a in alone.alerts if a.code == "urgency_words"} == {"attention"}
    html = f'<p>{words}</p><p><a href="https://colis-frais.example/payer">www.laposte.fr</a></p>'
    trap = check_message(simple_mail(html, ctype="text/html"))
    assert "link_text_mismatch" in codes(trap)
    assert {a.level for a in trap.alerts if a.code == "urgency_words"} == {"danger"}


def test_authentication_fail_is_danger_and_pass_is_explained():
    failed = check_message(eml("arnaque_spf_echec_ameli.eml"))
    assert failed.authentication["spf"] == "fail"
    assert failed.level == "danger"
    notes = authentication_notes({"spf": "pass", "dkim": "pass", "dmarc": "pass"})
    assert any("Bon signe" in note for note in notes)
    assert any("escroc" in note for note in notes)  # a pass is not a guarantee


def test_link_checker_danger_reaches_the_report():
    html = '<p>Bonjour.</p><p><a href="http://203.0.113.7/ameli/connexion">Mon compte</a></p>'
    report = check_message(simple_mail(html, ctype="text/html"))
    (link,) = report.links
    assert link.level == "danger"
    assert "dangerous_link" in codes(report) and report.level == "danger"


def test_plain_text_links_are_found():
    report = check_message(simple_mail("Voir https://www.doctolib.fr/rdv, ou www.ameli.fr."))
    assert [link.target for link in report.links] == ["https://www.doctolib.fr/rdv", "www.ameli.fr"]
    assert [link.domain for link in report.links] == ["doctolib.fr", "ameli.fr"]


def test_received_spf_is_read_when_alone():
    report = check_message(simple_mail("Bonjour.", extra="Received-SPF: Softfail (test)\n"))
    assert report.authentication == {"spf": "softfail"}
    assert "spf_softfail" in codes(report)


# ---------------------------------------------------------------- JSON and text

def test_json_shape_is_exact_and_serialisable():
    data = check_message(eml("arnaque_fausse_facture_pdf_exe.eml")).to_json()
    assert set(data) == {"expediteur", "liens", "pieces_jointes", "niveau", "alertes"}
    assert set(data["expediteur"]) == {"nom", "adresse", "domaine"}
    assert data["expediteur"]["adresse"] == "compta@factures-en-ligne.example"
    (piece,) = data["pieces_jointes"]
    assert set(piece) == {"nom", "type", "taille", "dangereuse", "raison"}
    assert piece["dangereuse"] is True
    assert data["niveau"] == "danger"
    assert all(set(alert) == {"code", "message"} for alert in data["alertes"])
    links = check_message(eml("arnaque_antai_amende.eml")).to_json()["liens"]
    assert links and all(set(link) == {"texte", "cible", "domaine"} for link in links)
    json.dumps(data, ensure_ascii=False)


def test_json_of_invalid_input_keeps_its_shape():
    data = check_message(b"").to_json()
    assert data["expediteur"] == {"nom": "", "adresse": "", "domaine": None}
    assert data["alertes"][0]["code"] == "empty"


def test_render_text_is_french_and_complete():
    text = render_text(check_message(eml("arnaque_fausse_facture_pdf_exe.eml")))
    assert "compta@factures-en-ligne.example" in text
    assert "DANGER" in text
    assert "facture_2026-1187.pdf.exe" in text
    good = render_text(check_message(eml("vrai_mairie_reunion.eml")))
    assert "RIEN D'INQUIÉTANT" in good and "pas une garantie" in good
    assert "Bon signe" in good
    invalid = render_text(check_message(b""))
    assert "vide" in invalid


# ---------------------------------------------------------------- safe HTML

def test_safe_html_blocks_scripts_remote_images_and_pixel():
    html = safe_html_body(eml("arnaque_pixel_espion_jeu.eml"))
    assert html is not None
    lowered = html.lower()
    assert "<script" not in lowered and "document.location" not in lowered
    assert "<style" not in lowered and "url(" not in lowered
    assert "src=" not in lowered and "<img" not in lowered
    assert not ON_ATTRIBUTE.search(html)
    assert "ouverture.gif" not in html                      # tracking pixel gone
    assert "[image distante bloquée]" in html                # the banner is replaced
    assert "<a " not in lowered and "href" not in lowered   # links are not clickable…
    assert "www.laposte.fr/jeu" in html                     # …but their text is kept
    assert "https://gagnant-cadeaux.example/r?id=91827" in html  # and the real target shown
    assert "Vous avez gagné un robot de cuisine" in html


def test_safe_html_removes_forms_and_password_fields():
    html = safe_html_body(eml("arnaque_alerte_bancaire.eml"))
    assert "<form" not in html and "<input" not in html and "password" not in html
    assert "activité inhabituelle" in html


def test_safe_html_is_none_without_html_part():
    assert safe_html_body(eml("vrai_mairie_reunion.eml")) is None
    assert safe_html_body(b"") is None
    assert safe_html_body(eml("abime_binaire.eml")) is None


PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"))
HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<img/src=http://p.example/t.gif>",
    "<svg onload=alert(1)>", '<a href="javascript:alert(1)">clic</a>', "<iframe src=http://x.example>",
    '<div style="background:url(http://x.example/a)">', "<style>@import url(http://x.example)</style>",
    '<img src="https://p.example/1.gif" width="1" height="1">', "<body onload=alert(1)>",
    '<a href="https://ok.example">ok</a>', "<p>Bonjour</p>", "<", ">", '"', "<!--", "-->",
    "<object data=http://x.example>", "<IMG SRC=HTTP://X.EXAMPLE>", "<a onmouseover=x>",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HOSTILE, st.text(PRINTABLE, max_size=20)), max_size=25))
def test_safe_html_property_never_leaks_active_content(pieces):
    html = safe_html_body(simple_mail("".join(pieces), ctype="text/html"))
    assert html is not None
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<img" not in lowered
    assert "<style" not in lowered and "<svg" not in lowered and "<object" not in lowered
    assert not ON_ATTRIBUTE.search(html)
    assert "src=" not in lowered and "href=" not in lowered and "style=" not in lowered


# ---------------------------------------------------------------- robustness

def _assert_well_formed(report):
    assert isinstance(report, MailReport)
    assert report.level in LEVELS
    if not report.valid:
        assert report.alerts and report.alerts[0].message
    for alert in report.alerts:
        assert alert.message.strip() and alert.level in {"attention", "danger"}
    json.dumps(report.to_json(), ensure_ascii=False)
    render_text(report).encode("utf-8")  # printable on a UTF-8 terminal


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise(data):
    _assert_well_formed(check_message(data))
    safe_html_body(data)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_arbitrary_text_never_raises(text):
    _assert_well_formed(check_message(text))


HEADER_NAMES = st.sampled_from(["From", "Reply-To", "Return-Path", "Subject", "Content-Type",
                                "Content-Transfer-Encoding", "Content-Disposition",
                                "Authentication-Results", "Received-SPF", "MIME-Version"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(HEADER_NAMES, st.text(max_size=80)), max_size=10),
       st.text(max_size=500))
def test_hostile_headers_never_raise(headers, body):
    raw = "".join(f"{name}: {value}\n" for name, value in headers) + "\n" + body
    report = check_message(raw)
    _assert_well_formed(report)
    printable = all(v.isprintable() for _, v in headers) and body.isprintable()
    usual = {"From", "Reply-To", "Return-Path", "Subject", "Content-Type", "MIME-Version"}
    if printable and usual & {name for name, _ in headers}:
        assert report.valid


def test_text_with_control_characters_is_cleaned():
    raw = simple_mail("Bonjour\x1b[31m rouge\x07", sender='"Ameli\u202e\x1b[2J" <a@b.example>')
    report = check_message(raw)
    assert "\x1b" not in report.text_body and "\x07" not in report.text_body
    assert "\x1b" not in report.sender.name and "\u202e" not in report.sender.name
    assert "display_name_brand" in codes(report)


def test_broken_encodings_do_not_raise():
    bad_header = (b"From: =?x-inconnu?b?!!!?= <a@\xff\xfe.example>\nSubject: =?utf-8?b?@@@?=\n"
                  b"Content-Type: text/plain; charset=\"\xff\"\n\n\xff\xfe texte")
    _assert_well_formed(check_message(bad_header))
    for name in ("abime_base64_casse.eml", "abime_codage_inconnu.eml"):
        report = check_message(eml(name))
        assert report.valid and report.text_body


def test_deeply_nested_multipart_is_refused_kindly():
    head = b"From: a@b.example\nSubject: x\nMIME-Version: 1.0\n"
    body = b"Content-Type: text/plain\n\nfond\n"
    for level in range(3000, 0, -1):
        body = (b'Content-Type: multipart/mixed; boundary="n%d"\n\n--n%d\n' % (level, level)
                + body + b"\n--n%d--\n" % level)
    report = check_message(head + body)
    _assert_well_formed(report)
    assert "too_complex" in codes(report)


def test_text_body_is_truncated_for_display():
    report = check_message(simple_mail("Bonjour. " * 20_000))
    assert report.valid
    assert 1000 < len(report.text_body) <= 20_000


# ---------------------------------------------------------------- size limit

def test_size_limit_refuses_without_parsing(monkeypatch):
    def must_not_parse(raw):
        raise AssertionError("le message trop gros a été analysé")
    monkeypatch.setattr(mail, "parse", must_not_parse)
    huge = b"From: a@b.example\n\n" + b"x" * 50_000_000
    for data in (huge, huge.decode("ascii")):
        report = check_message(data)
        assert not report.valid
        assert codes(report) == {"too_large"}
        assert "trop gros" in report.alerts[0].message


def test_size_limit_is_configurable():
    raw = eml("vrai_mairie_reunion.eml")
    assert check_message(raw, max_bytes=len(raw)).valid
    assert codes(check_message(raw, max_bytes=len(raw) - 1)) == {"too_large"}
    accented = raw.decode("utf-8")
    assert codes(check_message(accented, max_bytes=len(accented))) == {"too_large"}


# ---------------------------------------------------------------- privacy

def test_nothing_is_printed_logged_or_written(capsys, caplog, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with caplog.at_level("DEBUG"):
        for name in EXPECTED:
            check_message(eml(name))
            safe_html_body(eml(name))
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert "mot de passe" not in caplog.text and "jeanne" not in caplog.text.lower()
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- alert table

MAIL_PACKAGE = Path(mail.__file__).parent
SCAM_WORD_CODES = {category.code for category in load_categories()[0]}
#: The only codes given at two levels (a comment at each call says why).
TWO_LEVELS = {"html_form"} | SCAM_WORD_CODES


def _calls(name: str):
    """(file name, call) of every call to ``name(...)`` in the modules of the e-mail checker."""
    for path in sorted(MAIL_PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
                yield path.name, node


def _literals(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _codes_of(call: ast.Call) -> set[str]:
    """The codes an ``alert(...)`` call can give, read from its first argument."""
    first = call.args[0]
    if isinstance(first, ast.Constant):
        return {first.value}
    if isinstance(first, ast.JoinedStr):  # auth.py: f"{method}_fail", f"{method}_softfail"
        return {f"{method}{first.values[-1].value}" for method in METHODS}
    source = ast.unparse(first)
    if source == "category.code":  # words.py: the codes of mots_arnaque.yaml
        return SCAM_WORD_CODES
    if source == "code":  # attachments.py: the code found by classify()
        return {code for _, risk in _calls("_risk") for code in _literals(risk.args[0])}
    raise AssertionError(f"code d'alerte illisible : {ast.unparse(call)}")


def test_every_code_the_checker_can_emit_is_in_the_alert_table():
    """Read every ``alert(...)`` call of the checker's source: each code (and wording) is a table row."""
    emitted = set()
    for name, call in _calls("alert"):
        where = f"{name}: {ast.unparse(call)}"
        codes = _codes_of(call)
        emitted |= codes
        for code in codes:
            assert code in alert_table.ALERTS, f"{where}: « {code} » manque dans ALERTS"
            message = alert_table.ALERTS[code].message
            if len(call.args) < 2:
                assert isinstance(message, str), f"{where}: il faut choisir une formulation"
            else:
                assert not isinstance(message, str), where
                assert _literals(call.args[1]) and _literals(call.args[1]) <= set(message), where
        if any(keyword.arg == "level" for keyword in call.keywords):
            assert codes <= TWO_LEVELS, f"{where}: niveau imposé sans raison"
    risks = {code for _, risk in _calls("_risk") for code in _literals(risk.args[0])}
    assert risks == set(alert_table.ATTACHMENT_REASONS)
    assert emitted == set(alert_table.ALERTS), "des lignes de ALERTS ne servent à rien"
    assert not list(_calls("Alert")) and not list(_calls("MailAlert")), "les alertes viennent de alert()"


def test_alert_refuses_a_code_or_wording_missing_from_the_table():
    with pytest.raises(UnknownAlertCode):
        alert_table.alert("no_such_code")
    with pytest.raises(UnknownAlertCode):
        alert_table.alert("urgency_words", explanation="x", words="y")  # a wording must be chosen
    assert alert_table.alert("too_large", size=5).level == alert_table.ALERTS["too_large"].level


def test_every_alert_of_the_corpus_has_the_level_of_its_table_row():
    for name in EXPECTED:
        for found in check_message(eml(name)).alerts:
            assert found.code in alert_table.ALERTS, (name, found.code)
            if found.code not in TWO_LEVELS:
                assert found.level == alert_table.ALERTS[found.code].level, (name, found.code)


# ---------------------------------------------------------------- families once missed (issue 12)

def headed_mail(sender: str, subject: str, body: str = "Bonjour.") -> bytes:
    """A plain message whose sender name and subject may hold any character (RFC 2047 words).

    ``sender`` is « display name <address> »."""
    from email.header import Header

    name, _, address = sender.rpartition(" <")
    return (f"From: {Header(name, 'utf-8').encode()} <{address}\n"
            f"To: jeanne@messagerie.invalid\nSubject: {Header(subject, 'utf-8').encode()}\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
            f"Content-Transfer-Encoding: 8bit\n\n{body}\n").encode()


@pytest.mark.parametrize("sender", [
    "proton.me Helpdesk <it-desk@tributos-municipales.example>",
    "Support PayPal.com <service@paiement-verif.example>",
    "www.laposte-suivi.fr <suivi@colis-express.example>",
    "Amazon.de Kundenservice <konto@kunden-hilfe.example>",
    "PayPal.com Service <service@paypal.secure-login.example>",  # the brand at the start of the host
])
def test_a_site_name_in_the_display_name_that_is_not_the_sender_is_danger(sender):
    report = check_message(headed_mail(sender, "Information"))
    assert "display_name_domain" in codes(report) or "display_name_brand" in codes(report)
    assert report.level == "danger"


@pytest.mark.parametrize("sender", [
    "Le Monde.fr <newsletter@lemonde.fr>",
    "Amazon.fr <no-reply@amazon.com>",
    "Booking.com <noreply@sg.booking.com>",
    "Cybermalveillance.gouv.fr <lettre@cybermalveillance.gouv.fr>",
    "Service-Public.gouv.fr <lettre@info.service-public.gouv.fr>",
    "Dr.Fabre <cabinet.fabre@messagerie.invalid>",
    "Jean-Pierre Roux <jp.roux@messagerie.invalid>",
    "Version 2.0 <info@alba-la-romaine.fr>",
])
def test_a_display_name_with_its_own_site_or_no_site_stays_calm(sender):
    report = check_message(headed_mail(sender, "Information"))
    assert "display_name_domain" not in codes(report), [a.message for a in report.alerts]


@pytest.mark.parametrize(("subject", "sender", "revealed"), [
    ("Votre compte Ap\u200cp\u200cle ID", "Service <aide@boutique.example>", "Apple"),
    ("Pay\u00adPal : action requise", "Service <aide@boutique.example>", "PayPal"),
    ("A\u0336mazon : commande bloquée", "Service <aide@boutique.example>", "Amazon"),
    ("N\u0435tflix : paiement refusé", "Service <aide@boutique.example>", "Netflix"),
    ("Facture \u202egnp.exe", "Service <aide@boutique.example>", "Facture"),
    ("Information", "Ap\u200bple Support <aide@boutique.example>", "Apple"),
])
def test_hidden_characters_in_subject_or_name_are_revealed(subject, sender, revealed):
    report = check_message(headed_mail(sender, subject))
    found = [a for a in report.alerts if a.code == "hidden_characters"]
    assert found and found[0].level == "danger"
    assert revealed in found[0].message
    assert report.level == "danger"


@pytest.mark.parametrize("subject", [
    "Photos de la famille \U0001F468\u200d\U0001F469\u200d\U0001F467 \u2764\ufe0f",
    "Cafe\u0301 du village : re\u0301union",  # accents written in two parts (NFD)
    "Привет, как дела ?",
    "سلام، چطوری؟ می\u200cخواهم بیایم",  # Persian: the invisible joiner belongs to the word
    "Jérôme, Zoë et Noël : à mardi",
    "Soirée « Ωmega » au club",
    "1\ufe0f\u20e3 Le programme de la fête \u2b50",  # keycap and star emoji
])
def test_honest_subjects_in_any_writing_are_not_disguises(subject):
    report = check_message(headed_mail("Marie Roux <marie.roux@messagerie.invalid>", subject))
    assert "hidden_characters" not in codes(report), [a.message for a in report.alerts]


def test_scam_words_are_found_through_disguises():
    report = check_message(simple_mail("Votre compte sera susp\u0435ndu. Ur\u200bgent."))
    assert {"threat_words", "urgency_words"} <= codes(report)


def test_english_threats_are_explained_in_french():
    report = check_message(simple_mail("Final warning: your password has expired. "
                                       "Verify your account within 24 hours."))
    assert {"urgency_words", "threat_words", "secret_code_request"} <= codes(report)
    urgency = next(a for a in report.alerts if a.code == "urgency_words")
    assert "« final warning » (en anglais : « dernier avertissement »)" in urgency.message


def test_genuine_english_text_stays_calm():
    body = ("Hello! Here is our monthly newsletter. Our next meeting is on Thursday. "
            "We will never ask for your password by e-mail. Happy reading!")
    assert check_message(simple_mail(body)).level == "ok"


def test_a_fine_increased_in_48_hours_is_a_scam_clue_with_the_real_rule():
    report = check_message(simple_mail("Votre amende de 35 € sera majorée en 48 h."))
    urgency = next(a for a in report.alerts if a.code == "urgency_words")
    assert "45 jours" in urgency.message and "75 €" in urgency.message


def test_ameli_writes_from_both_its_domains():
    for address in ("ne-pas-repondre@ameli.fr", "ne-pas-repondre@assurance-maladie.fr",
                    "info@info.assurance-maladie.fr"):
        report = check_message(simple_mail("Votre attestation est disponible.",
                                           sender=f"l'Assurance Maladie <{address}>"))
        assert "display_name_brand" not in codes(report), address
        assert report.level == "ok", [a.message for a in report.alerts]


def test_ants_is_known_by_its_new_name():
    spoof = check_message(simple_mail("Bonjour.", sender="France Titres <titres@titres-en-ligne.example>"))
    assert "display_name_brand" in codes(spoof)
    genuine = check_message(simple_mail("Bonjour.", sender="France Titres <no-reply@ants.gouv.fr>"))
    assert "display_name_brand" not in codes(genuine)


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_disguise_reading_never_raises(text):
    from widgets.analysers.mail.disguise import find_disguise, reveal

    found = find_disguise(text)
    assert found is None or (found.kinds and isinstance(found.revealed, str))
    assert isinstance(reveal(text), str)


@given(st.text(max_size=120), st.text(max_size=200))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_hostile_display_names_and_subjects_never_raise(name, subject):
    report = check_message(headed_mail(f"{name} <x@boutique.example>", subject))
    assert report.level in LEVELS
    for alert in report.alerts:
        assert alert.code in alert_table.ALERTS and alert.message.strip()


# ---------------------------------------------------------------- data files

def test_mail_data_files_are_dated_and_sourced():
    from widgets.analysers.data_files import DATED_FILES, checked_dates

    dates = checked_dates()
    assert set(dates) == set(DATED_FILES)
    assert all(date.year >= 2026 for date in dates.values())


@pytest.mark.parametrize("content", [
    "organismes:\n  - nom: X\n    noms: [x]\n    domaines: [x.fr]\n",  # no date, no sources
    'verifie_le: "hier"\nsources: []\norganismes: []\n',
    ('verifie_le: "2026-11-29"\nsources:\n  - titre: T\n    adresse: "http://x.fr"\n'
     '    consulte_le: "2026-11-29"\norganismes:\n  - nom: X\n    noms: [x]\n    domaines: [x.fr]\n'),
    ('verifie_le: "2026-11-29"\nsources:\n  - titre: T\n    adresse: "https://x.fr"\n'
     '    consulte_le: "2026-11-29"\norganismes:\n  - nom: X\n    noms: [x]\n    domaines: [pas un domaine]\n'),
    ('verifie_le: "2026-11-29"\nsources:\n  - titre: T\n    adresse: "https://x.fr"\n'
     '    consulte_le: "2026-11-29"\norganismes:\n  - noms: [x]\n'),
    "organismes: [unclosed\n",
])
def test_broken_known_senders_file_gives_french_error(tmp_path, content):
    from widgets.analysers.data_files import DataFileError
    from widgets.analysers.mail.sender import load_known_senders

    path = tmp_path / "expediteurs_connus.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_known_senders(path)
    assert "Le fichier de données « expediteurs_connus.yaml »" in str(error.value)


@pytest.mark.parametrize("categories", [
    "categories: []\n",
    "categories:\n  urgence:\n    code: urgency_words\n    expressions:\n      - {anglais: x}\n",
    "categories:\n  urgence:\n    code: urgency_words\n    expressions:\n      - [liste]\n",
    "categories:\n  urgence:\n    explication: x\n",
])
def test_broken_scam_words_file_gives_french_error(tmp_path, categories):
    from widgets.analysers.data_files import DataFileError, read_yaml
    from widgets.analysers.mail.words import parse_categories

    dated = 'verifie_le: "2026-11-29"\nsources:\n  - {titre: T, adresse: "https://x.fr", consulte_le: "2026-11-29"}\n'
    path = tmp_path / "mots_arnaque.yaml"
    path.write_text(dated + categories, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        parse_categories(read_yaml(path.name, path), path.name)
    assert "mots_arnaque.yaml" in str(error.value)


def test_broken_data_file_makes_a_french_report_not_a_traceback(monkeypatch):
    from widgets.analysers.data_files import DataFileError
    from widgets.analysers.mail import sender

    def broken():
        raise DataFileError("Le fichier de données « expediteurs_connus.yaml » est mal écrit.")

    monkeypatch.setattr(sender, "known_organisations", broken)
    report = check_message(eml("arnaque_antai_amende.eml"))
    assert not report.valid and codes(report) == {"data_error"}
    assert "expediteurs_connus.yaml" in report.alerts[0].message


def test_phone_numbers_of_the_corpus_are_fiction_or_public():
    """An invented number must ring nobody: ARCEP fiction blocks, or a real public number."""
    from widgets.analysers.phone import classify_number, find_numbers

    seen = []
    for name in EXPECTED:
        report = check_message(eml(name))
        for number in find_numbers(f"{report.subject}\n{report.text_body}", short=True):
            seen.append(number)
            assert classify_number(number).kind in ("fiction", "public"), (name, number)
    assert "01 99 00 41 27" in seen and "3939" in seen
