"""Attached files: which ones are risky (programs, double extensions, HTML pages, archives…)."""
from __future__ import annotations

from email.message import Message

from .mail_input import content_type, one_line, part_bytes
from .mail_model import Attachment, MailAlert

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
        return ("hidden_extension", "danger",
                "Son nom contient un caractère invisible qui cache la vraie extension. "
                "C'est une ruse pour déguiser un programme.")
    if last in EXECUTABLE or mime in EXECUTABLE_TYPES:
        if len(extensions) >= 2 and extensions[-2] in DOCUMENT_LIKE:
            return ("double_extension", "danger",
                    f"Son nom imite un fichier « .{extensions[-2]} », mais c'est en réalité "
                    f"un programme « .{last} ». Ne l'ouvrez surtout pas.")
        return ("dangerous_attachment", "danger",
                "C'est un programme : l'ouvrir peut installer un virus sur votre appareil.")
    if last in WEB_PAGE:
        return ("html_attachment", "danger",
                "C'est une page web jointe. Elle sert souvent à imiter un site pour voler "
                "vos mots de passe ou votre carte bancaire.")
    if last in DISK_IMAGE:
        return ("disk_image_attachment", "danger",
                "C'est une image de disque : elle sert souvent à cacher un programme dangereux.")
    if last in ARCHIVE:
        return ("archive_attachment", "attention",
                "C'est une archive compressée : elle peut cacher un programme. "
                "Ne l'ouvrez que si vous attendiez ce fichier de cette personne.")
    if last in MACRO_DOCUMENT:
        return ("macro_attachment", "attention",
                "Ce document contient des macros (petits programmes). "
                "N'acceptez jamais d'« activer le contenu ».")
    return None, None, None


def analyse_attachments(parts: list[Message]) -> tuple[list[Attachment], list[MailAlert]]:
    """List attachments and raise one alert per kind of risk found."""
    attachments: list[Attachment] = []
    alerts: dict[str, MailAlert] = {}
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
            alerts[code] = MailAlert(code, f"Pièce jointe « {shown} » : {reason}", level)
    return attachments, list(alerts.values())
