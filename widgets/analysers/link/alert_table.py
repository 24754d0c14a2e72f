"""Every French sentence the link checker shows, in one place (plain words, "vous").

:data:`ALERTS` is the table of every alert code the checker can give (codes are stable, for
programs): its level and its message. Alerts are built with :func:`alert`, which takes the level
from the table and raises for a code that is not in it.
"""

from __future__ import annotations

from widgets.analysers.alerts import Alert, AlertKind, build_alert

LEVEL_NAMES = {"ok": "Rien d'anormal", "attention": "Attention", "danger": "Danger"}

ADVICE = {
    "danger": (
        "Conseil : ne cliquez pas et ne donnez aucune information. En cas de doute, tapez "
        "vous-même l'adresse du site officiel, ou appelez l'organisme. "
        "Aide gratuite : cybermalveillance.gouv.fr."
    ),
    "attention": "Conseil : prenez le temps de vérifier avant de cliquer ou de donner des informations.",
    "ok": (
        "Conseil : l'adresse semble normale. Cet outil vérifie l'adresse, pas le contenu de la "
        "page : restez prudent si on vous demande de l'argent ou un mot de passe."
    ),
}

SCHEME_ASSUMED = (
    "Vous n'avez pas écrit le début de l'adresse (« https:// ») : "
    "nous avons vérifié le nom du site."
)

DANGEROUS_SCHEMES = {
    "javascript": "ce lien lance un petit programme (« javascript: ») dans votre navigateur.",
    "vbscript": "ce lien lance un petit programme (« vbscript: ») sur votre ordinateur.",
    "data": "ce lien contient une page cachée (« data: ») qui peut imiter un vrai site.",
    "file": "ce lien ouvre un fichier de votre ordinateur (« file: »).",
}

#: The alert code of each contact link (« mailto: », « tel: »…); « tel » and « callto » share
#: the code phone_link, with one wording each.
CONTACT_CODES = {"mailto": "mailto_link", "tel": "phone_link", "callto": "phone_link", "sms": "sms_link"}

