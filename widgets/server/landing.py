"""The landing page at ``/``: the ateliers as large cards, in French, with no JavaScript."""
from __future__ import annotations

from pathlib import Path

from widgets.content import list_ateliers
from widgets.ui import esc

STYLE = """
body { font-family: system-ui, "DejaVu Sans", "Segoe UI", Roboto, sans-serif; font-size: 20px; line-height: 1.5;
       color: #1a1a1a; background: #f6f7f9; margin: 0; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 16px; }
header { padding-top: 1rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: .5rem 0; }
.intro { font-size: 1.1rem; margin: 0 0 1rem; }
.cartes { list-style: none; padding: 0; margin: 0; display: grid; gap: 16px;
          grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
.carte a { display: block; height: 100%; box-sizing: border-box; padding: 18px 20px; background: #fff; color: #1a1a1a;
           text-decoration: none; border: 3px solid #0b4f8a; border-radius: 14px; min-height: 44px; }
.carte a:hover { background: #e8f0f8; }
.carte a:focus-visible { outline: 4px solid #111; outline-offset: 3px; }
.carte-titre { display: block; font-size: 1.4rem; font-weight: 700; color: #0b4f8a; }
.carte-duree { display: block; font-weight: 600; color: #4a4a4a; margin: .2rem 0; }
.carte-resume { display: block; }
.erreur { border: 3px solid #a30000; background: #fdecea; padding: .5rem 1rem; border-radius: 10px; }
.documents { margin-top: 2rem; }
.documents h2 { font-size: 1.5rem; margin: 0 0 .5rem; }
.documents ul { padding-left: 1.2rem; }
.documents li { margin: .3rem 0; }
.documents a { color: #0b4f8a; display: inline-block; min-height: 44px; line-height: 44px; padding: 0 .2rem; }
.documents a:focus-visible { outline: 4px solid #111; outline-offset: 2px; }
footer { margin-top: 2rem; padding-bottom: 2rem; color: #4a4a4a; font-size: 18px; }
footer a { color: #0b4f8a; }
@media (max-width: 600px) { body { font-size: 19px; } h1 { font-size: 1.6rem; } }
"""


def atelier_url(base_url: str, atelier_id: str) -> str:
    """The address of an atelier's page under ``base_url``."""
    return f"{base_url}voila/render/{atelier_id}/atelier.ipynb"


def documents_section(ateliers: list, folder: Path, base_url: str = "/") -> str:
    """« Documents à imprimer »: links to the mémos and fiches animateur already built in ``folder``."""
    from widgets.documents.build import KINDS, document_name

    items = []
    for a in ateliers:
        links = []
        for kind, label in KINDS.items():
            for ext in ("pdf", "html"):
                name = document_name(a.id, kind, ext)
                if (folder / name).is_file():
                    fmt = "PDF" if ext == "pdf" else "page web"
                    links.append(f'<a href="{esc(base_url)}documents/{esc(name)}">{esc(label)} ({fmt})</a>')
        if links:
            items.append(f"<li><strong>{esc(a.title)}</strong> : " + " · ".join(links) + "</li>")
    body = (f"<ul>{''.join(items)}</ul>" if items else
            "<p>Les documents ne sont pas encore préparés. L'animateur peut les créer avec la commande "
            "<code>atelier fiches</code>.</p>")
    return ('<section class="documents" aria-labelledby="titre-documents">'
            '<h2 id="titre-documents">Documents à imprimer</h2>'
            "<p>Le mémo tient sur une page, en gros caractères, à garder chez soi. "
            "La fiche animateur sert à préparer et à animer l'atelier.</p>" + body + "</section>")


def landing_html(root: Path, base_url: str = "/", extra_footer: str = "", documents: Path | None = None) -> str:
    """The whole landing page; ``documents`` is the folder of built documents (default: beside ``root``)."""
    from widgets.documents.build import documents_dir

    ateliers, errors = list_ateliers(root)
    printable = documents_section(ateliers, Path(documents) if documents else documents_dir(root), base_url)
    cards = "".join(
        f'<li class="carte"><a href="{esc(atelier_url(base_url, a.id))}">'
        f'<span class="carte-titre">{esc(a.title)}</span>'
        f'<span class="carte-duree">Environ {a.minutes} minutes · {esc(a.level)}</span>'
        f'<span class="carte-resume">{esc(a.summary)}</span></a></li>'
        for a in ateliers
    )
    problems = ""
    if errors:
        names = ", ".join(esc(Path(e.file).parent.name) for e in errors)
        problems = (f'<p class="erreur" role="alert">Un atelier ne peut pas s\'afficher ({names}) : son fichier de '
                    "contenu contient une erreur. L'animateur peut la trouver avec la commande "
                    "<code>atelier verifier-contenu</code>.</p>")
    if not ateliers and not errors:
        cards = "<li>Aucun atelier n'est installé pour le moment.</li>"
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ateliers numériques</title>
<link rel="icon" href="data:,">
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>Ateliers numériques</h1>
<p class="intro">Choisissez l'atelier que l'animateur vous indique. Prenez votre temps : il n'y a pas de note.</p>
</header>
<main>
{problems}
<ul class="cartes">{cards}</ul>
{printable}
</main>
<footer>
<p>Rien de ce que vous tapez dans les ateliers n'est gardé ni envoyé sur Internet.</p>
{extra_footer}
</footer>
</body>
</html>"""
