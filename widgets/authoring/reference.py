"""The reference of step types for authors, generated from the schemas of ``widgets.steps.build.REGISTRY``.

Regenerate after adding a step type:
``.venv/bin/python -m widgets.authoring.reference > docs/reference-etapes.md``
"""
from __future__ import annotations

from widgets.content.step_types.catalog import step_types
from widgets.content.step_types.registry import COMMON_PROPERTIES
from widgets.content.validation import TYPE_NAMES

#: What each step type is for, in plain French (a type missing here is still listed).
TYPE_HELP = {
    "texte": "Un écran d'explication, sans question.",
    "choix": "Une question à choix : une ou plusieurs bonnes réponses, chaque réponse a son explication.",
    "vrai_faux": "Une affirmation : la personne répond « Vrai » ou « Faux ».",
    "tri": "Ranger des éléments dans des catégories (par exemple « Site officiel » ou « Imitation »).",
    "reperer": "Appuyer sur les morceaux suspects d'une adresse, d'un message ou d'une phrase.",
    "retenir": "Le résumé de fin : les points à retenir et les adresses utiles (repris dans le mémo).",
    "navigateur": "Une fenêtre de navigateur dessinée : la personne appuie sur la bonne partie.",
    "resultats_recherche": "Une page de résultats de recherche, avec des annonces : choisir le bon résultat.",
    "banniere_cookies": "Un bandeau de cookies : choisir le bon bouton.",
    "fausse_alerte": "Une fausse alerte de virus : choisir la bonne réaction.",
    "verificateur_lien": "L'outil qui vérifie un lien collé par la personne.",
    "franceconnect": "Se connecter avec FranceConnect sur des pages imitées : choisir un compte, se connecter avec "
                     "des identifiants inventés, lire ce que le service reçoit ; vérifier l'adresse à chaque écran.",
    "creation_compte": "Créer un compte : adresse électronique, mot de passe noté par la jauge, code reçu dans une "
                       "messagerie simulée (dossier des spams, code qui expire, « Je n'ai rien reçu »).",
    "formulaire": "Un formulaire de démarche imité : champs obligatoires, formats (date, code postal…), erreurs "
                  "expliquées sous chaque champ, récapitulatif avant de valider. Rien n'est gardé.",
    "aide_proximite": "Choisir son village pour voir les France services les plus proches "
                      "(liste datée de widgets/data/france_services.yaml, lieux « à vérifier »).",
    "piece_jointe": "Joindre un document à une démarche imitée : prendre un papier en photo (ou choisir un PDF) ; "
                    "la page dit si le fichier est lisible (sombre, flou, coupé, trop lourd…) et comment faire "
                    "mieux. Le fichier est lu en mémoire puis oublié. Conseils et sources : "
                    "widgets/data/piece_jointe.yaml.",
    "verification": "« Ce que je sais déjà » (`moment: avant`, au début) et « Ce que j'ai appris » (`moment: apres`, "
                    "à la fin) : 3 ou 4 `items`, chacun avec `id`, `competence`, `question`, `options` (une seule "
                    "`correct: true`), `a_revoir` (ce qu'il faut revoir si la réponse manque) et `adresse` "
                    "(facultatif). « Je ne sais pas » est ajouté tout seul, en dernier. La vérification de la fin "
                    "reprend les mêmes `id` et `competence`, avec d'autres exemples. Pas de note : la personne voit "
                    "ses progrès en mots, puis peut enregistrer son attestation de participation "
                    "(`attestation: false` pour ne pas la proposer). Le tableau de la salle montre le résultat à la "
                    "fin de la session, après « Révéler ».",
    "recepisse": "La fin d'une démarche imitée : le récépissé à télécharger (un PDF marqué « Exercice — document "
                 "sans valeur »), le courriel de confirmation dans une boîte de réception, où le retrouver plus "
                 "tard et pourquoi le garder.",
}

