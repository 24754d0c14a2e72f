"""The anonymous answers of a live session, in an embedded SQLite database.

An answer is only: an exercise identifier, the choice, a random participant identifier, a time.
Many participant kernels write at once: WAL journal, busy timeout, and retries on a locked base.
"""
from __future__ import annotations

import json
import os
import random
import re
import secrets
import sqlite3
import time
from contextlib import closing
from pathlib import Path

ENV_DATA_DIR = "ATELIERS_DONNEES"
DB_NAME = "en-direct.sqlite"
EXERCISE_ID = re.compile(r"^[a-z0-9_-]{1,60}/[0-9]{1,3}$")
PARTICIPANT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
SESSION_ID = re.compile(r"^[a-f0-9]{16}$")
KERNEL_ID = re.compile(r"^[a-f0-9-]{8,64}$")
MAX_CHOICE = 300
AGE_BANDS = ("moins de 12 ans", "12-18 ans", "18-25 ans", "26-59 ans", "60-69 ans", "70 ans et plus")
STATUSES = ("scolarisé", "sans emploi", "en emploi", "retraité", "non communiqué")
#: Without a kernel to ask (a page outside the server), a participant is « connecté » if their page
#: gave news within these seconds.
CONNECTED_FOR = 15.0
#: The session's « current exercise » once the last live exercise is done: the board shows the summary.
END = "fin"

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, atelier TEXT NOT NULL, started REAL NOT NULL,
    ended REAL, current TEXT, revealed TEXT NOT NULL DEFAULT '[]', counts TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS answers (id INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT NOT NULL,
    exercise TEXT NOT NULL, participant TEXT NOT NULL, choice TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS answers_by_exercise ON answers (session, exercise);
CREATE TABLE IF NOT EXISTS presence (session TEXT NOT NULL, participant TEXT NOT NULL, step INTEGER NOT NULL,
    seen REAL NOT NULL, PRIMARY KEY (session, participant));
CREATE TABLE IF NOT EXISTS checks (session TEXT NOT NULL, participant TEXT NOT NULL, moment TEXT NOT NULL,
    item TEXT NOT NULL, correct INTEGER NOT NULL, PRIMARY KEY (session, participant, moment, item));
"""
#: The before/after check (``type: verification``): its two moments, and how an item is named.
CHECK_MOMENTS = ("avant", "apres")
CHECK_ITEM = re.compile(r"^[a-z0-9_-]{1,40}$")


class LiveError(ValueError):
    """A refused request, with a French message for the person."""


def default_data_dir() -> Path:
    """``$ATELIERS_DONNEES``, else the user's data folder (``~/.local/share/ateliers-numeriques``)."""
    given = os.environ.get(ENV_DATA_DIR)
    if given:
        return Path(given)
    import platformdirs

    return Path(platformdirs.user_data_dir("ateliers-numeriques", appauthor=False))


def new_participant_id() -> str:
    """A random, anonymous participant identifier."""
    return secrets.token_urlsafe(12)


def clean_participant(value: object) -> str | None:
    """``value`` if it is a well-formed participant identifier, else None."""
    return value if isinstance(value, str) and PARTICIPANT_ID.match(value) else None


def _clean_choice(choice: object) -> str:
    if not isinstance(choice, str) or not choice or len(choice) > MAX_CHOICE:
        raise LiveError("Cette réponse ne peut pas être enregistrée.")
    if any(ord(c) < 32 or ord(c) == 127 for c in choice):
        raise LiveError("Cette réponse ne peut pas être enregistrée.")
    return choice


class LiveStore:
    """The live database. Each call opens its own connection: safe from threads and processes."""

    def __init__(self, folder: Path | str | None = None, retries: int = 40, busy_seconds: float = 5.0):
        self.folder = Path(folder) if folder is not None else default_data_dir()
        self.path = self.folder / DB_NAME
        self.retries = retries
        self.busy_seconds = busy_seconds
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._run(lambda db: (db.execute("PRAGMA journal_mode = WAL"), db.executescript(SCHEMA), self._upgrade(db)),
                  write=False)

    @staticmethod
    def _upgrade(db: sqlite3.Connection) -> None:
        """Columns added since the first version (a base kept from an earlier workshop gets them)."""
        have = {row[1] for row in db.execute("PRAGMA table_info(presence)")}
        for column, kind in (("kernel", "TEXT"), ("left", "REAL")):
            if column not in have:
                db.execute(f"ALTER TABLE presence ADD COLUMN {column} {kind}")

    # -- plumbing ----------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.busy_seconds, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {int(self.busy_seconds * 1000)}")
        db.execute("PRAGMA synchronous = NORMAL")
        return db

    def _run(self, work, write: bool = True):
        """Run ``work(db)`` (in a write transaction if ``write``), retrying while the base is busy."""
        for attempt in range(self.retries):
            try:
                with closing(self._connect()) as db:
                    if not write:
                        return work(db)
                    db.execute("BEGIN IMMEDIATE")
                    try:
                        result = work(db)
                    except BaseException:
                        db.execute("ROLLBACK")
                        raise
                    db.execute("COMMIT")
                    return result
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(min(0.5, 0.01 * (attempt + 1)) * (0.5 + random.random()))
        raise LiveError("La base des réponses est occupée. Réessayez dans un instant.")

    # -- sessions ----------------------------------------------------------------------------
    def open_session(self, atelier: str, first_exercise: str | None = None) -> str:
        """Close any open session and open a new one for ``atelier``; its identifier."""
        if not isinstance(atelier, str) or not re.match(r"^[a-z0-9_-]{1,60}$", atelier):
            raise LiveError("Cet atelier n'existe pas.")
        session = secrets.token_hex(8)
        now = time.time()

        def work(db):
            db.execute("UPDATE sessions SET ended = ? WHERE ended IS NULL", (now,))
            db.execute("INSERT INTO sessions (id, atelier, started, current) VALUES (?, ?, ?, ?)",
                       (session, atelier, now, first_exercise))

        self._run(work)
        return session

    def current_session(self) -> dict | None:
        """The open session (id, atelier, started, current, revealed, counts), or None."""
        row = self._run(lambda db: db.execute(
            "SELECT id, atelier, started, current, revealed, counts FROM sessions WHERE ended IS NULL "
            "ORDER BY started DESC LIMIT 1").fetchone(), write=False)
        if row is None:
            return None
        return {"id": row[0], "atelier": row[1], "started": row[2], "current": row[3],
                "revealed": json.loads(row[4]), "counts": json.loads(row[5])}

    def _require_open(self, db, session: str) -> None:
        if not isinstance(session, str) or not SESSION_ID.match(session):
            raise LiveError("Cette session n'existe pas.")
        row = db.execute("SELECT ended FROM sessions WHERE id = ?", (session,)).fetchone()
        if row is None:
            raise LiveError("Cette session n'existe pas.")
        if row[0] is not None:
            raise LiveError("Cette session est terminée.")

    def set_current(self, session: str, exercise: str) -> None:
        """Show ``exercise`` on the projected page (results hidden until revealed), or ``END``."""
        if exercise != END:
            self._check_exercise(exercise)
        self._run(lambda db: (self._require_open(db, session),
                              db.execute("UPDATE sessions SET current = ? WHERE id = ?", (exercise, session))))

    def reveal(self, session: str, exercise: str) -> None:
        """Reveal the results and the right answer of ``exercise`` (to the room too); ``END``: the room's before/after."""
        if exercise != END:
            self._check_exercise(exercise)

        def work(db):
            self._require_open(db, session)
            revealed = json.loads(db.execute("SELECT revealed FROM sessions WHERE id = ?", (session,)).fetchone()[0])
            if exercise not in revealed:
                revealed.append(exercise)
            db.execute("UPDATE sessions SET revealed = ? WHERE id = ?", (json.dumps(revealed), session))

        self._run(work)

    def set_counts(self, session: str, counts: dict) -> dict:
        """Record the anonymous counts by age band and status (numbers only); the cleaned counts."""
        clean = {"ages": {}, "statuts": {}}
        if not isinstance(counts, dict):
            raise LiveError("Les nombres envoyés ne sont pas lisibles.")
        for group, names in (("ages", AGE_BANDS), ("statuts", STATUSES)):
            given = counts.get(group) or {}
            if not isinstance(given, dict):
                raise LiveError("Les nombres envoyés ne sont pas lisibles.")
            for name in names:
                value = given.get(name, 0)
                if isinstance(value, str) and value.strip().isdigit():
                    value = int(value.strip())
                if value in ("", None):
                    value = 0
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 999:
                    raise LiveError(f"Pour « {name} », tapez un nombre entre 0 et 999.")
                clean[group][name] = value
        self._run(lambda db: (self._require_open(db, session),
                              db.execute("UPDATE sessions SET counts = ? WHERE id = ?",
                                         (json.dumps(clean, ensure_ascii=False), session))))
        return clean

    # -- exercises ---------------------------------------------------------------------------
    @staticmethod
    def _check_exercise(exercise: object) -> str:
        if not isinstance(exercise, str) or not EXERCISE_ID.match(exercise):
            raise LiveError("Cet exercice n'existe pas.")
        return exercise

    # -- participants ------------------------------------------------------------------------
    def record_answer(self, session: str, exercise: str, participant: str, choice: str) -> None:
        """Keep one anonymous answer. Refuses an unknown session or exercise, or a malformed answer."""
        self._check_exercise(exercise)
        if not clean_participant(participant):
            raise LiveError("Ce participant n'est pas reconnu.")
        choice = _clean_choice(choice)

        def work(db):
            self._require_open(db, session)
            atelier = db.execute("SELECT atelier FROM sessions WHERE id = ?", (session,)).fetchone()[0]
            if not exercise.startswith(atelier + "/"):
                raise LiveError("Cet exercice ne fait pas partie de la session en cours.")
            db.execute("INSERT INTO answers (session, exercise, participant, choice, at) VALUES (?, ?, ?, ?, ?)",
                       (session, exercise, participant, choice, time.time()))

        self._run(work)

    def record_check(self, session: str, participant: str, moment: str, item: str, right: bool) -> None:
        """Keep whether ``participant`` got check ``item`` right at ``moment`` (« avant » or « apres »).

        Only that: no choice, no time. The first answer counts (a reload does not change it).
        """
        if not clean_participant(participant):
            raise LiveError("Ce participant n'est pas reconnu.")
        if moment not in CHECK_MOMENTS or not isinstance(item, str) or not CHECK_ITEM.match(item):
            raise LiveError("Cette question n'existe pas.")
        self._run(lambda db: (self._require_open(db, session), db.execute(
            "INSERT OR IGNORE INTO checks (session, participant, moment, item, correct) VALUES (?, ?, ?, ?, ?)",
            (session, participant, moment, item, 1 if right is True else 0))))

    def participant_checks(self, session: str, participant: str) -> list[tuple[str, str, bool]]:
        """(moment, item, right) of ``participant``'s check answers in ``session`` (a reloaded page)."""
        rows = self._run(lambda db: db.execute("SELECT moment, item, correct FROM checks WHERE session = ? AND "
                                               "participant = ?", (session, participant)).fetchall(), write=False)
        return [(m, i, bool(r)) for m, i, r in rows]

    def check_counts(self, session: str) -> dict:
        """The room's before/after, anonymous: participants who answered before, after, and both; per item,
        among those who answered it both times, how many were right before and after."""
        def work(db):
            people = {m: db.execute("SELECT COUNT(DISTINCT participant) FROM checks WHERE session = ? AND moment = ?",
                                    (session, m)).fetchone()[0] for m in CHECK_MOMENTS}
            both = db.execute(
                "SELECT COUNT(*) FROM (SELECT participant FROM checks WHERE session = ? AND moment = 'avant' "
                "INTERSECT SELECT participant FROM checks WHERE session = ? AND moment = 'apres')",
                (session, session)).fetchone()[0]
            items = db.execute(
                "SELECT b.item, COUNT(*), SUM(b.correct), SUM(a.correct) FROM checks b JOIN checks a "
                "ON a.session = b.session AND a.participant = b.participant AND a.item = b.item AND a.moment = 'apres' "
                "WHERE b.session = ? AND b.moment = 'avant' GROUP BY b.item", (session,)).fetchall()
            return {"avant": people["avant"], "apres": people["apres"], "les_deux": both,
                    "items": {i: {"paires": n, "justes_avant": rb, "justes_apres": ra} for i, n, rb, ra in items}}

        return self._run(work, write=False)

    def touch(self, session: str, participant: str, step: int | None = None, kernel: str | None = None) -> None:
        """Say that ``participant`` is here (and, if given, on which step, from which kernel)."""
        if not clean_participant(participant):
            raise LiveError("Ce participant n'est pas reconnu.")
        if kernel is not None and not (isinstance(kernel, str) and KERNEL_ID.match(kernel)):
            raise LiveError("Cette page n'est pas reconnue.")

        def work(db):
            self._require_open(db, session)
            db.execute(
                "INSERT INTO presence (session, participant, step, seen, kernel) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (session, participant) DO UPDATE SET seen = excluded.seen, "
                "step = COALESCE(?, step), kernel = COALESCE(excluded.kernel, kernel), "
                "left = CASE WHEN excluded.kernel IS NULL THEN left ELSE NULL END",
                (session, participant, max(0, int(step or 0)), time.time(), kernel,
                 None if step is None else max(0, int(step))))

        self._run(work)

    def pages(self, session: str) -> list[tuple[str, str | None, float, float | None]]:
        """(participant, kernel, last news, time its page was seen gone) of everyone in ``session``."""
        return self._run(lambda db: db.execute(
            "SELECT participant, kernel, seen, left FROM presence WHERE session = ?", (session,)).fetchall(),
            write=False)

    def mark_pages(self, session: str, open_kernels: set[str], gone_kernels: set[str]) -> None:
        """What the server sees of the pages: ``open_kernels`` are connected, ``gone_kernels`` are not."""
        now = time.time()

        def work(db):
            for kernel in open_kernels:
                db.execute("UPDATE presence SET left = NULL WHERE session = ? AND kernel = ?", (session, kernel))
            for kernel in gone_kernels:
                db.execute("UPDATE presence SET left = ? WHERE session = ? AND kernel = ? AND left IS NULL",
                           (now, session, kernel))

        if open_kernels or gone_kernels:
            self._run(work)

    def page_gone_since(self, session: str, participant: str) -> float | None:
        """When the server saw this participant's page go (None while it is open, or unknown)."""
        row = self._run(lambda db: db.execute("SELECT left FROM presence WHERE session = ? AND participant = ?",
                                              (session, participant)).fetchone(), write=False)
        return row[0] if row else None

    def participant_state(self, session: str, participant: str) -> tuple[int, list[tuple[str, str]]]:
        """(step index, [(exercise, choice)…] in order) of ``participant`` in ``session``."""
        def work(db):
            row = db.execute("SELECT step FROM presence WHERE session = ? AND participant = ?",
                             (session, participant)).fetchone()
            answers = db.execute("SELECT exercise, choice FROM answers WHERE session = ? AND participant = ? "
                                 "ORDER BY id", (session, participant)).fetchall()
            return (row[0] if row else 0), [(e, c) for e, c in answers]

        return self._run(work, write=False)

    # -- counting ----------------------------------------------------------------------------
    def connected(self, session: str, within: float = CONNECTED_FOR) -> int:
        return self._run(lambda db: db.execute("SELECT COUNT(*) FROM presence WHERE session = ? AND seen >= ?",
                                               (session, time.time() - within)).fetchone()[0], write=False)

    def joined(self, session: str) -> int:
        """Participants who took part (came or answered) in ``session``."""
        return self._run(lambda db: db.execute(
            "SELECT COUNT(*) FROM (SELECT participant FROM presence WHERE session = ? "
            "UNION SELECT participant FROM answers WHERE session = ?)", (session, session)).fetchone()[0], write=False)

    def answered(self, session: str) -> int:
        """Participants who answered at least one live exercise of ``session``."""
        return self._run(lambda db: db.execute("SELECT COUNT(DISTINCT participant) FROM answers WHERE session = ?",
                                               (session,)).fetchone()[0], write=False)

    def watch(self) -> ChangeWatch:
        """A cheap way to know that anyone (a kernel, the board) changed the base since the last look."""
        return ChangeWatch(self.path)

    def counts(self, session: str, exercise: str) -> dict[str, int]:
        """Choice → number of participants whose FIRST answer it was."""
        rows = self._run(lambda db: db.execute(
            "SELECT choice, COUNT(*) FROM answers a WHERE session = ? AND exercise = ? AND id = "
            "(SELECT MIN(id) FROM answers b WHERE b.session = a.session AND b.exercise = a.exercise "
            "AND b.participant = a.participant) GROUP BY choice", (session, exercise)).fetchall(), write=False)
        return {c: n for c, n in rows}

    def sessions(self) -> list[dict]:
        """Every session, oldest first, with its last activity time."""
        rows = self._run(lambda db: db.execute(
            "SELECT s.id, s.atelier, s.started, s.ended, s.counts, "
            "MAX(COALESCE((SELECT MAX(at) FROM answers WHERE session = s.id), s.started), "
            "COALESCE((SELECT MAX(seen) FROM presence WHERE session = s.id), s.started)) "
            "FROM sessions s ORDER BY s.started").fetchall(), write=False)
        return [{"id": r[0], "atelier": r[1], "started": r[2], "ended": r[3], "counts": json.loads(r[4]),
                 "last": r[5]} for r in rows]


class ChangeWatch:
    """Tells whether the base changed since the last look (SQLite's ``data_version``), for the board's push.

    One connection, kept open and used from one thread at a time; it never holds a lock between looks.
    """

    def __init__(self, path: Path):
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._last: int | None = None

    def changed(self) -> bool:
        try:
            version = self._db.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return True  # busy or reopened: look at the base itself
        changed, self._last = version != self._last, version
        return changed

    def close(self) -> None:
        self._db.close()
