"""The frame of every simulated page of an online procedure (atelier 05): the permanent « Exercice — rien
n'est envoyé » banner, the browser's address bar (to check at each screen), the site's name.

The look is the project's own (no logo or stylesheet of a real site): a resemblance, not a copy.
"""
from __future__ import annotations

from widgets.content.markdown import esc
from widgets.simulations.browser import address_bar_html, split_address

BANNER = "Exercice — rien n'est envoyé"


def banner_html() -> str:
    """The banner that stays on top of every simulated page."""
    return (f'<p class="demarche-bandeau" role="note"><strong>{esc(BANNER)}</strong> : '
            "cette page imite un vrai site, sur cet ordinateur seulement.</p>")


def site_name(url: str) -> str:
    """The registrable domain of ``url`` (what the participant checks in the address bar)."""
    _before, domain, _after = split_address(url)
    return domain or url


def procedure_page_html(url: str, site: str = "", heading: str = "") -> str:
    """Banner, address bar of ``url``, then the site's name and the page's heading."""
    top = f'<p class="demarche-site">{esc(site)}</p>' if site else ""
    title = f'<p class="demarche-titre">{esc(heading)}</p>' if heading else ""
    return banner_html() + address_bar_html(url) + top + title
