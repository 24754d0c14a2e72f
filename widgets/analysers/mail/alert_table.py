"""Every alert the e-mail checker can give: code (stable, for programs) → level and French message.

Alerts are built with :func:`alert`, which takes the level from :data:`ALERTS` and raises for a
code that is not in it. A code with several wordings maps each wording name to its template.
The scam-word codes are those of ``widgets/data/mots_arnaque.yaml``, whose ``explication`` is
the start of their message.
"""
from __future__ import annotations

from widgets.analysers.alerts import Alert, AlertKind, build_alert

#: Why an attached file is risky (also shown next to the file): by alert code.
ATTACHMENT_REASONS = {
    "hidden_extension": (
        "Son nom contient un caractère invisible qui cache la vraie extension. "
        "C'est une ruse pour déguiser un programme."
    ),
    "double_extension": (
        "Son nom imite un fichier « .{document} », mais c'est en réalité "
        "un programme « .{program} ». Ne l'ouvrez surtout pas."
    ),
    "dangerous_attachment": "C'est un programme : l'ouvrir peut installer un virus sur votre appareil.",
    "html_attachment": (
        "C'est une page web jointe. Elle sert souvent à imiter un site pour voler "
        "vos mots de passe ou votre carte bancaire."
    ),
    "disk_image_attachment": (
        "C'est une image de disque : elle sert souvent à cacher un programme dangereux."
    ),
    "archive_attachment": (
        "C'est une archive compressée : elle peut cacher un programme. "
        "Ne l'ouvrez que si vous attendiez ce fichier de cette personne."
    ),
    "macro_attachment": (
        "Ce document contient des macros (petits programmes). "
        "N'acceptez jamais d'« activer le contenu »."
    ),
}

_ATTACHMENT = "Pièce jointe « {name} » : {reason}"

#: The wordings of a scam-word alert: the category's explanation, then the words seen.
_SCAM_WORDS = {
    "alone": "{explanation} Mots repérés : {words}.",
    "with_bad_link": (
        "{explanation} Mots repérés : {words}. "
        "Et ce message contient un lien trompeur : c'est un piège classique."
    ),
}

_CHECK_FAILED = (
    "Le contrôle {check} a échoué. Le message ne vient probablement pas de l'expéditeur affiché."
)
_CHECK_DOUBTFUL = (
    "Le contrôle {check} est douteux. L'expéditeur affiché n'est peut-être pas le vrai."
)

