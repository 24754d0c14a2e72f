"""The room's before/after check, from the content and the anonymous store: for the board and ``atelier bilan``.

Shares are computed on the participants who answered an item both times (the same people before and
after), so that late arrivals or early leavers do not make the room look better or worse than it did.
"""
from __future__ import annotations

from widgets.sessions.store import LiveStore

CHECK_TYPE = "verification"


def check_items(steps: list[dict]) -> list[tuple[str, str]]:
    """(item id, skill) of an atelier's check, in the order of its « avant » step ([] without a check)."""
    before = next((s for s in steps if s.get("type") == CHECK_TYPE and s.get("moment") == "avant"), None)
    return [(i["id"], i["competence"]) for i in before["items"]] if before else []


def share(right: int, total: int) -> int | None:
    """A rounded percentage, or None when nobody answered."""
    return round(100 * right / total) if total else None


def room_progress(store: LiveStore, session: str, items: list[tuple[str, str]]) -> dict | None:
    """JSON-ready before/after of ``session`` (None when the atelier has no check)."""
    if not items:
        return None
    counts = store.check_counts(session)
    rows, pairs, right_before, right_after = [], 0, 0, 0
    for item, skill in items:
        c = counts["items"].get(item, {"paires": 0, "justes_avant": 0, "justes_apres": 0})
        pairs, right_before, right_after = pairs + c["paires"], right_before + c["justes_avant"], right_after + c["justes_apres"]
        rows.append({"id": item, "competence": skill, "paires": c["paires"],
                     "justes_avant": c["justes_avant"], "justes_apres": c["justes_apres"],
                     "part_avant": share(c["justes_avant"], c["paires"]),
                     "part_apres": share(c["justes_apres"], c["paires"])})
    return {"avant": counts["avant"], "apres": counts["apres"], "les_deux": counts["les_deux"],
            "part_avant": share(right_before, pairs), "part_apres": share(right_after, pairs), "items": rows}
