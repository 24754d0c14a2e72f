"""Who really sent the message: From address, borrowed brand names, Reply-To/Return-Path."""
from __future__ import annotations

import re
import unicodedata
from email.message import Message
from email.utils import getaddresses, parseaddr
from functools import lru_cache

import yaml

from widgets.analysers.alerts import Alert
from widgets.analysers.data_files import DATA_DIR
from widgets.analysers.mail.alert_table import alert
from widgets.analysers.mail.domains import registrable_domain, same_organisation
from widgets.analysers.mail.input import header, one_line
from widgets.analysers.mail.model import Sender

_EMAIL_IN_NAME = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case, strip accents, turn punctuation into spaces, collapse spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[^\w']+|_", " ", text)
    return " ".join(text.replace("'", " ").split())


@lru_cache(maxsize=1)
def known_organisations() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Load (name, display-name keywords, official domains) from widgets/data/expediteurs_connus.yaml."""
    text = (DATA_DIR / "expediteurs_connus.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    result = []
    for entry in data.get("organismes", []):
        names = tuple(normalise(str(name)) for name in entry.get("noms", []) if str(name).strip())
        domains = tuple(str(d).lower().strip() for d in entry.get("domaines", []) if str(d).strip())
        result.append((str(entry.get("nom", "")), names, domains))
    return tuple(result)


def _host_matches(host: str, domains: tuple[str, ...]) -> bool:
    host = host.lower().strip(".")
    reg = registrable_domain(host)
    for domain in domains:
        if host == domain or host.endswith("." + domain):
            return True
        if reg and same_organisation(reg, registrable_domain(domain)):
            return True
    return False


def borrowed_organisation(display_name: str, host: str) -> str | None:
    """Return the organisation named in the display name when the address is not one of its domains."""
    words = f" {normalise(display_name)} "
    if not words.strip():
        return None
    for name, keywords, domains in known_organisations():
        if any(f" {keyword} " in words for keyword in keywords):
            if not host or not _host_matches(host, domains):
                return name
    return None


def _first_address(raw_value: str) -> tuple[str, str]:
    """Return (display name, address) of the first mailbox in a header value."""
    try:
        pairs = getaddresses([raw_value])
    except Exception:
        pairs = []
    for name, address in pairs:
        if address or name:
            return name, address
    try:
        return parseaddr(raw_value)
    except Exception:
        return "", ""


def _from_header(msg: Message) -> tuple[str, str, str] | None:
    """Return (display name, address, host) of the From header, None when absent."""
    try:
        value = msg.get("From")
    except Exception:
        value = None
    if value is None:
        raw = header(msg, "From")
        if not raw:
            return None
        name, address = _first_address(raw)
    else:
        addresses = getattr(value, "addresses", ()) or ()
        if addresses:
            first = addresses[0]
            name = first.display_name or ""
            address = first.addr_spec if first.username and first.domain else (first.username or "")
        else:
            name, address = _first_address(str(value))
    name, address = one_line(name, 200), one_line(address, 320)
    host = address.rsplit("@", 1)[1].strip("[] .").lower() if "@" in address else ""
    return name, address, host


def _domain_of(msg: Message, name: str) -> str | None:
    raw = header(msg, name)
    if not raw:
        return None
    _, address = _first_address(raw)
    if "@" not in address:
        return None
    host = address.rsplit("@", 1)[1].strip("[] .>").lower()
    return registrable_domain(host) or host or None


def analyse_sender(msg: Message) -> tuple[Sender | None, list[Alert]]:
    """Extract the sender and the alerts about it."""
    alerts: list[Alert] = []
    found = _from_header(msg)
    if found is None or not (found[0] or found[1]):
        alerts.append(alert("no_sender"))
        return None, alerts
    name, address, host = found
    domain = registrable_domain(host) if host else None
    if not host:
        alerts.append(alert("sender_unreadable"))
    sender = Sender(name=name, address=address, domain=domain or (host or None))
    organisation = borrowed_organisation(name, host)
    if organisation:
        shown = domain or host or "une adresse inconnue"
        alerts.append(alert("display_name_brand", name=name, organisation=organisation,
                            address=address, domain=shown))
    match = _EMAIL_IN_NAME.search(name)
    if match and host and match.group(1).lower().strip(".") != host:
        alerts.append(alert("display_name_address", shown=match.group(0), address=address))
    from_domain = sender.domain
    reply_domain = _domain_of(msg, "Reply-To")
    if from_domain and reply_domain and not same_organisation(reply_domain, from_domain):
        alerts.append(alert("reply_to_differs", reply_domain=reply_domain, from_domain=from_domain))
    return_domain = _domain_of(msg, "Return-Path")
    if from_domain and return_domain and not same_organisation(return_domain, from_domain):
        alerts.append(alert("return_path_differs", return_domain=return_domain,
                            from_domain=from_domain))
    return sender, alerts
