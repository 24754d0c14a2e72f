"""The session report for the activity report (CRA): one row per session, counts only, never names."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from widgets.content.atelier import load_atelier
from widgets.content.validation import ContentError
from widgets.sessions.checks import check_items, room_progress
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
            items = check_items(atelier.steps)
        except (ContentError, OSError):
            title, themes, level, items = s["atelier"], [], "non renseigné", []
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
            "verification": room_progress(store, s["id"], items),  # None: the atelier has no before/after check
        })
    return rows


def to_json(rows: list[dict]) -> str:
    return json.dumps({"sessions": rows}, ensure_ascii=False, indent=2)


def to_csv(rows: list[dict]) -> str:
    """CSV (semicolon, as French spreadsheets expect), one column per age band and status."""
    out = io.StringIO()
    head = ["date", "atelier", "titre", "type", "duree_minutes", "duree_cra", "participants", "themes_cra", "niveau"]
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(head + [f"age {a}" for a in AGE_BANDS] + [f"statut {t}" for t in STATUSES] + CHECK_COLUMNS)
    for r in rows:
        writer.writerow([r[k] if k != "themes_cra" else ", ".join(r[k]) for k in head]
                        + [r["ages"][a] for a in AGE_BANDS] + [r["statuts"][t] for t in STATUSES]
                        + check_cells(r.get("verification")))
    return out.getvalue()


#: The before/after check in the CSV: who did both, the shares right (among them), and per skill.
CHECK_COLUMNS = ["verification participants les deux", "verification % juste avant", "verification % juste apres",
                 "verification par competence"]


def _pct(value: int | None) -> str:
    return "" if value is None else f"{value} %"


def progress_line(check: dict) -> str:
    """« Lire une adresse : 33 % → 100 % (3) ; … »: per skill, before → after, and how many did both."""
    return " ; ".join(f"{i['competence']} : {_pct(i['part_avant']) or '—'} → {_pct(i['part_apres']) or '—'} ({i['paires']})"
                      for i in check["items"])


def check_cells(check: dict | None) -> list:
    """The CSV cells of a session's check (empty when its atelier has none)."""
    if not check:
        return ["", "", "", ""]
    return [check["les_deux"], "" if check["part_avant"] is None else check["part_avant"],
            "" if check["part_apres"] is None else check["part_apres"], progress_line(check)]


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
        check = r.get("verification")
        if check and check["les_deux"]:
            lines.append(f"  Avant / après : {check['les_deux']} participant(s) ont fait les deux vérifications ; "
                         f"bonnes réponses {_pct(check['part_avant'])} au début, {_pct(check['part_apres'])} à la fin. "
                         f"Par compétence : {progress_line(check)}.")
    return "\n".join(lines)
