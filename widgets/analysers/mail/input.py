"""Reading raw e-mail input safely: size/empty/binary checks, parsing, walking, decoding."""
from __future__ import annotations

import unicodedata
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser

from widgets.analysers.alerts import Alert
from widgets.analysers.mail.alert_table import alert

MAX_DEPTH = 12          # deeper multipart nesting is not analysed
MAX_PARTS = 300         # more parts than this are not analysed
BINARY_SAMPLE = 8192    # bytes looked at to decide "binary garbage"

# Headers that almost every e-mail carries; at least one must be present.
KNOWN_HEADERS = (
    "from", "to", "cc", "subject", "date", "message-id", "received", "return-path",
    "reply-to", "mime-version", "content-type", "sender", "delivered-to",
    "authentication-results",
)

# Control, surrogate, private-use and format characters (RTL override, zero-width…).
_HIDDEN_CATEGORIES = {"Cc", "Cs", "Co", "Cf"}


def clean_text(value: object, limit: int = 2000) -> str:
    """Return printable text: no control/format characters, no lone surrogates, bounded length."""
    try:
        text = value if isinstance(value, str) else str(value)
    except Exception:
        return ""
    text = text.encode("utf-8", "replace").decode("utf-8", "replace")
    kept = []
    for char in text[: limit * 2]:
        if char in "\n\t":
            kept.append(char)
        elif unicodedata.category(char) in _HIDDEN_CATEGORIES:
            continue
        else:
            kept.append(char)
    text = "".join(kept)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def one_line(value: object, limit: int = 300) -> str:
    """Like clean_text, on a single line with collapsed spaces."""
    return " ".join(clean_text(value, limit * 2).split())[:limit]


def input_problem(data: object, max_bytes: int) -> tuple[bytes | None, Alert | None]:
    """Turn the input into bytes, or explain in French why it cannot be an e-mail."""
    if isinstance(data, str):
        if len(data) > max_bytes:
            return None, _too_big(max_bytes)
        raw = data.encode("utf-8", "replace")
    elif isinstance(data, (bytes, bytearray, memoryview)):
        if len(data) > max_bytes:
            return None, _too_big(max_bytes)
        raw = bytes(data)
    else:
        return None, alert("not_an_email", "not_text")
    if len(raw) > max_bytes:
        return None, _too_big(max_bytes)
    raw = raw.lstrip(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if not raw:
        return None, alert("empty")
    if looks_binary(raw):
        return None, alert("binary_input")
    return raw, None


def _too_big(max_bytes: int) -> Alert:
    return alert("too_large", size=max(1, max_bytes // 1_000_000))


def looks_binary(raw: bytes) -> bool:
    """True when the start of the input holds many control bytes (NUL included)."""
    sample = raw[:BINARY_SAMPLE]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 13) or byte == 127)
    return controls > max(4, len(sample) // 50)


def parse(raw: bytes) -> EmailMessage:
    """Parse bytes with the standard library parser (may raise RecursionError on absurd nesting)."""
    return BytesParser(policy=policy.default).parsebytes(raw)


def has_known_header(msg: Message) -> bool:
    """True when at least one usual e-mail header is present."""
    try:
        names = {str(name).lower() for name in msg.keys()}
    except Exception:
        return False
    return any(name in names for name in KNOWN_HEADERS)


def walk(msg: Message) -> tuple[list[Message], bool]:
    """List the message's parts breadth-first, without recursion; flag if limits were hit."""
    parts: list[Message] = []
    truncated = False
    queue: list[tuple[Message, int]] = [(msg, 0)]
    while queue:
        part, depth = queue.pop(0)
        if len(parts) >= MAX_PARTS:
            truncated = True
            break
        parts.append(part)
        try:
            children = part.get_payload() if part.is_multipart() else []
        except Exception:
            children = []
        if not isinstance(children, list):
            continue
        for child in children:
            if not isinstance(child, Message):
                continue
            if depth + 1 > MAX_DEPTH:
                truncated = True
                continue
            queue.append((child, depth + 1))
    return parts, truncated


def header(msg: Message, name: str) -> str:
    """Return a header's decoded value as text, or "" when absent or unreadable."""
    try:
        value = msg.get(name)
    except Exception:
        try:
            value = msg.get_all(name, [""])[0]
        except Exception:
            return ""
    return "" if value is None else clean_text(value, 5000)


def header_all(msg: Message, name: str) -> list[str]:
    """Return every value of a header as text (unreadable ones skipped)."""
    try:
        values = msg.get_all(name) or []
    except Exception:
        return []
    result = []
    for value in values:
        try:
            result.append(clean_text(value, 5000))
        except Exception:
            continue
    return result


def part_bytes(part: Message) -> bytes:
    """Return a part's decoded payload bytes (bad base64 gives what can be read)."""
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        return b""
    return payload if isinstance(payload, bytes) else b""


def part_text(part: Message) -> tuple[str, bool]:
    """Decode a text part; return (text, charset_was_unknown)."""
    payload = part_bytes(part)
    try:
        charset = part.get_content_charset() or "utf-8"
    except Exception:
        charset = "utf-8"
    try:
        return payload.decode(charset, "replace"), False
    except (LookupError, ValueError):
        pass
    try:
        return payload.decode("utf-8"), True
    except UnicodeDecodeError:
        return payload.decode("cp1252", "replace"), True


def content_type(part: Message) -> str:
    """Return the part's MIME type, "application/octet-stream" when unreadable."""
    try:
        return one_line(part.get_content_type(), 100) or "application/octet-stream"
    except Exception:
        return "application/octet-stream"


def collect_defects(parts: list[Message]) -> list[object]:
    """Gather the parser's defect notes for every part."""
    found = []
    for part in parts:
        found.extend(getattr(part, "defects", []) or [])
    return found
