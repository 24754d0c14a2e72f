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
             "`sources` : " + KEY_HELP["sources"], ""]
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
