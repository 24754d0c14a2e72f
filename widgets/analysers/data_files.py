"""Where the analysers' data files are, and the checks every data file with dated facts shares.

Data files live in the ``widgets/data`` folder shipped with the package. A file that holds facts
that change (official domains, known senders, public phone numbers…) carries, at its top level,
the date it was last checked and where its facts come from::

    verifie_le: "2026-11-29"
    sources:
      - titre: "Arcep — plan national de numérotation"
        adresse: "https://www.arcep.fr/"
        consulte_le: "2026-11-29"

:func:`read_yaml` reads such a file and :func:`parse_dated` checks these two keys. A broken file
raises :class:`DataFileError`, whose message is a plain French sentence naming the file.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: The data files whose facts carry a date (``verifie_le``) and their sources.
DATED_FILES = ("domaines_officiels.yaml", "expediteurs_connus.yaml", "numeros.yaml",
               "mots_arnaque.yaml")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DataFileError(Exception):
    """A data file is missing or malformed; ``str(error)`` is a French sentence."""


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a title, an https address, the day it was read."""

    title: str
    address: str
    consulted_on: datetime.date


@dataclass(frozen=True)
class Dated:
    """When a data file was last checked, and its sources."""

    checked_on: datetime.date
    sources: tuple[Source, ...]


def read_text(name: str, path: Path | str | None = None) -> str:
    """The text of data file ``name`` (or of ``path``), or a French :class:`DataFileError`."""
    try:
        if path is None:
            return (DATA_DIR / name).read_text(encoding="utf-8")
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(f"Le fichier de données « {name} » est introuvable.") from None
    except UnicodeDecodeError:
        raise DataFileError(
            f"Le fichier de données « {name} » n'est pas un texte lisible (encodage UTF-8 attendu)."
        ) from None
    except OSError:
        raise DataFileError(f"Le fichier de données « {name} » ne peut pas être lu.") from None


def read_yaml(name: str, path: Path | str | None = None) -> object:
    """Parse a YAML data file, turning syntax errors into a French :class:`DataFileError`."""
    try:
        return yaml.safe_load(read_text(name, path))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (vers la ligne {mark.line + 1})" if mark is not None else ""
        raise DataFileError(
            f"Le fichier de données « {name} » est mal écrit{where}. "
            "Vérifiez les tirets, les deux-points et les espaces en début de ligne."
        ) from None


def _date(value: object, name: str, key: str) -> datetime.date:
    """A date written AAAA-MM-JJ (YAML may already have read it as a date)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    if _DATE.match(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass
    raise DataFileError(
        f"Le fichier de données « {name} » a une erreur : « {key} » doit être une date "
        "écrite AAAA-MM-JJ (par exemple 2026-11-29)."
    )


def parse_sources(value: object, name: str, where: str = "sources") -> tuple[Source, ...]:
    """Check a list of sources (titre, adresse in https://, consulte_le)."""
    if not isinstance(value, list) or not value:
        raise DataFileError(
            f"Le fichier de données « {name} » a une erreur : « {where} » doit être une liste "
            "d'au moins une source (titre, adresse, consulte_le)."
        )
    sources = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise DataFileError(
                f"Le fichier de données « {name} » a une erreur dans « {where} », source n° {number} : "
                "il faut « titre », « adresse » et « consulte_le »."
            )
        title, address = item.get("titre"), item.get("adresse")
        if not isinstance(title, str) or not title.strip():
            raise DataFileError(
                f"Le fichier de données « {name} » a une erreur dans « {where} », source n° {number} : "
                "il manque « titre »."
            )
        if not isinstance(address, str) or not address.strip().startswith("https://"):
            raise DataFileError(
                f"Le fichier de données « {name} » a une erreur dans « {where} », source n° {number} : "
                "« adresse » doit commencer par « https:// »."
            )
        consulted = _date(item.get("consulte_le"), name, f"{where}, source n° {number}, consulte_le")
        sources.append(Source(title.strip(), address.strip(), consulted))
    return tuple(sources)


def parse_dated(data: object, name: str) -> Dated:
    """Check the top-level ``verifie_le`` and ``sources`` of a parsed data file."""
    if not isinstance(data, dict):
        raise DataFileError(
            f"Le fichier de données « {name} » doit commencer par « verifie_le: » et « sources: »."
        )
    if "verifie_le" not in data:
        raise DataFileError(
            f"Le fichier de données « {name} » n'a pas de date de vérification « verifie_le: »."
        )
    checked = _date(data.get("verifie_le"), name, "verifie_le")
    return Dated(checked, parse_sources(data.get("sources"), name))


def checked_dates() -> dict[str, datetime.date]:
    """The ``verifie_le`` date of every packaged data file with dated facts (by file name)."""
    return {name: parse_dated(read_yaml(name), name).checked_on for name in DATED_FILES}
