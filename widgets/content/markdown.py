"""Text from content files to HTML: Markdown (its raw HTML escaped, never run) and escaping."""
from __future__ import annotations

import html

import mistune


class _Renderer(mistune.HTMLRenderer):
    """Raw HTML escaped, and character references read as CommonMark says (« &lt; » is « < », never shown as
    « &lt; »; mistune's escape mode escaped them a second time)."""

    def text(self, text: str) -> str:
        return mistune.util.safe_entity(text)


_markdown = mistune.create_markdown(renderer=_Renderer(escape=True), plugins=["strikethrough", "table"])


def md(text: str | None) -> str:
    """Markdown from a content file to HTML (raw HTML is escaped, never run)."""
    if not text:
        return ""
    return _markdown(str(text))


def esc(text: object) -> str:
    """Escape any text for HTML (quotes too)."""
    return html.escape("" if text is None else str(text), quote=True)
