"""Content files: every atelier is valid; a mistake gives a French message naming file, line and place."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.content.atelier import list_ateliers, load_atelier
from widgets.content.referentials import referentials
from widgets.content.review import (
    LONGEST_RATIO,
    known_facts,
    review_atelier,
    review_data,
    unsafe_phone_numbers,
    unsourced_facts,
)
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
    ("duree: 62\n", "duree: beaucoup\n", "on attend un nombre entier", "duree: beaucoup"),
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


# -- the content rules of issue 12: numbers that ring nobody, real references, facts with sources ----

#: The theme codes of the Coop de la médiation numérique (GUIDE §5, from its ``thematique.ts``).
CRA_THEMES = {
    "DiagnosticNumerique", "PrendreEnMainDuMateriel", "MaintenanceDeMateriel", "GereSesContenusNumeriques",
    "NavigationSurInternet", "Email", "Bureautique", "ReseauxSociaux", "Sante", "BanqueEtAchatsEnLigne",
    "Entrepreneuriat", "InsertionProfessionnelle", "SecuriteNumerique", "Parentalite", "ScolariteEtNumerique",
    "CreerAvecLeNumerique", "CultureNumerique", "IntelligenceArtificielle", "AideAuxDemarchesAdministratives",
    "PapiersElectionsCitoyennete", "FamilleScolarite", "SocialSante", "TravailFormation", "Logement",
    "TransportsMobilite", "ArgentImpots", "Justice", "EtrangersEurope", "LoisirsSportsCulture", "Associations",
}


def test_cra_themes_are_exactly_those_of_the_coop_with_french_labels():
    themes = referentials()["themes_cra"]
    assert set(themes) == CRA_THEMES
    assert all(isinstance(label, str) and label.strip() for label in themes.values())
    assert themes["SecuriteNumerique"] == "Prévention en sécurité numérique"


@pytest.mark.parametrize("folder", ATELIERS, ids=lambda p: p.name)
def test_every_atelier_declares_real_cra_themes_and_pix_competences(folder):
    data = yaml.safe_load((folder / "atelier.yaml").read_text(encoding="utf-8"))
    refs = referentials()
    assert data["themes_cra"] and set(data["themes_cra"]) <= CRA_THEMES, data["themes_cra"]
    assert data["competences_pix"] and set(data["competences_pix"]) <= set(refs["competences_pix"])


@pytest.mark.parametrize("folder", ATELIERS, ids=lambda p: p.name)
def test_every_phone_number_shown_is_a_fiction_number_or_a_public_one(folder):
    """An invented number in a range given to subscribers may ring a real person (ARCEP fiction ranges)."""
    facts = known_facts()
    if not facts.numbers_known:
        pytest.skip("widgets/data/numeros.yaml n'existe pas encore : pas de liste des numéros publics "
                    "ni des tranches de fiction à comparer.")
    remarks = unsafe_phone_numbers(folder, facts)
    assert not remarks, "\n".join(map(str, remarks))


@pytest.mark.parametrize("folder", ATELIERS, ids=lambda p: p.name)
def test_every_step_stating_a_fact_carries_its_sources(folder):
    """A real site, a real public number, a percentage or an amount in € is a fact a participant may
    repeat: the step says where it comes from (the same rule as the remarks of verifier-contenu)."""
    remarks = unsourced_facts(folder)
    assert not remarks, "\n".join(map(str, remarks))


# -- the remarks of « atelier verifier-contenu » -----------------------------------------------------
def atelier_with(tmp_path: Path, *steps: dict) -> Path:
    folder = tmp_path / "05_essai"
    folder.mkdir(exist_ok=True)
    data = {"titre": "Essai", "resume": "Essai.", "duree": 5, "niveau": "Débutant", "objectifs": ["Essayer."],
            "competences_pix": ["4.1"], "themes_cra": ["SecuriteNumerique"],
            "etapes": [*steps, {"titre": "Ce qu'il faut retenir", "type": "retenir", "duree": 5,
                                "points": ["Un point."]}]}
    (folder / "atelier.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def choice(*texts: str, right: int = 0, **extra) -> dict:
    return {"titre": "Une question", "type": "choix", "question": "Laquelle ?",
            "options": [{"texte": t, **({"correct": True} if i == right else {})} for i, t in enumerate(texts)],
            **extra}


def test_a_right_option_that_is_clearly_the_longest_is_pointed_out(tmp_path):
    longest = "Je vérifie l'adresse du site en la tapant moi-même dans la barre d'adresse"
    folder = atelier_with(tmp_path, choice(longest, "Je clique", "Je réponds"),
                          choice("Court", "Un peu plus long", "Assez long ici", right=1))
    remarks = review_atelier(folder)
    longest_remarks = [r for r in remarks if "la plus longue" in r.message]
    assert len(longest_remarks) == 1
    remark = longest_remarks[0]
    assert remark.line and "etapes → 1" in remark.place and "options → 1" in remark.place
    text = (folder / "atelier.yaml").read_text(encoding="utf-8").splitlines()
    assert longest[:20] in text[remark.line - 1]
    assert str(remark).startswith(str(folder / "atelier.yaml"))
    several = atelier_with(tmp_path, choice(longest, "Je clique", "Je réponds", plusieurs=True))
    assert not [r for r in review_atelier(several) if "la plus longue" in r.message]
    assert LONGEST_RATIO == 1.5


def test_a_check_item_whose_right_option_is_clearly_the_longest_is_pointed_out(tmp_path):
    longest = "Je vérifie l'adresse du site en la tapant moi-même"
    item = {"id": "adresse", "competence": "Lire une adresse", "question": "Que faites-vous ?",
            "options": [{"texte": "Je clique"}, {"texte": longest, "correct": True}], "a_revoir": "L'adresse."}
    fair = {**item, "id": "autre", "options": [{"texte": "Je clique sur le lien reçu"},
                                               {"texte": "Je tape l'adresse", "correct": True}]}
    check = {"titre": "Ce que je sais déjà", "type": "verification", "moment": "avant", "duree": 2,
             "items": [fair, item]}
    remarks = [r for r in review_atelier(atelier_with(tmp_path, check)) if "la plus longue" in r.message]
    assert len(remarks) == 1 and "items → 2 → options → 2" in remarks[0].place


def test_a_true_false_statement_on_an_absolute_word_is_pointed_out(tmp_path):
    folder = atelier_with(
        tmp_path,
        {"titre": "VF", "type": "vrai_faux", "affirmation": "Un site avec un cadenas est toujours honnête.",
         "reponse": False},
        {"titre": "VF2", "type": "vrai_faux", "affirmation": "Je choisis « Répondre à tous » pour dire merci.",
         "reponse": False},
        {"titre": "Série", "type": "serie_vrai_faux", "affirmations": [
            {"affirmation": "Une photo peut mentir.", "reponse": True},
            {"affirmation": "Une information partagée mille fois est forcément vraie.", "reponse": False}]})
    remarks = [r for r in review_atelier(folder) if "mot absolu" in r.message]
    assert [r.place.split(" → ")[1].split(" ")[0] for r in remarks] == ["1", "3"]
    assert "« toujours »" in remarks[0].message and "« forcément »" in remarks[1].message
    assert "affirmations → 2" in remarks[1].place


def test_a_fact_without_sources_is_pointed_out_and_an_invented_example_is_not(tmp_path):
    invented = {"titre": "Inventé", "type": "texte", "texte": "Le site faux-remboursement.example vous appelle."}
    fact = {"titre": "Un fait", "type": "texte", "texte": "Payez vos amendes sur amendes.gouv.fr : 35 €, 15 % de plus."}
    sourced = {**fact, "titre": "Un fait sourcé", "sources": [
        {"titre": "ANTAI", "adresse": "https://www.antai.gouv.fr", "consulte_le": "2026-11-29"}]}
    folder = atelier_with(tmp_path, invented, fact, sourced)
    remarks = unsourced_facts(folder)
    assert len(remarks) == 1 and "etapes → 2" in remarks[0].place
    assert all(word in remarks[0].message for word in ("amendes.gouv.fr", "35 €", "15 %", "sources"))
    assert [str(r) for r in remarks] == [str(r) for r in review_atelier(folder) if "sources" in r.message]


def test_a_phone_number_that_may_ring_someone_is_pointed_out(tmp_path):
    data = tmp_path / "donnees"
    data.mkdir()
    (data / "numeros.yaml").write_text(
        'verifie_le: "2026-11-29"\npublics:\n  - numero: "3646"\n    nom: Ameli\n'
        '  - numero: "0 805 805 817"\n    nom: Info Escroqueries\nfiction: ["01 99 00", "06 39 98"]\n',
        encoding="utf-8")
    facts = known_facts(data)
    folder = atelier_with(tmp_path, {"titre": "Numéros", "type": "texte", "texte": (
        "Appelez le 3646 ou le 0 805 805 817. L'escroc appelle du 06 39 98 12 34, "
        "puis du 06 12 34 56 78 et du +33 7 56 12 84 90.")})
    remarks = unsafe_phone_numbers(folder, facts)
    assert [r.message.split("»")[0] for r in remarks] == ["le numéro « 06 12 34 56 78 ", "le numéro « +33 7 56 12 84 90 "]
    assert all("fiction" in r.message and r.line for r in remarks)
    facts.numbers_known = False
    assert unsafe_phone_numbers(folder, facts) == []  # nothing to compare with: nothing said


def test_data_files_checked_more_than_a_year_ago_or_never_are_pointed_out(tmp_path):
    import datetime as dt

    today = dt.date(2026, 11, 29)
    (tmp_path / "domaines_officiels.yaml").write_text(
        'verifie_le: "2025-10-01"\nsources:\n  - titre: x\n    adresse: "https://x.gouv.fr"\n    consulte_le: "2025-10-01"\n',
        encoding="utf-8")
    (tmp_path / "expediteurs_connus.yaml").write_text("organismes: []\n", encoding="utf-8")
    (tmp_path / "numeros.yaml").write_text('verifie_le: "2026-11-01"\nsources: [{titre: x}]\n', encoding="utf-8")
    (tmp_path / "mots_liens.yaml").write_text("mots: [a]\n", encoding="utf-8")  # no dated facts: nothing said
    remarks = {Path(r.file).name: r for r in review_data(tmp_path, today=today)}
    assert set(remarks) == {"domaines_officiels.yaml", "expediteurs_connus.yaml"}
    assert "plus d'un an" in remarks["domaines_officiels.yaml"].message
    assert remarks["domaines_officiels.yaml"].line == 1 and "01/10/2025" in remarks["domaines_officiels.yaml"].message
    assert "verifie_le" in remarks["expediteurs_connus.yaml"].message
    (tmp_path / "numeros.yaml").unlink()
    assert "absent" in {Path(r.file).name: r for r in review_data(tmp_path, today=today)}["numeros.yaml"].message


def test_verifier_contenu_prints_the_remarks_but_does_not_fail(tmp_path, capsys):
    from widgets.cli.main import main as cli_main

    atelier_with(tmp_path, {"titre": "VF", "type": "vrai_faux", "duree": 0,
                            "affirmation": "Un site avec un cadenas est toujours honnête.", "reponse": False})
    assert cli_main(["verifier-contenu", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "✔ 05_essai" in out and "⚠" in out and "« toujours »" in out and "Tout est correct" in out
    assert "remarque(s)" in out and "Traceback" not in out


def test_the_authors_guide_states_the_thresholds_the_remarks_use():
    from widgets.content.review import ABSOLUTE_WORDS, LONGEST_MIN_OPTIONS, MAX_AGE_DAYS

    guide = (ROOT / "docs" / "ecrire-un-atelier.md").read_text(encoding="utf-8")
    assert f"{LONGEST_RATIO:.1f} fois".replace(".", ",") in guide
    assert f"au moins {LONGEST_MIN_OPTIONS} réponses" in guide and f"{MAX_AGE_DAYS} jours" in guide
    absolute = guide[guide.index("mot absolu »"):]
    for word in ABSOLUTE_WORDS:
        assert word in absolute or word.rstrip("es") in absolute, word
    assert "dernier: true" in guide and "01 99 00" in guide