#: Every alert the link checker can give: code (stable, for programs) → level and French message.
#: A code with several wordings maps each wording name to its template (same level).
ALERTS: dict[str, AlertKind] = {
    "empty": AlertKind("attention", "Vous n'avez rien collé. Copiez un lien, puis collez-le ici."),
    "not_text": AlertKind("attention", "Ce n'est pas un texte. Copiez un lien, puis collez-le ici."),
    "not_a_link": AlertKind("attention", (
        "Ce texte n'est pas une adresse de site internet. "
        "Une adresse ressemble à ceci : https://www.exemple.fr"
    )),
    "email_address": AlertKind("attention", (
        "Ceci est une adresse e-mail (pour écrire à quelqu'un), pas un lien vers un site."
    )),
    "dangerous_scheme": AlertKind("danger", "Ce n'est pas l'adresse d'un site : {what} N'ouvrez pas ce lien."),
    "mailto_link": AlertKind("attention", (
        "Ce lien ouvre votre messagerie pour écrire un e-mail à : {target}. "
        "Ce n'est pas un site internet."
    )),
    # {advice}: what the number is (widgets/analysers/phone.py), with a space in front, or "".
    "phone_link": AlertKind("attention", {
        "tel": "Ce lien lance un appel vers le numéro {target}. Ce n'est pas un site internet.{advice}",
        "callto": "Ce lien lance un appel vers {target}. Ce n'est pas un site internet.{advice}",
    }),
    "sms_link": AlertKind("attention", (
        "Ce lien prépare un SMS vers le numéro {target}. Ce n'est pas un site internet.{advice}"
    )),
    "other_scheme": AlertKind("attention", (
        "Ce lien ne commence pas par « http:// » ou « https:// » mais par « {scheme}: ». "
        "Ce n'est pas une adresse de site habituelle : n'ouvrez pas ce lien si vous ne savez pas "
        "ce qu'il fait."
    )),
    "invalid_host": AlertKind("attention", "Cette adresse est mal écrite : on ne trouve pas le nom du site."),
    "invalid_port": AlertKind("attention", (
        "Cette adresse est mal écrite : le nombre après les deux-points (« : ») n'est pas valable. "
        "Un navigateur ne pourra pas l'ouvrir."
    )),
    "unusual_port": AlertKind("attention", (
        "L'adresse contient un numéro inhabituel après le nom du site (« :{port} »). "
        "Les sites ordinaires n'en ont pas besoin."
    )),
    "at_sign": AlertKind("danger", (
        "Cette adresse contient le signe « @ ». Tout ce qui est avant le « @ » ne sert qu'à "
        "tromper (« {before} »). Ce lien mène en réalité au site écrit après le « @ » : {host}."
    )),
    "ip_address": AlertKind("danger", {
        "public": (
            "Ce lien mène à une adresse faite de chiffres ({ip}), pas à un nom de site. "
            "Les vrais organismes utilisent toujours un nom, comme ameli.fr."
        ),
        "unusual_form": (
            "Ce lien cache une adresse faite de chiffres ({ip}) sous une forme bizarre ({typed}). "
            "C'est une technique d'escroc pour cacher le vrai site."
        ),
        "local": (
            "Ce lien mène à une adresse faite de chiffres ({ip}). C'est une adresse locale "
            "(cet ordinateur ou votre box internet) : n'y allez que si vous savez pourquoi."
        ),
    }),
    "hidden_characters": AlertKind("attention", (
        "Ce lien contenait des caractères invisibles. Nous les avons retirés. "
        "Les escrocs s'en servent parfois pour tromper les contrôles."
    )),
    "bidi_characters": AlertKind("danger", (
        "Ce lien contient des caractères invisibles qui changent le sens de lecture du texte. "
        "Ce que vous lisez n'est pas la vraie adresse."
    )),
    "very_long": AlertKind("attention", (
        "Ce lien est très long ({length} caractères). Les escrocs cachent parfois la vraie "
        "adresse dans un lien très long."
    )),
    "encoded_host": AlertKind("attention", (
        "Le nom du site est écrit en code (avec des « % ») pour être illisible. "
        "Décodé, il s'écrit : {host}."
    )),
    "idn": AlertKind("attention", {
        "punycode": (
            "Le nom du site est écrit en code (« xn-- »). Décodé, il s'écrit : {host}. "
            "Vérifiez-le lettre par lettre."
        ),
        "unicode": (
            "Le nom du site contient des lettres spéciales (accents ou autre alphabet) : {host}. "
            "Vérifiez-le lettre par lettre."
        ),
    }),
    "invalid_punycode": AlertKind("attention", (
        "Le nom du site est écrit en code (« xn-- »), mais ce code est faux. "
        "Un vrai site n'a pas ce problème."
    )),
    "unusual_characters": AlertKind("attention", (
        "Le nom du site contient des symboles inhabituels (dessins, emoji…). "
        "Les sites officiels n'en utilisent jamais."
    )),
    "mixed_scripts": AlertKind("danger", (
        "Le nom du site mélange des lettres de plusieurs alphabets (par exemple une lettre "
        "russe qui ressemble à une lettre française). C'est un piège : à l'écran, on ne voit "
        "pas la différence."
    )),
    "confusable_characters": AlertKind("danger", (
        "Le nom du site est écrit avec des lettres d'un autre alphabet qui ressemblent à nos "
        "lettres. À l'écran, on croit lire {latin}, mais c'est un autre site."
    )),
    "lookalike_official": AlertKind("danger", {
        "subdomain": (
            "L'adresse contient « {word} », mais ce n'est qu'un décor pour tromper. "
            "Ce lien mène en réalité au site écrit à la fin : {domain}. Ce n'est pas le site de "
            "{owner}, dont l'adresse est {official}."
        ),
        "brand": (
            "Ce lien utilise le nom « {word} » pour faire croire à {owner}. Mais ce lien mène en "
            "réalité à {domain}. L'adresse officielle est {official}."
        ),
        "typo": (
            "Ce nom ressemble beaucoup à {official}, l'adresse de {owner}, avec une petite "
            "différence d'écriture. Ce lien mène à {domain} : ce n'est pas le site officiel."
        ),
    }),
    "fake_gouv": AlertKind("danger", (
        "Ce nom contient « gouv » pour faire croire à un site de l'État. Mais ce site est "
        "{domain} : il ne finit pas par « .gouv.fr », la fin d'adresse réservée à l'État. "
        "Ce n'est donc pas un site de l'État français."
    )),
    "domain_in_subdomain": AlertKind("danger", (
        "L'adresse commence par « {fake} », mais ce n'est qu'un décor pour tromper : "
        "ce lien mène en réalité au site écrit à la fin, {domain}."
    )),
    "extension_hyphen": AlertKind("danger", (
        "L'adresse semble finir par « {fake} », mais le tiret change tout : ce lien mène en "
        "réalité au site {domain}."
    )),
    "carried_address": AlertKind("attention", (
        "Ce lien contient une autre adresse ({other}) : il peut vous y envoyer sans que vous le "
        "voyiez. Ne vous fiez pas au début du lien."
    )),
    "shortener": AlertKind("attention", (
        "C'est un lien raccourci ({domain}) : on ne voit pas où mène ce lien. "
        "Les escrocs s'en servent pour cacher le vrai site."
    )),
    "unusual_extension": AlertKind("attention", (
        "Le nom du site se termine par « .{suffix} ». Cette fin d'adresse coûte peu cher et sert "
        "souvent aux faux sites. Ce n'est pas forcément une arnaque, mais soyez prudent."
    )),
    "unknown_extension": AlertKind("attention", (
        "Ce nom ({host}) ne se termine pas par une fin d'adresse connue (comme .fr ou .com). "
        "Ce n'est pas un site internet public."
    )),
    "no_https": AlertKind("attention", (
        "Ce lien commence par « http:// » sans « s » : la connexion n'est pas protégée. "
        "Ne tapez aucune information personnelle sur cette page."
    )),
    "no_https_login": AlertKind("danger", (
        "Ce lien commence par « http:// » sans « s » (connexion non protégée) et parle de "
        "« {word} ». Une page de connexion ou de paiement sans « https » est dangereuse : "
        "ce que vous tapez peut être lu par d'autres."
    )),
    "suspicious_words": AlertKind("attention", (
        "L'adresse contient des mots souvent utilisés par les arnaques : {words}."
    )),
    "many_hyphens": AlertKind("attention", (
        "Le nom du site contient beaucoup de tirets ({count}). Les faux sites collent souvent "
        "plusieurs mots pour paraître sérieux."
    )),
    "many_subdomains": AlertKind("attention", (
        "L'adresse est faite de beaucoup de morceaux séparés par des points. "
        "Seule la fin compte : ce lien mène au site {domain}."
    )),
    "data_error": AlertKind("attention", "{error}"),
    "internal_error": AlertKind("attention", (
        "La vérification de ce lien a échoué. Réessayez, ou demandez de l'aide à votre "
        "conseiller numérique."
    )),
}


