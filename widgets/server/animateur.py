"""The animateur's pages in the server: the projected board, its JSON state and actions, the join link."""
from __future__ import annotations

import asyncio
import json
from pathlib import Path

import tornado.iostream
import tornado.web
from jupyter_server.utils import url_path_join

from widgets.content.names import CONTENT_FILE, notebook_path, page_url
from widgets.server import board
from widgets.server.blocking import in_thread
from widgets.server.board_feed import KEEPALIVE_SECONDS, BoardFeed
from widgets.server.pages import animateur_html, refusal_html
from widgets.server.pool import SessionPool
from widgets.server.presence import open_connections
from widgets.server.secret import COOKIE, is_valid
from widgets.sessions.store import (
    END,
    LiveError,
    LiveStore,
    clean_participant,
    new_participant_id,
)

HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
           "Cache-Control": "no-store"}
MAX_BODY = 10_000
PARTICIPANT_COOKIE = "atelier-participant"
PARTICIPANT_COOKIE_SECONDS = 6 * 3600  # one workshop: the same device is not followed beyond
MAX_EXPECTED = 60  # people a conseiller can say they expect (a room, not a conference)


async def board_view(store: LiveStore, root: Path, pool: SessionPool | None = None, kernel_manager_of=None) -> dict:
    """What the board shows now: the room's answers (``board.board_state``) and the pages ready in advance."""
    manager = kernel_manager_of() if kernel_manager_of is not None else None
    connections = open_connections(manager) if manager is not None else None
    state = await in_thread(board.board_state, store, root, connections)
    if state["session"] and pool is not None:
        atelier = state["session"]["atelier"]
        if notebook_path(atelier) not in pool.grown:  # e.g. a session kept across a restart
            pool.prepare(atelier)
        state["pages_pretes"] = pool.status(atelier)
    return state


def expected_people(value: object) -> int | None:
    """The number of people the conseiller expects, from the form (None: the server's default)."""
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise LiveError("Le nombre de participants attendus doit être un nombre entier, par exemple 12.") from None
    if not 1 <= number <= MAX_EXPECTED:
        raise LiveError(f"Le nombre de participants attendus doit être entre 1 et {MAX_EXPECTED}.")
    return number


