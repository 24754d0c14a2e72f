"""Facilitator guides, printable memos, new ateliers, the documents handler (issue 7)."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application

from widgets.authoring.new_atelier import NameError_, folder_name
from widgets.authoring.reference import step_reference
from widgets.cli.documents import register
from widgets.cli.main import FrenchParser
from widgets.cli.main import main as cli_main
from widgets.content.atelier import (
    ContentError,
    list_ateliers,
    load_atelier,
    referentials,
)
from widgets.content.names import GUIDE_FILE
from widgets.documents.build import build_documents, document_name, documents_outdated
from widgets.documents.guide import check_guide, load_guide
from widgets.server.documents import ROUTE, DocumentsHandler
from widgets.server.pages import landing_html
from widgets.workshop.walkthrough import walkthrough

ROOT = Path(__file__).resolve().parent.parent
ATELIERS = ROOT / "ateliers"
FIRST = ATELIERS / "01_navigateur"


def ateliers():
    found, errors = list_ateliers(ATELIERS)
    assert not errors, errors
    return found


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("documents")
    return build_documents(ATELIERS, out)


def run_cli(args, capsys):
    parser = FrenchParser(prog="atelier")
    register(parser.add_subparsers(dest="commande", parser_class=FrenchParser))
    parsed = parser.parse_args(args)
    code = parsed.func(parsed)
    return code, capsys.readouterr()


# -- the facilitator guide ----------------------------------------------------------------------
def test_every_atelier_has_facilitator_notes_that_load():
    for atelier in ateliers():
        assert (atelier.folder / GUIDE_FILE).is_file(), f"{atelier.id} n'a pas de {GUIDE_FILE}"
        assert load_guide(atelier).questions


def test_step_minutes_add_up_to_the_declared_duration():
    for atelier in ateliers():
        guide = load_guide(atelier)
        assert len(guide.plan) == len(atelier.steps)
        assert guide.teaching_minutes + guide.exercise_minutes == atelier.minutes, atelier.id
        assert sum(s.minutes for s in guide.plan) == atelier.minutes, atelier.id


def test_documents_built_for_every_atelier(built):
    assert not built.problems
    for atelier in ateliers():
        for kind in ("fiche-animateur", "memo"):
            for ext in ("pdf", "html"):
                assert (built.folder / document_name(atelier.id, kind, ext)).is_file()


def test_guide_pdf_has_title_duration_competences_and_extractable_text(built):
    refs = referentials()
    for atelier in ateliers():
        pdf = built.folder / document_name(atelier.id, "fiche-animateur", "pdf")
        text = pdf_text(pdf)
        assert atelier.title in text
        assert f"{atelier.minutes} minutes" in text
        guide = load_guide(atelier)
        assert f"{guide.teaching_minutes} minutes d'explications" in text
        for code in atelier.pix:
            assert code in text and refs["competences_pix"][code][:25] in text
        for theme in atelier.cra_themes:
            assert refs["themes_cra"][theme] in text
        assert guide.questions[0]["question"][:30] in text
        assert "CC BY-SA 4.0" in text and "EUPL" in text


def test_pdfs_are_tagged_french_and_titled(built):
    for pdf in sorted(built.folder.glob("*.pdf")):
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "fr"
        assert root["/MarkInfo"]["/Marked"]
        assert "/StructTreeRoot" in root
        assert reader.metadata.title and any(a.title in reader.metadata.title for a in ateliers())


def test_memo_is_one_large_print_page_with_the_key_points(built):
    for atelier in ateliers():
        pdf = built.folder / document_name(atelier.id, "memo", "pdf")
        reader = PdfReader(pdf)
        assert len(reader.pages) == 1, f"le mémo de {atelier.id} dépasse une page"
        text = pdf_text(pdf)
        recap = next(s for s in atelier.steps if s.get("type") == "retenir")
        for address in recap.get("adresses", []):
            assert address["adresse"] in text
        first_point = re.sub(r"[*`]", "", recap["points"][0])
        assert " ".join(first_point.split())[:30] in text
        sizes = set()
        reader.pages[0].extract_text(visitor_text=lambda t, cm, tm, font, size: sizes.add(
            round(size * (tm[0] or 1) * (cm[0] or 1), 1)) if t.strip() else None)
        assert sizes and min(sizes) >= 14, sizes


def test_documents_are_rebuilt_only_when_a_content_file_changed(tmp_path):
    root = tmp_path / "ateliers"
    shutil.copytree(FIRST, root / FIRST.name)
    out = tmp_path / "documents"
    assert documents_outdated(root, out)  # none yet
    build_documents(root, out)
    assert not documents_outdated(root, out)
    notes = root / FIRST.name / GUIDE_FILE
    later = (out / document_name(FIRST.name, "memo", "pdf")).stat().st_mtime + 5
    os.utime(notes, (later, later))  # the conseiller edited the notes after the build
    assert documents_outdated(root, out)


def test_html_versions_are_french_with_licence_footer(built):
    for atelier in ateliers():
        page = (built.folder / document_name(atelier.id, "memo", "html")).read_text(encoding="utf-8")
        assert '<html lang="fr">' in page and atelier.title in page and "CC BY-SA 4.0" in page


def test_fiches_command_says_where_the_documents_are(tmp_path, capsys):
    code, out = run_cli(["fiches", "--dossier", str(tmp_path / "sortie"), "--html-seulement",
                         "--ateliers", str(ATELIERS)], capsys)
    assert code == 0
    assert str((tmp_path / "sortie").resolve()) in out.out
    assert (tmp_path / "sortie" / document_name("01_navigateur", "memo", "html")).is_file()


# -- mistakes in animateur.yaml -----------------------------------------------------------------
def copy_first(tmp_path) -> Path:
    target = tmp_path / "01_navigateur"
    shutil.copytree(FIRST, target, ignore=shutil.ignore_patterns("*.ipynb"))
    return target


def test_wrong_minutes_in_notes_are_explained_with_their_line(tmp_path):
    folder = copy_first(tmp_path)
    text = (folder / GUIDE_FILE).read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(i for i, l in enumerate(lines) if "etape: Lire une adresse" in l) + 1
    (folder / GUIDE_FILE).write_text(text.replace("etape: Lire une adresse\n    expose: 3",
                                                  "etape: Lire une adresse\n    expose: 5"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        check_guide(folder)
    assert info.value.line == line
    assert "Lire une adresse" in str(info.value) and "minutes" in str(info.value)


def test_unknown_step_and_bad_yaml_in_notes_point_to_the_line(tmp_path):
    folder = copy_first(tmp_path)
    (folder / GUIDE_FILE).write_text("materiel:\n  projecteur: oui\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        check_guide(folder)
    assert "il manque la clé" in str(info.value) or "oui ou non" in str(info.value)
    (folder / GUIDE_FILE).write_text("individuel: Attention : ici\n  x: 1\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        check_guide(folder)
    assert info.value.line is not None and "ligne" in str(info.value)


def test_a_mistake_in_a_content_file_gives_the_french_message_with_its_line(tmp_path, capsys):
    folder = copy_first(tmp_path)
    text = (folder / "atelier.yaml").read_text(encoding="utf-8")
    (folder / "atelier.yaml").write_text(text.replace("    type: vrai_faux\n", "    type: vrai_ou_faux\n", 1),
                                         encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines()) if "type: vrai_faux" in l) + 1
    assert cli_main(["verifier-contenu", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"ligne {line}" in out and "vrai_ou_faux" in out and "n'existe pas" in out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_any_notes_file_gives_a_french_error_or_a_guide(tmp_path, text):
    folder = tmp_path / "a"
    folder.mkdir(exist_ok=True)
    atelier = load_atelier(FIRST)
    atelier.folder = folder
    (folder / GUIDE_FILE).write_text(text, encoding="utf-8", errors="replace")
    try:
        load_guide(atelier)
    except ContentError as exc:
        assert str(exc).startswith(str(folder / GUIDE_FILE))


@given(st.text(max_size=120))
def test_any_name_gives_a_folder_name_or_a_french_refusal(name):
    try:
        result = folder_name(name, Path("/nonexistent"))
    except NameError_ as exc:
        assert "nom" in str(exc)
    else:
        assert re.fullmatch(r"\d\d_[a-z0-9_]{1,40}", result)


# -- nouvel-atelier ----------------------------------------------------------------------------
def test_new_atelier_is_valid_runs_and_appears_on_the_landing_page(tmp_path, capsys):
    shutil.copytree(FIRST, tmp_path / "01_navigateur")
    code, out = run_cli(["nouvel-atelier", "Payer en ligne", "--titre", "Payer en ligne sans risque",
                         "--dossier", str(tmp_path)], capsys)
    assert code == 0, out.err
    folder = tmp_path / "02_payer_en_ligne"
    assert str(folder) in out.out
    assert {p.name for p in folder.iterdir()} >= {"atelier.yaml", "animateur.yaml", "atelier.ipynb"}
    assert cli_main(["verifier-contenu", str(tmp_path)]) == 0
    assert "✔ 02_payer_en_ligne" in capsys.readouterr().out
    guide = check_guide(folder)
    assert guide.total_minutes == guide.atelier.minutes
    report = walkthrough(folder)
    assert "NON" not in report and report.count("oui") == 5
    assert "Payer en ligne sans risque" in landing_html(tmp_path)
    code, out = run_cli(["nouvel-atelier", "02_payer_en_ligne", "--dossier", str(tmp_path)], capsys)
    assert code == 1 and "existe déjà" in out.err


def test_new_atelier_refuses_a_name_without_letters(tmp_path, capsys):
    code, out = run_cli(["nouvel-atelier", "!!!", "--dossier", str(tmp_path)], capsys)
    assert code == 1 and "au moins une lettre" in out.err
    assert not any(tmp_path.iterdir())


# -- landing page and handler ------------------------------------------------------------------
def test_landing_page_offers_the_documents(built):
    page = landing_html(ATELIERS, documents=built.folder)
    assert "Documents à imprimer" in page
    for atelier in ateliers():
        assert f'href="/documents/{document_name(atelier.id, "memo", "pdf")}"' in page


def test_landing_page_explains_when_documents_are_missing(tmp_path):
    page = landing_html(ATELIERS, documents=tmp_path)
    assert "Documents à imprimer" in page and "atelier fiches" in page
    assert "/documents/" not in page


class TestDocumentsHandler(AsyncHTTPTestCase):
    def get_app(self):
        import tempfile

        self.folder = Path(tempfile.mkdtemp())
        (self.folder / "01_x-memo.pdf").write_bytes(b"%PDF-1.7 test")
        (self.folder / "01_x-memo.html").write_text("<p>mémo</p>", encoding="utf-8")
        (self.folder / "secret.yaml").write_text("x: 1", encoding="utf-8")
        (self.folder.parent / "dehors.pdf").write_bytes(b"%PDF outside")
        return Application([(ROUTE, DocumentsHandler, {"folder": self.folder})])

    def test_serves_documents_of_its_folder(self):
        response = self.fetch("/documents/01_x-memo.pdf")
        assert response.code == 200 and response.body == b"%PDF-1.7 test"
        assert response.headers["Content-Type"] == "application/pdf"
        assert self.fetch("/documents/01_x-memo.html").headers["Content-Type"].startswith("text/html")

    def test_nothing_else_and_no_listing(self):
        for path in ("/documents/", "/documents", "/documents/secret.yaml", "/documents/..%2Fdehors.pdf",
                     "/documents/%2E%2E/dehors.pdf", "/documents/absent.pdf", "/documents/.hidden.pdf"):
            response = self.fetch(path)
            assert response.code == 404, path
            assert b"outside" not in response.body
        response = self.fetch("/documents/absent.pdf")
        assert "Document introuvable".encode() in response.body


# -- authoring guide ---------------------------------------------------------------------------
def test_step_reference_documents_every_step_type():
    from widgets.content.step_types.catalog import step_types

    generated = step_reference()
    written = (ROOT / "docs" / "reference-etapes.md").read_text(encoding="utf-8")
    for name, kind in step_types().items():
        assert f"## `{name}`" in generated
        assert f"## `{name}`" in written, f"régénérez docs/reference-etapes.md ({name} manque)"
        for key in kind.schema.get("required", []):
            assert f"| `{key}` | oui |" in generated


# -- sources on the fiche animateur (issue 12) ---------------------------------------------------------
def test_the_fiche_lists_the_sources_of_each_step_and_of_the_atelier(tmp_path):
    import html

    import yaml

    from widgets.documents.render import guide_html

    folder = copy_first(tmp_path)
    file = folder / "atelier.yaml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    index = next(i for i, s in enumerate(data["etapes"]) if s.get("type") == "choix")
    step_source = {"titre": "Source de l'étape essai", "adresse": "https://www.exemple.gouv.fr/etape-essai",
                   "consulte_le": "2026-11-28"}
    data["etapes"][index]["sources"] = [step_source]
    data["sources"] = [{"titre": "Source générale essai", "adresse": "https://www.exemple.gouv.fr/atelier-essai",
                        "consulte_le": "2026-11-27"}]
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    guide = load_guide(load_atelier(folder))
    assert guide.plan[index].sources == [step_source] and guide.sources
    page = html.unescape(guide_html(guide))
    title = data["etapes"][index]["titre"]
    section = page[page.index(f"{index + 1}. {title}"):]
    section = section[:section.index("</section>")]
    assert "Source de l'étape essai" in section and "https://www.exemple.gouv.fr/etape-essai" in section
    assert "consultée le 28/11/2026" in section
    end = page[page.rindex("<h2>Sources</h2>"):]
    assert "Source générale essai" in end and "https://www.exemple.gouv.fr/atelier-essai" in end
    assert "27/11/2026" in end
    assert page.index("<h2>Sources</h2>") > page.index("Variante en accompagnement individuel")


def test_every_source_of_the_shipped_ateliers_is_on_their_fiche(built):
    import html

    from widgets.documents.render import guide_html

    for atelier in ateliers():
        page = html.unescape(guide_html(load_guide(atelier)))
        for step in atelier.steps:
            for source in step.get("sources", []):
                assert source["adresse"] in page and source["titre"] in page, (atelier.id, step["titre"])
        for source in atelier.extra.get("sources", []):
            assert source["adresse"] in page, atelier.id
        if any(s.get("sources") for s in atelier.steps):
            text = pdf_text(built.folder / document_name(atelier.id, "fiche-animateur", "pdf"))
            assert "Sources" in text and "consultée le" in text


def test_the_written_step_reference_is_the_generated_one():
    written = (ROOT / "docs" / "reference-etapes.md").read_text(encoding="utf-8")
    assert written.strip() == step_reference().strip(), (
        "régénérez : .venv/bin/python -m widgets.authoring.reference > docs/reference-etapes.md")
