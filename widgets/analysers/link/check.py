"""Check a link: who owns the site, and what looks suspicious, in plain French.

Levels (``LinkReport.level``, the worst level of its alerts):

* ``"ok"``: nothing suspicious in the address (an official site, or an ordinary one);
* ``"attention"``: a sign that calls for care (no ``https``, short link, cheap extension,
  unusual port, not a web address at all…);
* ``"danger"``: a trick used by scams (``@`` in the address, a number instead of a name,
  imitation of an official site, ``javascript:`` link, login page without ``https``…).

Alert codes (stable, for programs), with their level and message: the table ``ALERTS`` in
:mod:`widgets.analysers.link.alert_table`. Every alert is built from it with ``alert()``.

Only the address is analysed: nothing is fetched, logged or stored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from widgets.analysers.alerts import LEVELS, Alert, worst_level
from widgets.analysers.domains import split_host, to_unicode
from widgets.analysers.link import alert_table as msg
from widgets.analysers.link.alert_table import alert
from widgets.analysers.link.data import (
    SHORTENERS_FILE,
    TLD_FILE,
    DataFileError,
    default_link_words,
    load_list,
    load_official_sites,
)
from widgets.analysers.link.lookalike import (
    find_lookalike,
    has_mixed_scripts,
    imitates_latin,
    imitates_state,
    official_site,
    skeleton,
)
from widgets.analysers.link.parse import ParsedLink, parse_link, shorten
from widgets.analysers.phone import PhoneInfo, classify_number, of_owner

_WORD_SPLIT = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class LinkReport:
    """What the checker found about one link."""

    url: str
    domain: str | None
    level: str
    alerts: tuple[Alert, ...]
    owner: str | None
    summary: str
    valid: bool

    def to_json(self) -> dict:
        """The report as plain JSON data with French keys (for the CLI and other tools)."""
        return {
            "url": self.url,
            "domaine": self.domain,
            "niveau": self.level,
            "alertes": [{"code": a.code, "message": a.message} for a in self.alerts],
        }


def _report(url: str, alerts: list[Alert], summary: str, *, valid: bool,
            domain: str | None = None, owner: str | None = None) -> LinkReport:
    ordered = sorted(alerts, key=lambda a: -LEVELS.index(a.level))  # dangers first, stable
    level = worst_level(a.level for a in alerts)
    return LinkReport(url=url, domain=domain, level=level, alerts=tuple(ordered),
                      owner=owner, summary=summary, valid=valid)


def check_link(text: str) -> LinkReport:
    """Analyse one pasted link; never raises, whatever ``text`` is."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", errors="replace")
    if not isinstance(text, str):
        return _report("", [alert("not_text")], msg.SUMMARY["not_text"], valid=False)
    try:
        return _analyse(parse_link(text))
    except DataFileError as error:
        return _report(shorten(text.strip()), [alert("data_error", error=str(error))],
                       msg.SUMMARY["data_error"], valid=False)
    except Exception:  # noqa: BLE001 - last resort: a person must never see a traceback
        return _report("", [alert("internal_error")], msg.SUMMARY["internal_error"], valid=False)


def _flag_alerts(parsed: ParsedLink, length: int) -> list[Alert]:
    """Alerts about the text itself (invisible characters, length)."""
    alerts = []
    if "bidi_characters" in parsed.flags:
        alerts.append(alert("bidi_characters"))
    if "hidden_characters" in parsed.flags:
        alerts.append(alert("hidden_characters"))
    if "very_long" in parsed.flags:
        alerts.append(alert("very_long", length=length))
    return alerts


def _analyse(parsed: ParsedLink) -> LinkReport:
    """Build the report of a parsed link."""
    alerts = _flag_alerts(parsed, len(parsed.display))
    url = parsed.display
    if parsed.kind == "empty":
        alerts.insert(0, alert("empty"))
        return _report(url, alerts, msg.SUMMARY["empty"], valid=False)
    if parsed.kind == "dangerous":
        alerts.insert(0, alert("dangerous_scheme", what=msg.DANGEROUS_SCHEMES[parsed.scheme]))
        return _report(url, alerts, msg.SUMMARY["dangerous"], valid=False)
    if parsed.kind == "contact":
        return _contact_report(parsed, alerts)
    if parsed.kind == "other_scheme":
        alerts.insert(0, alert("other_scheme", scheme=parsed.target))
        return _report(url, alerts, msg.SUMMARY["other_scheme"], valid=False)
    if parsed.kind == "email_address":
        alerts.insert(0, alert("email_address"))
        return _report(url, alerts, msg.SUMMARY["email_address"], valid=False)
    return _analyse_web(parsed, alerts)


