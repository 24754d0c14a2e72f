"""What a French phone number costs and who it belongs to, in plain French.

The facts come from ``widgets/data/numeros.yaml`` (dated, with sources): the genuine public numbers
the ateliers teach (3646, 33 700, 17…), the blocks the Arcep reserves for fiction, and the
beginnings of free (0800–0805), ordinary-price (0806–0809) and surcharged (081, 082, 089, 118)
numbers. :func:`classify_number` never raises, whatever the text.

Kinds (``PhoneInfo.kind``):

* ``"public"``: a genuine public number of the list (never shown as suspicious);
* ``"fiction"``: a number reserved for examples and films (it rings nobody);
* ``"gratuit"``, ``"surtaxe"``, ``"banalise"``: special numbers by their beginning;
* ``"court"``: another short number (it may be free or paid);
* ``"code"``: a code with ``*`` or ``#`` (phone settings), not a number;
* ``"etranger"``: a number abroad;
* ``"ordinaire"``: a fixed or mobile number;
* ``"invalide"``: not a phone number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from widgets.analysers.data_files import (
    DataFileError,
    Dated,
    Source,
    parse_dated,
    parse_sources,
    read_yaml,
)

NUMBERS_FILE = "numeros.yaml"
COSTS = ("gratuit", "service gratuit + prix d'un appel", "surtaxé")
MAX_TEXT = 200
_SEPARATORS = re.compile(r"[\s.\-/()\u00a0\u202f]+")
_CODE_CHARS = frozenset("*#")
#: A French number of 10 digits as people write it: « 01 99 00 12 34 », « 0 805 805 817 »,
#: « +33 6 39 98 12 34 », « 0033 (0)1… » (one separator at most between two digits).
_LONG_NUMBER = re.compile(
    r"(?<![\d+])(?:\+33[\s.\-]?(?:\(0\)[\s.\-]?)?|0033[\s.\-]?|0[\s.\-]?)[1-9](?:[\s.\-]?\d){8}(?!\d)")
#: Short numbers: 4 digits starting with 3 (« 3646 »), « 33 700 », « 118 218 ».
_SHORT_NUMBER = re.compile(
    r"(?<![\w+])(?<!\d[.,])(?:33[\s\u00a0]?700|118[\s\u00a0]?\d{3}|3\d{3})(?!\w|[.,]\d)")


@dataclass(frozen=True)
class PublicNumber:
    """A genuine public number: as written, digits only, owner, cost, sources."""

    shown: str
    digits: str
    name: str
    cost: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class NumberData:
    """The content of ``numeros.yaml``: public numbers and the beginnings of each range."""

    public: tuple[PublicNumber, ...]
    fiction: tuple[str, ...]
    free: tuple[str, ...]
    surcharged: tuple[str, ...]
    ordinary_price: tuple[str, ...]
    dated: Dated


@dataclass(frozen=True)
class PhoneInfo:
    """What a number is: its kind, how to show it, and a short French explanation."""

    kind: str
    digits: str
    shown: str
    explanation: str
    name: str = ""
    cost: str = ""


def _error(name: str, what: str) -> DataFileError:
    return DataFileError(f"Le fichier de données « {name} » a une erreur : {what}")


def _digits_list(value: object, name: str, key: str) -> tuple[str, ...]:
    """A list of number beginnings written with digits (spaces allowed)."""
    if not isinstance(value, list) or not value:
        raise _error(name, f"« {key} » doit être une liste de débuts de numéros (par exemple \"0800\").")
    result = []
    for item in value:
        digits = _SEPARATORS.sub("", str(item)) if isinstance(item, (str, int)) else ""
        if not digits.isdigit():
            raise _error(name, f"dans « {key} », « {item} » n'est pas un début de numéro.")
        result.append(digits)
    return tuple(result)


def parse_numbers(data: object, name: str = NUMBERS_FILE) -> NumberData:
    """Validate the parsed YAML of ``numeros.yaml``; raise a French DataFileError if broken."""
    dated = parse_dated(data, name)
    entries = data.get("publics")
    if not isinstance(entries, list) or not entries:
        raise _error(name, "« publics » doit être une liste de numéros (numero, nom, cout, sources).")
    public = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise _error(name, f"le numéro public n° {number} n'est pas une fiche (numero, nom, cout).")
        shown = entry.get("numero")
        shown = str(shown).strip() if isinstance(shown, (str, int)) else ""
        digits = _SEPARATORS.sub("", shown)
        if not digits.isdigit():
            raise _error(name, f"le numéro public n° {number} : « numero » doit être écrit en chiffres.")
        label, cost = entry.get("nom"), entry.get("cout")
        if not isinstance(label, str) or not label.strip():
            raise _error(name, f"le numéro public n° {number} : il manque « nom ».")
        if cost not in COSTS:
            raise _error(name, f"le numéro public n° {number} : « cout » doit être « gratuit », "
                               "« service gratuit + prix d'un appel » ou « surtaxé ».")
        sources = parse_sources(entry.get("sources"), name, f"sources du {shown}")
        public.append(PublicNumber(shown, digits, label.strip(), cost, sources))
    optional = data.get("banalises")
    return NumberData(
        public=tuple(public),
        fiction=_digits_list(data.get("fiction"), name, "fiction"),
        free=_digits_list(data.get("gratuits"), name, "gratuits"),
        surcharged=_digits_list(data.get("surtaxes"), name, "surtaxes"),
        ordinary_price=_digits_list(optional, name, "banalises") if optional is not None else (),
        dated=dated,
    )


def load_numbers(path: Path | str | None = None) -> NumberData:
    """The numbers of ``numeros.yaml`` (or of ``path``)."""
    if path is None:
        return _default_numbers()
    return parse_numbers(read_yaml(Path(path).name, path), Path(path).name)


@lru_cache(maxsize=1)
def _default_numbers() -> NumberData:
    return parse_numbers(read_yaml(NUMBERS_FILE))


def national_digits(text: object) -> str | None:
    """The number in French national form (``+33 1 99…`` → ``0199…``), digits only, or None.

    Separators (spaces, dots, dashes, parentheses) are ignored; ``+33 (0)1…`` and ``0033…`` are
    read as French numbers. Returns None when the text is not made of digits.
    """
    if not isinstance(text, str):
        return None
    raw = text.strip()[:MAX_TEXT].split(";", 1)[0]  # « tel:+33…;phone-context=… »
    raw = raw.replace("(0)", "")
    compact = _SEPARATORS.sub("", raw)
    if compact.startswith("+"):
        compact = "00" + compact[1:]
    if not compact.isdigit() or not 2 <= len(compact) <= 20:
        return None
    if compact.startswith("0033") and len(compact) == 13:
        return "0" + compact[4:]
    return compact


def find_numbers(text: str, short: bool = False) -> list[str]:
    """The phone numbers written in ``text``, as written (10-digit French numbers; with
    ``short``, also 4-digit numbers starting with 3, « 33 700 » and « 118 xxx »).

    For content checks: each one should be a fiction number or a public number of the list
    (``classify_number(n).kind in ("fiction", "public")``).
    """
    if not isinstance(text, str):
        return []
    text = text[:200_000]
    found = [match.group(0).strip() for match in _LONG_NUMBER.finditer(text)]
    if short:
        found += [match.group(0) for match in _SHORT_NUMBER.finditer(text)]
    return found


def group(digits: str) -> str:
    """Show a number the French way: ``0199001234`` → ``01 99 00 12 34``."""
    if len(digits) == 10 and digits.startswith("0"):
        return " ".join(digits[i:i + 2] for i in range(0, 10, 2))
    if len(digits) == 5:
        return f"{digits[:2]} {digits[2:]}"
    return digits


def of_owner(name: str) -> str:
    """« de » before a name, contracted the French way: « du Samu », « des pompiers », « d'Info… »."""
    lowered = name.lower()
    if lowered.startswith("le "):
        return "du " + name[3:]
    if lowered.startswith("les "):
        return "des " + name[4:]
    if lowered[:1] in "aeiouyàâéèêîôû" and not lowered.startswith(("l'", "la ")):
        return "d'" + name
    return "de " + name