def alert(code: str, variant: str | None = None, **fields: object) -> Alert:
    """The alert ``code`` of :data:`ALERTS` (wording ``variant``), its message filled with ``fields``."""
    return build_alert(ALERTS, code, variant, **fields)


SUMMARY = {
    "not_text": "Ce n'est pas un lien.",
    "empty": "Il n'y a pas de lien à vérifier.",
    "email_address": "Ce n'est pas un lien vers un site : c'est une adresse e-mail.",
    "dangerous": "Ce n'est pas l'adresse d'un site : n'ouvrez pas ce lien.",
    "contact": "Ce lien ne mène pas à un site internet.",
    "contact_public": "Ce lien ne mène pas à un site internet : {what}",
    "other_scheme": "Ce lien ne mène pas à un site internet ordinaire.",
    "invalid": "Ce texte n'est pas une adresse de site internet valable.",
    "data_error": "La vérification est impossible pour le moment : une liste de l'outil est abîmée.",
    "internal_error": "Ce lien n'a pas pu être vérifié.",
    "ip": "Ce lien mène à une adresse en chiffres ({ip}) : on ne sait pas à qui appartient ce site.",
    "no_suffix": "Ce lien mène à « {host} », qui n'est pas un site internet public.",
    "official": "Ce site ({domain}) appartient à {owner} : c'est son site officiel.",
    "official_other": (
        "Ce site ({domain}) appartient à {owner}, comme {main} : c'est une de ses adresses "
        "officielles."
    ),
    "official_old": (
        "Ce site ({domain}) est l'ancienne adresse de {owner}, toujours valable. "
        "La nouvelle adresse est {new}."
    ),
    "official_but": "Mais ce lien a un point à vérifier : lisez les alertes.",
    "state": (
        "Ce site ({domain}) est un site de l'État : seuls les services de l'État peuvent avoir "
        "une adresse qui finit par « .gouv.fr »."
    ),
    "lookalike": (
        "Ce site est {domain} : ce n'est PAS le site de {owner}, dont l'adresse est "
        "{official}. C'est très probablement une arnaque."
    ),
    "other": "Ce site est {domain}. Il n'est pas dans la liste des sites officiels de l'outil.",
    "other_ok": (
        "Cela ne veut pas dire qu'il est faux : beaucoup de vrais sites publics ne sont pas dans "
        "cette liste et ne finissent pas par « .gouv.fr » (le site de votre mairie, ceux des "
        "académies en « ac-… .fr », monespacesante.fr…). Seule la fin « .gouv.fr » est réservée "
        "à l'État. En cas de doute, retrouvez l'adresse sur un courrier ou un document officiel."
    ),
    "other_danger": "Ne donnez aucune information personnelle ni bancaire sur ce site.",
    "other_attention": "Soyez prudent avant de donner des informations.",
}

TEXT_LABELS = {
    "url": "Lien vérifié",
    "domain": "Nom du site",
    "unknown_domain": "aucun",
    "level": "Résultat",
    "alerts": "Points à vérifier :",
    "no_alert": "Aucun signe d'arnaque dans l'adresse.",
}
