"""How old is a site's domain name? RDAP lookup with an offline fallback.

Live answers come from RDAP (the modern WHOIS) through ``requests`` with a 3-second
timeout; without a network, recorded example answers shipped with the project are used.
The result always says which one it shows. ``domain_age`` never raises.
"""
from __future__ import annotations

import datetime
import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:  # imported where a request is made: 3 MiB a kernel that shows the page only does not need
    import requests

from widgets.analysers.rdap.examples import RecordedExample, recorded_example
from widgets.analysers.rdap.input import registrable_domain
from widgets.content.french_dates import french_date as date_fr

TIMEOUT_SECONDS = 3
MAX_ANSWER_BYTES = 256_000
MAX_REDIRECTS = 3
DEFAULT_RDAP_BASE = "https://rdap.org"  # bootstrap redirector to the right registry
RDAP_BASES = {"fr": "https://rdap.nic.fr"}  # from the IANA RDAP bootstrap file
HEADERS = {"Accept": "application/rdap+json, application/json", "User-Agent": "ateliers-numeriques"}

SOURCE_LIVE = "en_direct"
SOURCE_RECORDED = "exemple_enregistre"
SOURCE_NONE = "indisponible"

NO_CONNECTION = "pas de connexion Internet"
TOO_SLOW = "le service n'a pas répondu à temps"
SERVICE_DOWN = "le service est en panne ou trop occupé"
BAD_ANSWER = "le service a donné une réponse illisible"
NO_DATE = "le registre ne donne pas la date de création"



@dataclass(frozen=True)
class DomainAge:
    """Creation date of a domain name, where it comes from, and a plain French message."""

    domain: str
    created: datetime.date | None
    registrar: str | None
    source: str  # "en_direct" | "exemple_enregistre" | "indisponible"
    message: str


