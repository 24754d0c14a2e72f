"""E-mail checker: analyse a raw message (.eml or pasted source) and explain the risks in French.

Public API: check_message, safe_html_body, render_text and the result dataclasses.
The parsing uses the standard library (email.parser.BytesParser with policy.default).
Alert codes (stable, for programs), with their level and message: the table ``ALERTS`` in
:mod:`widgets.analysers.mail.alert_table`.
"""
from __future__ import annotations

from email.message import Message

from widgets.analysers.alerts import Alert, worst_level
from widgets.analysers.data_files import DataFileError
from widgets.analysers.mail.alert_table import alert
from widgets.analysers.mail.attachments import analyse_attachments, is_attachment
from widgets.analysers.mail.auth import (
    authentication_alerts,
    authentication_notes,
    read_authentication,
)
from widgets.analysers.mail.disguise import find_disguise
from widgets.analysers.mail.html import html_to_text, sanitise_html
from widgets.analysers.mail.input import (
    clean_text,
    collect_defects,
    content_type,
    has_known_header,
    input_problem,
    one_line,
    parse,
    part_text,
    walk,
)
from widgets.analysers.mail.links import check_links, html_alerts, scan_html, text_urls
from widgets.analysers.mail.model import Attachment, MailLink, MailReport, Sender
from widgets.analysers.mail.render import render_text
from widgets.analysers.mail.sender import analyse_sender, disguise_words
from widgets.analysers.mail.words import scam_word_alerts

__all__ = [
    "Alert", "Attachment", "MailLink", "MailReport", "Sender",
    "authentication_notes", "check_message", "render_text", "safe_html_body",
]

TEXT_BODY_LIMIT = 20_000
DEFAULT_MAX_BYTES = 5_000_000
_DAMAGE_DEFECTS = {
    "StartBoundaryNotFoundDefect", "CloseBoundaryNotFoundDefect", "NoBoundaryInMultipartDefect",
    "MultipartInvariantViolationDefect", "InvalidBase64PaddingDefect",
    "InvalidBase64CharactersDefect", "InvalidBase64LengthDefect",
    "FirstHeaderLineIsContinuationDefect", "MisplacedEnvelopeHeaderDefect",
}


def _invalid(problem: Alert) -> MailReport:
    return MailReport(valid=False, sender=None, subject="", links=(), attachments=(),
                      level="attention", alerts=(problem,), authentication={}, text_body="")


def _load(data: bytes | str, max_bytes: int) -> tuple[Message | None, Alert | None]:
    """Check and parse the input; return the message or the French reason it is not one."""
    raw, problem = input_problem(data, max_bytes)
    if problem is not None:
        return None, problem
    try:
        msg = parse(raw)
    except RecursionError:
        return None, alert("too_complex", "not_parsed")
    if not has_known_header(msg):
        return None, alert("not_an_email", "no_headers")
    return msg, None


def _bodies(parts: list[Message]) -> tuple[list[str], list[str], bool]:
    """Return (plain texts, HTML texts, some charset was unknown) of the message's body parts."""
    plain, html, unknown = [], [], False
    for part in parts:
        if is_attachment(part):
            continue
        mime = content_type(part)
        if mime not in ("text/plain", "text/html"):
            continue
        text, bad_charset = part_text(part)
        unknown = unknown or bad_charset
        (plain if mime == "text/plain" else html).append(text)
    return plain, html, unknown


def _structure_alerts(parts: list[Message], truncated: bool, unknown: bool) -> list[Alert]:
    alerts = []
    defects = {type(defect).__name__ for defect in collect_defects(parts)}
    if defects & _DAMAGE_DEFECTS:
        alerts.append(alert("damaged_message"))
    if truncated:
        alerts.append(alert("too_complex", "truncated"))
    if unknown:
        alerts.append(alert("unknown_charset"))
    return alerts


def _analyse(msg: Message) -> MailReport:
    parts, truncated = walk(msg)
    raw_subject = _subject(msg)[:2000]
    subject = one_line(raw_subject, 300)
    sender, alerts = analyse_sender(msg)
    disguise = find_disguise(raw_subject)
    if disguise is not None:
        alerts.append(alert("hidden_characters", "subject", what=disguise_words(disguise),
                            revealed=one_line(disguise.revealed, 300)))
    plain, html, unknown = _bodies(parts)
    html_text = "\n".join(html_to_text(item) for item in html)
    anchors: list[tuple[str, str]] = []
    for item in html:
        found = scan_html(item)
        anchors.extend(found.anchors)
        alerts.extend(html_alerts(found))
    known_targets = {href.strip() for _, href in anchors}
    for item in plain:
        anchors.extend((url, url) for url in text_urls(item) if url not in known_targets)
    links, link_alerts = check_links(anchors)
    alerts.extend(link_alerts)
    attachments, attachment_alerts = analyse_attachments(parts)
    alerts.extend(attachment_alerts)
    authentication = read_authentication(msg)
    alerts.extend(authentication_alerts(authentication))
    body = "\n".join(plain) if plain else html_text
    bad_link = any(found.code in ("link_text_mismatch", "dangerous_link") for found in alerts)
    alerts.extend(scam_word_alerts(f"{raw_subject}\n{body}\n{html_text if plain else ''}", bad_link))
    alerts.extend(_structure_alerts(parts, truncated, unknown))
    alerts.sort(key=lambda found: found.level != "danger")
    return MailReport(
        valid=True, sender=sender, subject=subject, links=tuple(links),
        attachments=tuple(attachments), level=worst_level(a.level for a in alerts),
        alerts=tuple(alerts), authentication=authentication,
        text_body=clean_text(body.strip(), TEXT_BODY_LIMIT),
    )


def _subject(msg: Message) -> str:
    try:
        return str(msg.get("Subject") or "")
    except Exception:
        try:
            return str(msg.get_all("Subject", [""])[0])
        except Exception:
            return ""


def check_message(data: bytes | str, max_bytes: int = DEFAULT_MAX_BYTES) -> MailReport:
    """Analyse a raw e-mail; never raises (bad input gives valid=False and a French reason)."""
    try:
        msg, problem = _load(data, max_bytes)
        if problem is not None:
            return _invalid(problem)
        return _analyse(msg)
    except DataFileError as error:  # a data file of the tool is broken: say which one
        return _invalid(alert("data_error", error=str(error)))
    except Exception:
        return _invalid(alert("unreadable"))


def safe_html_body(data: bytes | str) -> str | None:
    """Return the message's HTML body made safe for display, or None if there is no HTML part."""
    try:
        msg, problem = _load(data, DEFAULT_MAX_BYTES)
        if problem is not None:
            return None
        parts, _ = walk(msg)
        for part in parts:
            if not is_attachment(part) and content_type(part) == "text/html":
                text, _ = part_text(part)
                return sanitise_html(text)
        return None
    except Exception:
        return None
