"""For authors (issue 16): the readability of each step in ``atelier verifier-contenu``, and « prononciation »,
what « Écouter » says instead of a text that reads badly aloud."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from widgets.content.atelier import load_atelier
from widgets.content.readability import (
    MAX_SENTENCE_WORDS,
    MAX_WORDS_PER_SENTENCE,
    MIN_SCORE,
    plain_sentences,
    readability,
    step_readability,
)
from widgets.content.review import review_atelier
from widgets.content.validation import ContentError
from widgets.steps.build import StepContext, build_step
from widgets.ui.looks import is_shown
from widgets.workshop.page import build_workshop

ROOT = Path(__file__).resolve().parent.parent
ATELIERS = sorted(p.parent for p in (ROOT / "ateliers").glob("*/atelier.yaml"))

LEGAL = ("Toute personne physique dont les données à caractère personnel font l'objet d'un traitement dispose du "
         "droit d'obtenir du responsable du traitement la confirmation que des données la concernant sont ou ne "
         "sont pas traitées, ainsi que l'accès auxdites données. Le responsable du traitement fournit à la personne "
         "concernée des informations sur les mesures prises à la suite d'une demande dans les meilleurs délais.")
PLAIN = ("Ouvrez le message. Regardez qui l'envoie. Ne cliquez pas sur le lien. Demandez à un proche si vous avez "
         "un doute. Vous pouvez aussi appeler la mairie. Elle vous dira si le message vient d'elle. Prenez votre "
         "temps : rien ne presse. Un vrai service ne vous demande jamais votre mot de passe.")


def atelier_with(tmp_path: Path, *steps: dict, **top) -> Path:
    folder = tmp_path / "05_essai"
    folder.mkdir(exist_ok=True)
    data = {"titre": "Essai", "resume": "Essai.", "duree": 5, "niveau": "Débutant", "objectifs": ["Essayer."],
            "competences_pix": ["4.1"], "themes_cra": ["SecuriteNumerique"], **top,
            "etapes": [*steps, {"titre": "Ce qu'il faut retenir", "type": "retenir", "duree": 5, "points": ["Un point."]}]}
    (folder / "atelier.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


# ---- Readability ----


def test_a_legal_text_is_hard_and_a_plain_one_is_not():
    hard = readability(plain_sentences(LEGAL))
    easy = readability(plain_sentences(PLAIN))
    assert hard.words_per_sentence > MAX_WORDS_PER_SENTENCE and hard.score < MIN_SCORE and hard.hard
    assert easy.words_per_sentence < 10 and easy.score > 70 and not easy.hard
    assert easy.level in {"assez facile", "facile", "très facile"}
    assert 0 <= hard.score <= 100 and 0 <= easy.score <= 100


def test_what_is_measured_is_the_authors_words_not_the_imitated_scenes():
    scene = {"titre": "Boîte", "type": "boite_reception", "consigne": "Lisez les messages.",
             "messages": [{"texte": LEGAL, "retour": "C'est une arnaque. Le lien mène ailleurs."}]}
    figures = step_readability(scene)
    assert figures.words < 20 and not figures.hard  # the SMS imitates a real one: its style is the lesson
    # a list of points is read as separate sentences; an address is one word, not three sentences
    assert plain_sentences("- Un point\n- Un autre point") == "Un point. Un autre point."
    assert readability(plain_sentences("Allez sur www.service-public.gouv.fr pour en savoir plus.")).sentences == 1


def test_a_hard_step_gets_a_remark_with_its_line_and_its_figures(tmp_path):
    folder = atelier_with(tmp_path, {"titre": "Vos droits", "type": "texte", "texte": LEGAL},
                          {"titre": "Simple", "type": "texte", "texte": PLAIN})
    remarks = [r for r in review_atelier(folder) if "difficile à lire" in r.message]
    assert len(remarks) == 1
    assert "Vos droits" in remarks[0].place and remarks[0].line
    assert "mots en moyenne" in remarks[0].message and "score de lisibilité" in remarks[0].message
    assert "Toute personne physique" in remarks[0].message  # the longest sentence, to find it


def test_one_very_long_sentence_is_pointed_out_even_in_an_easy_step(tmp_path):
    long = " ".join(["Vous regardez le message"] + ["et vous lisez"] * 9) + "."
    folder = atelier_with(tmp_path, {"titre": "Long", "type": "texte", "texte": PLAIN + " " + long})
    remarks = [r for r in review_atelier(folder) if "phrase de cette étape est longue" in r.message]
    assert len(remarks) == 1 and f"au plus {MAX_SENTENCE_WORDS}" in remarks[0].message


@pytest.mark.parametrize("folder", ATELIERS, ids=lambda p: p.name)
def test_the_ateliers_do_not_drown_their_author_in_readability_remarks(folder):
    remarks = [r for r in review_atelier(folder) if "à lire" in r.message or "est longue" in r.message]
    steps = len(load_atelier(folder).steps)
    assert len(remarks) <= max(2, steps // 8), [str(r) for r in remarks]


def test_verifier_contenu_shows_the_figures_of_every_step_on_demand(tmp_path):
    folder = atelier_with(tmp_path, {"titre": "Vos droits", "type": "texte", "texte": LEGAL})
    r = subprocess.run([sys.executable, "-m", "widgets.cli.main", "verifier-contenu", str(folder), "--sans-donnees",
                        "--lisibilite"], cwd=ROOT, capture_output=True, timeout=120)
    out = r.stdout.decode()
    assert r.returncode == 0 and "Traceback" not in r.stderr.decode()
    assert "1. Vos droits : " in out and "mots par phrase en moyenne, score" in out
    assert "2. Ce qu'il faut retenir : " in out
    assert "⚠" in out and "difficile à lire" in out


# ---- « prononciation » ----

STEP = {"titre": "Payer une amende", "type": "texte", "texte": "Le seul site pour payer est amendes.gouv.fr."}


def with_pronunciation(pairs, **step) -> dict:
    return {**STEP, **step, "prononciation": pairs}


def test_a_pronunciation_is_accepted_and_reaches_the_page_hidden(tmp_path):
    folder = atelier_with(tmp_path, with_pronunciation([{"ecrit": "amendes.gouv.fr", "dire": "amendes point gouv point F R"}]),
                          prononciation=[{"ecrit": "point", "dire": "poin"}])
    atelier = load_atelier(folder)
    assert atelier.extra["prononciation"] == [{"ecrit": "point", "dire": "poin"}]
    widget = build_step(atelier.steps[0], StepContext(folder=folder, atelier_id=atelier.id, index=0))
    block = [c for c in widget.children if "atelier-prononciation" in c._dom_classes]
    assert len(block) == 1 and not is_shown(block[0])
    assert 'data-ecrit="amendes.gouv.fr" data-dire="amendes point gouv point F R"' in block[0].value
    # the atelier's own list is added to every step
    path = build_workshop(folder)
    shown = path.steps[1].widget()
    assert any('data-ecrit="point"' in getattr(c, "value", "") for c in shown.children)


def test_a_pronunciation_is_escaped_in_the_page(tmp_path):
    folder = atelier_with(tmp_path, with_pronunciation([{"ecrit": "amendes.gouv.fr", "dire": '"><img src=x>'}]))
    atelier = load_atelier(folder)
    widget = build_step(atelier.steps[0], StepContext(folder=folder, atelier_id=atelier.id, index=0))
    html = next(c.value for c in widget.children if "atelier-prononciation" in c._dom_classes)
    assert "<img" not in html and "&quot;&gt;&lt;img" in html


@pytest.mark.parametrize("pairs,expected", [
    ([{"ecrit": "amendes.gouv.fr", "dir": "amendes point gouv"}], "la clé « dir » n'est pas connue ici. Vouliez-vous écrire « dire »"),
    ([{"ecrit": "amendes.gouv.fr"}], "il manque la clé « dire »"),
    ({"amendes.gouv.fr": "amendes point gouv"}, "on attend une liste"),
    ([{"ecrit": "impots.gouv.fr", "dire": "impôts point gouv"}], "le texte « impots.gouv.fr » n'apparaît pas dans cette étape"),
    ([{"ecrit": "**amendes.gouv.fr**", "dire": "amendes"}], "contient une mise en forme"),
    ([{"ecrit": "amendes.gouv.fr", "dire": "a"}, {"ecrit": "amendes.gouv.fr", "dire": "b"}], "est déjà dans la liste"),
    ([{"ecrit": "amendes.gouv.fr", "dire": "…"}], "« dire » doit contenir les mots à prononcer"),
    ([{"ecrit": "amendes.gouv.fr", "dire": ""}], "ce texte ne doit pas être vide"),
])
def test_a_wrong_pronunciation_is_explained_in_french_with_its_line(tmp_path, pairs, expected):
    folder = atelier_with(tmp_path, with_pronunciation(pairs))
    with pytest.raises(ContentError) as error:
        load_atelier(folder)
    assert expected in str(error.value)
    assert error.value.line and "prononciation" in error.value.place


def test_a_wrong_pronunciation_for_the_whole_atelier_is_explained_too(tmp_path):
    folder = atelier_with(tmp_path, STEP, prononciation=[{"ecrit": "CNIL", "dire": "la cnil"}])
    with pytest.raises(ContentError) as error:
        load_atelier(folder)
    assert "« CNIL » n'apparaît pas dans les étapes de l'atelier" in str(error.value)
    assert error.value.line


def test_the_fiche_animateur_tells_how_to_show_listening_and_text_size():
    import html

    from widgets.documents.guide import load_guide
    from widgets.documents.render import guide_html

    page = html.unescape(guide_html(load_guide(load_atelier(ATELIERS[0]))))
    section = page[page.index("<h2>Écouter et lire en plus grand</h2>"):]
    section = section[:section.index("<h2>", 5)]
    for words in ("« Écouter »", "« Arrêter »", "« A− » et « A+ »", "200 %", "rien n'est envoyé", "vidéoprojecteur"):
        assert words in section, words