class _LookupFailure(Exception):
    """The live lookup gave nothing usable; ``reason`` is plain French."""

    def __init__(self, reason: str, not_found: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.not_found = not_found


def rdap_url(domain: str) -> str:
    """RDAP address for an already validated registrable domain."""
    tld = domain.rsplit(".", 1)[-1]
    return f"{RDAP_BASES.get(tld, DEFAULT_RDAP_BASE)}/domain/{domain}"


def _read_capped(response: requests.Response, deadline: float) -> bytes:
    body = bytearray()
    for chunk in response.iter_content(chunk_size=16_384):
        body.extend(chunk)
        if len(body) > MAX_ANSWER_BYTES:
            raise _LookupFailure(BAD_ANSWER)
        if time.monotonic() > deadline:
            raise _LookupFailure(TOO_SLOW)
    return bytes(body)


def _get(session: requests.Session, url: str, deadline: float) -> requests.Response:
    import requests

    try:
        return session.get(url, timeout=TIMEOUT_SECONDS, allow_redirects=False,
                           stream=True, headers=HEADERS)
    except requests.Timeout as exc:
        raise _LookupFailure(TOO_SLOW) from exc
    except requests.ConnectionError as exc:
        raise _LookupFailure(NO_CONNECTION) from exc
    except (requests.RequestException, ValueError) as exc:
        raise _LookupFailure(BAD_ANSWER) from exc


def fetch_rdap(domain: str, session: requests.Session) -> dict:
    """Download the RDAP document of a validated domain (follows a few https redirects)."""
    import requests

    url = rdap_url(domain)
    deadline = time.monotonic() + 2 * TIMEOUT_SECONDS
    for _ in range(MAX_REDIRECTS + 1):
        response = _get(session, url, deadline)
        with response:
            status = response.status_code
            if status in (301, 302, 303, 307, 308):
                url = urljoin(url, response.headers.get("Location", ""))
                if urlsplit(url).scheme != "https":
                    raise _LookupFailure(BAD_ANSWER)
                continue
            if status == 404:
                raise _LookupFailure(BAD_ANSWER, not_found=True)
            if status == 429 or status >= 500:
                raise _LookupFailure(SERVICE_DOWN)
            if status != 200:
                raise _LookupFailure(BAD_ANSWER)
            try:
                body = _read_capped(response, deadline)
            except requests.RequestException as exc:
                raise _LookupFailure(NO_CONNECTION) from exc
        try:
            document = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise _LookupFailure(BAD_ANSWER) from exc
        if not isinstance(document, dict):
            raise _LookupFailure(BAD_ANSWER)
        name = document.get("ldhName")
        if isinstance(name, str) and name.lower().rstrip(".") != domain:
            raise _LookupFailure(BAD_ANSWER)
        return document
    raise _LookupFailure(BAD_ANSWER)


def _parse_date(value: object) -> datetime.date | None:
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        return datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def registration_date(document: dict) -> datetime.date | None:
    """Date of the ``registration`` event of an RDAP domain document, if any."""
    events = document.get("events")
    if not isinstance(events, list):
        return None
    for event in events:
        if isinstance(event, dict) and str(event.get("eventAction", "")).lower() == "registration":
            return _parse_date(event.get("eventDate"))
    return None


def _clean_text(value: str, limit: int = 120) -> str | None:
    text = "".join(ch for ch in value if ch.isprintable()).strip()
    return text[:limit] or None


def registrar_name(document: dict) -> str | None:
    """Name (vCard ``fn``) of the entity with the ``registrar`` role, if any."""
    entities = document.get("entities")
    if not isinstance(entities, list):
        return None
    for entity in entities:
        if not isinstance(entity, dict):
            continue
        roles = entity.get("roles")
        if not isinstance(roles, list) or "registrar" not in roles:
            continue
        vcard = entity.get("vcardArray")
        if not (isinstance(vcard, list) and len(vcard) == 2 and isinstance(vcard[1], list)):
            continue
        for prop in vcard[1]:
            if isinstance(prop, list) and len(prop) >= 4 and prop[0] == "fn" and isinstance(prop[3], str):
                return _clean_text(prop[3])
    return None


def _years_between(start: datetime.date, end: datetime.date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def age_sentence(created: datetime.date, today: datetime.date, precision: str = "jour") -> str:
    """Plain French sentence about how old a domain is, with advice."""
    if created > today:
        return ("Le registre donne une date de création dans le futur : "
                "cette réponse n'est pas fiable.")
    if precision == "annee":
        when, years = f"en {created.year}", today.year - created.year
    else:
        when, years = f"le {date_fr(created)}", _years_between(created, today)
    start = f"Ce nom de domaine a été créé {when}"
    if years < 1:
        return (f"{start} : il a moins d'un an. Un site d'information récent "
                "et inconnu doit vous rendre prudent.")
    if years < 3:
        unit = "an" if years == 1 else "ans"
        return (f"{start} : il a {years} {unit}. C'est récent : cherchez qui est derrière "
                "ce site avant de le croire.")
    about = "environ " if precision == "annee" else ""
    return (f"{start} : il existe depuis {about}{years} ans. Un nom ancien est plutôt bon signe, "
            "mais ce n'est pas une preuve : regardez aussi qui écrit et d'où vient l'information.")


def _registrar_sentence(registrar: str | None) -> str:
    if not registrar:
        return ""
    return (f" Il a été réservé chez « {registrar} » (l'entreprise qui loue les noms de "
            "domaine).")


def _from_recorded(example: RecordedExample, today: datetime.date, reason: str) -> DomainAge:
    created = registration_date(example.document)
    registrar = registrar_name(example.document)
    recorded = date_fr(example.recorded_on)
    if example.invented_site:
        note = f"(Exemple inventé pour l'atelier le {recorded} : ce site n'existe pas.)"
    else:
        note = f"(Réponse enregistrée le {recorded} : {reason}.)"
        if not example.date_checked:
            note += " Cette date est un exemple approximatif : vérifiez-la en ligne."
    body = (age_sentence(created, today, example.precision) if created
            else "Cet exemple ne donne pas la date de création.")
    return DomainAge(example.domain, created, registrar, SOURCE_RECORDED,
                     f"{body}{_registrar_sentence(registrar)} {note}")


def _unavailable(domain: str, reason: str) -> DomainAge:
    message = (f"Impossible de connaître l'âge de ce site pour le moment : {reason}. "
               "Réessayez plus tard, ou cherchez qui est derrière ce site "
               "(page « Qui sommes-nous ? », mentions légales).")
    return DomainAge(domain, None, None, SOURCE_NONE, message)


def _live(domain: str, session: requests.Session, today: datetime.date) -> DomainAge:
    document = fetch_rdap(domain, session)
    created = registration_date(document)
    registrar = registrar_name(document)
    if created is None:
        raise _LookupFailure(NO_DATE)
    note = "(Réponse obtenue à l'instant auprès du registre des noms de domaine.)"
    return DomainAge(domain, created, registrar, SOURCE_LIVE,
                     f"{age_sentence(created, today)}{_registrar_sentence(registrar)} {note}")


def domain_age(domain: str, online: bool = True, session: requests.Session | None = None,
               today: datetime.date | None = None) -> DomainAge:
    """Age of the registrable domain of ``domain`` (an address or a link). Never raises."""
    try:
        return _domain_age(domain, online, session, today or datetime.date.today())
    except Exception:  # last safety net: a participant never sees a traceback
        return _unavailable("", BAD_ANSWER)


def _domain_age(text: object, online: bool, session: requests.Session | None,
                today: datetime.date) -> DomainAge:
    checked = registrable_domain(text)
    if checked.domain is None:
        return DomainAge("", None, None, SOURCE_NONE, checked.error or "")
    domain = checked.domain
    example = recorded_example(domain)
    if example is not None and example.invented_site:
        return _from_recorded(example, today, NO_CONNECTION)
    if not online:
        reason = NO_CONNECTION
    else:
        import requests

        own_session = session is None
        active = session or requests.Session()
        try:
            return _live(domain, active, today)
        except _LookupFailure as failure:
            if failure.not_found and example is None:
                return DomainAge(domain, None, None, SOURCE_NONE,
                                 "Ce nom de domaine ne semble pas réservé : vérifiez "
                                 "l'orthographe de l'adresse. Un lien vers un site qui "
                                 "n'existe pas doit vous alerter.")
            reason = failure.reason
        finally:
            if own_session:
                active.close()
    if example is not None:
        return _from_recorded(example, today, reason)
    return _unavailable(domain, reason)