ALERTS: dict[str, AlertKind] = {
    # The input itself (mail/input.py, mail/check.py).
    "not_an_email": AlertKind("attention", {
        "not_text": (
            "Ce que vous avez donné n'est pas un texte de courriel. "
            "Copiez la source du message ou déposez un fichier .eml."
        ),
        "no_headers": (
            "Ce texte ne ressemble pas à un courriel complet : il manque les informations "
            "d'envoi (expéditeur, date, sujet…). Copiez la « source » du message "
            "(« Afficher l'original » dans votre messagerie) ou déposez le fichier .eml."
        ),
    }),
    "empty": AlertKind("attention", (
        "Il n'y a rien à vérifier : le message est vide. "
        "Collez la source du courriel ou déposez un fichier .eml."
    )),
    "binary_input": AlertKind("attention", (
        "Ce fichier n'est pas un courriel : son contenu est illisible "
        "(c'est peut-être une image, un document ou un programme)."
    )),
    "too_large": AlertKind("attention", (
        "Ce message est trop gros pour être vérifié ici (plus de {size} Mo). "
        "Un courriel normal est bien plus petit. Ne l'ouvrez pas s'il vous semble étrange."
    )),
    "too_complex": AlertKind("attention", {
        "not_parsed": (
            "Ce message est construit de façon très anormale (trop de parties imbriquées). "
            "Il n'a pas pu être vérifié. Méfiez-vous-en."
        ),
        "truncated": (
            "Ce message est construit de façon inhabituelle (beaucoup de parties imbriquées). "
            "Tout n'a pas pu être vérifié."
        ),
    }),
    "damaged_message": AlertKind("attention", (
        "Ce message est abîmé ou incomplet : une partie n'a pas pu être lue correctement. "
        "Ce qui suit peut donc être incomplet."
    )),
    "unknown_charset": AlertKind("attention", (
        "Le texte utilise un codage de caractères inconnu : certains mots peuvent "
        "mal s'afficher. Les arnaques utilisent parfois cette ruse."
    )),
    "data_error": AlertKind("attention", "{error}"),
    "unreadable": AlertKind("attention", (
        "Ce message n'a pas pu être lu : il est peut-être abîmé ou construit de façon "
        "anormale. Par prudence, ne l'ouvrez pas et demandez conseil."
    )),
    # The sender (mail/sender.py).
    "no_sender": AlertKind("attention", (
        "Le message n'indique pas d'expéditeur. Un message sans expéditeur est anormal : "
        "soyez prudent."
    )),
    "sender_unreadable": AlertKind("attention", (
        "L'adresse de l'expéditeur est incomplète ou illisible. C'est inhabituel : soyez prudent."
    )),
    "display_name_brand": AlertKind("danger", (
        "Le nom affiché « {name} » fait croire que le message vient de l'organisme « {organisation} ». "
        "Mais la vraie adresse est « {address} », sur le domaine {domain}, "
        "qui n'appartient pas à cet organisme. C'est une imitation."
    )),
    "display_name_address": AlertKind("danger", (
        "Le nom affiché contient une adresse (« {shown} ») différente de la vraie "
        "adresse d'envoi (« {address} »). C'est une ruse pour tromper."
    )),
    "display_name_domain": AlertKind("danger", (
        "Le nom affiché « {name} » contient le nom d'un site, « {shown} ». Mais le message "
        "vient de « {address} », sur le domaine {domain} : c'est un autre site. C'est une ruse "
        "pour faire croire que le message vient de {shown}."
    )),
    # The subject or the display name (mail/disguise.py): {what} says what was hidden.
    "hidden_characters": AlertKind("danger", {
        "subject": (
            "Le sujet du message cache {what} au milieu des mots. Sans eux, on lit : "
            "« {revealed} ». Les escrocs font cela pour tromper les filtres anti-arnaque : "
            "un vrai organisme n'écrit pas ainsi."
        ),
        "display_name": (
            "Le nom de l'expéditeur cache {what} au milieu des mots. Sans eux, on lit : "
            "« {revealed} ». Les escrocs font cela pour tromper les filtres anti-arnaque : "
            "un vrai organisme n'écrit pas ainsi."
        ),
    }),
    "reply_to_differs": AlertKind("attention", (
        "Si vous répondez, votre réponse partira vers {reply_domain}, "
        "et non vers {from_domain} qui a envoyé le message. Méfiez-vous."
    )),
    "return_path_differs": AlertKind("attention", (
        "Le message a été expédié techniquement par {return_domain}, pas par {from_domain}. "
        "C'est parfois normal (lettres d'information), mais c'est aussi une ruse fréquente."
    )),
    # Links and HTML (mail/links.py).
    "link_text_mismatch": AlertKind("danger", (
        "Un lien affiche « {text} » mais mène en réalité vers {domain}. "
        "Le texte d'un lien peut mentir : c'est un piège."
    )),
    "dangerous_link": AlertKind("danger", (
        "Ce message contient un lien dangereux (vers {names}).{detail} Ne cliquez pas."
    )),
    "doubtful_link": AlertKind("attention", (
        "Un lien mène vers un site à vérifier ({names}). Avant de cliquer, "
        "tapez plutôt vous-même l'adresse du site officiel."
    )),
    # "danger" instead when the form asks for a password (see links.html_alerts).
    "html_form": AlertKind("attention", (
        "Ce message contient un formulaire à remplir. Un vrai organisme ne vous fait jamais "
        "remplir vos informations dans un courriel."
    )),
    "html_script": AlertKind("danger", (
        "Ce message contient un programme caché (script). Les vrais courriels n'en ont pas."
    )),
    "tracking_pixel": AlertKind("attention", (
        "Ce message contient une image invisible qui prévient l'expéditeur quand vous "
        "l'ouvrez. Elle est bloquée ici."
    )),
    # Attached files (mail/attachments.py): the reason is one of ATTACHMENT_REASONS.
    "hidden_extension": AlertKind("danger", _ATTACHMENT),
    "double_extension": AlertKind("danger", _ATTACHMENT),
    "dangerous_attachment": AlertKind("danger", _ATTACHMENT),
    "html_attachment": AlertKind("danger", _ATTACHMENT),
    "disk_image_attachment": AlertKind("danger", _ATTACHMENT),
    "archive_attachment": AlertKind("attention", _ATTACHMENT),
    "macro_attachment": AlertKind("attention", _ATTACHMENT),
    # SPF / DKIM / DMARC results (mail/auth.py).
    "spf_fail": AlertKind("danger", _CHECK_FAILED),
    "dkim_fail": AlertKind("danger", _CHECK_FAILED),
    "dmarc_fail": AlertKind("danger", _CHECK_FAILED),
    "spf_softfail": AlertKind("attention", _CHECK_DOUBTFUL),
    "dkim_softfail": AlertKind("attention", _CHECK_DOUBTFUL),
    "dmarc_softfail": AlertKind("attention", _CHECK_DOUBTFUL),
    # Scam words (mail/words.py), one code per category of mots_arnaque.yaml; "danger" instead
    # when the message also holds a misleading link (see words.scam_word_alerts).
    "urgency_words": AlertKind("attention", _SCAM_WORDS),
    "threat_words": AlertKind("attention", _SCAM_WORDS),
    "money_request": AlertKind("attention", _SCAM_WORDS),
    "bank_card_request": AlertKind("attention", _SCAM_WORDS),
    "secret_code_request": AlertKind("attention", _SCAM_WORDS),
    "reward_bait": AlertKind("attention", _SCAM_WORDS),
    "fake_support": AlertKind("attention", _SCAM_WORDS),
}


def alert(code: str, variant: str | None = None, *, level: str | None = None,
          **fields: object) -> Alert:
    """The alert ``code`` of :data:`ALERTS` (wording ``variant``), its message filled with ``fields``.

    ``level`` overrides the table's level; only two codes use it, each with a comment at the call.
    """
    return build_alert(ALERTS, code, variant, level, **fields)
