"""How many prepared pages the laptop's free memory holds, and what to tell the conseiller when it is short.

A page of an atelier costs one kernel. Its cost is measured at run time on a page of that atelier once
it is ready (USS: the memory that process alone holds, given back when it stops), plus the growth seen
while a person goes through every step; before any page is measured, ``DEFAULT_PAGE_COST`` is used.
"""
from __future__ import annotations

import psutil

MiB = 2**20
#: Before a page is measured: the busiest participant's kernel (every field filled, every button pressed)
#: held at most 83 MiB, in atelier 03 (``bench/memory.py``, 2026-11-30, 2-core test machine), rounded up so
#: that the first estimate is never too optimistic.
DEFAULT_PAGE_COST = 100 * MiB
#: A kernel measured just ready (about 61 MiB) grows while the person works: × 1.05 after every step,
#: × 1.13 to × 1.35 for the busiest participant (``bench/memory.py``, 2026-11-30): the estimate covers them.
GROWTH = 1.35
#: Left free for the system, the server and the conseiller's own browser.
SAFETY_MARGIN = 768 * MiB


def available_memory() -> int:
    """Bytes the system can give to new programs without swapping (``psutil``'s « available »)."""
    return int(psutil.virtual_memory().available)


def page_cost(pid: int) -> int | None:
    """The expected cost of one page, from the kernel process ``pid`` of a ready page (None: unreadable)."""
    try:
        return int(psutil.Process(pid).memory_full_info().uss * GROWTH)
    except (psutil.Error, OSError):
        return None


def pages_that_fit(available: int, cost: int, margin: int = SAFETY_MARGIN) -> int:
    """How many more pages of ``cost`` bytes fit in ``available`` bytes, keeping ``margin`` free."""
    return max(0, (available - margin) // max(cost, 1))


def memory_warning(possible: int, wanted: int) -> str:
    """What the conseiller reads when only ``possible`` of the ``wanted`` pages can be prepared."""
    if possible <= 0:
        start = "La mémoire libre de cet ordinateur ne suffit pour préparer aucune page à l'avance"
    else:
        pages = "page prête" if possible == 1 else "pages prêtes"
        start = f"La mémoire libre de cet ordinateur suffit pour {possible} {pages}, pas pour {wanted}"
    return (f"{start} : les autres participants attendront quelques secondes de plus, et l'ordinateur "
            "risque de ralentir. Pour en préparer davantage : fermez les autres programmes (navigateur, "
            "traitement de texte…), prévoyez moins de participants, ou utilisez un ordinateur avec plus de "
            "mémoire.")
