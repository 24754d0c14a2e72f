"""Split a pasted link into its parts, like a browser would, without ever raising.

Follows the browser rules that tricksters abuse: tabs and new lines are ignored, ``\\`` counts
as ``/`` in web addresses, the real host is after the last ``@``, the host may be
percent-encoded or written as a number (``http://3232235777/``).
"""

from __future__ import annotations

import ipaddress
import re
import socket
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import idna

MAX_ANALYSED = 8192
"""Characters analysed; longer input is cut (the host is always near the start)."""
MAX_DISPLAY = 300
LONG_LINK = 2000

WEB_SCHEMES = frozenset({"http", "https"})
DANGEROUS_SCHEMES = frozenset({"javascript", "data", "file", "vbscript"})
CONTACT_SCHEMES = frozenset({"mailto", "tel", "sms", "callto"})

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_IPV4_NUMBER = r"(?:0x[0-9a-f]*|[0-9]+)"
_IPV4_LIKE = re.compile(rf"^{_IPV4_NUMBER}(?:\.{_IPV4_NUMBER}){{0,3}}$")
_ASCII_HOST = re.compile(r"^[a-z0-9_\-.]+$")
_FORBIDDEN_HOST = re.compile(r"[\s#%/:<>?@\[\\\]^|\"'`{}]")


@dataclass(frozen=True)
class ParsedLink:
    """The parts of a link, as a browser would see them."""

    display: str
    kind: str  # "web", "contact", "dangerous", "other_scheme", "email_address", "empty", "not_a_link"
    scheme: str = ""
    scheme_assumed: bool = False
    target: str = ""  # what follows "mailto:" / "tel:", or the unknown scheme's name
    userinfo: str | None = None
    host_ascii: str | None = None
    host_unicode: str | None = None
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address | None = None
    ip_unusual_form: bool = False
    port: int | None = None
    port_invalid: bool = False
    rest: str = ""  # path, query and fragment
    flags: frozenset[str] = field(default_factory=frozenset)
    # flags: "hidden_characters", "bidi_characters", "very_long", "encoded_host",
    #        "punycode", "idn", "unusual_characters", "invalid_punycode", "invalid_host"


def clean_text(text: str) -> tuple[str, frozenset[str]]:
    """Remove invisible and control characters; return the text and what was found."""
    flags = set()
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            if char in _BIDI:
                flags.add("bidi_characters")
            elif char not in "\t\n\r" and category != "Zl":
                flags.add("hidden_characters")
            continue
        kept.append(char)
    return "".join(kept).strip(), frozenset(flags)


