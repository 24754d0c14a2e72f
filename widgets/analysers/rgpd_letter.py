"""French letters to use one's GDPR rights (access, erasure), after the CNIL models.

Plain text only; nothing is stored. Empty fields become placeholders such
as "[Votre nom]" that the participant fills in by hand.
"""

from __future__ import annotations

import unicodedata

KINDS = ("acces", "effacement")
LIMITS = {"organisation": 120, "name": 100, "address": 300, "details": 1500}

ADVICE = (
    "Envoyez cette lettre par courriel au délégué à la protection des données "
    "(souvent appelé « DPO ») de l'organisme, ou par courrier recommandé avec "
    "accusé de réception. Gardez une copie et notez la date d'envoi.\n"
    "L'organisme doit vous répondre dans un délai d'un mois. Si votre demande est "
    "compliquée, il peut prolonger ce délai de deux mois, mais il doit vous le dire, "
    "avec ses raisons, avant la fin du premier mois (article 12 du RGPD)."
)

#: Where the one-month delay and its extension come from (RGPD, article 12, paragraph 3).
SOURCES = (
    {"titre": "Règlement (UE) 2016/679 (RGPD), article 12, paragraphe 3 : réponse dans un délai "
              "d'un mois, prolongeable de deux mois si la personne en est informée dans le premier mois",
     "adresse": "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32016R0679",
     "consulte_le": "2026-11-29"},
)

_SUBJECT = {
    "acces": "Objet : demande d'accès à mes données personnelles (article 15 du RGPD)",
    "effacement": "Objet : demande d'effacement de mes données personnelles (article 17 du RGPD)",
}

_BODY = {
    "acces": (
        "En application de l'article 15 du Règlement général sur la protection "
        "des données (RGPD), je vous demande de me dire si vous détenez des données "
        "personnelles me concernant. Si c'est le cas, merci de m'en envoyer une copie, "
        "et de m'indiquer :\n"
        "- pourquoi vous les utilisez ;\n"
        "- quelles sortes de données vous avez ;\n"
        "- à qui vous les avez transmises ;\n"
        "- combien de temps vous allez les garder ;\n"
        "- d'où elles viennent, si ce n'est pas de moi."
    ),
    "effacement": (
        "En application de l'article 17 du Règlement général sur la protection "
        "des données (RGPD), je vous demande d'effacer toutes les données "
        "personnelles me concernant que vous détenez, et de m'en informer.\n"
        "Si vous avez transmis ces données à d'autres organismes, merci de les "
        "prévenir de ma demande (article 19 du RGPD)."
    ),
}

_DETAILS_LABEL = {
    "acces": "Précisions utiles pour retrouver mes données : ",
    "effacement": "Données concernées et raison de ma demande : ",
}

_CLOSING = (
    "Je vous rappelle que vous devez me répondre dans un délai d'un mois à partir de la "
    "réception de ma demande. Si ma demande est complexe, ce délai peut être prolongé de "
    "deux mois, à condition de m'en informer, avec les raisons, dans ce premier mois "
    "(article 12, paragraphe 3, du RGPD).\n"
    "Sans réponse de votre part dans ce délai, ou si votre réponse est incomplète, "
    "je pourrai déposer une plainte auprès de la CNIL (Commission nationale de "
    "l'informatique et des libertés, www.cnil.fr).\n"
    "\n"
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
)


def clean_field(value: object, limit: int, multiline: bool = False) -> str:
    """Printable text only (new lines kept if ``multiline``), cut to ``limit``."""
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("utf-8", errors="replace")
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n")
    kept = "".join(c if (c.isprintable() or (multiline and c == "\n")) else " " for c in text)
    lines = [" ".join(line.split()) for line in kept.split("\n")]
    result = "\n".join(line for line in lines if line) if multiline else " ".join(lines)
    return result.strip()[:limit].strip()


def normalise_kind(kind: object) -> str | None:
    """'acces' or 'effacement' (accents and capitals accepted), else None."""
    text = clean_field(kind, 30).lower()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return text if text in KINDS else None


def make_letter(kind: str, organisation: str, name: str = "", address: str = "",
                details: str = "") -> str:
    """The full letter as plain French text. Never raises."""
    letter_kind = normalise_kind(kind)
    if letter_kind is None:
        return ("Nous ne connaissons pas ce type de lettre. "
                "Choisissez « acces » (voir vos données) ou « effacement » (les faire supprimer).")
    org = clean_field(organisation, LIMITS["organisation"]) or "[Nom de l'organisme]"
    who = clean_field(name, LIMITS["name"]) or "[Votre nom]"
    where = clean_field(address, LIMITS["address"], multiline=True) or "[Votre adresse]"
    extra = clean_field(details, LIMITS["details"], multiline=True)
    parts = [
        who, where, "",
        org, "[Adresse de l'organisme]", "",
        "[Ville], le [date]", "",
        _SUBJECT[letter_kind], "",
        "Madame, Monsieur,", "",
        _BODY[letter_kind],
    ]
    if extra:
        parts += ["", _DETAILS_LABEL[letter_kind] + extra]
    parts += ["", _CLOSING, "", who]
    return "\n".join(parts) + "\n"
