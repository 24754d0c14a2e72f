"""Step types of online procedures (atelier 05): attaching a document, the receipt of a request."""
from __future__ import annotations

from widgets.analysers.receipt import make_receipt
from widgets.simulations.receipt_page import ReceiptPage
from widgets.steps.registry import builds
from widgets.tools.attachment_tool import AttachmentTool


@builds("piece_jointe")
def build_attachment(step, ctx):
    return AttachmentTool(step["document"], step.get("consigne", ""), step.get("site", ""),
                          step.get("adresse", ""), step.get("taille_max_mo", 5))


@builds("recepisse")
def build_receipt(step, ctx):
    who = step["identite"]
    receipt = make_receipt(step["demarche"], step["organisme"], who["prenom"], who["nom"], who.get("adresse", ""),
                           reference=step.get("reference"), moment=step.get("date"),
                           attachments=step.get("pieces_jointes", ()))
    mail = step["courriel"]
    return ReceiptPage(receipt, mail["nom"], mail["adresse"], step["ou_le_retrouver"], step["pourquoi_le_garder"],
                       mail.get("objet", ""), mail.get("texte", ""), step.get("consigne", ""),
                       step.get("adresse", ""))
