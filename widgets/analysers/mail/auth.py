"""SPF / DKIM / DMARC results read from Authentication-Results and Received-SPF headers."""
from __future__ import annotations

import re
from email.message import Message

from widgets.analysers.alerts import Alert
from widgets.analysers.mail.alert_table import alert
from widgets.analysers.mail.input import header_all

METHODS = ("spf", "dkim", "dmarc")
_RESULT = re.compile(r"(?:^|[;\s])(spf|dkim|dmarc)\s*=\s*([a-z]+)", re.IGNORECASE)
_KNOWN_RESULTS = {"pass", "fail", "softfail", "neutral", "none", "temperror", "permerror", "policy"}

_NAMES = {
    "spf": "SPF (le serveur d'envoi est-il autorisé par le domaine ?)",
    "dkim": "DKIM (le message porte-t-il la signature du domaine ?)",
    "dmarc": "DMARC (l'adresse affichée correspond-elle aux contrôles ?)",
}


def read_authentication(msg: Message) -> dict[str, str]:
    """Return {"spf": …, "dkim": …, "dmarc": …} from the topmost headers that carry each result."""
    results: dict[str, str] = {}
    for value in header_all(msg, "Authentication-Results"):
        for method, result in _RESULT.findall(value[:5000]):
            method, result = method.lower(), result.lower()
            if result in _KNOWN_RESULTS and method not in results:
                results[method] = result
    if "spf" not in results:
        for value in header_all(msg, "Received-SPF"):
            words = value.strip().split()
            if words and words[0].lower() in _KNOWN_RESULTS:
                results["spf"] = words[0].lower()
                break
    return {method: results[method] for method in METHODS if method in results}


def authentication_alerts(results: dict[str, str]) -> list[Alert]:
    """Alerts for failed or doubtful checks."""
    alerts = []
    for method in METHODS:
        result = results.get(method)
        if result in ("fail", "permerror"):
            alerts.append(alert(f"{method}_fail", check=_NAMES[method]))
        elif result == "softfail":
            alerts.append(alert(f"{method}_softfail", check=_NAMES[method]))
    return alerts


def authentication_notes(results: dict[str, str]) -> tuple[str, ...]:
    """Plain French lines explaining the checks, including good signs and their limits."""
    if not results:
        return ("Le message ne contient pas le résultat des contrôles d'authenticité "
                "(SPF, DKIM, DMARC). On ne peut donc rien en conclure.",)
    lines = []
    for method in METHODS:
        result = results.get(method)
        if result == "pass":
            lines.append(f"Bon signe : le contrôle {_NAMES[method]} est réussi.")
        elif result in ("fail", "permerror"):
            lines.append(f"Mauvais signe : le contrôle {_NAMES[method]} a échoué.")
        elif result:
            lines.append(f"Le contrôle {_NAMES[method]} ne donne pas de réponse nette.")
    if "pass" in results.values():
        lines.append("Attention : un contrôle réussi prouve seulement que le message vient bien "
                     "de son domaine. Un escroc peut avoir son propre domaine bien contrôlé. "
                     "Regardez aussi le nom du domaine.")
    return tuple(lines)
