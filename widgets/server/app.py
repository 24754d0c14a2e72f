"""The ateliers' server: Voilà, locked down and in French.

Compared with plain ``voila``: a French landing page at ``/`` instead of the file tree; no tree,
contents or login pages; French error pages; responses compressed; no template or theme
override from the address bar; preheated kernels, and abandoned ones culled.
"""
from __future__ import annotations

import inspect
import logging
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

import jinja2
import tornado.web
from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
from jupyter_server.utils import url_path_join
from traitlets import Integer, Unicode
from traitlets.config import Config
from voila.app import Voila

from widgets.server.kernel_socket import GonePageMixin
from widgets.server.pages import landing_html
from widgets.server.paths import TEMPLATE, TEMPLATE_DIR, use_project_template
from widgets.server.prefetch import page_config_hook

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
}
#: Only pictures and documents kept in an atelier's ``media/`` folder may be downloaded.
MEDIA_ALLOWLIST = [r"[^/]+/media/[^/]+\.(png|jpe?g|svg|webp|gif|pdf)"]
#: Handlers of plain Voilà that participants must not reach (file tree, listings, login pages).
DROPPED = ("/voila/tree", "/voila/api/contents", "/login", "/logout")


class FrenchErrorMixin:
    """Errors as the project's French page, never a traceback."""

    def write_error(self, status_code: int, **kwargs) -> None:
        env = self.settings["voila_jinja2_env"]
        name = "404.html" if status_code == 404 else "error.html"
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(env.get_template(name).render(base_url=self.settings.get("base_url", "/")))


class LandingHandler(FrenchErrorMixin, tornado.web.RequestHandler):
    """``/``: the ateliers as large cards."""

    def initialize(self, root: Path, footer: str = ""):
        self.root = root
        self.footer = footer

    def set_default_headers(self) -> None:
        for key, value in SECURITY_HEADERS.items():
            self.set_header(key, value)

    def get(self) -> None:
        self.set_header("Cache-Control", "no-cache")
        self.finish(landing_html(self.root, self.settings.get("base_url", "/"), self.footer))


class NotFoundHandler(FrenchErrorMixin, tornado.web.RequestHandler):
    """Every address that is not a page of the ateliers: a French « page introuvable »."""

    def set_default_headers(self) -> None:
        for key, value in SECURITY_HEADERS.items():
            self.set_header(key, value)

    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)


#: Voilà's front-end files do not change while the server runs: let browsers keep them for a
#: workshop's length, so that a second visit (or a reload) downloads almost nothing.
STATIC_CACHE_SECONDS = 4 * 3600
#: Front-end extensions the pages never use (code highlighting, JupyterLab's preview button).
UNUSED_EXTENSIONS = ["jupyterlab_pygments", "@voila-dashboards/jupyterlab-preview"]
WS_PING_INTERVAL_MS = 30_000
#: The largest websocket message (a photo or a PDF sent to the kernel), well above the ateliers' own limits.
WEBSOCKET_MAX_BYTES = 64 * 1024 * 1024
#: Tornado's loggers write English warnings in the conseiller's terminal: only errors get through.
QUIET_LOGGERS = ("tornado.general", "tornado.application", "tornado.access", "tornado.websocket")


#: JupyterLab's page CSS (``index.css``, 54 KiB compressed) holds the pictures of ~100 JupyterLab icons as
#: data in CSS variables (30 KiB of it): an atelier shows none of them (its icons are its own SVG files).
LAB_ICON_PICTURE = re.compile(rb"\s*--jp-icon-[\w-]+:\s*url\([^)]*\);")


@lru_cache(maxsize=4)
def lean_lab_css(path: str, modified: float) -> bytes:
    """``index.css`` of nbconvert's lab template without its icon pictures (``modified``: the file's time)."""
    return LAB_ICON_PICTURE.sub(b"", Path(path).read_bytes())


def _is_lab_css(path: str) -> bool:
    return Path(path).name == "index.css" and Path(path).parent.parent.name == "lab"


class LeanLabCssMixin:
    """Serves nbconvert's ``lab/static/index.css`` without the icon pictures (``lean_lab_css``)."""

    @classmethod
    def get_content(cls, abspath, start=None, end=None):
        if not _is_lab_css(abspath):
            return super().get_content(abspath, start, end)
        return [lean_lab_css(abspath, os.path.getmtime(abspath))[start:end]]

    def get_content_size(self) -> int:
        if not _is_lab_css(self.absolute_path):
            return super().get_content_size()
        return len(lean_lab_css(self.absolute_path, os.path.getmtime(self.absolute_path)))


class CachedStaticMixin:
    def get_cache_time(self, path, modified, mime_type) -> int:
        return STATIC_CACHE_SECONDS

    def set_headers(self) -> None:
        super().set_headers()
        # Jupyter Server's FileFindHandler (``/voila/labextensions``) says « no-cache » after that: its
        # files carry their content's hash in their names, they are kept like the others (the atelier
        # pages no longer load them: their own front end, ``static/page/``, holds the widgets).
        self.set_header("Cache-Control", f"max-age={STATIC_CACHE_SECONDS}")


