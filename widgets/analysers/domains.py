"""The registrable domain (eTLD+1) of a host, found one way for every analyser, offline.

The Public Suffix List is the snapshot shipped inside the ``tldextract`` package (its ICANN part, as
``tldextract`` uses it by default), read here with the same rules (wildcards, exceptions, labels in
punycode compared in Unicode). Importing ``tldextract`` itself would also load ``requests`` and build two
tries of the whole list: about 9 MiB in every participant's kernel that shows an address. Nothing is
fetched and no file is written. The link checker, the e-mail checker and the domain-age lookup all
split host names with :func:`split_host`.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from ipaddress import AddressValueError, IPv6Address
from pathlib import Path

import idna

_SNAPSHOT = ".tld_set_snapshot"
_PRIVATE_PART = "// ===BEGIN PRIVATE DOMAINS==="
_RULE = re.compile(r"^(?P<suffix>[.*!]*\w[\S]*)", re.UNICODE | re.MULTILINE)  # tldextract's own reading
_IPV4 = re.compile(r"(?:(?:[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\.){3}"
                   r"(?:[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])", re.ASCII)  # tldextract's
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


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


class SuffixList:
    """The public suffixes (ICANN part of the list) and every label path leading to one.

    Every kernel that shows an address holds it, so the rules are kept as newline-framed UTF-8 texts, one
    per last label (about 0.25 MiB in all; a lookup scans the rules of one top-level domain) rather than
    as sets of strings (1.4 MiB).
    """

    def __init__(self, text: str):
        rules = {m.group("suffix") for m in _RULE.finditer(text.partition(_PRIVATE_PART)[0])}
        by_last: dict[str, list[str]] = {}
        for rule in sorted(rules):
            by_last.setdefault(rule.rpartition(".")[2], []).append(rule)
        self._rules = {last: ("\n" + "\n".join(group) + "\n").encode("utf-8") for last, group in by_last.items()}
        # label paths that lead to a suffix without being one themselves (about 30)
        self._between = frozenset(path for r in rules for i in range(1, r.count(".") + 1)
                                  if (path := r.split(".", i)[i]) not in rules)

    def rules(self) -> list[str]:
        """The suffix rules, sorted (wildcards ``*.`` and exceptions ``!`` as written in the list)."""
        return sorted(rule for blob in self._rules.values() for rule in blob.decode("utf-8").strip("\n").split("\n"))

    def _is_rule(self, candidate: str) -> bool:
        blob = self._rules.get(candidate.rpartition(".")[2])
        if blob is None or "\n" in candidate:
            return False
        return b"\n" + candidate.encode("utf-8", "surrogatepass") + b"\n" in blob

    def _leads_to_rule(self, candidate: str) -> bool:
        return candidate in self._between or self._is_rule(candidate)

    def suffix_start(self, labels: list[str]) -> int | None:
        """Index of the first label of the public suffix of ``labels``, or None (tldextract's algorithm)."""
        suffix_index = label_index = len(labels)
        current = ""
        for label in reversed(labels):
            decoded = _decode_punycode(label)
            candidate = f"{decoded}.{current}" if current else decoded
            if self._leads_to_rule(candidate):
                label_index -= 1
                current = candidate
                if self._is_rule(candidate):
                    suffix_index = label_index
                continue
            wildcard = f"*.{current}" if current else "*"
            if self._leads_to_rule(wildcard):
                exception = f"!{decoded}.{current}" if current else f"!{decoded}"
                return label_index if self._leads_to_rule(exception) else label_index - 1
            break
        return None if suffix_index == len(labels) else suffix_index

    def __call__(self, host: str) -> HostParts:
        host = host.translate(_DOTS)
        if len(host) >= 4 and host[0] == "[" and host[-1] == "]" and _is_ipv6(host[1:-1]):
            return HostParts("", host, "")
        labels = host.split(".")
        start = self.suffix_start(labels)
        if start is None:
            if len(labels) == 4 and host[:1].isdecimal() and _IPV4.fullmatch(host):
                return HostParts("", host, "")
            return HostParts(".".join(labels[:-1]), labels[-1], "")
        return HostParts(".".join(labels[:start - 1]) if start >= 2 else "", labels[start - 1] if start > 0 else "",
                         ".".join(labels[start:]))


def _decode_punycode(label: str) -> str:
    lowered = label.lower()
    if lowered.startswith("xn--"):
        try:
            return idna.decode(lowered)
        except (UnicodeError, IndexError, idna.IDNAError):
            pass
    return lowered


def _is_ipv6(text: str) -> bool:
    try:
        IPv6Address(text)
    except AddressValueError:
        return False
    return True


def _snapshot_text() -> str:
    """The list shipped with ``tldextract``, found without importing it."""
    spec = importlib.util.find_spec("tldextract")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / _SNAPSHOT).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def extractor() -> SuffixList:
    """The shared offline list, read on first use."""
    return SuffixList(_snapshot_text())


def split_host(host: str) -> HostParts:
    """Split a lowercase host name; a host without a known suffix gets an empty suffix."""
    return extractor()(_host_only(host))


def _host_only(text: str) -> str:
    """The host of ``text`` as tldextract reads it (no scheme, path, user, port, final dot)."""
    start = text.find("//")
    if start == 0:
        text = text[2:]
    elif start >= 2 and text[start - 1] == ":" and re.fullmatch(r"[A-Za-z0-9+.-]+", text[:start - 1]):
        text = text[start + 2:]
    authority = text.partition("/")[0].partition("?")[0].partition("#")[0].rpartition("@")[-1]
    if authority[:1] == "[" and "]" in authority:
        return authority.partition("]")[0] + "]"
    return authority.partition(":")[0].strip().rstrip(".\u3002\uff0e\uff61")


def registrable_domain(host: str) -> str | None:
    """The registrable domain of a host name as written (``www.impots.gouv.fr`` → ``impots.gouv.fr``)."""
    return split_host(host).registrable


def to_unicode(domain: str) -> str:
    """Return the Unicode form of an ASCII (punycode) domain, or the domain unchanged."""
    try:
        return idna.decode(domain)
    except (idna.IDNAError, UnicodeError, ValueError, IndexError):
        return domain
