"""The words a content file may use for a step's parts, views and settings, with what each shows on screen.

The step schemas accept exactly these keys; the components draw them with these labels.
"""
from __future__ import annotations

#: part id → (symbol shown, accessible name, default explanation in plain French)
BROWSER_PARTS = {
    "onglet": ("Onglet", "L'onglet de la page",
               "Un **onglet**, c'est une page ouverte dans le navigateur. Son nom est écrit en haut, sur une "
               "petite languette, comme l'intercalaire d'un classeur. Vous pouvez ouvrir plusieurs onglets "
               "et passer de l'un à l'autre. Sur un téléphone, le bouton des onglets est souvent un petit "
               "carré avec un chiffre : le nombre d'onglets ouverts."),
    "nouvel_onglet": ("+", "Ouvrir un nouvel onglet",
                      "Le **+** ouvre un nouvel onglet : une nouvelle page vide, à côté de celle-ci, "
                      "sans la fermer."),
    "precedent": ("←", "Page précédente",
                  "La **flèche vers la gauche** revient à la page d'avant."),
    "suivant": ("→", "Page suivante",
                "La **flèche vers la droite** revient à la page que vous venez de quitter avec la flèche gauche."),
    "actualiser": ("⟳", "Actualiser la page",
                   "La **flèche en rond** recharge la page, par exemple si elle s'affiche mal."),
    # The id stays « cadenas » (content files use it); since Chrome 117 (2023, computer and Android) the
    # padlock is a « réglages » icon (two sliders), drawn by the template (``widgets/ui/icons.py``).
    # Source: Chromium Blog, « An Update on the Lock Icon » (2 May 2023),
    # https://blog.chromium.org/2023/05/an-update-on-lock-icon.html
    "cadenas": ("", "Informations et réglages du site",
                "Cette petite icône (deux curseurs) ouvre les **informations sur le site**. Quand l'adresse "
                "commence par https, la connexion est **protégée** : personne ne peut lire ce que vous tapez "
                "en chemin. Cela ne dit pas que le site est honnête : les faux sites aussi sont protégés. "
                "Sur Firefox et Safari, c'est un **cadenas** qui est à cette place ; il veut dire la même "
                "chose."),
    "adresse": ("Adresse", "Barre d'adresse",
                "La **barre d'adresse** montre l'adresse du site. C'est là qu'on lit à qui est le site. "
                "Vous pouvez aussi y taper une adresse que vous connaissez."),
    "favoris": ("☆", "Ajouter aux favoris",
                "L'**étoile** enregistre le site dans vos **favoris**, pour le retrouver sans taper son adresse."),
    "menu": ("⋮", "Menu du navigateur",
             "Les **trois points** ouvrent le **menu** : historique, paramètres, impression…"),
}

#: part id → (label on the row, accessible name, explanation in plain French)
MAIL_PARTS = {
    "nom_expediteur": ("De :", "Le nom de l'expéditeur",
                       "C'est le **nom affiché** de l'expéditeur. N'importe qui peut écrire n'importe quel nom : "
                       "il ne prouve rien."),
    "adresse_expediteur": ("", "L'adresse de l'expéditeur",
                           "C'est la **vraie adresse** de l'expéditeur. Regardez la fin, après l'arobase « @ » : "
                           "elle dit d'où vient le message."),
    "a": ("À :", "Les destinataires principaux",
          "**À** : les personnes à qui le message est destiné. Tout le monde voit ces adresses."),
    "cc": ("Cc :", "Les destinataires en copie",
           "**Cc** veut dire « copie carbone » : ces personnes reçoivent une copie. Tout le monde voit leurs adresses."),
    "cci": ("Cci :", "Les destinataires en copie cachée",
            "**Cci** veut dire « copie carbone invisible » : ces personnes reçoivent une copie, "
            "mais personne ne voit leurs adresses."),
    "objet": ("Objet :", "L'objet du message",
              "L'**objet** dit en quelques mots de quoi parle le message."),
    "piece_jointe": ("Pièce jointe", "La pièce jointe",
                     "La **pièce jointe** est un fichier envoyé avec le message (une photo, un document…). "
                     "N'ouvrez que celles que vous attendiez."),
    "repondre": ("Répondre", "Répondre",
                 "**Répondre** écrit seulement à l'expéditeur."),
    "repondre_tous": ("Répondre à tous", "Répondre à tous",
                      "**Répondre à tous** écrit à l'expéditeur **et** à toutes les personnes en À et en Cc."),
    "transferer": ("Transférer", "Transférer",
                   "**Transférer** envoie une copie du message à quelqu'un d'autre."),
}

INBOX_VIEWS = {"telephone": "Vue téléphone", "ordinateur": "Vue ordinateur"}

#: How the pieces look: an address bar, a message (SMS, e-mail) or a page.
SPOT_PRESENTATIONS = ("adresse", "message", "page")

#: Profile headings, in display order (keys used in the YAML ``revele``).
TRACKER_CATEGORIES = {
    "interets": "Centres d'intérêt",
    "lieu": "Où vous habitez",
    "habitudes": "Vos habitudes",
    "sante": "Votre santé (donnée sensible)",
    "argent": "Votre budget",
}

PRIVACY_SETTINGS = {"public": "Public", "amis": "Amis", "moi": "Moi uniquement"}

#: The charts of the « graphique » step (drawn by ``widgets.charts``).
CHART_KINDS = ("honnete", "axe_coupe", "periode_choisie", "effet_surface")

#: The kinds of field of a simulated form (atelier 05, ``formulaire``: ``genre``); checked by
#: ``widgets.analysers.form.check``.
FORM_FIELD_KINDS = ("texte", "nom", "commune", "date", "date_naissance", "code_postal", "courriel", "telephone", "choix")
