"""Links in the message body: extraction (HTML and plain text) and checking with the link checker."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from widgets.analysers.alerts import Alert
from widgets.analysers.mail.alert_table import alert
from widgets.analysers.mail.domains import (
    check_link_safely,
    registrable_domain,
    same_organisation,
)
from widgets.analysers.mail.input import one_line
from widgets.analysers.mail.model import MailLink

MAX_LINKS = 40
MAX_HTML_CHARS = 1_000_000
_TEXT_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»]+", re.IGNORECASE)
_LOOKS_LIKE_ADDRESS = re.compile(
    r"^(?:https?://)?(?:[\w-]+\.)+[^\W\d_]{2,}(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE | re.UNICODE
)


@dataclass
class HtmlFindings:
    """What the HTML body contains that matters for safety."""

    anchors: list[tuple[str, str]] = field(default_factory=list)   # (text, href)
    images: list[dict[str, str]] = field(default_factory=list)     # attributes of <img>
    has_form: bool = False
    has_password_field: bool = False
    has_script: bool = False


class _HtmlScanner(HTMLParser):
    """Collect anchors, images, forms and scripts from HTML (never executes anything)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = HtmlFindings()
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "a":
            self._close_anchor()
            self._href = values.get("href", "").strip()
            self._text = []
        elif tag == "img":
            self.found.images.append(values)
            if self._href is not None and values.get("alt"):
                self._text.append(values["alt"])
        elif tag == "form":
            self.found.has_form = True
        elif tag == "input" and values.get("type", "").lower() == "password":
            self.found.has_password_field = True
        elif tag == "script":
            self.found.has_script = True

    def handle_endtag(self, tag):
        if tag == "a":
            self._close_anchor()

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def _close_anchor(self):
        if self._href is not None and len(self.found.anchors) < 10 * MAX_LINKS:
            self.found.anchors.append((" ".join("".join(self._text).split()), self._href))
        self._href = None
        self._text = []

    def close(self):
        super().close()
        self._close_anchor()


def scan_html(html: str) -> HtmlFindings:
    """Scan HTML text; malformed markup gives whatever could be read."""
    scanner = _HtmlScanner()
    try:
        scanner.feed(html[:MAX_HTML_CHARS])
        scanner.close()
    except Exception:
        pass
    return scanner.found


def text_urls(text: str) -> list[str]:
    """Find web addresses written in plain text."""
    urls = []
    for match in _TEXT_URL.finditer(text[:MAX_HTML_CHARS]):
        url = match.group(0).rstrip(".,;:!?)]}>")
        if url and url not in urls:
            urls.append(url)
        if len(urls) >= 10 * MAX_LINKS:
            break
    return urls


def _is_web(href: str) -> bool:
    lowered = href.strip().lower()
    return lowered.startswith(("http://", "https://", "//", "www."))


def _host_of(address: str) -> str:
    candidate = address.strip()
    if candidate.startswith("//"):
        candidate = "https:" + candidate
    elif "://" not in candidate:
        candidate = "https://" + candidate
    try:
        return (urlsplit(candidate).hostname or "").lower()
    except Exception:
        return ""


def _same_site(shown_host: str, target_host: str, target_domain: str | None) -> bool:
    """True when the host shown in a link's text belongs to the same site as its target."""
    if not shown_host:
        return True
    shown_domain = registrable_domain(shown_host)
    if shown_domain and target_domain:
        return same_organisation(shown_domain, target_domain)
    a, b = shown_host.removeprefix("www."), target_host.removeprefix("www.")
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def looks_like_address(text: str) -> bool:
    """True when the shown text of a link is itself a web address or a domain name."""
    text = text.strip()
    return 3 < len(text) < 300 and " " not in text and bool(_LOOKS_LIKE_ADDRESS.match(text))


def check_links(anchors: list[tuple[str, str]]) -> tuple[list[MailLink], list[Alert]]:
    """Check each distinct web link; return MailLinks and the alerts they raise."""
    links: list[MailLink] = []
    alerts: list[Alert] = []
    seen: set[tuple[str, str]] = set()
    mismatches, dangers, attentions = [], [], []
    for text, href in anchors:
        if not _is_web(href):
            continue
        text, href = one_line(text, 200), one_line(href, 2000)
        if (text, href) in seen:
            continue
        seen.add((text, href))
        if len(links) >= MAX_LINKS:
            break
        report = check_link_safely(href)
        host = _host_of(href)
        domain = getattr(report, "domain", None) or registrable_domain(host) or (host or None)
        level = getattr(report, "level", None)
        if level not in ("ok", "attention", "danger"):
            level = "attention"
        links.append(MailLink(text=text, target=href, domain=domain, level=level))
        if looks_like_address(text):
            if not _same_site(_host_of(text), host, domain):
                mismatches.append((text, domain))
        if level == "danger":
            dangers.append((domain, getattr(report, "summary", "") or ""))
        elif level == "attention":
            attentions.append(domain)
    if mismatches:
        text, domain = mismatches[0]
        alerts.append(alert("link_text_mismatch", text=text, domain=domain))
    if dangers:
        domain, summary = dangers[0]
        detail = f" {one_line(summary, 300)}" if summary else ""
        names = ", ".join(sorted({str(d) for d, _ in dangers if d}))
        alerts.append(alert("dangerous_link", names=names, detail=detail))
    if attentions:
        names = ", ".join(sorted({str(d) for d in attentions if d}))
        alerts.append(alert("doubtful_link", names=names))
    return links, alerts


def html_alerts(found: HtmlFindings) -> list[Alert]:
    """Alerts about forms, password fields, scripts and tracking pixels in the HTML."""
    alerts = []
    if found.has_password_field or found.has_form:
        # One code, two levels: a form that asks for a password is a danger, not just a doubt.
        alerts.append(alert("html_form", level="danger" if found.has_password_field else None))
    if found.has_script:
        alerts.append(alert("html_script"))
    if any(is_tracking_pixel(attrs) for attrs in found.images):
        alerts.append(alert("tracking_pixel"))
    return alerts


def _pixels(value: str) -> int | None:
    digits = value.strip().lower().removesuffix("px").strip()
    return int(digits) if digits.isdigit() and len(digits) < 6 else None


def is_remote(src: str) -> bool:
    """True when an image source would be fetched from the internet."""
    return src.strip().lower().startswith(("http://", "https://", "//"))


def is_tracking_pixel(attrs: dict[str, str]) -> bool:
    """A remote image sized 0–2 pixels or hidden by its style."""
    if not is_remote(attrs.get("src", "")):
        return False
    width, height = _pixels(attrs.get("width", "")), _pixels(attrs.get("height", ""))
    tiny = (width is not None and width <= 2) or (height is not None and height <= 2)
    style = attrs.get("style", "").replace(" ", "").lower()
    hidden = "display:none" in style or "visibility:hidden" in style
    return tiny or hidden
