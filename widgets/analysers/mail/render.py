"""Plain French text rendering of a MailReport, for the terminal."""
from __future__ import annotations

from widgets.analysers.mail.auth import authentication_notes
from widgets.analysers.mail.model import MailReport

VERDICTS = {
    "ok": "RIEN D'INQUIÉTANT TROUVÉ. Ce n'est pas une garantie : en cas de doute, "
          "contactez l'organisme par un moyen que vous connaissez (son site, son numéro habituel).",
    "attention": "PRUDENCE. Certains détails sont douteux. Ne cliquez pas, ne répondez pas "
                 "et n'ouvrez pas les pièces jointes avant d'avoir vérifié.",
    "danger": "DANGER. Ce message a tout d'une arnaque. Ne cliquez sur rien, ne répondez pas, "
              "ne donnez aucune information. Vous pouvez le supprimer.",
}
LEVEL_WORDS = {"ok": "sans problème repéré", "attention": "à vérifier", "danger": "dangereux"}


def _size(size: int) -> str:
    if size < 1000:
        return f"{size} octets"
    if size < 1_000_000:
        return f"{size // 1000} ko"
    return f"{size / 1_000_000:.1f} Mo".replace(".", ",")


def render_text(report: MailReport) -> str:
    """Return a multi-line French summary of the report."""
    lines = ["Vérification du courriel", "========================"]
    if not report.valid:
        lines.append("Ce message n'a pas pu être vérifié.")
        lines.extend(f"- {alert.message}" for alert in report.alerts)
        return "\n".join(lines)
    sender = report.sender
    if sender:
        who = f"{sender.name} <{sender.address}>" if sender.name else sender.address
        lines.append(f"Expéditeur : {who}")
        lines.append(f"Domaine d'envoi : {sender.domain or 'inconnu'}")
    else:
        lines.append("Expéditeur : inconnu")
    lines.append(f"Sujet : {report.subject or '(sans sujet)'}")
    lines.append("")
    lines.append(f"Verdict : {VERDICTS.get(report.level, VERDICTS['attention'])}")
    if report.alerts:
        lines.append("")
        lines.append("Ce que nous avons repéré :")
        for alert in report.alerts:
            mark = "DANGER" if alert.level == "danger" else "Prudence"
            lines.append(f"- [{mark}] {alert.message}")
    if report.links:
        lines.append("")
        lines.append(f"Liens ({len(report.links)}) :")
        for link in report.links:
            shown = f"« {link.text} » → " if link.text and link.text != link.target else ""
            lines.append(f"- {shown}{link.target} (domaine : {link.domain or 'inconnu'}, "
                         f"{LEVEL_WORDS.get(link.level, link.level)})")
    if report.attachments:
        lines.append("")
        lines.append(f"Pièces jointes ({len(report.attachments)}) :")
        for item in report.attachments:
            note = f" : {item.reason}" if item.reason else ""
            lines.append(f"- {item.filename} ({_size(item.size)}){note}")
    lines.append("")
    lines.append("Contrôles d'authenticité :")
    lines.extend(f"- {note}" for note in authentication_notes(report.authentication))
    return "\n".join(lines)
