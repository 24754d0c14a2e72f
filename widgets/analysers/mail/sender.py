"""Who really sent the message: From address, borrowed brand or site names, Reply-To/Return-Path."""
from __future__ import annotations

import re
import unicodedata
from email.message import Message
from email.utils import getaddresses, parseaddr
from functools import lru_cache
from pathlib import Path

from widgets.analysers.alerts import Alert
from widgets.analysers.data_files import DataFileError, parse_dated, read_yaml
from widgets.analysers.mail.alert_table import alert
from widgets.analysers.mail.disguise import find_disguise, reveal
from widgets.analysers.mail.domains import registrable_domain, same_organisation
from widgets.analysers.mail.input import header, one_line
from widgets.analysers.mail.model import Sender

SENDERS_FILE = "expediteurs_connus.yaml"
_EMAIL_IN_NAME = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", re.UNICODE)
#: A word of the display name that looks like a site name (« proton.me », « impots.gouv.fr »).
_DOMAIN_IN_NAME = re.compile(r"(?<![\w.-])(?:www\.)?((?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,})(?![\w-])",
                             re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case, reveal disguised letters, strip accents, punctuation to spaces, collapse spaces."""
    text = unicodedata.normalize("NFKD", reveal(text, keep_marks=True).casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[^\w']+|_", " ", text)
    return " ".join(text.replace("'", " ").split())


def _words(value: object, name: str, number: int, key: str) -> list[str]:
    """A list of words (or one word) of entry ``number``, or a French DataFileError."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(
            isinstance(item, str) and item.strip() for item in value):
        raise DataFileError(
            f"Le fichier de données « {name} » a une erreur dans l'organisme n° {number} : "
            f"« {key} » doit être une liste de mots."
        )
    return [item.strip() for item in value]


def parse_known_senders(data: object, name: str = SENDERS_FILE
                        ) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Validate the parsed YAML of ``expediteurs_connus.yaml``: (name, keywords, domains) per body."""
    parse_dated(data, name)
    entries = data.get("organismes")
    if not isinstance(entries, list) or not entries:
        raise DataFileError(
            f"Le fichier de données « {name} » doit contenir « organismes: », une liste "
            "d'organismes (nom, noms, domaines)."
        )
    result = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("nom"), str) \
                or not entry["nom"].strip():
            raise DataFileError(
                f"Le fichier de données « {name} » a une erreur dans l'organisme n° {number} : "
                "il manque « nom »."
            )
        keywords = tuple(normalise(word) for word in _words(entry.get("noms"), name, number, "noms"))
        domains = _words(entry.get("domaines"), name, number, "domaines")
        for domain in domains:
            if "." not in domain or " " in domain:
                raise DataFileError(
                    f"Le fichier de données « {name} » a une erreur dans l'organisme n° {number} : "
                    f"« {domain} » n'est pas une adresse comme « ameli.fr »."
                )
        result.append((entry["nom"].strip(), keywords,
                       tuple(d.lower().removeprefix("www.") for d in domains)))
    return tuple(result)


def load_known_senders(path: Path | str | None = None
                       ) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """The known senders of ``expediteurs_connus.yaml`` (or of ``path``)."""
    if path is None:
        return known_organisations()
    return parse_known_senders(read_yaml(Path(path).name, path), Path(path).name)


@lru_cache(maxsize=1)
def known_organisations() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(name, display-name keywords, official domains) of widgets/data/expediteurs_connus.yaml."""
    return parse_known_senders(read_yaml(SENDERS_FILE))


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
        named = any(f" {keyword} " in words for keyword in keywords)
        if named and (not host or not _host_matches(host, domains)):
            return name
    return None


