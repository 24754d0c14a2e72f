"""Registrable domains of the hosts met in a message, and the bridge to the link checker.

A host is read like the link checker reads the host of ``https://<host>/`` (browser rules, IDNA),
then split by the shared Public Suffix List code of :mod:`widgets.analysers.domains`.
"""
from __future__ import annotations

from functools import lru_cache

from widgets.analysers.domains import split_host, to_unicode
from widgets.analysers.link.parse import parse_link


def check_link_safely(text: str):
    """Run the link checker on `text`; None if it is missing or fails."""
    try:
        from widgets.analysers.link.check import check_link
    except Exception:
        return None
    try:
        return check_link(text)
    except Exception:
        return None


@lru_cache(maxsize=512)
def registrable_domain(host: str) -> str | None:
    """Return the registrable domain of a host name (lowercase, Unicode form), or None."""
    host = (host or "").strip().strip(".").lower()
    if not host or any(char.isspace() for char in host) or "/" in host or "@" in host:
        return None
    try:
        parsed = parse_link(f"https://{host}/")
    except Exception:
        return None
    if (parsed.kind != "web" or parsed.host_unicode is None or parsed.ip is not None
            or "invalid_host" in parsed.flags):
        return None  # no site name: a broken host or a number (IP address)
    registrable = split_host(parsed.host_ascii or parsed.host_unicode).registrable
    return to_unicode(registrable).lower() if registrable else None


def same_organisation(domain_a: str | None, domain_b: str | None) -> bool:
    """True when two registrable domains are the same (case-insensitive)."""
    return bool(domain_a) and bool(domain_b) and domain_a.lower() == domain_b.lower()
