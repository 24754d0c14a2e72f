"""Result dataclasses of the e-mail checker (no logic beyond JSON shaping).

Levels and alerts are those shared with the link checker: :mod:`widgets.analysers.alerts`.
"""
from __future__ import annotations

from dataclasses import dataclass

from widgets.analysers.alerts import Alert


@dataclass(frozen=True)
class Sender:
    """The real sender: display name, address and registrable domain."""

    name: str
    address: str
    domain: str | None


@dataclass(frozen=True)
class MailLink:
    """A link found in the body: shown text, real target, its domain and level."""

    text: str
    target: str
    domain: str | None
    level: str


@dataclass(frozen=True)
class Attachment:
    """An attached file; `dangerous` is True for danger-level files, `reason` explains any risk."""

    filename: str
    content_type: str
    size: int
    dangerous: bool
    reason: str | None


@dataclass(frozen=True)
class MailReport:
    """Everything the checker found in one message."""

    valid: bool
    sender: Sender | None
    subject: str
    links: tuple[MailLink, ...]
    attachments: tuple[Attachment, ...]
    level: str
    alerts: tuple[Alert, ...]
    authentication: dict[str, str]
    text_body: str

    def to_json(self) -> dict:
        """Return the report as a JSON-ready dict with French keys."""
        sender = self.sender
        return {
            "expediteur": {
                "nom": sender.name if sender else "",
                "adresse": sender.address if sender else "",
                "domaine": sender.domain if sender else None,
            },
            "liens": [
                {"texte": link.text, "cible": link.target, "domaine": link.domain}
                for link in self.links
            ],
            "pieces_jointes": [
                {
                    "nom": item.filename,
                    "type": item.content_type,
                    "taille": item.size,
                    "dangereuse": item.dangerous,
                    "raison": item.reason,
                }
                for item in self.attachments
            ],
            "niveau": self.level,
            "alertes": [{"code": alert.code, "message": alert.message} for alert in self.alerts],
        }
