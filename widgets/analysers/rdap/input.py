"""Turn what a person typed (an address or a link) into a registrable domain name.

No network: the Public Suffix List snapshot bundled with tldextract is used, through the
shared :func:`widgets.analysers.domains.split_host`.
Only the returned ASCII name (letters, digits, hyphens, dots) may ever go into a URL.
"""
from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

import idna

from widgets.analysers.domains import split_host

MAX_INPUT_CHARS = 2000
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})

EXAMPLE_HINT = "Exemple d'adresse correcte : lemonde.fr"


@dataclass(frozen=True)
class DomainInput:
    """A validated registrable domain, or a French explanation of why there is none."""

    domain: str | None
    error: str | None = None


def _refuse(reason: str) -> DomainInput:
    return DomainInput(domain=None, error=f"{reason} {EXAMPLE_HINT}")


def _host_part(text: str) -> str:
    """Keep only the host of a link or of an address typed by hand."""
    candidate = text
    if "://" in candidate:
        try:
            candidate = urlsplit(candidate).hostname or ""
        except ValueError:
            return ""
    else:
        candidate = re.split(r"[/?#]", candidate, maxsplit=1)[0]
        candidate = candidate.rsplit("@", 1)[-1]
        if candidate.count(":") == 1:
            candidate = candidate.split(":", 1)[0]
    return candidate.translate(_DOTS).strip().rstrip(".").lower()


def _to_ascii(host: str) -> str | None:
    """IDNA-encode an accented name (café.fr → xn--caf-dma.fr); None if impossible."""
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return None


def registrable_domain(text: object) -> DomainInput:
    """Validate what a person typed and return the registrable domain (e.g. ``lemonde.fr``)."""
    if not isinstance(text, str):
        return _refuse("Il faut écrire l'adresse d'un site, avec des lettres.")
    if len(text) > MAX_INPUT_CHARS:
        return _refuse("Ce texte est beaucoup trop long pour être l'adresse d'un site.")
    stripped = text.strip()
    if not stripped:
        return _refuse("Vous n'avez rien écrit.")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in stripped):
        return _refuse("Ce texte contient des caractères invisibles ou spéciaux.")
    if any(ch.isspace() for ch in stripped):
        return _refuse("Une adresse de site ne contient pas d'espace.")
    host = _host_part(stripped)
    if not host:
        return _refuse("Nous ne trouvons pas d'adresse de site dans ce texte.")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return _refuse("C'est une adresse IP (une suite de chiffres), pas un nom de site.")
    except ValueError:
        pass
    ascii_host = _to_ascii(host)
    if not ascii_host or len(ascii_host) > 253:
        return _refuse("Ce texte ne ressemble pas à une adresse de site.")
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return _refuse("Ce texte ne ressemble pas à une adresse de site.")
    parts = split_host(ascii_host)
    if not parts.suffix:
        return _refuse("La fin de cette adresse n'est pas connue (une adresse finit par .fr, .com…).")
    if not parts.label:
        return _refuse("Il manque le nom du site avant la fin de l'adresse (comme « lemonde » dans lemonde.fr).")
    domain = parts.registrable
    if not all(_LABEL.match(label) for label in domain.split(".")):
        return _refuse("Ce texte ne ressemble pas à une adresse de site.")
    return DomainInput(domain=domain)
