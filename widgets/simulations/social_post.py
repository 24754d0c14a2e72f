"""HTML of a simulated social-network post: author, initials avatar, text, image, reactions."""
from __future__ import annotations

from dataclasses import dataclass

from widgets.content.markdown import esc, md
from widgets.ui.icons import icon


@dataclass
class Post:
    """What a post shows. ``image_html`` is a ready ``<figure>`` (see ``widgets.ui.figures.figure_html``)."""

    author: str
    text: str
    date: str = ""
    site: str = ""
    likes: int = 0
    shares: int = 0
    comments: int = 0
    image_html: str = ""


def initials(name: str) -> str:
    """Two capital letters for the round avatar (« Info Vérité Ardèche » → « IV »)."""
    words = [w for w in str(name).split() if w[:1].isalnum()]
    letters = "".join(w[0] for w in words[:2]).upper()
    return letters or "?"


def count_fr(value: int) -> str:
    """A French count as social networks write it: 1 234 → « 1 234 », 12 500 → « 12,5 k »."""
    value = max(0, int(value))
    if value >= 10_000:
        return f"{value / 1000:.1f}".replace(".", ",").replace(",0", "") + "\u00a0k"
    return f"{value:,}".replace(",", "\u202f")


def social_post_html(post: Post, label: str = "Publication sur un réseau social") -> str:
    """The post as a card; reactions are written in words too (not only icons)."""
    site = f'<p class="publication-site">{esc(post.site)}</p>' if post.site else ""
    date = f'<span class="publication-date">{esc(post.date)}</span>' if post.date else ""
    reactions = (
        f'<p class="publication-reactions">'
        f'<span>{icon("pouce")} {count_fr(post.likes)} « J\'aime »</span> '
        f'<span>{icon("bulle")} {count_fr(post.comments)} commentaires</span> '
        f'<span>{icon("partage")} {count_fr(post.shares)} partages</span></p>'
    )
    return (
        f'<article class="publication" aria-label="{esc(label)}">'
        f'<header class="publication-entete">'
        f'<span class="publication-avatar" aria-hidden="true">{esc(initials(post.author))}</span>'
        f'<span class="publication-qui"><strong>{esc(post.author)}</strong>{date}</span></header>'
        f'<div class="publication-texte">{md(post.text)}</div>'
        f'{post.image_html}{site}{reactions}</article>'
    )