def _contact_report(parsed: ParsedLink, alerts: list[Alert]) -> LinkReport:
    """A « mailto: », « tel: », « callto: » or « sms: » link: say where it leads.

    A genuine public number of ``numeros.yaml`` (3646, 33 700, 17…) gets no alert: the summary
    names its owner. Any other number is explained (free, surcharged, short, fiction…).
    """
    code = msg.CONTACT_CODES[parsed.scheme]
    variant = parsed.scheme if code == "phone_link" else None  # « tel: » and « callto: »
    advice = ""
    if code != "mailto_link":
        info = classify_number(parsed.target, sms=code == "sms_link")
        if info.kind == "public":
            summary = msg.SUMMARY["contact_public"].format(what=_public_number_sentence(code, info))
            return _report(parsed.display, alerts, summary, valid=False)
        if info.kind != "invalide" or parsed.scheme != "callto":  # « callto: » may hold a user name
            advice = f" {info.explanation}"
    alerts.insert(0, alert(code, variant, target=parsed.target or "(vide)", advice=advice))
    return _report(parsed.display, alerts, msg.SUMMARY["contact"], valid=False)


def _public_number_sentence(code: str, info: PhoneInfo) -> str:
    """« il lance un appel vers le 3646, le numéro de l'Assurance Maladie (…). »"""
    action = "il prépare un SMS vers" if code == "sms_link" else "il lance un appel vers"
    return f"{action} le {info.shown}, le numéro {of_owner(info.name)}. Coût : {info.cost}."


def _analyse_web(parsed: ParsedLink, alerts: list[Alert]) -> LinkReport:
    """Report on an http(s) address (or one typed without its beginning)."""
    url = parsed.display
    host = parsed.host_unicode
    if host is None or "invalid_host" in parsed.flags:
        alerts.insert(0, alert("not_a_link" if parsed.scheme_assumed else "invalid_host"))
        return _report(url, alerts, msg.SUMMARY["invalid"], valid=False)
    if parsed.userinfo is not None:
        before = shorten(parsed.userinfo, 60)
        alerts.append(alert("at_sign", before=before, host=shorten(host, 80)))
    alerts.extend(_transport_alerts(parsed))
    valid = not parsed.port_invalid
    if parsed.ip is not None:
        alerts.append(_ip_alert(parsed))
        summary = msg.SUMMARY["ip"].format(ip=parsed.ip)
        return _report(url, alerts, _with_note(summary, parsed), valid=valid)
    return _analyse_name(parsed, alerts, valid)


def _transport_alerts(parsed: ParsedLink) -> list[Alert]:
    """Alerts about the port and about ``http`` without ``s``."""
    alerts = []
    if parsed.port_invalid:
        alerts.append(alert("invalid_port"))
    elif parsed.port is not None and parsed.port not in (80, 443):
        alerts.append(alert("unusual_port", port=parsed.port))
    if parsed.scheme == "http" and not parsed.scheme_assumed:
        words = default_link_words()
        found = _find_words(f"{parsed.host_unicode} {parsed.rest}", words.login)
        if found:
            alerts.append(alert("no_https_login", word=found[0]))
        else:
            alerts.append(alert("no_https"))
    return alerts


def _ip_alert(parsed: ParsedLink) -> Alert:
    ip = parsed.ip
    if parsed.ip_unusual_form:
        typed = shorten(parsed.display.split("//", 1)[-1].split("/", 1)[0], 60)
        return alert("ip_address", "unusual_form", ip=ip, typed=typed)
    return alert("ip_address", "local" if (ip.is_private or ip.is_loopback) else "public", ip=ip)