def shorten(text: str, limit: int = MAX_DISPLAY) -> str:
    """Cut ``text`` to ``limit`` characters, ending with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_link(text: str) -> ParsedLink:
    """Parse pasted text into a :class:`ParsedLink`; never raises."""
    cleaned, flags = clean_text(text)
    display = shorten(cleaned)
    if len(cleaned) > LONG_LINK:
        flags |= {"very_long"}
    cleaned = cleaned[:MAX_ANALYSED]
    if not cleaned:
        return ParsedLink(display=display, kind="empty", flags=flags)

    match = _SCHEME.match(cleaned)
    scheme = match.group(1).lower() if match else ""
    after = cleaned[match.end():] if match else cleaned
    if scheme in DANGEROUS_SCHEMES:
        return ParsedLink(display=display, kind="dangerous", scheme=scheme, flags=flags)
    if scheme in CONTACT_SCHEMES:
        target = shorten(unquote(after.split("?", 1)[0]).strip(), 80)
        return ParsedLink(display=display, kind="contact", scheme=scheme, target=target, flags=flags)
    port_like = re.match(r"\d+(/|$)", after) is not None  # "localhost:8866" has no scheme
    if scheme and scheme not in WEB_SCHEMES and not port_like and (
        after.startswith("//") or "." not in scheme
    ):
        return ParsedLink(display=display, kind="other_scheme", scheme=scheme,
                          target=shorten(scheme, 40), flags=flags)

    assumed = scheme not in WEB_SCHEMES
    if assumed:
        scheme, after = "", cleaned
        if _looks_like_email(cleaned):
            return ParsedLink(display=display, kind="email_address", flags=flags)
    # Browsers read "\" as "/" and skip any run of slashes after "http:".
    after = after.replace("\\", "/").lstrip("/")
    return _parse_authority(display, scheme, assumed, after, flags)


def _looks_like_email(text: str) -> bool:
    """True for "jean.dupont@orange.fr": an e-mail address, not a link."""
    if "/" in text or text.count("@") != 1:
        return False
    local, _, domain = text.partition("@")
    return bool(local) and "." in domain and not local.lower().startswith("www.")


def _parse_authority(display: str, scheme: str, assumed: bool, after: str,
                     flags: frozenset[str]) -> ParsedLink:
    """Split ``host:port/rest`` (after the scheme) and normalise the host."""
    base = {"display": display, "kind": "web", "scheme": scheme or "http",
            "scheme_assumed": assumed}
    try:
        parts = urlsplit("http://" + after)
        netloc, host = parts.netloc, parts.hostname
    except ValueError:
        return ParsedLink(**base, flags=flags | {"invalid_host"})
    rest = after[len(netloc):]
    userinfo = netloc.rpartition("@")[0] if "@" in netloc else None
    try:
        port = parts.port
        port_invalid = False
    except ValueError:
        port, port_invalid = None, True
    base.update(userinfo=userinfo, port=port, port_invalid=port_invalid, rest=rest)
    if not host:
        return ParsedLink(**base, flags=flags | {"invalid_host"})
    return _with_host(base, host, flags)


def _with_host(base: dict, host: str, flags: frozenset[str]) -> ParsedLink:
    """Add the normalised host (IP address, ASCII and Unicode forms) to ``base``."""
    flags = set(flags)
    if "%" in host:
        flags.add("encoded_host")
        host = unquote(host, errors="replace")
    host = host.rstrip(".")
    ip, unusual = parse_ip(host)
    if ip is not None:
        return ParsedLink(**base, host_ascii=str(ip), host_unicode=str(ip), ip=ip,
                          ip_unusual_form=unusual, flags=frozenset(flags))
    last_label = host.rsplit(".", 1)[-1].lower()
    if (not host or ".." in host or _FORBIDDEN_HOST.search(host)
            or re.fullmatch(_IPV4_NUMBER, last_label)):
        # A name ending with a number is read as a (broken) IP address by browsers.
        flags.add("invalid_host")
        return ParsedLink(**base, flags=frozenset(flags))
    host_ascii, host_unicode, host_flags = normalise_host(host)
    flags |= host_flags
    return ParsedLink(**base, host_ascii=host_ascii, host_unicode=host_unicode,
                      flags=frozenset(flags))


def parse_ip(host: str) -> tuple[ipaddress.IPv4Address | ipaddress.IPv6Address | None, bool]:
    """Return ``(address, unusual_form)`` if ``host`` is an IP address, else ``(None, False)``.

    Unusual forms are those browsers still accept: one number (``3232235777``),
    hexadecimal (``0xC0A80101``), octal (``0300.0250.1.1``) or fewer than four parts.
    """
    try:
        return ipaddress.ip_address(host.strip("[]")), False
    except ValueError:
        pass
    lowered = host.lower()
    if not _IPV4_LIKE.match(lowered):
        return None, False
    try:
        # inet_aton reads the legacy forms exactly like browsers do; no network is used.
        return ipaddress.IPv4Address(socket.inet_aton(lowered)), True
    except (OSError, ValueError):
        return None, False


def normalise_host(host: str) -> tuple[str | None, str, set[str]]:
    """Return ``(ascii_form, unicode_form, flags)`` using IDNA (UTS #46) like browsers."""
    flags: set[str] = set()
    lowered = host.lower()
    if any(label.startswith("xn--") for label in lowered.split(".")):
        flags.add("punycode")
    try:
        ascii_form = idna.encode(host, uts46=True).decode("ascii")
        unicode_form = idna.decode(ascii_form)
    except (idna.IDNAError, UnicodeError, ValueError, IndexError):
        if _ASCII_HOST.match(lowered) and ".." not in lowered:
            if "punycode" in flags:
                flags.add("invalid_punycode")
            return lowered, lowered, flags
        flags.add("unusual_characters")
        return None, unicodedata.normalize("NFC", lowered), flags
    if ascii_form != unicode_form:
        flags.add("idn")
    return ascii_form, unicode_form, flags


def link_domain(text: str) -> str | None:
    """The registrable domain (Unicode) a web link leads to, as ``check_link(text).domain`` names it,
    without the checks: for showing an address (a browser bar, a message's link) in a participant's
    kernel, where the checker's look-alike data would cost megabytes for one bold word."""
    from widgets.analysers.domains import split_host, to_unicode

    try:
        parsed = parse_link(text)
    except Exception:  # noqa: BLE001 - display only
        return None
    if parsed.kind in ("empty", "dangerous", "contact", "other_scheme", "email_address") \
            or parsed.host_unicode is None or "invalid_host" in parsed.flags or parsed.ip is not None:
        return None
    registrable = split_host(parsed.host_ascii or parsed.host_unicode).registrable
    return to_unicode(registrable) if registrable else None
