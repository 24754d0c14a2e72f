"""Password strength in plain French, built on zxcvbn, with the CNIL rule.

zxcvbn's own English feedback is never shown: its matches are translated
here into French explanations. Nothing is logged, stored or printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from zxcvbn import zxcvbn

from widgets.analysers.password.wordlists import load_word_file

#: zxcvbn refuses passwords longer than this (it raises ValueError).
ZXCVBN_MAX_LENGTH = 72

#: Crack-time scenario used everywhere: a thief who stole a well protected
#: password file and tries 10,000 passwords per second on his own computer.
CRACK_SCENARIO = "offline_slow_hashing_1e4_per_second"

LABELS = ("Très faible", "Faible", "Moyen", "Bon", "Très bon")

SCENARIO_TEXT = (
    "Ce temps est calculé pour un pirate qui a volé les mots de passe "
    "d'un site bien protégé et qui essaie 10 000 mots de passe par seconde "
    "sur son ordinateur."
)


@dataclass(frozen=True)
class PasswordStrength:
    """What a participant sees about one password."""

    score: int
    label: str
    crack_time: str
    explanations: tuple[str, ...]
    meets_cnil: bool
    cnil_explanation: str
    length: int


def french_user_inputs() -> tuple[str, ...]:
    """Common French passwords and local words, as extra zxcvbn dictionary."""
    try:
        return load_word_file("mots_de_passe_courants.txt")
    except (OSError, UnicodeError):
        return ()


def _plural(count: int, singular: str, plural: str) -> str:
    return f"environ {count} {singular if count == 1 else plural}"


def format_crack_time(seconds: float) -> str:
    """Say a duration in plain French ("environ 3 heures")."""
    try:
        seconds = float(seconds)
    except (TypeError, ValueError):
        return "impossible à estimer"
    if seconds != seconds or seconds < 1:  # NaN or under a second
        return "moins d'une seconde"
    minute, hour, day = 60, 3600, 86400
    month, year = 30 * day, 365 * day
    steps = (
        (minute, 1, "seconde", "secondes"),
        (hour, minute, "minute", "minutes"),
        (day, hour, "heure", "heures"),
        (month, day, "jour", "jours"),
        (year, month, "mois", "mois"),
        (100 * year, year, "an", "ans"),
    )
    for limit, unit, singular, plural in steps:
        if seconds < limit:
            return _plural(max(1, round(seconds / unit)), singular, plural)
    return "plusieurs siècles"


def _character_kinds(password: str) -> dict[str, bool]:
    return {
        "majuscules": any(c.isupper() for c in password),
        "minuscules": any(c.islower() for c in password),
        "chiffres": any(c.isdecimal() for c in password),
        "caractères spéciaux": any(not c.isalnum() for c in password),
    }


def count_words(password: str) -> int:
    """Count the distinct words (2 letters or more) of a passphrase."""
    words = re.findall(r"[^\W\d_]{2,}", password.lower())
    return len(set(words))


def check_cnil(password: str) -> tuple[bool, str]:
    """Apply CNIL délibération 2022-100 for a password used alone."""
    length = len(password)
    kinds = _character_kinds(password)
    missing4 = [name for name, present in kinds.items() if not present]
    missing3 = [n for n in ("majuscules", "minuscules", "chiffres") if not kinds[n]]
    words = count_words(password)
    if words >= 7:
        return True, (
            f"Règle de la CNIL respectée : c'est une phrase de passe de {words} mots "
            "différents (il en faut au moins 7, choisis au hasard)."
        )
    if length >= 12 and not missing4:
        return True, (
            "Règle de la CNIL respectée : au moins 12 caractères avec majuscules, "
            "minuscules, chiffres et caractères spéciaux."
        )
    if length >= 14 and not missing3:
        return True, (
            "Règle de la CNIL respectée : au moins 14 caractères avec majuscules, "
            "minuscules et chiffres."
        )
    advice = (
        "Règle de la CNIL pas encore respectée. Il faut au choix : "
        "12 caractères avec majuscules, minuscules, chiffres et caractères spéciaux "
        "(comme ! ? # @) ; "
        "ou 14 caractères avec majuscules, minuscules et chiffres ; "
        "ou une phrase de passe d'au moins 7 mots."
    )
    details = [f"Ici : {length} caractère{'s' if length > 1 else ''}"]
    if missing4:
        details.append("il manque : " + ", ".join(missing4))
    else:
        short = 12 - length
        details.append(f"il manque {short} caractère{'s' if short > 1 else ''}")
    return False, advice + " " + ", ".join(details) + "."


_PATTERN_TEXT = {
    "spatial": "Il suit des touches voisines du clavier (comme « qsdf »). "
    "Les pirates essaient ces suites en premier.",
    "sequence": "Il contient une suite logique (comme « abc » ou « 1234 »). "
    "C'est facile à deviner.",
    "date": "Il contient une date. Une date de naissance ou de mariage "
    "se trouve facilement, par exemple sur les réseaux sociaux.",
}


def _match_explanations(matches: Sequence[dict]) -> list[str]:
    """Translate zxcvbn's matches (never its English feedback) into French."""
    found: list[str] = []

    def add(text: str) -> None:
        if text not in found:
            found.append(text)

    for match in matches:
        pattern = match.get("pattern")
        if pattern == "dictionary":
            name = match.get("dictionary_name")
            if name == "passwords":
                if int(match.get("rank", 10**9)) <= 100:
                    add("Il fait partie des 100 mots de passe les plus utilisés au monde. "
                        "Les pirates l'essaient en tout premier.")
                else:
                    add("Il ressemble à un mot de passe très utilisé. "
                        "Les pirates ont des listes de ces mots de passe.")
            elif name == "user_inputs":
                add("Il contient un mot très courant en France (comme « azerty », "
                    "« soleil » ou le nom d'une ville d'ici).")
            elif name in ("male_names", "female_names", "surnames"):
                add("Il contient un prénom ou un nom de famille. "
                    "C'est facile à deviner pour qui vous connaît.")
            else:
                add("Il contient un mot du dictionnaire ou un nom connu. "
                    "Un mot seul est vite trouvé.")
            if match.get("l33t"):
                add("Remplacer des lettres par des signes (@ pour a, 0 pour o) "
                    "ne trompe pas les pirates.")
            if match.get("reversed"):
                add("Écrire un mot à l'envers ne le rend pas plus difficile à deviner.")
        elif pattern == "repeat":
            add("Il répète les mêmes lettres ou le même morceau "
                "(comme « aaa » ou « doudou »). C'est facile à deviner.")
        elif pattern == "regex" and match.get("regex_name") == "recent_year":
            add("Il contient une année récente. C'est facile à deviner.")
        elif pattern in _PATTERN_TEXT:
            add(_PATTERN_TEXT[pattern])
    return found