class ArrivingMixin:
    """An atelier's page was asked: someone is joining, and the kernel manager holds its refills back."""

    def prepare(self, *args, **kwargs):
        note_arrival = getattr(self.kernel_manager, "note_arrival", None)
        if note_arrival is not None:
            note_arrival(self.path_args[0] if self.path_args else None)
        return super().prepare(*args, **kwargs)


class WaitingPageMixin:
    """A prepared kernel opened Voilà's request socket: its page is built and waits for its participant."""

    def open(self, kernel_id, *args, **kwargs):
        page_waiting = getattr(self.settings.get("kernel_manager"), "page_waiting", None)
        if page_waiting is not None:
            page_waiting(kernel_id)
        return super().open(kernel_id, *args, **kwargs)


class LeavingMixin:
    """An atelier's page gets the ``_xsrf`` cookie, so that leaving it frees its kernel at once.

    When a page is closed or reloaded, its script (``static/atelier-depart.js``) sends
    ``POST voila/api/shutdown/<kernel>`` with the ``_xsrf`` cookie's value; Jupyter Server refuses it
    without that cookie, and the kernel then lived on until the idle culler.
    """

    async def prepare(self, *args, **kwargs):
        result = super().prepare(*args, **kwargs)
        if inspect.isawaitable(result):
            await result
        self.xsrf_token  # noqa: B018 - reading it sets the cookie


def french_errors(handler: tuple) -> tuple:
    """The same route, its handler class given the French error page (caching for static files, the
    ``_xsrf`` cookie and the arrival noted for the atelier pages, a prepared page's readiness noted,
    silence about a gone page for the kernel websocket)."""
    pattern, cls, *rest = handler
    bases = [] if issubclass(cls, FrenchErrorMixin) else [FrenchErrorMixin]
    if issubclass(cls, tornado.web.StaticFileHandler) and "/voila/files" not in pattern:
        bases.append(CachedStaticMixin)
    if "/voila/templates/" in pattern and issubclass(cls, tornado.web.StaticFileHandler):
        bases.append(LeanLabCssMixin)
    if "/voila/render" in pattern:
        bases += [ArrivingMixin, LeavingMixin]
    if "/voila/query" in pattern:
        bases.append(WaitingPageMixin)
    if issubclass(cls, KernelWebsocketHandler):
        bases.append(GonePageMixin)
    if bases:
        cls = type(cls.__name__, (*bases, cls), {})
    return (pattern, cls, *rest)