class LiveBase(tornado.web.RequestHandler):
    def initialize(self, store: LiveStore, root: Path, secret: str, join_url: str = "",
                   pool: SessionPool | None = None, kernel_manager_of=None, feed: BoardFeed | None = None):
        self.store, self.root, self.secret, self.join_url, self.pool = store, Path(root), secret, join_url, pool
        self.kernel_manager_of, self.feed = kernel_manager_of, feed

    async def view(self) -> dict:
        return await board_view(self.store, self.root, self.pool, self.kernel_manager_of)

    def set_default_headers(self) -> None:
        for key, value in HEADERS.items():
            self.set_header(key, value)

    def prepare(self) -> None:
        """Actions need the page's own header (another site cannot send it) besides the SameSite cookie.

        Checked here, on every request: Tornado calls ``check_xsrf_cookie`` only when the application
        turns ``xsrf_cookies`` on, which the ateliers' server does not.
        """
        if self.request.method not in ("GET", "HEAD", "OPTIONS") and self.request.headers.get("X-Animateur") != "1":
            raise tornado.web.HTTPError(403)

    def check_xsrf_cookie(self) -> None:
        """The header checked in ``prepare`` stands for Tornado's own check, whatever the settings."""

    def is_animateur(self) -> bool:
        return is_valid(self.get_cookie(COOKIE), self.secret)

    def write_error(self, status_code: int, **kwargs) -> None:
        self.set_header("Cache-Control", "no-store")
        if self.request.path.rstrip("/").endswith("animateur"):
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(refusal_html(self.settings.get("base_url", "/")))
        else:
            self.set_header("Content-Type", "application/json; charset=UTF-8")
            messages = {403: "Accès refusé : cette page est réservée à l'animateur.",
                        404: "Cet élément n'existe pas."}
            self.finish({"erreur": messages.get(status_code, "La demande n'a pas pu être traitée.")})

    def refuse(self, status: int, message: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish({"erreur": message})


class AnimateurPage(LiveBase):
    """``/animateur?cle=…`` keeps the key in a cookie and cleans the address bar; ``/animateur`` is the board."""

    def get(self) -> None:
        given = self.get_query_argument("cle", None)
        base = self.settings.get("base_url", "/")
        if given is not None:
            if not is_valid(given, self.secret):
                raise tornado.web.HTTPError(403)
            self.set_cookie(COOKIE, self.secret, path=url_path_join(base, "animateur"), httponly=True, samesite="Strict")
            self.redirect(url_path_join(base, "animateur"))  # the key leaves the address bar (projected!)
            return
        if not self.is_animateur():
            raise tornado.web.HTTPError(403)
        join = self.join_url or f"{self.request.protocol}://{self.request.host}{url_path_join(base, 'rejoindre')}"
        expected = self.pool.default_expected if self.pool is not None else None
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(animateur_html(base, join, expected))


class StateHandler(LiveBase):
    """The board's state once (the page's first look, and its fallback when the push is cut)."""

    async def get(self) -> None:
        if not self.is_animateur():
            raise tornado.web.HTTPError(403)
        self.finish(await self.view())


class FeedHandler(LiveBase):
    """``/animateur/flux``: the board's state pushed at each change (server-sent events)."""

    queue: asyncio.Queue | None = None

    async def get(self) -> None:
        if not self.is_animateur():
            raise tornado.web.HTTPError(403)
        self.set_header("Content-Type", "text/event-stream; charset=UTF-8")
        self.set_header("X-Accel-Buffering", "no")
        self.queue = self.feed.subscribe()
        try:
            self.write("retry: 2000\n\n")
            await self.flush()
            while True:
                try:
                    text = await asyncio.wait_for(self.queue.get(), KEEPALIVE_SECONDS)
                except asyncio.TimeoutError:
                    text = ""
                if text is None:  # the board closed
                    break
                self.write(f"data: {text}\n\n" if text else ": toujours là\n\n")
                await self.flush()
        except tornado.iostream.StreamClosedError:
            pass
        finally:
            self.feed.unsubscribe(self.queue)

    def on_connection_close(self) -> None:
        if self.queue is not None:
            self.feed.close(self.queue)


class ActionHandler(LiveBase):
    """POST ``{"action": "reveler" | "suivant" | "precedent" | "nouvelle", "atelier": …, "attendus": …}``."""

    async def post(self) -> None:
        data = self._animateur_body()
        if data is None:
            return
        action = data.get("action")
        try:
            if action == "reveler":
                shown = await in_thread(board.reveal_current, self.store, self.root)
                message = ("Ce que la salle a appris est affiché." if shown == board.END else
                           "Les résultats et la bonne réponse sont affichés, ici et chez les participants.")
            elif action == "suivant":
                shown = await in_thread(board.next_exercise, self.store, self.root)
                message = ("Tous les exercices en direct sont passés : voici le résumé de la session."
                           if shown == END else "Exercice suivant affiché.")
            elif action == "precedent":
                await in_thread(board.previous_exercise, self.store, self.root)
                message = "Exercice précédent affiché."
            elif action == "nouvelle":
                expected = expected_people(data.get("attendus"))
                await in_thread(board.start_session, self.store, self.root, data.get("atelier"))
                message = "Nouvelle session ouverte : les réponses repartent de zéro."
                if self.pool is not None:  # the room is about to scan the QR code
                    warning = self.pool.prepare(data["atelier"], expected)
                    message += f" {warning}" if warning else ""
            else:
                return self.refuse(400, "Cette action n'existe pas.")
        except LiveError as exc:
            return self.refuse(404 if "existe pas" in str(exc) else 409, str(exc))
        finally:
            if self.feed is not None:
                self.feed.poke()
        self.finish({"message": message})

    def _animateur_body(self) -> dict | None:
        """The posted JSON object, once the key is checked; None when a refusal was already sent."""
        if not self.is_animateur():
            raise tornado.web.HTTPError(403)
        if len(self.request.body) > MAX_BODY:
            self.refuse(413, "La demande est trop grande.")
            return None
        try:
            data = json.loads(self.request.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            data = None
        if not isinstance(data, dict):
            self.refuse(400, "La demande n'est pas lisible.")
            return None
        return data


class CountsHandler(ActionHandler):
    """POST the anonymous counts by age band and status."""

    async def post(self) -> None:
        data = self._animateur_body()
        if data is None:
            return
        session = await in_thread(self.store.current_session)
        if session is None:
            return self.refuse(409, "Aucune session n'est ouverte.")
        try:
            await in_thread(self.store.set_counts, session["id"], data)
        except LiveError as exc:
            return self.refuse(400, str(exc))
        self.finish({"message": "Les nombres sont enregistrés pour le bilan."})


class JoinHandler(LiveBase):
    """``/rejoindre``: the joining link of the QR code → the session's atelier with an anonymous id.

    The id is kept in a cookie for the length of a workshop: a participant who closed the tab by
    mistake and scans the QR code again comes back where they were, like after a reload.
    """

    async def get(self) -> None:
        base = self.settings.get("base_url", "/")
        session = await in_thread(self.store.current_session)
        if session is None or not (self.root / session["atelier"] / CONTENT_FILE).is_file():
            self.redirect(base)
            return
        participant = clean_participant(self.get_cookie(PARTICIPANT_COOKIE)) or new_participant_id()
        self.set_cookie(PARTICIPANT_COOKIE, participant, path=base, httponly=True, samesite="Lax",
                        max_age=PARTICIPANT_COOKIE_SECONDS)
        self.redirect(f"{page_url(base, session['atelier'])}?participant={participant}")


def live_handlers(server_url: str, root: Path, store: LiveStore, secret: str, join_url: str = "",
                  pool: SessionPool | None = None, kernel_manager_of=None) -> list:
    """The animateur's routes; ``kernel_manager_of()`` gives the server's kernels (who is connected)."""
    feed = BoardFeed(store, lambda: board_view(store, Path(root), pool, kernel_manager_of))
    args = {"store": store, "root": root, "secret": secret, "join_url": join_url, "pool": pool,
            "kernel_manager_of": kernel_manager_of, "feed": feed}
    return [(url_path_join(server_url, path), cls, args) for path, cls in (
        (r"/animateur/?", AnimateurPage), (r"/animateur/etat", StateHandler), (r"/animateur/flux", FeedHandler),
        (r"/animateur/action", ActionHandler), (r"/animateur/comptes", CountsHandler),
        (r"/rejoindre", JoinHandler))]

