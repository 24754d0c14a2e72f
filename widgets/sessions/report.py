"""The session report for the activity report (CRA): one row per session, counts only, never names."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from widgets.content.atelier import load_atelier
from widgets.content.validation import ContentError
from widgets.sessions.store import AGE_BANDS, STATUSES, LiveStore

CRA_DURATIONS = (15, 30, 45, 60, 90, 120)


def cra_duration(minutes: float) -> int:
    """The CRA duration bucket (15, 30, 45, 60, 90 or 120 minutes) closest above ``minutes``."""
    return next((d for d in CRA_DURATIONS if minutes <= d), CRA_DURATIONS[-1])


def session_rows(store: LiveStore, root: Path) -> list[dict]:
    """One dict per session: date, atelier, duration, participants, CRA themes, level, counts."""
    rows = []
    for s in store.sessions():
        try:
            atelier = load_atelier(Path(root) / s["atelier"])
            title, themes, level = atelier.title, list(atelier.cra_themes), atelier.level
        except (ContentError, OSError):
            title, themes, level = s["atelier"], [], "non renseigné"
        end = s["ended"] or s["last"] or s["started"]
        minutes = max(0.0, (end - s["started"]) / 60)
        counts = s["counts"] or {}
        rows.append({
            "date": datetime.fromtimestamp(s["started"]).strftime("%Y-%m-%d %H:%M"),
            "atelier": s["atelier"], "titre": title, "type": "Collectif",
            "duree_minutes": round(minutes), "duree_cra": cra_duration(minutes),
            "participants": store.joined(s["id"]), "themes_cra": themes, "niveau": level,
            "ages": {a: (counts.get("ages") or {}).get(a, 0) for a in AGE_BANDS},
            "statuts": {t: (counts.get("statuts") or {}).get(t, 0) for t in STATUSES},
        })
    return rows


def to_json(rows: list[dict]) -> str:
    return json.dumps({"sessions": rows}, ensure_ascii=False, indent=2)


def to_csv(rows: list[dict]) -> str:
    """CSV (semicolon, as French spreadsheets expect), one column per age band and status."""
    out = io.StringIO()
    head = ["date", "atelier", "titre", "type", "duree_minutes", "duree_cra", "participants", "themes_cra", "niveau"]
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(head + [f"age {a}" for a in AGE_BANDS] + [f"statut {t}" for t in STATUSES])
    for r in rows:
        writer.writerow([r[k] if k != "themes_cra" else ", ".join(r[k]) for k in head]
                        + [r["ages"][a] for a in AGE_BANDS] + [r["statuts"][t] for t in STATUSES])
    return out.getvalue()


def to_text(rows: list[dict]) -> str:
    if not rows:
        return "Aucune session en direct n'a encore eu lieu."
    lines = []
    for r in rows:
        lines.append(f"• {r['date']} — « {r['titre']} » — environ {r['duree_minutes']} min (CRA : {r['duree_cra']} min) — "
                     f"{r['participants']} participant(s) — niveau {r['niveau']} — thèmes : {', '.join(r['themes_cra']) or 'aucun'}")
        ages = ", ".join(f"{a} : {n}" for a, n in r["ages"].items() if n)
        statuses = ", ".join(f"{t} : {n}" for t, n in r["statuts"].items() if n)
        if ages or statuses:
            lines.append(f"  Âges : {ages or 'non renseignés'}. Statuts : {statuses or 'non renseignés'}.")
    return "\n".join(lines)
