"""The registrable domain (eTLD+1) of a host, found one way for every analyser, offline.

``tldextract`` is built with no list URL and no cache directory: it reads the Public Suffix List
snapshot shipped inside the package, never uses the network and never writes a file. The link
checker, the e-mail checker and the domain-age lookup all split host names with :func:`split_host`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import idna
import tldextract


@dataclass(frozen=True)
class HostParts:
    """``www.impots.gouv.fr`` → subdomain ``www``, label ``impots``, suffix ``gouv.fr``."""

    subdomain: str
    label: str
    suffix: str

    @property
    def registrable(self) -> str | None:
        """The registrable domain (eTLD+1), or None when the host has no known suffix."""
        return f"{self.label}.{self.suffix}" if self.label and self.suffix else None


@lru_cache(maxsize=1)
def extractor() -> tldextract.TLDExtract:
    """The shared offline extractor, built on first use."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def split_host(host: str) -> HostParts:
    """Split a lowercase host name; a host without a known suffix gets an empty suffix."""
    result = extractor()(host)
    return HostParts(result.subdomain, result.domain, result.suffix)


def registrable_domain(host: str) -> str | None:
    """The registrable domain of a host name as written (``www.impots.gouv.fr`` → ``impots.gouv.fr``)."""
    return split_host(host).registrable


def to_unicode(domain: str) -> str:
    """Return the Unicode form of an ASCII (punycode) domain, or the domain unchanged."""
    try:
        return idna.decode(domain)
    except (idna.IDNAError, UnicodeError, ValueError, IndexError):
        return domain
