"""The static files of an atelier's page, fetched before they are needed.

The landing page asks the browser to fetch them while the participant reads the cards
(``<link rel="prefetch">``): the atelier page then opens like a repeat visit, from the browser's cache
(the server lets browsers keep them, ``CachedStaticMixin`` in ``app.py``). An atelier's page itself
asks for its scripts from its first lines (``<link rel="preload">``), before it reaches them.

What a page loads (its style sheets, its front end ``static/page/page.js``, the pictures its scripts
show) was recorded in a real browser, every atelier walked through, into ``prefetch.txt``
(``.venv/bin/python bench/first_load.py --record``; ``tests/test_first_visit.py`` checks that the atelier
page loads nothing the landing page did not fetch ahead). Addresses there are relative to the server's
base URL. The template's own files get their current version (``?v=…``) here, as Voilà writes them,
and the files the template includes are added even before the list is recorded again.
Only files that exist on this server are given: a newer Voilà never gets a 404 from the landing page.
"""
from __future__ import annotations

import os
import re
import time
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from widgets.server.paths import TEMPLATE, TEMPLATE_DIR, use_project_template

MANIFEST = Path(__file__).resolve().with_name("prefetch.txt")
TEMPLATE_STATIC = f"voila/templates/{TEMPLATE}/static/"
#: ``{{ resources.include_css("static/x.css") }}`` (or ``include_js``) lines of the project's template.
_INCLUDED = re.compile(r"""\{\{\s*resources\.include_(?:css|js)\(\s*["'](static/[^"']+)["']\s*\)\s*\}\}""")


def recorded() -> list[str]:
    """The addresses of ``prefetch.txt`` (comments and blank lines left out)."""
    if not MANIFEST.is_file():
        return []
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def included_by_template() -> list[str]:
    """``voila/templates/atelier/static/…`` of every file the project's template includes by name."""
    text = (TEMPLATE_DIR / "index.html.j2").read_text(encoding="utf-8")
    return [TEMPLATE_STATIC + name.removeprefix("static/") + "?v=" for name in _INCLUDED.findall(text)]


def _file_of(address: str) -> Path | None:
    """The file the server sends for ``address`` (relative to the base URL), or None."""
    from voila.paths import collect_static_paths
    from voila.static_file_handler import TemplateStaticFileHandler
    from voila.utils import get_voila_labextensions_path

    path = urlsplit(address).path
    if path.startswith("voila/templates/"):
        found = Path(TemplateStaticFileHandler.get_absolute_path(None, path.removeprefix("voila/templates/")))
        return found if found.is_file() else None
    if path.startswith("voila/static/"):
        roots = collect_static_paths(["voila", "nbconvert"], TEMPLATE)
        name = path.removeprefix("voila/static/")
    elif path.startswith("voila/labextensions/"):
        roots = get_voila_labextensions_path()
        name = path.removeprefix("voila/labextensions/")
    else:
        return None
    for root in roots:
        candidate = Path(root, name)
        if ".." not in Path(name).parts and candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=8)
def _existing(addresses: tuple[str, ...], jupyter_path: str) -> tuple[str, ...]:
    return tuple(a for a in addresses if _file_of(a) is not None)


def static_files(base_url: str = "/") -> list[str]:
    """Absolute paths (``base_url`` + address) of the static files an atelier's page loads, existing here:
    style sheets first, then scripts, then the rest (pictures), each once."""
    from voila.utils import make_url

    use_project_template()
    addresses = list(dict.fromkeys([*recorded(), *included_by_template()]))  # versions: recomputed below
    found = _existing(tuple(addresses), os.environ.get("JUPYTER_PATH", ""))
    urls = []
    for address in found:
        path, query = urlsplit(address).path, urlsplit(address).query
        if path.startswith("voila/templates/") and "v" in parse_qs(query, keep_blank_values=True):
            urls.append(make_url(TEMPLATE, base_url, path.removeprefix(f"voila/templates/{TEMPLATE}/")))
        else:
            urls.append(base_url + address)
    order = {".css": 0, ".js": 1}
    return sorted(dict.fromkeys(urls), key=lambda u: order.get(Path(urlsplit(u).path).suffix, 2))


def scripts(base_url: str = "/") -> list[str]:
    """The scripts among :func:`static_files` (what an atelier page preloads)."""
    return [u for u in static_files(base_url) if urlsplit(u).path.endswith(".js")]


#: The preloads are worked out again after this long (s): Voilà calls the hook for every page it prepares,
#: twenty times in a burst, and versioning its files each time took a tenth of the server's time.
PRELOADS_SECONDS = 30.0
_preloads: dict[str, tuple[float, list[str]]] = {}


def page_config_hook(page_config: dict, **kwargs) -> dict:
    """Voilà's ``page_config_hook``: the atelier page's template reads ``prechargement`` (its preloads)."""
    base_url = kwargs.get("base_url") or page_config.get("baseUrl") or "/"
    made, urls = _preloads.get(base_url, (float("-inf"), []))
    if time.monotonic() - made > PRELOADS_SECONDS:
        urls = scripts(base_url)
        _preloads[base_url] = (time.monotonic(), urls)
    page_config["prechargement"] = list(urls)
    return page_config
