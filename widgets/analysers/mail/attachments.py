"""Attached files: which ones are risky (programs, double extensions, HTML pages, archives…)."""
from __future__ import annotations

from email.message import Message

from widgets.analysers.alerts import Alert
from widgets.analysers.mail.alert_table import ALERTS, ATTACHMENT_REASONS, alert
from widgets.analysers.mail.input import content_type, one_line, part_bytes
from widgets.analysers.mail.model import Attachment

EXECUTABLE = {
    "exe", "scr", "bat", "cmd", "com", "js", "jse", "vbs", "vbe", "wsf", "wsh", "msi", "msp",
    "jar", "ps1", "psm1", "lnk", "hta", "cpl", "pif", "reg", "dll", "apk", "app", "dmg", "sh",
    "url", "scf", "chm", "msc", "appx", "msix", "application", "gadget", "inf",
}
WEB_PAGE = {"html", "htm", "xhtml", "shtml", "svg", "mht", "mhtml"}
DISK_IMAGE = {"iso", "img", "vhd", "vhdx"}
ARCHIVE = {"zip", "rar", "7z", "gz", "tgz", "tar", "cab", "ace", "arj", "bz2", "xz", "z"}
MACRO_DOCUMENT = {"docm", "xlsm", "pptm", "dotm", "xltm", "xlam", "ppam"}
DOCUMENT_LIKE = {
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "txt", "rtf", "jpg",
    "jpeg", "png", "gif", "bmp", "heic", "mp3", "mp4", "avi", "mov", "csv",
}
EXECUTABLE_TYPES = {
    "application/x-msdownload", "application/x-msdos-program", "application/x-dosexec",
    "application/x-ms-installer", "application/x-msi", "application/hta",
    "application/javascript", "application/x-javascript", "text/javascript",
    "application/x-sh", "application/java-archive", "application/vnd.microsoft.portable-executable",
}
_HIDING_CHARS = {"\u202e", "\u202d", "\u202a", "\u202b", "\u200f", "\u200e", "\u2066", "\u2067", "\u2068"}


def is_attachment(part: Message) -> bool:
    """True for a non-multipart part that is an attached file."""
    try:
        if part.is_multipart():
            return False
        if part.get_content_disposition() == "attachment":
            return True
        return bool(part.get_filename())
    except Exception:
        return False


def _raw_filename(part: Message) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:
        name = ""
    return name if isinstance(name, str) else str(name)


def _extensions(name: str) -> list[str]:
    pieces = [piece.strip().lower() for piece in name.split(".")]
    return [piece for piece in pieces[1:] if piece]


def classify(filename: str, mime: str) -> tuple[str | None, str | None, str | None]:
    """Return (alert code, level, French reason) for a file name and type; (None, None, None) if fine."""
    hidden = any(char in filename for char in _HIDING_CHARS)
    extensions = _extensions(filename)
    last = extensions[-1] if extensions else ""
    if hidden:
        return _risk("hidden_extension")
    if last in EXECUTABLE or mime in EXECUTABLE_TYPES:
        if len(extensions) >= 2 and extensions[-2] in DOCUMENT_LIKE:
            return _risk("double_extension", document=extensions[-2], program=last)
        return _risk("dangerous_attachment")
    if last in WEB_PAGE:
        return _risk("html_attachment")
    if last in DISK_IMAGE:
        return _risk("disk_image_attachment")
    if last in ARCHIVE:
        return _risk("archive_attachment")
    if last in MACRO_DOCUMENT:
        return _risk("macro_attachment")
    return None, None, None


def _risk(code: str, **fields: str) -> tuple[str, str, str]:
    """(code, level, French reason) of a risky file, from the alert table."""
    return code, ALERTS[code].level, ATTACHMENT_REASONS[code].format(**fields)


def analyse_attachments(parts: list[Message]) -> tuple[list[Attachment], list[Alert]]:
    """List attachments and raise one alert per kind of risk found."""
    attachments: list[Attachment] = []
    alerts: dict[str, Alert] = {}
    for part in parts:
        if not is_attachment(part):
            continue
        raw_name = _raw_filename(part)
        mime = content_type(part)
        code, level, reason = classify(raw_name, mime)
        shown = one_line(raw_name, 200) or "(sans nom)"
        attachments.append(Attachment(
            filename=shown, content_type=mime, size=len(part_bytes(part)),
            dangerous=level == "danger", reason=reason,
        ))
        if code and code not in alerts:
            alerts[code] = alert(code, name=shown, reason=reason)
    return attachments, list(alerts.values())
