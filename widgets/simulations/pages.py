"""HTML of simulated pages: a search results page, a cookie banner, a fake virus alert."""
from __future__ import annotations

from widgets.content.markdown import esc, md
from widgets.simulations.browser import address_bar_html, split_address
from widgets.ui.icons import icon


def search_box_html(query: str, engine: str = "Recherche") -> str:
    """A search engine's box with the query typed in."""
    return (f'<div class="recherche-moteur"><span class="recherche-logo">{esc(engine)}</span>'
            f'<div class="recherche-champ" role="img" aria-label="Recherche tapée : {esc(query)}">{esc(query)}'
            f' {icon("loupe")}</div></div>')


def search_result_html(title: str, url: str, description: str, sponsored: bool) -> str:
    """One result as search engines show it; « Sponsorisé » is as discreet as in real life."""
    before, domain, after = split_address(url)
    site = domain or url
    label = '<span class="resultat-annonce">Sponsorisé</span>' if sponsored else ""
    return (f'<div class="resultat">{label}<p class="resultat-site">{esc(site)}</p>'
            f'<p class="resultat-adresse">{esc(url)}</p>'
            f'<p class="resultat-titre">{esc(title)}</p>'
            f'<p class="resultat-description">{esc(description)}</p></div>')


def cookie_page_html(site: str, banner_text: str, page_title: str = "") -> str:
    """A page covered by a cookie consent banner (its buttons are the exercise's options)."""
    return (address_bar_html(f"https://{site}/") +
            f'<div class="cookies-page"><p class="cookies-page-titre">{esc(page_title or site)}</p>'
            f'<div class="cookies-banniere" role="group" aria-label="Bandeau cookies">'
            f'<p class="cookies-banniere-titre">Nous respectons votre vie privée</p>{md(banner_text)}</div></div>')


def fake_alert_html(url: str, title: str, message: str, phone: str) -> str:
    """A fake « your computer is infected » page, as scammers make them."""
    return (address_bar_html(url) +
            f'<div class="fausse-alerte"><p class="fausse-alerte-titre">⚠ {esc(title)}</p>{md(message)}'
            f'<p class="fausse-alerte-telephone">Appelez immédiatement le support : <strong>{esc(phone)}</strong></p>'
            f'<p class="fausse-alerte-pied">Ne fermez pas cette page. Ne redémarrez pas votre ordinateur.</p></div>')