def _run_zxcvbn(text: str, user_inputs: Sequence[str]) -> dict | None:
    try:
        return zxcvbn(text, user_inputs=list(user_inputs))
    except Exception:  # zxcvbn must never reach the participant
        return None


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    return value if isinstance(value, str) else str(value)


def _clean_inputs(user_inputs: object) -> list[str]:
    try:
        items = [_as_text(item) for item in user_inputs]  # type: ignore[union-attr]
    except TypeError:
        items = []
    return [item[:ZXCVBN_MAX_LENGTH] for item in items if item]


def assess_password(password: str, user_inputs: Sequence[str] = ()) -> PasswordStrength:
    """Rate a password for a beginner, in French. Never raises."""
    password = _as_text(password)
    length = len(password)
    if length == 0:
        return PasswordStrength(
            score=0, label=LABELS[0], crack_time="moins d'une seconde",
            explanations=("Vous n'avez rien écrit. Tapez un mot de passe pour le tester.",),
            meets_cnil=False,
            cnil_explanation="Règle de la CNIL pas respectée : le mot de passe est vide.",
            length=0,
        )
    inputs = list(french_user_inputs()) + _clean_inputs(user_inputs)
    analysed = password[:ZXCVBN_MAX_LENGTH]
    result = _run_zxcvbn(analysed, inputs)
    explanations: list[str] = []
    if length > ZXCVBN_MAX_LENGTH:
        explanations.append(
            f"Votre mot de passe est très long ({length} caractères) : c'est une bonne chose. "
            f"Nous avons analysé ses {ZXCVBN_MAX_LENGTH} premiers caractères."
        )
    if result is None:
        score = 4 if length >= 20 else (2 if length >= 12 else 0)
        crack_time = "impossible à estimer"
        explanations.append("Nous n'avons pas pu analyser ce mot de passe en détail. "
                            "La note vient seulement de sa longueur.")
    else:
        score = max(0, min(4, int(result.get("score", 0))))
        seconds = result.get("crack_times_seconds", {}).get(CRACK_SCENARIO, 0)
        crack_time = format_crack_time(seconds)
        if score <= 2:
            explanations.extend(_match_explanations(result.get("sequence", ())))
        explanations.append(f"Temps estimé pour le trouver : {crack_time}. {SCENARIO_TEXT}")
    if length < 12:
        explanations.append(f"Il est court ({length} caractère{'s' if length > 1 else ''}). "
                            "La longueur compte plus que les signes compliqués.")
    meets_cnil, cnil_text = check_cnil(password)
    if score <= 2:
        explanations.append("Conseil : prenez une phrase de passe de 7 mots tirés au hasard, "
                            "ou laissez un gestionnaire de mots de passe en créer un pour vous.")
        if meets_cnil:
            explanations.append("Attention : il respecte la règle de la CNIL sur la forme, "
                                "mais il reste facile à deviner.")
    else:
        explanations.append("Il est difficile à deviner. Utilisez-le pour un seul site. "
                            "Inutile de le changer souvent, sauf s'il a fuité.")
    return PasswordStrength(
        score=score, label=LABELS[score], crack_time=crack_time,
        explanations=tuple(explanations), meets_cnil=meets_cnil,
        cnil_explanation=cnil_text, length=length,
    )
