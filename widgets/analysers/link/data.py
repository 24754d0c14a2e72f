"""Load and validate the data files used by the link checker.

Files live in ``widgets/data``: ``domaines_officiels.yaml``, ``raccourcisseurs.txt``,
``extensions_suspectes.txt`` and ``mots_liens.yaml``. A broken file raises
:class:`DataFileError`, whose message is plain French and names the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from widgets.analysers.data_files import (
    DataFileError,
    parse_dated,
    read_text,
    read_yaml,
)

OFFICIAL_FILE = "domaines_officiels.yaml"
SHORTENERS_FILE = "raccourcisseurs.txt"
TLD_FILE = "extensions_suspectes.txt"
WORDS_FILE = "mots_liens.yaml"

__all__ = ["DataFileError", "LinkWords", "OfficialSite", "load_link_words", "load_list",
           "load_official_sites", "parse_official_sites"]


@dataclass(frozen=True)
class OfficialSite:
    """One official site: its domain(s), owner and the brand words that imitate it.

    ``other_domains`` are other current addresses of the same body (Ameli writes from
    ``assurance-maladie.fr`` too); ``old_domains`` are former addresses still accepted.
    """

    domain: str
    owner: str
    usage: str
    old_domains: tuple[str, ...]
    brands: tuple[str, ...]
    other_domains: tuple[str, ...] = ()

    @property
    def domains(self) -> tuple[str, ...]:
        """The current domain, the other current ones, then the old ones still accepted."""
        return (self.domain, *self.other_domains, *self.old_domains)


@dataclass(frozen=True)
class LinkWords:
    """Words that make a link suspicious (lowercase, no accents, hyphen-joined)."""

    login: tuple[str, ...]
    scam: tuple[str, ...]


def _read(name: str, path: Path | str | None) -> str:
    """Return the text of a data file, or raise a French DataFileError."""
    return read_text(name, path)


def _yaml(name: str, path: Path | str | None) -> object:
    """Parse a YAML data file, turning syntax errors into a French DataFileError."""
    return read_yaml(name, path)


def _clean_domain(value: object, name: str, number: int, key: str) -> str:
    """Validate one domain value of entry ``number``."""
    if not isinstance(value, str) or "." not in value.strip() or " " in value.strip():
        raise DataFileError(
            f"Le fichier de données « {name} » a une erreur dans l'entrée n° {number} : "
            f"« {key} » doit être une adresse comme « ameli.fr »."
        )
    return value.strip().lower().removeprefix("www.").rstrip(".")


def _string_list(value: object, name: str, number: int, key: str) -> tuple[str, ...]:
    """Validate a value that must be a word or a list of words."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(
            f"Le fichier de données « {name} » a une erreur dans l'entrée n° {number} : "
            f"« {key} » doit être une liste de mots."
        )
    return tuple(v.strip().lower() for v in value)


def _domain_list(value: object) -> list:
    """A domain or a list of domains (None gives an empty list)."""
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def parse_official_sites(data: object, name: str = OFFICIAL_FILE) -> tuple[OfficialSite, ...]:
    """Validate the parsed YAML of the official-sites file.

    The file is a mapping ``verifie_le`` / ``sources`` / ``sites`` (the list of sites); a bare
    list of sites (the older form) is still read.
    """
    if isinstance(data, dict):
        parse_dated(data, name)
        data = data.get("sites")
    if not isinstance(data, list) or not data:
        raise DataFileError(
            f"Le fichier de données « {name} » doit contenir une liste de sites (lignes qui "
            "commencent par « - domaine: »)."
        )
    sites = []
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise DataFileError(
                f"Le fichier de données « {name} » a une erreur dans l'entrée n° {number} : "
                "ce n'est pas une fiche « domaine / organisme »."
            )
        owner = entry.get("organisme")
        if not isinstance(owner, str) or not owner.strip():
            raise DataFileError(
                f"Le fichier de données « {name} » a une erreur dans l'entrée n° {number} : "
                "il manque « organisme »."
            )
        old_list = _domain_list(entry.get("ancien_domaine"))
        other_list = _domain_list(entry.get("autres_domaines"))
        usage = entry.get("usage")
        sites.append(
            OfficialSite(
                domain=_clean_domain(entry.get("domaine"), name, number, "domaine"),
                owner=owner.strip(),
                usage=usage.strip() if isinstance(usage, str) else "",
                old_domains=tuple(
                    _clean_domain(d, name, number, "ancien_domaine") for d in old_list
                ),
                brands=_string_list(entry.get("marques"), name, number, "marques"),
                other_domains=tuple(
                    _clean_domain(d, name, number, "autres_domaines") for d in other_list
                ),
            )
        )
    return tuple(sites)


def load_official_sites(path: Path | str | None = None) -> tuple[OfficialSite, ...]:
    """Return the official sites from ``domaines_officiels.yaml`` (or ``path``)."""
    if path is None:
        return _default_official_sites()
    return parse_official_sites(_yaml(Path(path).name, path), Path(path).name)


@lru_cache(maxsize=1)
def _default_official_sites() -> tuple[OfficialSite, ...]:
    return parse_official_sites(_yaml(OFFICIAL_FILE, None))


def load_list(name: str, path: Path | str | None = None) -> frozenset[str]:
    """Return the lowercase lines of a one-item-per-line file, without ``#`` comments."""
    if path is None:
        return _default_list(name)
    return _parse_list(_read(Path(path).name, path))


@cache
def _default_list(name: str) -> frozenset[str]:
    return _parse_list(_read(name, None))


def _parse_list(text: str) -> frozenset[str]:
    lines = (line.split("#", 1)[0].strip().lower().lstrip(".") for line in text.splitlines())
    return frozenset(line for line in lines if line)


def load_link_words(path: Path | str | None = None) -> LinkWords:
    """Return the login/payment words and the scam words of ``mots_liens.yaml``."""
    name = Path(path).name if path is not None else WORDS_FILE
    data = _yaml(name, path)
    if not isinstance(data, dict):
        raise DataFileError(
            f"Le fichier de données « {name} » doit contenir « connexion_paiement: » et « arnaque: »."
        )
    return LinkWords(
        login=_string_list(data.get("connexion_paiement"), name, 1, "connexion_paiement"),
        scam=_string_list(data.get("arnaque"), name, 2, "arnaque"),
    )


@lru_cache(maxsize=1)
def default_link_words() -> LinkWords:
    """Cached :func:`load_link_words` for the packaged file."""
    return load_link_words()
