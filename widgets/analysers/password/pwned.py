"""Has this password already leaked? Pwned Passwords with k-anonymity.

Only the first 5 characters of the password's SHA-1 code leave the
computer. Without network, or on any bad answer, a list of well-known
passwords stored on this computer is used instead. The password and its
full SHA-1 are never logged, printed or stored.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import requests
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from widgets.analysers.password.wordlists import load_word_file

API_URL = "https://api.pwnedpasswords.com/range/{prefix}"
TIMEOUT_SECONDS = 3
PREFIX_LENGTH = 5
MAX_ANSWER_BYTES = 2_000_000
_LINE = re.compile(r"^([0-9A-F]{35}):(\d{1,12})$")

OFFLINE_NOTE = (
    "Pas de connexion : nous avons vérifié dans une liste de mots de passe "
    "connus rangée sur cet ordinateur."
)
BAD_ANSWER_NOTE = (
    "Le service en ligne n'a pas bien répondu : nous avons vérifié dans une "
    "liste de mots de passe connus rangée sur cet ordinateur."
)


@dataclass(frozen=True)
class LeakResult:
    """The answer shown to the participant."""

    source: str  # "en_ligne" | "liste_locale"
    found: bool
    count: int | None
    message: str
    sent: str | None  # exactly what left the computer, or None


class _BadAnswer(Exception):
    """The service answered something we cannot trust."""


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    return value if isinstance(value, str) else str(value)


def _sha1_upper(password: str) -> str:
    data = password.encode("utf-8", errors="surrogatepass")
    return hashlib.sha1(data).hexdigest().upper()


def what_is_sent(password: str) -> str:
    """The 5 characters that would leave the computer ("" if nothing would)."""
    password = _as_text(password)
    return _sha1_upper(password)[:PREFIX_LENGTH] if password else ""


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    french: tuple[str, ...] = ()
    try:
        french = load_word_file("mots_de_passe_courants.txt")
    except (OSError, UnicodeError):
        pass
    return frozenset(FREQUENCY_LISTS.get("passwords", ())) | frozenset(french)


def _empty_result() -> LeakResult:
    return LeakResult(
        source="liste_locale", found=False, count=None, sent=None,
        message="Vous n'avez rien écrit. Tapez un mot de passe pour le vérifier.",
    )


def check_common(password: str) -> LeakResult:
    """Offline check against well-known passwords shipped with the project."""
    password = _as_text(password)
    if not password:
        return _empty_result()
    found = password.lower() in _common_passwords()
    if found:
        message = (
            "Ce mot de passe fait partie des mots de passe les plus connus. "
            "Les pirates l'essaient en premier. Ne l'utilisez pas, "
            "et changez-le partout où vous l'utilisez."
        )
    else:
        message = (
            "Ce mot de passe n'est pas dans notre liste de mots de passe connus. "
            "Cette liste est petite : cela ne prouve pas qu'il n'a jamais fuité. "
            "Rien n'a été envoyé sur Internet."
        )
    return LeakResult(source="liste_locale", found=found, count=None,
                      message=message, sent=None)


def _parse_count(body: str, suffix: str) -> int:
    """Return how many times ``suffix`` appears, 0 if absent; check every line."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if not lines:
        raise _BadAnswer
    count = 0
    for line in lines:
        match = _LINE.match(line)
        if match is None:
            raise _BadAnswer
        if match.group(1) == suffix:
            count = int(match.group(2))
    return count


def _ask_service(prefix: str, session: requests.Session | None) -> str:
    headers = {"Add-Padding": "true", "User-Agent": "ateliers-numeriques"}
    url = API_URL.format(prefix=prefix)
    if session is not None:
        response = session.get(url, headers=headers, timeout=TIMEOUT_SECONDS)
    else:
        with requests.Session() as own:
            response = own.get(url, headers=headers, timeout=TIMEOUT_SECONDS)
    if response.status_code != 200 or len(response.content) > MAX_ANSWER_BYTES:
        raise _BadAnswer
    return response.content.decode("ascii", errors="strict")


def _online_message(prefix: str, count: int) -> str:
    what = (f"Nous avons envoyé seulement 5 caractères (« {prefix} »), tirés d'un code "
            "calculé à partir de votre mot de passe. Votre mot de passe, lui, "
            "n'a pas quitté cet ordinateur. ")
    if count > 0:
        times = f"{count:,}".replace(",", "\u00a0")
        return what + (
            f"Résultat : ce mot de passe apparaît {times} fois dans des fuites de données. "
            "Des pirates le connaissent. Ne l'utilisez plus, et changez-le partout "
            "où vous l'utilisez."
        )
    return what + (
        "Résultat : ce mot de passe n'apparaît dans aucune fuite connue. "
        "Cela ne prouve pas qu'il est solide : vérifiez aussi sa force."
    )


def _fallback(password: str, note: str, sent: str | None) -> LeakResult:
    local = check_common(password)
    return LeakResult(source=local.source, found=local.found, count=None,
                      message=note + " " + local.message, sent=sent)


def check_leak(
    password: str, online: bool = True, session: requests.Session | None = None
) -> LeakResult:
    """Ask Pwned Passwords (5 characters sent), else the local list. Never raises."""
    password = _as_text(password)
    if not password:
        return _empty_result()
    if not online:
        return check_common(password)
    digest = _sha1_upper(password)
    prefix, suffix = digest[:PREFIX_LENGTH], digest[PREFIX_LENGTH:]
    try:
        body = _ask_service(prefix, session)
        count = _parse_count(body, suffix)
    except (_BadAnswer, UnicodeError):  # the prefix did reach the service
        return _fallback(password, BAD_ANSWER_NOTE, prefix)
    except requests.ReadTimeout:  # sent, but no answer in time
        return _fallback(password, OFFLINE_NOTE, prefix)
    except Exception:  # refused, no network, blocked socket: nothing left
        return _fallback(password, OFFLINE_NOTE, None)
    return LeakResult(source="en_ligne", found=count > 0, count=count,
                      message=_online_message(prefix, count), sent=prefix)