class AtelierServer(Voila):
    """Voilà serving the ``ateliers/`` folder with the project's template."""

    description = "Sert les ateliers numériques."
    reserve = Integer(2, config=True, help="Noyaux préparés à l'avance pour chaque atelier (0 : aucun).")
    participants = Integer(12, config=True, help="Participants attendus : pages préparées pour l'atelier de la "
                                                 "session en direct.")
    landing_footer = Unicode("", config=True, help="HTML ajouté au pied de la page d'accueil.")
    animateur_secret = Unicode("", config=True, help="Clé de la page de l'animateur (vide : page fermée).")
    live_data_dir = Unicode("", config=True, help="Dossier de la base des réponses en direct.")
    join_url = Unicode("", config=True, help="Adresse à donner aux participants (QR code de l'animateur).")

    def build_app(self) -> tornado.web.Application:
        """The server's Tornado application, built exactly as ``start`` builds it, without listening.

        Tests take it from here: what they check is what ``atelier lancer`` serves.
        """
        self.connection_dir = tempfile.mkdtemp(prefix="voila_", dir=self.connection_dir_root)
        self.app = tornado.web.Application(**self.init_settings())
        self.app.settings.update(self.tornado_settings)
        self.app.add_handlers(".*$", self.init_handlers())
        return self.app

    def start(self) -> None:
        """Build the application (``build_app``), then listen and serve until Ctrl+C (Voilà's ``listen``)."""
        self.build_app()
        self.listen()

    def init_settings(self) -> dict:
        settings = super().init_settings()
        settings["compress_response"] = True
        # A kernel's websocket is closed when no pong came for ws_ping_timeout ms, checked every
        # ws_ping_interval ms: the timeout must be well above the interval, or a pong arriving one
        # interval ago (the normal case) closes the participant's connection. Tornado warns (in English)
        # that this is longer than its own interval: its logger is quiet below errors (see make_server).
        settings["ws_ping_interval"] = WS_PING_INTERVAL_MS
        settings["ws_ping_timeout"] = 3 * WS_PING_INTERVAL_MS
        # A photo sent from a phone travels to its kernel in one websocket message. Tornado closes the
        # connection on a message over 10 MiB (the page then stops answering): the ateliers' own limits
        # (15 Mo for a photo, say) must be the ones that speak, in French.
        settings["websocket_max_message_size"] = WEBSOCKET_MAX_BYTES
        settings["headers"] = dict(SECURITY_HEADERS)
        settings["default_handler_class"] = NotFoundHandler
        # Jupyter Server's own error pages are English: put the project's template first.
        server_env = settings["jinja2_env"]
        french = jinja2.Environment(
            loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATE_DIR)), server_env.loader]),
            extensions=["jinja2.ext.i18n"],
            autoescape=True,
        )
        french.install_null_translations(newstyle=False)
        settings["jinja2_env"] = french
        return settings

    def init_handlers(self) -> list:
        kept = [french_errors(h) for h in super().init_handlers()
                if not any(part in h[0] for part in DROPPED) and h[0] != self.server_url]
        root = Path(self.root_dir)
        from widgets.documents.build import documents_dir
        from widgets.server.animateur import live_handlers
        from widgets.server.documents import ROUTE as DOCUMENTS_ROUTE
        from widgets.server.documents import DocumentsHandler
        from widgets.server.pool import SessionPool
        from widgets.server.presence import PresenceWatch
        from widgets.sessions.store import LiveStore

        pool = SessionPool(lambda: self.kernel_manager, self.reserve, self.participants)
        self.pool = pool
        store = LiveStore(self.live_data_dir or None)
        self.presence = PresenceWatch(store, lambda: self.kernel_manager)
        self.presence.start()
        live = live_handlers(self.server_url, root, store, self.animateur_secret, self.join_url, pool,
                             lambda: self.kernel_manager)
        ours = live + [
            (self.server_url, LandingHandler, {"root": root, "footer": self.landing_footer}),
            (url_path_join(self.server_url, r"/voila/?"), tornado.web.RedirectHandler, {"url": self.server_url}),
            (url_path_join(self.server_url, r"/voila/tree.*"), tornado.web.RedirectHandler, {"url": self.server_url}),
            (url_path_join(self.server_url, DOCUMENTS_ROUTE), DocumentsHandler, {"folder": documents_dir(root)}),
        ]
        return ours + kept


def server_config(root: Path, ip: str, port: int, reserve: int = 2, cull_after: int = 600) -> Config:
    """The traitlets configuration of the ateliers' server."""
    c = Config()
    c.Voila.root_dir = str(root)
    c.Voila.ip = ip
    c.Voila.port = port
    c.Voila.port_retries = 0  # a busy port is an error said in French, never a silent move
    c.Voila.open_browser = False
    c.Voila.log_level = "ERROR"  # no addresses nor anything typed in the logs; the CLI says what matters
    if os.name == "posix":
        c.KernelManager.transport = "ipc"  # kernels reachable through private files, not local TCP ports
    c.Voila.tornado_settings = {"compress_response": True}
    c.VoilaConfiguration.template = TEMPLATE
    c.VoilaConfiguration.theme = "light"
    c.VoilaConfiguration.show_tracebacks = False
    c.VoilaConfiguration.allow_template_override = "NO"
    c.VoilaConfiguration.allow_theme_override = "NO"
    c.VoilaConfiguration.extension_denylist = UNUSED_EXTENSIONS
    c.VoilaConfiguration.page_config_hook = page_config_hook  # the page's preloads (prefetch.py)
    c.VoilaConfiguration.file_allowlist = MEDIA_ALLOWLIST
    c.VoilaConfiguration.file_denylist = [r".*\.(ipynb|py|yaml|yml|md|json|txt|csv|sqlite|db)"]
    c.VoilaConfiguration.multi_kernel_manager_class = "widgets.server.kernels.AtelierKernelManager"
    c.VoilaConfiguration.preheat_kernel = reserve > 0
    c.VoilaConfiguration.default_pool_size = max(reserve, 0)
    c.VoilaKernelManager.fill_delay = 0  # set at each arrival (AtelierKernelManager.note_arrival)
    c.MappingKernelManager.cull_idle_timeout = cull_after
    c.MappingKernelManager.cull_interval = 60
    c.MappingKernelManager.cull_connected = False
    c.HTMLExporter.language_code = "fr"
    return c


def make_server(root: Path, ip: str, port: int, reserve: int = 2, secret: str = "", data_dir: str = "",
                join_url: str = "", participants: int = 12) -> AtelierServer:
    """An initialised (not yet listening) server (``secret``: the animateur page's key)."""
    use_project_template()
    config = server_config(Path(root).resolve(), ip, port, reserve)
    config.AtelierServer.animateur_secret = secret
    config.AtelierServer.live_data_dir = data_dir
    config.AtelierServer.join_url = join_url
    config.AtelierServer.reserve = reserve
    config.AtelierServer.participants = participants
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    app = AtelierServer(config=config)
    app.initialize([])
    return app
