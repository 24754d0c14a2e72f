"""HTML of a simulated web page (address bar + content), e.g. a site's « mentions légales »."""
from __future__ import annotations

from widgets.content.markdown import esc, md
from widgets.simulations.browser import address_bar_html


def site_page_html(url: str, title: str, body_markdown: str) -> str:
    """A browser bar showing ``url`` above a page with a title and Markdown content."""
    return (address_bar_html(url)
            + f'<div class="site-page" role="group" aria-label="Page du site">'
              f'<p class="site-page-titre">{esc(title)}</p>{md(body_markdown)}</div>')
