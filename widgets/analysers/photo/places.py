"""Nearest known village for a GPS position (table in widgets/data/communes.yaml)."""

from __future__ import annotations

import math
from functools import lru_cache

import yaml

from widgets.analysers.data_files import DATA_DIR

EARTH_RADIUS_KM = 6371.0


@lru_cache(maxsize=1)
def known_places() -> tuple[tuple[str, float, float], ...]:
    """(name, latitude, longitude) of every village in the data file."""
    try:
        text = (DATA_DIR / "communes.yaml").read_text("utf-8")
        rows = yaml.safe_load(text).get("communes", [])
        return tuple((str(r["nom"]), float(r["latitude"]), float(r["longitude"])) for r in rows)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, yaml.YAMLError):
        return ()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def nearest_place(latitude: float, longitude: float, max_km: float = 15.0) -> tuple[str, float] | None:
    """Closest known village and its distance, or None if none is near."""
    best: tuple[str, float] | None = None
    for name, lat, lon in known_places():
        km = distance_km(latitude, longitude, lat, lon)
        if km <= max_km and (best is None or km < best[1]):
            best = (name, km)
    return best
