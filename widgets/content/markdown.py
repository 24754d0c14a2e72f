"""Text from content files to HTML: Markdown (its raw HTML escaped, never run) and escaping."""
from __future__ import annotations

import html

import mistune

_markdown = mistune.create_markdown(escape=True, plugins=["strikethrough", "table"])


def md(text: str | None) -> str:
    """Markdown from a content file to HTML (raw HTML is escaped, never run)."""
    if not text:
        return ""
    return _markdown(str(text))


def esc(text: object) -> str:
    """Escape any text for HTML (quotes too)."""
    return html.escape("" if text is None else str(text), quote=True)