def _starts(digits: str, beginnings: tuple[str, ...]) -> bool:
    return any(digits.startswith(b) for b in beginnings)


def classify_number(text: object, sms: bool = False) -> PhoneInfo:
    """Say what a number is (``sms``: for a text message rather than a call). Never raises."""
    try:
        return _classify(text, sms)
    except DataFileError:
        raise
    except Exception:  # noqa: BLE001 - a participant never sees a traceback
        return PhoneInfo("invalide", "", "", "Ce numéro n'a pas pu être lu.")


def _classify(text: object, sms: bool) -> PhoneInfo:
    raw = text.strip()[:MAX_TEXT] if isinstance(text, str) else ""
    if raw and _CODE_CHARS & set(raw):
        return PhoneInfo("code", "", raw[:40], (
            "Ce n'est pas un numéro de téléphone mais un code avec « * » ou « # ». Ces codes "
            "servent à régler le téléphone ou la ligne : ne composez jamais un code reçu par "
            "message."))
    digits = national_digits(raw)
    if digits is None:
        return PhoneInfo("invalide", "", raw[:40], "Ce n'est pas un numéro de téléphone lisible.")
    data = load_numbers()
    for known in data.public:
        if digits == known.digits:
            return PhoneInfo("public", digits, known.shown,
                             f"C'est le {known.shown}, le numéro {of_owner(known.name)}. Coût : {known.cost}.",
                             name=known.name, cost=known.cost)
    shown = group(digits)
    if digits.startswith("00"):
        return PhoneInfo("etranger", digits, raw[:40], (
            "Ce numéro est à l'étranger (il commence par « + » ou « 00 » suivi d'un autre pays "
            "que la France) : l'appel peut coûter cher."))
    if len(digits) == 10 and _starts(digits, data.fiction):
        return PhoneInfo("fiction", digits, shown, (
            "Ce numéro fait partie des numéros que l'Arcep réserve aux exemples et aux films : "
            "il ne sonne chez personne."))
    if _starts(digits, data.surcharged):
        return PhoneInfo("surtaxe", digits, shown, (
            f"Ce numéro commence par {digits[:3]} : c'est un numéro surtaxé (payant en plus du "
            "prix de l'appel). Les escrocs s'en servent pour vous faire payer. Cherchez plutôt "
            "le numéro de l'organisme sur son site officiel."))
    if len(digits) == 10 and _starts(digits, data.free):
        return PhoneInfo("gratuit", digits, shown, (
            f"Ce numéro commence par {digits[:4]} : l'appel est gratuit. Mais un numéro gratuit "
            "n'est pas une preuve d'honnêteté : de faux services d'assistance en utilisent aussi."))
    if len(digits) == 10 and _starts(digits, data.ordinary_price):
        return PhoneInfo("banalise", digits, shown, (
            f"Ce numéro commence par {digits[:4]} : il coûte le prix d'un appel normal."))
    if len(digits) == 10 and digits.startswith("0") and digits[1] != "0":
        before = "d'écrire" if sms else "d'appeler"
        return PhoneInfo("ordinaire", digits, shown, (
            f"C'est un numéro de téléphone fixe ou mobile. Avant {before}, vérifiez qu'il "
            "appartient bien à la personne ou à l'organisme, sur son site officiel ou sur un "
            "courrier."))
    if len(digits) <= 6 and not digits.startswith("0"):
        if sms:
            return PhoneInfo("court", digits, shown, (
                "C'est un numéro court. Un SMS vers un numéro court peut être payant : "
                "n'envoyez pas de SMS à un numéro court reçu d'un inconnu."))
        return PhoneInfo("court", digits, shown, (
            "C'est un numéro court. Certains sont gratuits, d'autres payants : vérifiez "
            "d'abord sur le site officiel de l'organisme que c'est bien son numéro."))
    return PhoneInfo("invalide", digits, shown, (
        "Ce numéro n'a pas la forme d'un numéro français habituel : vérifiez-le avant d'appeler."))