def _analyse_name(parsed: ParsedLink, alerts: list[Alert], valid: bool) -> LinkReport:
    """Report on an address whose host is a name (not a number)."""
    url, host = parsed.display, parsed.host_unicode
    alerts.extend(_host_form_alerts(parsed))
    parts = split_host(parsed.host_ascii or host)
    registrable = parts.registrable
    if registrable is None:
        if parsed.scheme_assumed and "." not in host:
            alerts.insert(0, alert("not_a_link"))
            return _report(url, alerts, msg.SUMMARY["invalid"], valid=False)
        alerts.append(alert("unknown_extension", host=shorten(host, 80)))
        summary = msg.SUMMARY["no_suffix"].format(host=shorten(host, 80))
        return _report(url, alerts, _with_note(summary, parsed), valid=valid)

    domain = to_unicode(registrable)
    sites = load_official_sites()
    site = official_site(domain, sites) or official_site(registrable, sites)
    if site is not None:
        if domain == site.domain:
            key = "official"
        elif domain in site.other_domains or registrable in site.other_domains:
            key = "official_other"
        else:
            key = "official_old"
        summary = msg.SUMMARY[key].format(owner=site.owner, domain=domain, new=site.domain,
                                          main=site.domain)
        if alerts:
            summary = f"{summary} {msg.SUMMARY['official_but']}"
        return _report(url, alerts, _with_note(summary, parsed), valid=valid, domain=domain,
                       owner=site.owner)

    subdomain = to_unicode(parts.subdomain) if parts.subdomain else ""
    label = to_unicode(parts.label)
    lookalike = find_lookalike(host, subdomain, label, sites)
    if parts.suffix == "gouv.fr" and lookalike is not None:
        # Only the State registers names under .gouv.fr: a brand word in front (dgfip.finances.gouv.fr)
        # is no imitation; only a twist of an official name itself (lmpots.gouv.fr) stays suspect.
        from rapidfuzz.distance import Levenshtein

        if Levenshtein.distance(label.casefold(), lookalike.word.casefold()) > 2:
            lookalike = None
    alerts.extend(_name_alerts(parsed, domain, parts.suffix, subdomain, label, lookalike))
    if lookalike is not None:
        summary = msg.SUMMARY["lookalike"].format(
            domain=domain, owner=lookalike.site.owner, official=lookalike.site.domain)
    elif parts.suffix == "gouv.fr":
        summary = msg.SUMMARY["state"].format(domain=domain)
    else:
        # Not in the tool's list is not « fake »: many genuine public sites are not in it.
        summary = msg.SUMMARY["other"].format(domain=domain)
        level = worst_level(a.level for a in alerts)
        summary = f"{summary} {msg.SUMMARY['other_' + level]}"
    return _report(url, alerts, _with_note(summary, parsed), valid=valid, domain=domain)


def _host_form_alerts(parsed: ParsedLink) -> list[Alert]:
    """Alerts about how the host name is written (encoded, other alphabets, symbols)."""
    flags, host = parsed.flags, shorten(parsed.host_unicode or "", 80)
    alerts = []
    if "encoded_host" in flags:
        alerts.append(alert("encoded_host", host=host))
    if "invalid_punycode" in flags:
        alerts.append(alert("invalid_punycode"))
    elif "punycode" in flags:
        alerts.append(alert("idn", "punycode", host=host))
    elif "idn" in flags:
        alerts.append(alert("idn", "unicode", host=host))
    if "unusual_characters" in flags:
        alerts.append(alert("unusual_characters"))
    if parsed.host_unicode and not parsed.host_unicode.isascii():
        if has_mixed_scripts(parsed.host_unicode):
            alerts.append(alert("mixed_scripts"))
        elif imitates_latin(parsed.host_unicode):
            latin = shorten(skeleton(parsed.host_unicode), 80)
            alerts.append(alert("confusable_characters", latin=latin))
    return alerts


def _name_alerts(parsed: ParsedLink, domain: str, suffix: str, subdomain: str, label: str,
                 lookalike) -> list[Alert]:
    """Alerts about a non-official site name: imitation, short link, extension, words."""
    alerts = []
    if lookalike is not None:
        # one wording per kind of imitation: "subdomain", "brand" or "typo"
        alerts.append(alert("lookalike_official", lookalike.kind, word=lookalike.word,
                            domain=domain, owner=lookalike.site.owner,
                            official=lookalike.site.domain))
    elif suffix != "gouv.fr" and imitates_state(parsed.host_unicode, subdomain, label):
        alerts.append(alert("fake_gouv", domain=domain))
    if suffix == "gouv.fr" and lookalike is None:
        return alerts
    if lookalike is None:
        alerts.extend(_disguise_alerts(domain, subdomain, label, parsed.rest))
    if domain in load_list(SHORTENERS_FILE) or parsed.host_unicode in load_list(SHORTENERS_FILE):
        alerts.append(alert("shortener", domain=domain))
    last = suffix.rsplit(".", 1)[-1]
    if last in load_list(TLD_FILE) or suffix in load_list(TLD_FILE):
        alerts.append(alert("unusual_extension", suffix=suffix))
    words = _find_words(f"{parsed.host_unicode} {parsed.rest}", default_link_words().scam)
    if words:
        shown = ", ".join(f"« {w} »" for w in words[:4])
        alerts.append(alert("suspicious_words", words=shown))
    hyphens = parsed.host_unicode.count("-")
    # French place names are full of hyphens (mairie-saint-jean-de-luz.fr): not a sign under .fr
    if hyphens >= 3 and suffix != "fr":
        alerts.append(alert("many_hyphens", count=hyphens))
    pieces = [p for p in subdomain.split(".") if p and p != "www"]
    if len(pieces) >= 3:
        alerts.append(alert("many_subdomains", domain=domain))
    return alerts


