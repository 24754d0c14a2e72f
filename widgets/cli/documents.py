"""The ``atelier fiches`` and ``atelier nouvel-atelier`` commands (``register`` adds them to the CLI)."""
from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEM = 0, 1


def _root(value: str | None) -> Path:
    from widgets.server.paths import default_root

    return Path(value) if value else default_root()


def cmd_documents(args) -> int:
    """Build every fiche animateur and mémo; say where they are."""
    from widgets.documents.build import build_documents, documents_dir

    root = _root(args.ateliers)
    if not root.is_dir():
        print(f"Le dossier des ateliers est introuvable : {root}", file=sys.stderr)
        return EXIT_PROBLEM
    out = Path(args.dossier) if args.dossier else documents_dir(root)
    import os

    from widgets.sessions.attestation import ENV_PLACE, ENV_STRUCTURE, clean_text

    for variable, given in ((ENV_STRUCTURE, args.structure), (ENV_PLACE, args.lieu)):
        if given is not None:  # written on the blank attestations
            os.environ[variable] = clean_text(given)
    try:
        result = build_documents(root, out, pdf=not args.html_seulement)
    except OSError:
        print(f"Impossible d'écrire dans le dossier {out}. Choisissez-en un autre avec --dossier.", file=sys.stderr)
        return EXIT_PROBLEM
    for problem in result.problems:
        print(f"✖ {problem}")
    count = len(result.files)
    print(f"{count} document{'s' if count > 1 else ''} prêt{'s' if count > 1 else ''} dans le dossier : {result.folder.resolve()}")
    return EXIT_OK if count and not result.problems else EXIT_PROBLEM


def cmd_new_atelier(args) -> int:
    """Create a new atelier from the model, then say what to do next."""
    from widgets.authoring.new_atelier import NameError_, create_atelier

    root = _root(args.dossier)
    if not root.is_dir():
        print(f"Le dossier des ateliers est introuvable : {root}", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        folder = create_atelier(args.nom, root, title=args.titre)
    except NameError_ as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_PROBLEM
    except OSError:
        print(f"Impossible de créer l'atelier dans {root}.", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"Le nouvel atelier est prêt : {folder}\n"
          f"1. Modifiez {folder / 'atelier.yaml'} (le contenu) et {folder / 'animateur.yaml'} (vos notes).\n"
          "2. Vérifiez avec : atelier verifier-contenu\n"
          "3. Le guide docs/ecrire-un-atelier.md explique tout, pas à pas.")
    return EXIT_OK


def register(subparsers) -> None:
    """Add ``fiches`` and ``nouvel-atelier`` to the ``atelier`` command's subparsers."""
    p = subparsers.add_parser(
        "fiches", help="fabriquer les fiches animateur, les mémos et les attestations vierges à imprimer (PDF et HTML)",
        description="Fabrique, pour chaque atelier, la fiche animateur et le mémo des participants, "
                    "en PDF (accessible) et en HTML, dans un dossier.")
    p.add_argument("--dossier", metavar="SORTIE", help="dossier où ranger les documents (par défaut : documents/)")
    p.add_argument("--ateliers", metavar="DOSSIER", help="dossier des ateliers (par défaut : ateliers/)")
    p.add_argument("--html-seulement", action="store_true", help="seulement les pages HTML, sans PDF (plus rapide)")
    p.add_argument("--structure", metavar="NOM", help="votre structure, écrite sur les attestations vierges")
    p.add_argument("--lieu", metavar="LIEU", help="le lieu des ateliers, écrit sur les attestations vierges")
    p.set_defaults(func=cmd_documents)

    p = subparsers.add_parser(
        "nouvel-atelier", help="créer un nouvel atelier à partir d'un modèle qui fonctionne",
        description="Crée le dossier d'un nouvel atelier (atelier.yaml, animateur.yaml, atelier.ipynb), "
                    "prêt à être modifié.")
    p.add_argument("nom", metavar="NOM", help="nom court de l'atelier, par exemple : banque")
    p.add_argument("--titre", help="titre affiché (par défaut : le nom)")
    p.add_argument("--dossier", help="dossier des ateliers (par défaut : ateliers/)")
    p.set_defaults(func=cmd_new_atelier)
