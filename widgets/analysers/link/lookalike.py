"""Recognise official sites and the addresses that imitate them.

Three tricks are found: an official address put at the start of another one
(``ameli.fr.secure-login.net``), an official name inside another site's name
(``ameli-remboursement.com``) and small spelling changes (``amel1.fr``, ``lmpots.gouv.fr``,
``аmeli.fr`` with a Cyrillic "а"). Names are compared through a *skeleton*: accents removed and
look-alike characters replaced by the Latin letter they imitate (``confusable_homoglyphs``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from confusable_homoglyphs import confusables
from rapidfuzz.distance import OSA

from widgets.analysers.link.data import OfficialSite

# Multi-character confusables from Unicode's confusables.txt, which confusable_homoglyphs
# (one character at a time) cannot express.
_MULTI_CHAR_CONFUSABLES = (("rn", "m"), ("vv", "w"), ("cl", "d"))
# Host names ignore case, so "I" (capital i) may be shown for "i": it looks like "l" and "1".
_CASE_CONFUSABLES = (("i", "l"),)
_GOV_WORDS = ("gouv", "gouvernement")


@dataclass(frozen=True)
class Lookalike:
    """An imitation: ``kind`` is "subdomain", "brand" or "typo"; ``word`` is what imitates."""

    kind: str
    site: OfficialSite
    word: str


def official_site(domain: str | None, sites: tuple[OfficialSite, ...]) -> OfficialSite | None:
    """Return the official site whose domain (or old domain) is ``domain``."""
    if not domain:
        return None
    for site in sites:
        if domain in site.domains:
            return site
    return None


@lru_cache(maxsize=4096)
def _latin_char(char: str) -> str:
    """The Latin letter that ``char`` imitates, or ``char`` itself."""
    if char.isascii() and not char.isdigit():
        return char
    found = confusables.is_confusable(char, preferred_aliases=["latin"], greedy=False)
    for homoglyph in (found or [{}])[0].get("homoglyphs", []):
        candidate = homoglyph.get("c", "")
        if len(candidate) == 1 and candidate.isascii() and candidate.isalnum():
            return candidate.lower()
    return char


def latin_letters(text: str) -> str:
    """``text`` with each look-alike character replaced by the Latin letter it imitates.

    Unlike :func:`skeleton`, nothing else changes (no « rn » → « m », no « i » → « l »): used to
    read a word written with letters of another alphabet (« Аpple » → « apple »).
    """
    return "".join(_latin_char(c) for c in text)


def skeleton(text: str) -> str:
    """Lowercase ``text``, drop accents and replace look-alike characters by Latin letters."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    result = "".join(_latin_char(c) for c in plain)
    for group, letter in _MULTI_CHAR_CONFUSABLES + _CASE_CONFUSABLES:
        result = result.replace(group, letter)
    return result


def _max_typos(word: str) -> int:
    """How many typing changes still make ``word`` recognisable: none for short names."""
    if len(word) <= 4:
        return 0
    return 1 if len(word) <= 9 else 2


def _contains_tokens(tokens: list[str], wanted: list[str]) -> bool:
    size = len(wanted)
    return any(tokens[i:i + size] == wanted for i in range(len(tokens) - size + 1))


def _in_subdomain(labels: list[str], n_sub: int, site: OfficialSite) -> str | None:
    """The official domain written inside the subdomain part of ``labels``, if any."""
    for domain in site.domains:
        wanted = [skeleton(part) for part in domain.split(".")]
        for start in range(min(n_sub, len(labels))):
            if labels[start:start + len(wanted)] == wanted:
                return domain
    return None


def _brand_in(label: str, site: OfficialSite) -> str | None:
    """The brand word of ``site`` found in one host label (already a skeleton)."""
    tokens = label.split("-")
    joined = label.replace("-", "")
    for brand in site.brands:
        brand_skeleton = skeleton(brand)
        brand_joined = brand_skeleton.replace("-", "")
        if _contains_tokens(tokens, brand_skeleton.split("-")):
            return brand
        if len(brand_joined) >= 6 and brand_joined in joined:
            return brand
        if joined.startswith(brand_joined) and joined[len(brand_joined):] in ("fr", "gouv", "gouvfr"):
            return brand
    return None


def _typo_of(label: str, site: OfficialSite) -> str | None:
    """The site name that ``label`` (a skeleton) misspells, if any.

    Only brands that are the name of one of the site's own domains are compared, so that
    everyday words among the brands ("amende") do not catch their neighbours ("amande").
    """
    joined = label.replace("-", "")
    names = {domain.split(".")[0] for domain in site.domains}
    for brand in (b for b in site.brands if b in names):
        brand_joined = skeleton(brand).replace("-", "")
        limit = _max_typos(brand_joined)
        if limit and 0 < OSA.distance(joined, brand_joined, score_cutoff=limit + 1) <= limit:
            return brand
    return None


def find_lookalike(host: str, subdomain: str, label: str,
                   sites: tuple[OfficialSite, ...]) -> Lookalike | None:
    """Return how ``host`` imitates an official site, or None.

    ``host`` is the Unicode host name; ``subdomain`` and ``label`` come from the Public Suffix
    List split (``label`` is the name just before the suffix). Call it only for hosts whose
    registrable domain is not official.
    """
    labels = [skeleton(part) for part in host.split(".") if part]
    n_sub = len(subdomain.split(".")) if subdomain else 0
    own_labels = labels[:n_sub] + [skeleton(label)] if label else labels[:n_sub]
    for site in sites:
        found = _in_subdomain(labels, n_sub, site)
        if found:
            return Lookalike("subdomain", site, found)
    for site in sites:
        for part in own_labels:
            found = _brand_in(part, site)
            if found:
                return Lookalike("brand", site, found)
    if label:
        for site in sites:
            found = _typo_of(skeleton(label), site)
            if found:
                return Lookalike("typo", site, found)
    return None


def imitates_state(host: str, subdomain: str, label: str) -> bool:
    """True when a name outside ``.gouv.fr`` contains "gouv" to look like a State site."""
    parts = (subdomain.split(".") if subdomain else []) + ([label] if label else [])
    return any(word in skeleton(part) for part in parts for word in _GOV_WORDS)


def has_mixed_scripts(host: str) -> bool:
    """True when one label mixes alphabets with look-alike letters (``аmeli`` in Cyrillic+Latin)."""
    return any(
        not part.isascii() and bool(confusables.is_dangerous(part, preferred_aliases=["latin"]))
        for part in host.split(".")
    )


def imitates_latin(host: str) -> bool:
    """True when a non-Latin label is made only of letters that look Latin (``аре``)."""
    for part in host.split("."):
        if part.isascii() or not part:
            continue
        letters = [c for c in part if c.isalpha()]
        if letters and all(_latin_char(c).isascii() for c in letters):
            return True
    return False
