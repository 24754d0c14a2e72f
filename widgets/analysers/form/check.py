"""What a public-service form says about one field, in plain French: required, formats of a date,
a postal code, an e-mail address, a phone number, a name. No widget here: the simulated form of
atelier 05 (``widgets.simulations.service_form``) shows these messages next to each field.

Nothing is logged or kept: a value is read, judged, and the verdict returned.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from widgets.content.vocabulary import FORM_FIELD_KINDS as FIELD_KINDS  # noqa: F401 (the kinds checked here)

#: Longer than this, a field is refused (a real form limits its fields too).
MAX_LENGTH = 120
#: A birth year before this is very probably a typing mistake.
OLDEST_YEAR = 1900

REQUIRED = "Ce champ est obligatoire : remplissez-le pour continuer."
TOO_LONG = f"C'est trop long : écrivez {MAX_LENGTH} caractères au plus."
INVISIBLE = ("Ce champ contient des signes invisibles (par exemple après un copier-coller). "
             "Effacez-le et écrivez-le à nouveau.")


@dataclass(frozen=True)
class FieldCheck:
    """The verdict on one field: ``ok``, the French message when not, and the value as the form shows it."""

    ok: bool
    message: str = ""
    value: str = ""


def _bad(message: str) -> FieldCheck:
    return FieldCheck(False, message, "")


def _has_invisible(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs") for c in text)


# -- one check per kind ---------------------------------------------------------------------------
_NAME = re.compile(r"^[^\W\d_]+(?:[ '’-]+[^\W\d_]+)*\.?$")


def _name(text: str, what: str) -> FieldCheck:
    if not _NAME.match(text):
        return _bad(f"{what} ne contient que des lettres, des espaces, des tirets (-) ou des apostrophes ('). "
                    "Pas de chiffres ni de signes comme @ ou #.")
    return FieldCheck(True, "", " ".join(text.split()))


_DATE = re.compile(r"^(\d{1,4})[/.\- ]+(\d{1,2})[/.\- ]+(\d{1,4})$")
DATE_EXAMPLE = "14/07/1950"


def _date(text: str, birth: bool, today: dt.date) -> FieldCheck:
    compact = re.sub(r"\s*([/.\-])\s*", r"\1", text)
    if re.fullmatch(r"\d{8}", compact):
        compact = f"{compact[:2]}/{compact[2:4]}/{compact[4:]}"
    m = _DATE.match(compact)
    if not m:
        return _bad(f"Écrivez la date avec des chiffres : le jour, le mois, puis l'année, "
                    f"séparés par « / ». Par exemple : {DATE_EXAMPLE}.")
    first, month_text, last = m.groups()
    if len(first) == 4:
        return _bad(f"Écrivez la date dans l'ordre jour, mois, année. Par exemple : {DATE_EXAMPLE} "
                    "(et non 1950/07/14).")
    if len(last) != 4:
        return _bad(f"Écrivez l'année en entier, avec 4 chiffres. Par exemple : {DATE_EXAMPLE} "
                    "(1950, et non 50).")
    day, month, year = int(first), int(month_text), int(last)
    if not 1 <= month <= 12:
        hint = " Avez-vous inversé le jour et le mois ?" if 1 <= day <= 12 else ""
        return _bad(f"Le mois s'écrit de 01 (janvier) à 12 (décembre).{hint}")
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return _bad("Cette date n'existe pas : vérifiez le jour (par exemple, il n'y a pas de 31 avril "
                    "ni de 30 février).")
    if birth and date > today:
        return _bad("Cette date est dans l'avenir : vérifiez l'année de naissance.")
    if birth and year < OLDEST_YEAR:
        return _bad("Vérifiez l'année de naissance : elle paraît trop ancienne.")
    return FieldCheck(True, "", f"{day:02d}/{month:02d}/{year}")


def _postal_code(text: str) -> FieldCheck:
    digits = re.sub(r"[\s.]", "", text)
    if not digits.isdigit() or not digits.isascii():
        return _bad("Le code postal ne contient que des chiffres : 5 chiffres, par exemple 07400.")
    if len(digits) == 4:
        return _bad("Il manque un chiffre : un code postal a 5 chiffres. En Ardèche, il commence par 07 : "
                    "écrivez 07400, et non 7400.")
    if len(digits) != 5:
        return _bad(f"Un code postal a 5 chiffres (ici : {len(digits)}). Par exemple : 07400.")
    if digits.startswith("00") or digits[:2] == "96" or digits[:2] == "99":
        return _bad("Ce code postal n'existe pas : vérifiez les deux premiers chiffres "
                    "(en général, le numéro du département).")
    return FieldCheck(True, "", digits)


_MAIL_LOCAL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$")
_MAIL_DOMAIN = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$")
MAIL_EXAMPLE = "jeanne.exemple@messagerie.example"


def _email(text: str) -> FieldCheck:
    if " " in text:
        return _bad("Une adresse électronique ne contient pas d'espace.")
    if text.count("@") != 1:
        return _bad("Une adresse électronique contient un seul « @ » (arobase), par exemple "
                    f"{MAIL_EXAMPLE}.")
    local, domain = text.split("@")
    if not local:
        return _bad("Il manque le début de l'adresse, avant le « @ ».")
    if "." not in domain:
        return _bad("Après le « @ », il manque la fin de l'adresse, avec un point : par exemple « .fr » "
                    "ou « .com ».")
    if not _MAIL_LOCAL.match(local) or not _MAIL_DOMAIN.match(domain) or ".." in local:
        return _bad("Cette adresse contient des signes qu'une adresse électronique n'a pas (accents, virgules…). "
                    f"Vérifiez-la, par exemple : {MAIL_EXAMPLE}.")
    return FieldCheck(True, "", local + "@" + domain.lower())


def _phone(text: str) -> FieldCheck:
    digits = re.sub(r"[\s.\-]", "", text)
    if digits.startswith("+33"):
        digits = "0" + digits[3:]
    if not digits.isdigit() or not digits.isascii():
        return _bad("Un numéro de téléphone ne contient que des chiffres, par exemple 06 39 98 12 34.")
    if len(digits) != 10 or not digits.startswith("0"):
        return _bad("Un numéro de téléphone français a 10 chiffres et commence par 0, par exemple 06 39 98 12 34.")
    return FieldCheck(True, "", " ".join(digits[i:i + 2] for i in range(0, 10, 2)))


def check_field(kind: str, value: object, required: bool = True, choices: tuple[str, ...] | list[str] = (),
                today: dt.date | None = None) -> FieldCheck:
    """The verdict on ``value`` typed in a field of ``kind`` (see ``FIELD_KINDS``). Never raises."""
    text = "" if value is None else str(value)
    if len(text) > MAX_LENGTH:
        return _bad(TOO_LONG)
    if _has_invisible(text.replace("\t", " ")):
        return _bad(INVISIBLE)
    text = text.strip()
    if not text:
        return _bad(REQUIRED) if required else FieldCheck(True, "", "")
    today = today or dt.date.today()
    if kind == "nom":
        return _name(text, "Un nom")
    if kind == "commune":
        return _name(text, "Un nom de commune")
    if kind in ("date", "date_naissance"):
        return _date(text, kind == "date_naissance", today)
    if kind == "code_postal":
        return _postal_code(text)
    if kind == "courriel":
        return _email(text)
    if kind == "telephone":
        return _phone(text)
    if kind == "choix":
        if text not in choices:
            return _bad("Choisissez une réponse dans la liste.")
        return FieldCheck(True, "", text)
    return FieldCheck(True, "", " ".join(text.split()))
