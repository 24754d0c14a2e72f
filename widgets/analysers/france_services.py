"""The France services nearest to a village of ``communes.yaml``, from ``france_services.yaml`` (dated,
every place marked « à vérifier »). Pure: no widget, no network."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from widgets.analysers.data_files import DataFileError, Dated, parse_dated, read_yaml
from widgets.analysers.photo.places import distance_km, known_places

FILE = "france_services.yaml"


@dataclass(frozen=True)
class HelpPlace:
    """A France services: its name, its town, its position, and whether it is still to be checked."""

    name: str
    town: str
    latitude: float
    longitude: float
    to_check: bool = True


@lru_cache(maxsize=1)
def help_places() -> tuple[Dated, tuple[HelpPlace, ...]]:
    """(when and where the file was checked, its places); a broken file raises a French DataFileError."""
    data = read_yaml(FILE)
    dated = parse_dated(data, FILE)
    try:
        places = tuple(HelpPlace(str(r["nom"]), str(r["commune"]), float(r["latitude"]), float(r["longitude"]),
                                 bool(r.get("a_verifier", True))) for r in data["lieux"])
    except (KeyError, TypeError, ValueError):
        raise DataFileError(f"Le fichier de données « {FILE} » a une erreur dans « lieux » : chaque lieu a "
                            "« nom », « commune », « latitude » et « longitude ».") from None
    return dated, places


def villages() -> list[str]:
    """The nine villages (``communes.yaml``), in the file's order."""
    return [name for name, _lat, _lon in known_places()]


def nearest_help(village: str, count: int = 2) -> list[tuple[HelpPlace, float]]:
    """The ``count`` places nearest to ``village`` with their distance in km (as the crow flies); [] if unknown."""
    where = {name: (lat, lon) for name, lat, lon in known_places()}
    if village not in where:
        return []
    lat, lon = where[village]
    _dated, places = help_places()
    ranked = sorted(((p, distance_km(lat, lon, p.latitude, p.longitude)) for p in places), key=lambda x: x[1])
    return ranked[:max(0, count)]