def _one_organisation(shown: str, domain: str | None, host: str) -> bool:
    """True when the site ``shown`` in a display name and the sender belong to one body: the same
    site, the same name under another ending (« Amazon.fr » writing from amazon.com), or both
    listed for one known sender. ``domain`` is the sender's registrable domain, if known."""
    own = domain or host
    if same_organisation(shown, own) or own.endswith("." + shown):
        return True
    if domain and shown.split(".", 1)[0] == domain.split(".", 1)[0]:
        return True
    return any(_host_matches(shown, domains) and _host_matches(own, domains)
               for _, _, domains in known_organisations())


def borrowed_site(display_name: str, domain: str | None, host: str = "") -> str | None:
    """A site name written in the display name (« proton.me Helpdesk ») that is not the sender's.

    ``domain`` is the sender's registrable domain (None when its ending is unknown) and ``host``
    the part of its address after « @ ». Addresses written in the name are left to
    ``display_name_address``. « Le Monde.fr » sent from lemonde.fr is fine: the name, spaces
    removed, holds the sender's domain.
    """
    own = domain or host
    if not own:
        return None
    name = _EMAIL_IN_NAME.sub(" ", reveal(display_name)).casefold()
    squeezed = re.sub(r"[\s_-]+", "", name)
    if own.replace("-", "") in squeezed:
        return None
    for match in _DOMAIN_IN_NAME.finditer(name):
        shown = match.group(1).strip(".")
        found = registrable_domain(shown)
        if found and not _one_organisation(found, domain, host):
            return shown
    return None


def disguise_words(disguise) -> str:
    """The French words for what was hidden: « des caractères invisibles », …"""
    names = {
        "invisible": "des caractères invisibles",
        "marks": "des signes ajoutés sur les lettres",
        "lookalike": "des lettres d'un autre alphabet qui imitent les nôtres",
        "bidi": "des caractères qui changent le sens de lecture",
    }
    found = [names[kind] for kind in ("invisible", "marks", "lookalike", "bidi") if kind in disguise.kinds]
    return found[0] if len(found) == 1 else ", ".join(found[:-1]) + " et " + found[-1]


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


def _from_header(msg: Message) -> tuple[str, str, str, str] | None:
    """Return (display name, address, host, raw display name) of the From header, or None.

    The raw display name keeps the invisible characters that the shown one loses.
    """
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
    raw_name = str(name)[:400]
    name, address = one_line(name, 200), one_line(address, 320)
    host = address.rsplit("@", 1)[1].strip("[] .").lower() if "@" in address else ""
    return name, address, host, raw_name


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
    name, address, host, raw_name = found
    domain = registrable_domain(host) if host else None
    if not host:
        alerts.append(alert("sender_unreadable"))
    sender = Sender(name=name, address=address, domain=domain or (host or None))
    disguise = find_disguise(raw_name)
    if disguise is not None:
        alerts.append(alert("hidden_characters", "display_name", what=disguise_words(disguise),
                            revealed=one_line(disguise.revealed, 200)))
    organisation = borrowed_organisation(raw_name, host)
    if organisation:
        shown = domain or host or "une adresse inconnue"
        alerts.append(alert("display_name_brand", name=name, organisation=organisation,
                            address=address, domain=shown))
    match = _EMAIL_IN_NAME.search(name)
    if match and host and match.group(1).lower().strip(".") != host:
        alerts.append(alert("display_name_address", shown=match.group(0), address=address))
    site = None if organisation else borrowed_site(raw_name, domain, host)
    if site:
        alerts.append(alert("display_name_domain", name=name, shown=site, address=address,
                            domain=domain or host))
    from_domain = sender.domain
    reply_domain = _domain_of(msg, "Reply-To")
    if from_domain and reply_domain and not same_organisation(reply_domain, from_domain):
        alerts.append(alert("reply_to_differs", reply_domain=reply_domain, from_domain=from_domain))
    return_domain = _domain_of(msg, "Return-Path")
    if from_domain and return_domain and not same_organisation(return_domain, from_domain):
        alerts.append(alert("return_path_differs", return_domain=return_domain,
                            from_domain=from_domain))
    return sender, alerts
