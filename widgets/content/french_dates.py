"""Dates written the French way, for what a participant reads (« 1er mars 2026 à 10 h 05 »)."""
from __future__ import annotations

import datetime

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")


def french_date(day: datetime.date) -> str:
    """« 3 mars 2024 », « 1er janvier 1995 »."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def french_moment(moment: datetime.datetime) -> str:
    """« 29 novembre 2026 à 10 h 42 »."""
    return f"{french_date(moment)} à {moment.hour} h {moment.minute:02d}"