#: What frequent keys mean, in plain French.
KEY_HELP = {
    "type": "le type d'étape (voir la liste).",
    "titre": "le titre de l'étape, affiché en haut.",
    "duree": "la durée prévue, en minutes. La somme des durées doit être égale à la durée de l'atelier.",
    "texte": "un texte affiché avant l'activité (on peut écrire **en gras** avec deux étoiles).",
    "image": "une image : `fichier` (dans le dossier media), `alt` (sa description pour les personnes "
             "qui ne voient pas l'écran), `legende` (facultatif).",
    "id": "un identifiant court, sans accent ni espace (facultatif).",
    "en_direct": "`true` si l'étape se fait ensemble, au vidéoprojecteur (facultatif).",
    "question": "la question posée.",
    "options": "les réponses proposées : `texte`, `correct: true` pour la bonne, `retour` (l'explication), "
               "`dernier: true` pour une réponse qui reste en dernier (« Je ne sais pas »). Chaque participant "
               "voit les réponses dans un ordre mélangé pour lui.",
    "sources": "d'où viennent les faits de l'étape (un vrai site, un vrai numéro, un chiffre, un montant, un "
               "délai) : une liste de `titre`, `adresse` (qui commence par https://) et `consulte_le` "
               "(AAAA-MM-JJ). Elles sont imprimées sur la fiche animateur.",
    "prononciation": "ce que « Écouter » dit à la place d'un texte qui se lit mal à voix haute (une adresse, un "
                     "code, un sigle) : une liste de `ecrit` (le texte tel qu'il s'affiche sur l'étape) et `dire` "
                     "(ce qu'il faut prononcer). Aussi en haut du fichier, pour toutes les étapes.",
    "explication": "une explication affichée après la réponse.",
    "consigne": "ce que la personne doit faire.",
    "affirmation": "la phrase à juger vraie ou fausse.",
    "reponse": "`true` si l'affirmation est vraie, `false` si elle est fausse.",
    "retour_vrai": "ce qui s'affiche si la personne répond « Vrai ».",
    "retour_faux": "ce qui s'affiche si la personne répond « Faux ».",
    "categories": "les noms des catégories.",
    "elements": "les éléments à ranger : `texte`, `categorie` (la bonne), `retour`.",
    "morceaux": "les morceaux : `texte`, `suspect: true` pour ceux à repérer, `retour`.",
    "points": "les phrases à retenir (elles vont aussi dans le mémo imprimé).",
    "adresses": "les adresses utiles : `adresse` et `pour` (à quoi elle sert). Elles vont dans le mémo.",
    "adresse": "une adresse de site, affichée dans une barre d'adresse.",
    "exemples": "des exemples que la personne peut essayer d'un appui.",
    "boutons": "les boutons : `texte`, `style` (principal, secondaire ou discret), `correct: true`, `retour`. "
               "Ceux d'un bandeau de cookies gardent l'ordre du fichier (c'est leur vraie disposition) ; "
               "les réactions à une fausse alerte sont mélangées (`dernier: true` en garde une à la fin).",
    "resultats": "les résultats : `titre`, `adresse`, `description`, `annonce: true` pour une publicité, "
                 "`correct: true`, `retour`. Ils sont mélangés pour chaque participant, mais les annonces "
                 "restent en haut, comme sur un vrai moteur de recherche.",
    "plusieurs": "`true` s'il y a plusieurs bonnes réponses à cocher.",
    "service": "le nom du site de la démarche (par exemple Service-Public.gouv.fr).",
    "adresse_service": "l'adresse de la page du service, qui commence par https://.",
    "adresse_franceconnect": "l'adresse de FranceConnect montrée dans la barre d'adresse (https://…).",
    "comptes": "les comptes proposés : `nom`, `adresse` (https://…), `identifiant` (son nom, par exemple "
               "« Numéro fiscal »), `identifiant_exemple` et `secret_exemple` (inventés, affichés à l'écran), "
               "`secret` (le nom du mot de passe, facultatif), `note` (facultatif).",
    "identite": "la personne inventée. Pour `franceconnect` : `prenoms`, `nom`, et `transmis` : la liste des "
                "informations que le service reçoit (`donnee`, `valeur`), montrée sur l'écran d'accord. Pour "
                "`recepisse` : `prenom`, `nom`, `adresse` (facultatif), écrits sur le récépissé.",
    "site": "le nom du site ou du service imité, affiché en haut de sa page.",
    "document": "le papier que le site demande (par exemple « Justificatif de domicile »).",
    "taille_max_mo": "le poids maximum accepté par le site imité, en Mo (5 si rien n'est écrit) ; au-delà, la "
                     "page dit que le fichier est trop lourd et comment l'alléger.",
    "demarche": "le nom de la démarche (par exemple « Demande d'acte de naissance »).",
    "organisme": "le nom de l'organisme (un service, une administration, une entreprise) ; inventé pour un "
                 "`recepisse`.",
    "reference": "le numéro de dossier inventé (lettres, chiffres et « - ») ; sinon il est inventé au hasard, "
                 "« EX-AAAAMMJJ-123456 ».",
    "date": "la date et l'heure du dépôt, écrites AAAA-MM-JJ HH:MM ; sinon, l'heure du moment.",
    "pieces_jointes": "la liste des pièces jointes, écrites sur le récépissé.",
    "courriel": "le courriel de confirmation : `nom` et `adresse` de l'expéditeur (un domaine inventé en "
                ".example), `objet` et `texte` (facultatifs). On peut y écrire {prenom}, {nom}, {demarche}, "
                "{organisme}, {reference} et {date} : ils sont remplacés.",
    "ou_le_retrouver": "où retrouver le récépissé plus tard (courriel, « Mon espace » du site, dossier "
                       "Téléchargements).",
    "pourquoi_le_garder": "pourquoi garder le récépissé (avec ses sources dans `sources`).",
    "boite": "l'adresse électronique inventée de la personne, qui finit par .example.",
    "expediteur": "qui envoie le code : `nom` et `adresse` (qui finit par .example).",
    "validite_minutes": "combien de minutes le code marche (10 si rien n'est écrit).",
    "dans_les_spams": "`true` (ou rien) : le code arrive dans le dossier « Courrier indésirable » ; `false` : "
                      "dans la boîte de réception.",
    "introduction": "un texte affiché en haut de la page imitée.",
    "champs": "les champs : `cle` (un mot sans accent), `libelle`, `genre` (texte, nom, commune, date, "
              "date_naissance, code_postal, courriel, telephone ou choix), `obligatoire` (`false` pour un champ "
              "facultatif), `aide`, `exemple` (la bonne valeur, montrée en exemple), `choix` (pour `genre: choix`).",
}


