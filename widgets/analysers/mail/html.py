"""Safe display of an HTML body (nh3), and HTML to plain text for reading and scanning."""
from __future__ import annotations

import html as html_lib
from html.parser import HTMLParser

import nh3

from widgets.analysers.mail.links import MAX_HTML_CHARS, is_remote, is_tracking_pixel

REMOTE_IMAGE = "[image distante bloquée]"
OTHER_IMAGE = "[image non affichée]"
LINK_TARGET = "adresse réelle : "

BASE_TAGS = {
    "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "small", "sub", "sup",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
    "pre", "code", "hr", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
    "center", "font", "abbr", "cite", "q", "mark", "del", "ins", "header", "footer",
    "section", "article",
}
REMOVED_WITH_CONTENT = {
    "script", "style", "title", "noscript", "template", "iframe", "object", "embed",
    "svg", "math", "head", "textarea", "select", "button", "audio", "video", "canvas",
}
_CELL = {"colspan", "rowspan"}
_BLOCKS = {
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
    "blockquote", "pre", "hr", "section", "article", "header", "footer", "dt", "dd",
}


def _first_pass(html: str) -> str:
    """Sanitise, keeping links and images so they can be rewritten."""
    return nh3.clean(
        html,
        tags=BASE_TAGS | {"a", "img"},
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes={"a": {"href"}, "img": {"src", "alt", "width", "height", "style"},
                    "td": _CELL, "th": _CELL},
        url_schemes={"http", "https", "mailto", "tel"},
        strip_comments=True,
        link_rel=None,
    )


class _Rewriter(HTMLParser):
    """Replace images by French placeholders and links by text plus their real target."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._hrefs: list[str] = []

    def _emit_tag(self, tag, attrs, close=False):
        if tag == "img":
            values = {name: value or "" for name, value in attrs}
            if is_tracking_pixel(values):
                return
            label = REMOTE_IMAGE if is_remote(values.get("src", "")) else OTHER_IMAGE
            self.out.append(f'<span class="image-bloquee">{html_lib.escape(label)}</span>')
            return
        if tag == "a":
            href = next((value or "" for name, value in attrs if name == "href"), "")
            self._hrefs.append(href)
            self.out.append('<span class="lien">')
            return
        rendered = "".join(f' {name}="{html_lib.escape(value or "")}"' for name, value in attrs)
        self.out.append(f"<{tag}{rendered}>")

    def handle_starttag(self, tag, attrs):
        self._emit_tag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._emit_tag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "a":
            if not self._hrefs:
                return
            href = self._hrefs.pop()
            self.out.append("</span>")
            if href:
                self.out.append(
                    f' <span class="lien-cible">({LINK_TARGET}{html_lib.escape(href)})</span>'
                )
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(html_lib.escape(data, quote=False))


def sanitise_html(html: str) -> str:
    """Return display-safe HTML: no scripts, styles, forms, remote images or clickable links."""
    rewriter = _Rewriter()
    rewriter.feed(_first_pass(html[:MAX_HTML_CHARS]))
    rewriter.close()
    return nh3.clean(
        "".join(rewriter.out),
        tags=BASE_TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes={"span": {"class"}, "td": _CELL, "th": _CELL},
        url_schemes=set(),
        strip_comments=True,
        link_rel=None,
    )


class _TextExtractor(HTMLParser):
    """Collect readable text, skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in REMOVED_WITH_CONTENT:
            self._skip += 1
        elif tag in _BLOCKS:
            self.chunks.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self.chunks.append("\n")

    def handle_endtag(self, tag):
        if tag in REMOVED_WITH_CONTENT:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.chunks.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(" ".join(data.split()) + (" " if data[-1:].isspace() else ""))


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML body."""
    extractor = _TextExtractor()
    try:
        extractor.feed(html[:MAX_HTML_CHARS])
        extractor.close()
    except Exception:
        pass
    lines = (" ".join(line.split()) for line in "".join(extractor.chunks).splitlines())
    text, blank = [], False
    for line in lines:
        if line:
            text.append(line)
            blank = False
        elif not blank and text:
            text.append("")
            blank = True
    return "\n".join(text).strip()
