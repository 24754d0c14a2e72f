"""Recorded RDAP answers shipped with the project (``widgets/data/rdap/``), for offline use."""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from functools import lru_cache

import yaml

from widgets.analysers.data_files import DATA_DIR

RDAP_DIR = DATA_DIR / "rdap"
INDEX_FILE = RDAP_DIR / "exemples.yaml"


@dataclass(frozen=True)
class RecordedExample:
    """One recorded RDAP document and what we know about its reliability."""

    domain: str
    document: dict
    recorded_on: datetime.date
    invented_site: bool
    date_checked: bool
    precision: str  # "jour" | "annee"


@lru_cache(maxsize=1)
def recorded_examples() -> dict[str, RecordedExample]:
    """All recorded examples, by domain name. Broken entries are skipped, never raised."""
    try:
        index = yaml.safe_load(INDEX_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    recorded_on = index.get("enregistre_le")
    if not isinstance(recorded_on, datetime.date):
        return {}
    examples: dict[str, RecordedExample] = {}
    for entry in index.get("exemples") or []:
        try:
            path = (RDAP_DIR / str(entry["fichier"])).resolve()
            if path.parent != RDAP_DIR:
                continue
            document = json.loads(path.read_text(encoding="utf-8"))
            domain = str(entry["domaine"]).lower()
            examples[domain] = RecordedExample(
                domain=domain,
                document=document,
                recorded_on=recorded_on,
                invented_site=bool(entry.get("site_invente", False)),
                date_checked=bool(entry.get("date_verifiee", False)),
                precision="annee" if entry.get("precision") == "annee" else "jour",
            )
        except (KeyError, TypeError, OSError, ValueError):
            continue
    return examples


def recorded_example(domain: str) -> RecordedExample | None:
    """The recorded example for this registrable domain, if the project ships one."""
    return recorded_examples().get(domain)