def _kind(schema: dict) -> str:
    if "enum" in schema:
        return "une de ces valeurs : " + ", ".join(f"`{v}`" for v in schema["enum"])
    kinds = schema.get("type", "")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return " ou ".join(TYPE_NAMES.get(k, k) for k in kinds if k) or "voir un exemple"


def step_reference() -> str:
    """Markdown: every step type, its required and optional keys, with a French explanation."""
    lines = ["# Les types d'étapes et leurs clés", "",
             "Ce fichier est fabriqué à partir du programme : il est toujours à jour.",
             "Clés communes à toutes les étapes : "
             + ", ".join(f"`{k}`" for k in COMMON_PROPERTIES) + " (voir « texte » ci-dessous).", "",
             "`sources` : " + KEY_HELP["sources"], "",
             "`prononciation` : " + KEY_HELP["prononciation"], ""]
    for name, kind in sorted(step_types().items()):
        lines += [f"## `{name}`", "", TYPE_HELP.get(name, "Un type d'étape ajouté au projet."), "",
                  "| Clé | Obligatoire | Ce qu'on y met |", "|---|---|---|"]
        required = set(kind.schema.get("required", []))
        own = [k for k in kind.schema["properties"] if k not in COMMON_PROPERTIES or k in ("titre", "duree", "texte")]
        for key in own:
            prop = kind.schema["properties"][key]
            help_ = KEY_HELP.get(key, _kind(prop) + ".")
            lines.append(f"| `{key}` | {'oui' if key in required else 'non'} | {help_} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(step_reference())
