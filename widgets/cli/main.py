"""The ``atelier`` command, in French: serve the ateliers, check a link, an e-mail, the content."""
from __future__ import annotations

import argparse
import errno
import json
import os
import signal
import socket
import sys
from pathlib import Path

EXIT_OK, EXIT_PROBLEM = 0, 1


class FrenchFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse passes prefix="" when it computes a sub-command's name: keep it, or the name would
        # carry « Utilisation : » and the sub-command's help would say it twice.
        return super().add_usage(usage, actions, groups, prefix="Utilisation : " if prefix is None else prefix)


class FrenchParser(argparse.ArgumentParser):
    """argparse with French help and French errors (exit code 1, never a traceback)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", FrenchFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Arguments"
        self._optionals.title = "Options"
        self.add_argument("-h", "--aide", "--help", action="help", help="afficher cette aide et quitter")

    def error(self, message: str):
        translations = {
            "the following arguments are required": "il manque",
            "unrecognized arguments": "option inconnue",
            "invalid int value": "un nombre entier est attendu",
            "invalid choice": "choix impossible",
            "expected one argument": "une valeur est attendue après cette option",
        }
        french = next((fr + message[len(en):] for en, fr in translations.items() if message.startswith(en)),
                      "commande incorrecte")
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Erreur : {french}.\nTapez « {self.prog} --aide » pour l'aide.\n")
        sys.exit(EXIT_PROBLEM)


def _safe_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


# -- atelier lancer ------------------------------------------------------------------------
def local_addresses() -> list[str]:
    """IPv4 addresses of this computer on the local network (read from its interfaces, nothing sent)."""
    import psutil

    found = []
    stats = psutil.net_if_stats()
    for name, addresses in psutil.net_if_addrs().items():
        if name in stats and not stats[name].isup:
            continue
        for a in addresses:
            if a.family == socket.AF_INET and not a.address.startswith("127.") and not a.address.startswith("169.254."):
                found.append(a.address)
    return found


def port_is_free(ip: str, port: int) -> bool:
    """True if the server can listen on ``ip:port``."""
    family = socket.AF_INET6 if ":" in ip else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((ip, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return False
            raise
    return True


def print_qr(url: str) -> None:
    """A QR code of ``url`` in the terminal."""
    import qrcode

    qr = qrcode.QRCode(border=2)
    qr.add_data(url)
    qr.print_ascii(invert=True)


def prepare_documents(root: Path) -> None:
    """Build the printable guides and memos when missing or older than their sources (the landing page
    offers them): a conseiller who edited a content file gets documents that match it."""
    from widgets.documents.build import build_documents, documents_outdated

    if not documents_outdated(root):
        return
    print("Préparation des fiches à imprimer (quelques secondes)…", flush=True)
    try:
        build_documents(root)
    except Exception:  # noqa: BLE001 - the workshops must start anyway
        print("Les fiches à imprimer n'ont pas pu être préparées. Essayez : atelier fiches", file=sys.stderr)


def cmd_serve(args) -> int:
    from widgets.server.app import make_server
    from widgets.server.paths import default_root

    root = Path(args.dossier) if args.dossier else default_root()
    if not root.is_dir():
        print(f"Le dossier des ateliers est introuvable : {root}", file=sys.stderr)
        return EXIT_PROBLEM
    if not 1 <= args.port <= 65535:
        print("Le port doit être un nombre entre 1 et 65535.", file=sys.stderr)
        return EXIT_PROBLEM
    if args.participants < 0:
        print("Le nombre de participants attendus ne peut pas être négatif (par exemple : --participants 12).",
              file=sys.stderr)
        return EXIT_PROBLEM
    try:
        free = port_is_free(args.adresse, args.port)
    except OSError:
        print(f"L'adresse {args.adresse} n'existe pas sur cet ordinateur. "
              "Essayez --adresse 0.0.0.0 (réseau local) ou --adresse 127.0.0.1 (cet ordinateur seulement).",
              file=sys.stderr)
        return EXIT_PROBLEM
    if not free:
        print(f"Le port {args.port} est déjà utilisé, peut-être par des ateliers déjà lancés.\n"
              f"Fermez l'autre programme, ou choisissez un autre port, par exemple : "
              f"atelier lancer --port {args.port + 1}", file=sys.stderr)
        return EXIT_PROBLEM
    from widgets.server.secret import new_secret
    from widgets.sessions.store import ENV_DATA_DIR, LiveStore, default_data_dir

    data_dir = Path(args.donnees).expanduser().resolve() if args.donnees else default_data_dir().resolve()
    if data_dir.is_relative_to(root.resolve()):
        print("Le dossier des réponses ne doit pas être dans le dossier des ateliers (il serait visible). "
              "Choisissez-en un autre avec --donnees.", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        LiveStore(data_dir)
    except Exception:  # noqa: BLE001 - said in French, never a traceback
        print(f"Le dossier des réponses ne peut pas être utilisé : {data_dir}", file=sys.stderr)
        return EXIT_PROBLEM
    os.environ[ENV_DATA_DIR] = str(data_dir)  # the participants' kernels write there
    from widgets.sessions.attestation import ENV_PLACE, ENV_STRUCTURE, clean_text

    for variable, given in ((ENV_STRUCTURE, args.structure), (ENV_PLACE, args.lieu)):
        if given is not None:  # written on the attestations made in the participants' kernels
            os.environ[variable] = clean_text(given)
    local_only = args.adresse.startswith("127.") or args.adresse in ("localhost", "::1")
    hosts = ["127.0.0.1"] if local_only else (local_addresses() if args.adresse in ("0.0.0.0", "::") else [args.adresse])
    urls = [f"http://{h}:{args.port}/" for h in hosts] or [f"http://127.0.0.1:{args.port}/"]
    secret = new_secret()
    from widgets.content.atelier import list_ateliers

    list_ateliers(root)  # validated once here: the participants' kernels, started next, need not do it again
    prepare_documents(root)
    from widgets.charts.cache import prepare_charts

    prepare_charts()  # drawn once: no kernel loads pandas and matplotlib when the room reaches the charts
    server = make_server(root, args.adresse, args.port, reserve=args.reserve, secret=secret,
                         data_dir=str(data_dir), join_url=urls[0] + "rejoindre",
                         participants=args.participants)
    print("\nLes ateliers sont prêts.\n")
    if local_only:
        print(f"Ouvrez cette adresse sur cet ordinateur : {urls[0]}")
    else:
        print(f"Donnez cette adresse aux participants (même Wi-Fi) : {urls[0]}")
        for other in urls[1:]:
            print(f"  (ou, selon le réseau : {other})")
        print("Ou faites scanner ce QR code avec l'appareil photo du téléphone :\n")
        print_qr(urls[0])
    print(f"\nPage de l'animateur (résultats en direct), sur cet ordinateur seulement, ne la donnez pas :\n"
          f"  http://127.0.0.1:{args.port}/animateur?cle={secret}\n")
    print("Pour arrêter les ateliers : appuyez sur Ctrl+C dans cette fenêtre.\n", flush=True)
    # Ctrl+C stops the ateliers even when whatever started this command ignored it (a script's « & »,
    # some desktop launchers): the server kept running, and the conseiller had to find the process.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        server.start()
    except KeyboardInterrupt:
        pass
    print("\nLes ateliers sont arrêtés. À bientôt !")
    return EXIT_OK


def cmd_report(args) -> int:
    from widgets.server.paths import default_root
    from widgets.sessions.report import session_rows, to_csv, to_json, to_text
    from widgets.sessions.store import DB_NAME, LiveStore, default_data_dir

    data_dir = Path(args.donnees).expanduser() if args.donnees else default_data_dir()
    if not (data_dir / DB_NAME).is_file():
        print("Aucune session en direct n'a encore eu lieu (pas de base de réponses dans "
              f"{data_dir}).", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        rows = session_rows(LiveStore(data_dir), Path(args.dossier) if args.dossier else default_root())
    except Exception:  # noqa: BLE001 - said in French, never a traceback
        print("La base des réponses ne peut pas être lue.", file=sys.stderr)
        return EXIT_PROBLEM
    print(to_csv(rows) if args.csv else to_json(rows) if args.json else to_text(rows), end="" if args.csv else "\n")
    return EXIT_OK


# -- atelier verifier-lien / verifier-courriel / verifier-contenu ---------------------------
def cmd_check_link(args) -> int:
    from widgets.analysers.link.check import check_link, render_text

    report = check_link(args.url)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(report))
    return EXIT_OK if report.valid and report.level == "ok" else EXIT_PROBLEM


MAX_MAIL_BYTES = 5_000_000


def cmd_check_mail(args) -> int:
    from widgets.analysers.mail.check import check_message, render_text

    try:
        if args.fichier == "-":
            data = sys.stdin.buffer.read(MAX_MAIL_BYTES + 1)
        else:
            path = Path(args.fichier)
            if path.is_dir():
                print(f"« {args.fichier} » est un dossier, pas un fichier de message.", file=sys.stderr)
                return EXIT_PROBLEM
            with path.open("rb") as f:
                data = f.read(MAX_MAIL_BYTES + 1)
    except FileNotFoundError:
        print(f"Le fichier « {args.fichier} » est introuvable.", file=sys.stderr)
        return EXIT_PROBLEM
    except OSError:
        print(f"Le fichier « {args.fichier} » ne peut pas être lu.", file=sys.stderr)
        return EXIT_PROBLEM
    report = check_message(data, max_bytes=MAX_MAIL_BYTES)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(report))
    return EXIT_OK if report.valid and report.level == "ok" else EXIT_PROBLEM


def cmd_check_content(args) -> int:
    from widgets.content.atelier import load_atelier
    from widgets.content.names import CONTENT_FILE
    from widgets.content.readability import atelier_readability, figures_line
    from widgets.content.review import known_facts, review_atelier, review_data
    from widgets.content.validation import ContentError
    from widgets.documents.guide import check_guide
    from widgets.server.paths import default_root

    root = Path(args.dossier) if args.dossier else default_root()
    single = (root / CONTENT_FILE).is_file()
    folders = [root] if single else sorted(p.parent for p in root.glob(f"*/{CONTENT_FILE}"))
    if not folders:
        print(f"Aucun fichier atelier.yaml trouvé dans {root}.", file=sys.stderr)
        return EXIT_PROBLEM
    problems = remarks = 0
    facts = known_facts()
    for folder in folders:
        try:
            atelier = load_atelier(folder)
            check_guide(folder)  # the facilitator's notes beside it, if any
        except ContentError as exc:
            problems += 1
            print(f"✖ {folder.name} : {exc}")
        else:
            print(f"✔ {folder.name} : « {atelier.title} », {len(atelier.steps)} étapes, {atelier.minutes} minutes.")
            if args.lisibilite:  # the figures of every step (the remarks below say which are hard)
                for number, title, figures in atelier_readability({"etapes": atelier.steps}):
                    print(f"    {number}. {title} : {figures_line(figures)}")
            for remark in review_atelier(folder, facts):  # what to read again: never an error
                remarks += 1
                print(f"  ⚠ {remark}")
    data_remarks = [] if args.sans_donnees else review_data()
    if data_remarks:
        print("Fichiers de données du programme :")
        for remark in data_remarks:
            print(f"  ⚠ {remark}")
    remarks += len(data_remarks)
    print("Tout est correct." if not problems else f"{problems} fichier(s) à corriger.")
    if remarks:
        print(f"{remarks} remarque(s) « ⚠ » à relire : elles n'empêchent pas les ateliers de fonctionner, "
              "mais un participant pourrait deviner une réponse ou vous reprendre sur un fait.")
    return EXIT_OK if not problems else EXIT_PROBLEM


def build_parser() -> FrenchParser:
    parser = FrenchParser(prog="atelier", description="Les ateliers numériques du conseiller numérique.")
    sub = parser.add_subparsers(dest="commande", title="Commandes", metavar="COMMANDE", parser_class=FrenchParser)

    p = sub.add_parser("lancer", help="lancer les ateliers pour les participants",
                       description="Sert les ateliers sur le réseau local et affiche l'adresse et le QR code à donner.")
    p.add_argument("--adresse", default="0.0.0.0",
                   help="adresse d'écoute (0.0.0.0 : tout le réseau local ; 127.0.0.1 : cet ordinateur seulement)")
    p.add_argument("--port", type=int, default=8866, help="port (8866 par défaut)")
    p.add_argument("--dossier", help="dossier des ateliers (par défaut : ateliers/)")
    p.add_argument("--reserve", type=int, default=2,
                   help="pages préparées à l'avance par atelier, pour un affichage rapide (2 par défaut ; 0 : aucune)")
    p.add_argument("--participants", type=int, default=12, metavar="N",
                   help="nombre de participants attendus : autant de pages sont préparées pour l'atelier de la "
                        "session en direct, le temps que la salle scanne le QR code (12 par défaut)")
    p.add_argument("--reserve-session", type=int, dest="participants", help=argparse.SUPPRESS)  # ancien nom
    p.add_argument("--donnees", help="dossier de la base des réponses en direct "
                                      "(par défaut : ~/.local/share/ateliers-numeriques)")
    p.add_argument("--structure", metavar="NOM", help="votre structure, écrite sur les attestations de participation "
                                                      "(par exemple : « Médiathèque d'Alba-la-Romaine »)")
    p.add_argument("--lieu", metavar="LIEU", help="le lieu de l'atelier, écrit sur les attestations (par exemple : "
                                                  "« Salle des fêtes, Alba-la-Romaine »)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("bilan", help="le bilan des sessions en direct, pour le compte rendu d'activité (CRA)",
                       description="Une ligne par session : date, atelier, durée, participants, thèmes, niveau, "
                                   "nombres par âge et par statut (jamais de noms).")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--csv", action="store_true", help="résultat en CSV (tableur)")
    group.add_argument("--json", action="store_true", help="résultat en JSON")
    p.add_argument("--donnees", help="dossier de la base des réponses en direct")
    p.add_argument("--dossier", help="dossier des ateliers (par défaut : ateliers/)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("verifier-lien", help="dire à qui est un site et ce qui est suspect dans un lien",
                       description="Analyse un lien, sans l'ouvrir. Code de sortie : 0 si rien de suspect, 1 sinon.")
    p.add_argument("url", metavar="LIEN", help="le lien à vérifier (entre guillemets)")
    p.add_argument("--json", action="store_true", help="résultat en JSON")
    p.set_defaults(func=cmd_check_link)

    p = sub.add_parser("verifier-courriel", help="analyser un courriel (fichier .eml)",
                       description="Analyse un message (.eml ou source copiée dans un fichier ; « - » pour l'entrée "
                                   "standard). Code de sortie : 0 si rien de suspect, 1 sinon.")
    p.add_argument("fichier", metavar="FICHIER", help="le fichier du message")
    p.add_argument("--json", action="store_true", help="résultat en JSON")
    p.set_defaults(func=cmd_check_mail)

    p = sub.add_parser("verifier-contenu", help="vérifier les fichiers de contenu des ateliers",
                       description="Vérifie chaque atelier.yaml et indique la ligne de chaque erreur. Signale aussi, "
                                   "sans bloquer (« ⚠ »), ce qui est à relire : une bonne réponse qui se devine, "
                                   "un fait sans source, un numéro de téléphone qui peut sonner chez quelqu'un, une étape difficile à lire, "
                                   "des données vérifiées il y a plus d'un an.")
    p.add_argument("dossier", nargs="?", help="dossier des ateliers, ou d'un atelier (par défaut : ateliers/)")
    p.add_argument("--sans-donnees", action="store_true",
                   help="ne pas relire les dates de vérification des fichiers de données du programme")
    p.add_argument("--lisibilite", action="store_true",
                   help="montrer, pour chaque étape, la longueur moyenne des phrases et le score de lisibilité")
    p.set_defaults(func=cmd_check_content)

    from widgets.cli.documents import register as register_documents

    register_documents(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    _safe_stdout()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_PROBLEM
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return EXIT_PROBLEM
    except BrokenPipeError:
        return EXIT_PROBLEM


if __name__ == "__main__":
    sys.exit(main())
