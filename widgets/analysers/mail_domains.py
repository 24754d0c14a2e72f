"""Bridge to the project's link checker (widgets.analysers.link), imported lazily."""
from __future__ import annotations

from functools import lru_cache


def check_link_safely(text: str):
    """Run the link checker on `text`; None if it is missing or fails."""
    try:
        from .link import check_link
    except Exception:
        return None
    try:
        return check_link(text)
    except Exception:
        return None


@lru_cache(maxsize=512)
def registrable_domain(host: str) -> str | None:
    """Return the registrable domain of a host name (via the link checker), or None."""
    host = (host or "").strip().strip(".").lower()
    if not host or any(char.isspace() for char in host) or "/" in host or "@" in host:
        return None
    report = check_link_safely(f"https://{host}/")
    domain = getattr(report, "domain", None) if report is not None else None
    if isinstance(domain, str) and domain:
        return domain.lower()
    return None


def same_organisation(domain_a: str | None, domain_b: str | None) -> bool:
    """True when two registrable domains are the same (case-insensitive)."""
    return bool(domain_a) and bool(domain_b) and domain_a.lower() == domain_b.lower()
