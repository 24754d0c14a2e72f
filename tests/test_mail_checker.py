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
