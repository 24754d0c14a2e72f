"""Content files: every atelier is valid; a mistake gives a French message naming file, line and place."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.content.atelier import list_ateliers, load_atelier
from widgets.content.validation import ContentError
from widgets.workshop.walkthrough import walkthrough

ROOT = Path(__file__).resolve().parent.parent
ATELIERS = sorted(p.parent for p in (ROOT / "ateliers").glob("*/atelier.yaml"))


@pytest.mark.parametrize("folder", ATELIERS, ids=lambda p: p.name)
def test_every_atelier_is_valid_and_its_durations_add_up(folder):
    atelier = load_atelier(folder)
    assert atelier.title and atelier.summary and atelier.objectives
    assert sum(s.get("duree", 0) for s in atelier.steps) == atelier.minutes
    assert atelier.steps[-1].get("type") == "retenir"


@pytest.mark.parametrize("folder", ATELIERS, ids=lambda p: p.name)
def test_every_atelier_can_be_gone_through(folder):
    report = walkthrough(folder)
    assert "NON" not in report, report


def broken_copy(tmp_path: Path, replace: tuple[str, str]) -> Path:
    folder = tmp_path / "01_navigateur"
    shutil.copytree(ROOT / "ateliers" / "01_navigateur", folder)
    file = folder / "atelier.yaml"
    text = file.read_text(encoding="utf-8")
    assert replace[0] in text
    file.write_text(text.replace(replace[0], replace[1], 1), encoding="utf-8")
    return folder


def line_of(folder: Path, needle: str) -> int:
    lines = (folder / "atelier.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize("old,new,expected,needle", [
    ("    type: vrai_faux\n", "    type: vrai_fau\n", "le type d'étape « vrai_fau » n'existe pas", "type: vrai_fau"),
    ("niveau: Débutant", "niveau: Facile", "la valeur « Facile » n'est pas permise", "niveau: Facile"),
    ("    affirmation: Le premier", "    afirmation: Le premier", "la clé « afirmation » n'est pas connue ici. Vouliez-vous écrire « affirmation » ?", "afirmation"),
    ("duree: 58\n", "duree: beaucoup\n", "on attend un nombre entier", "duree: beaucoup"),
    ("        categorie: Imitation\n        retour: Le « i »", "        categorie: Imitaton\n        retour: Le « i »",
     "la catégorie « Imitaton » n'est pas dans la liste", "categorie: Imitaton"),
    ("        retour: C'est le piège.", "        retour: C'est le piège : lisez la fin.", "deux-points", "C'est le piège :"),
])
def test_a_mistake_is_explained_in_french_with_its_line(tmp_path, old, new, expected, needle):
    folder = broken_copy(tmp_path, (old, new))
    with pytest.raises(ContentError) as info:
        load_atelier(folder)
    message = str(info.value)
    assert expected in message
    assert "atelier.yaml" in message
    assert info.value.line == line_of(folder, needle)


def test_a_missing_correct_answer_is_pointed_out(tmp_path):
    folder = broken_copy(tmp_path, ("        correct: true\n        retour: Bravo. Le vrai nom", "        retour: Bravo. Le vrai nom"))
    with pytest.raises(ContentError, match="aucune réponse n'est marquée"):
        load_atelier(folder)


def test_a_broken_atelier_does_not_hide_the_others(tmp_path):
    good = tmp_path / "ateliers"
    shutil.copytree(ROOT / "ateliers" / "01_navigateur", good / "01_navigateur")
    (good / "09_casse").mkdir()
    (good / "09_casse" / "atelier.yaml").write_text("titre: [", encoding="utf-8")
    ateliers, errors = list_ateliers(good)
    assert [a.id for a in ateliers] == ["01_navigateur"]
    assert len(errors) == 1 and "09_casse" in errors[0].file


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_gives_a_content_error_or_an_atelier_never_a_traceback(tmp_path, text):
    folder = tmp_path / "x"
    folder.mkdir(exist_ok=True)
    (folder / "atelier.yaml").write_text(text, encoding="utf-8", errors="surrogatepass") if "\ud800" not in text else None
    try:
        load_atelier(folder)
    except ContentError as exc:
        assert str(exc)


def test_a_page_with_a_broken_content_file_shows_a_french_message(tmp_path):
    from widgets.kernel.page import show_workshop

    folder = broken_copy(tmp_path, ("niveau: Débutant", "niveau: Facile"))
    page = show_workshop(folder)
    assert page.error is not None
    assert "ne peut pas s'afficher" in page.children[0].value
    assert repr(page).startswith("Atelier impossible à afficher")


def test_referentials_are_consistent():
    data = yaml.safe_load((ROOT / "widgets" / "data" / "referentiels.yaml").read_text(encoding="utf-8"))
    assert "4.1" in data["competences_pix"] and "NavigationSurInternet" in data["themes_cra"]


def test_the_atelier_id_is_its_folder_name_even_from_inside_it(monkeypatch):
    """Voilà runs a notebook from its own folder: « . » must still give « 01_navigateur »
    (live answers and exercise ids depend on it)."""
    monkeypatch.chdir(ROOT / "ateliers" / "01_navigateur")
    assert load_atelier(".").id == "01_navigateur"


def test_an_edited_content_file_is_read_again(tmp_path):
    folder = broken_copy(tmp_path, ("titre: Le navigateur", "titre: Le navigateur"))
    assert load_atelier(folder).title == "Le navigateur"
    file = folder / "atelier.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("titre: Le navigateur", "titre: Mon navigateur", 1),
                    encoding="utf-8")
    assert load_atelier(folder).title == "Mon navigateur"
    file.write_text(file.read_text(encoding="utf-8").replace("niveau: Débutant", "niveau: Facile"), encoding="utf-8")
    with pytest.raises(ContentError):
        load_atelier(folder)


# -- a participant's kernel does not validate again what the server validated -------------------
KERNEL = """
import os, sys
from widgets.kernel.page import show_workshop
page = show_workshop(".")
print(len(page.path.steps) if page.path else 0, "jsonschema" in sys.modules, page.error is not None)
"""


def run_kernel_like(folder: Path, validated: str) -> list[str]:
    import os
    import subprocess
    import sys

    env = {**os.environ, "ATELIERS_CONTENUS_VALIDES": validated}
    out = subprocess.run([sys.executable, "-c", KERNEL], cwd=folder, env=env, capture_output=True, text=True,
                         check=True)
    return out.stdout.split()


def test_a_kernel_skips_validation_only_for_the_file_the_server_validated(tmp_path, monkeypatch):
    import os

    monkeypatch.delenv("ATELIERS_CONTENUS_VALIDES", raising=False)
    folder = tmp_path / "01_navigateur"
    shutil.copytree(ROOT / "ateliers" / "01_navigateur", folder)
    list_ateliers(tmp_path)  # what the server does at launch
    validated = os.environ["ATELIERS_CONTENUS_VALIDES"]
    steps = str(len(load_atelier(folder).steps))
    assert run_kernel_like(folder, validated) == [steps, "False", "False"]  # no jsonschema at all
    assert run_kernel_like(folder, "") == [steps, "True", "False"]  # unknown: validated in full
    # the conseiller edits the file while the server runs: a new mistake is still explained
    text = (folder / "atelier.yaml").read_text(encoding="utf-8").replace("titre:", "titr:", 1)
    (folder / "atelier.yaml").write_text(text, encoding="utf-8")
    assert run_kernel_like(folder, validated)[2] == "True"