#: Endings that make a host read as a whole site name when they stand inside it
#: (« paypal.com.compte-verif.ru », « chronopost.fr-livraison.com »). Country codes often used
#: as regional sub-names (eu, de, uk…) are left out: « api.eu.exemple.com » is ordinary.
_VISUAL_ENDINGS = ("com", "fr", "net", "org", "gouv")
_HYPHEN_ENDINGS = ("com", "fr", "gouv")
#: Technical first names of real hosts (« m.fr.exemple.com », « api.fr.exemple.com »): no disguise.
_TECHNICAL = ("", "www", "m", "mobile", "api", "login", "auth", "secure", "static", "cdn", "img", "mail", "app")  # « chronopost.fr-livraison.com » (net-, org- name real sites)
_CARRIED = re.compile(r"(?:https?:|https?%3a)(?://|%2f%2f)([^/?#&%\s]+)", re.IGNORECASE)
_AT_HOST = re.compile(r"(?:^|[/#?&=])@([a-z0-9][a-z0-9.-]*\.[a-z]{2,})", re.IGNORECASE)


def _disguise_alerts(domain: str, subdomain: str, label: str, rest: str) -> list[Alert]:
    """A site name dressed as another one, and other addresses carried inside the link."""
    alerts = []
    pieces = subdomain.split(".") if subdomain else []
    for k in range(1, len(pieces)):
        if pieces[k] in _VISUAL_ENDINGS and pieces[k - 1] not in _TECHNICAL:
            end = k + 1
            while end < len(pieces) and pieces[end] in _VISUAL_ENDINGS:  # « ville.gouv.fr »
                end += 1
            fake = ".".join(pieces[:end]).removeprefix("www.")
            alerts.append(alert("domain_in_subdomain", fake=fake, domain=domain))
            break
    ending = label.split("-", 1)[0]
    if pieces and pieces[-1] != "www" and "-" in label and ending in _HYPHEN_ENDINGS:
        fake = f"{pieces[-1]}.{ending}"
        alerts.append(alert("extension_hyphen", fake=fake, domain=domain))
    for found in [*_CARRIED.finditer(rest[:4096]), *_AT_HOST.finditer(rest[:4096])]:
        other = found.group(1).casefold().rsplit("@", 1)[-1].split(":", 1)[0]
        if split_host(other).registrable not in (None, domain):  # another site than this one
            alerts.append(alert("carried_address", other=shorten(other, 60)))
            break
    return alerts


def _plain(text: str) -> str:
    """Lowercase ``text`` without accents, for word matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _find_words(text: str, words: tuple[str, ...]) -> list[str]:
    """The ``words`` (hyphen-joined expressions) present in ``text``, in list order."""
    plain = _plain(text[:4096])
    tokens = [t for t in _WORD_SPLIT.split(plain) if t]
    squashed = _WORD_SPLIT.sub("", plain)
    found = []
    for word in words:
        wanted = [t for t in _WORD_SPLIT.split(_plain(word)) if t]
        size = len(wanted)
        if not size:
            continue
        hit = any(tokens[i:i + size] == wanted for i in range(len(tokens) - size + 1))
        joined = "".join(wanted)
        if hit or (len(joined) >= 7 and joined in squashed):
            found.append(word)
    return found


def _with_note(summary: str, parsed: ParsedLink) -> str:
    """Add the "we assumed https://" note when the address had no beginning."""
    return f"{summary} {msg.SCHEME_ASSUMED}" if parsed.scheme_assumed else summary


def render_text(report: LinkReport) -> str:
    """The report as a few lines of plain French, for the terminal."""
    labels = msg.TEXT_LABELS
    lines = [
        f"{labels['url']} : {report.url}",
        f"{labels['domain']} : {report.domain or labels['unknown_domain']}",
        f"{labels['level']} : {msg.LEVEL_NAMES.get(report.level, report.level)}",
        "",
        report.summary,
        "",
    ]
    if report.alerts:
        lines.append(labels["alerts"])
        for alert in report.alerts:
            lines.append(f"  - {msg.LEVEL_NAMES[alert.level]} : {alert.message}")
    else:
        lines.append(labels["no_alert"])
    lines += ["", msg.ADVICE.get(report.level, msg.ADVICE["attention"])]
    return "\n".join(lines)
