"""The generic components, driven as a participant would (``.click()`` and ``.value``)."""
from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as ipw
from browser_helpers import undrawable

from widgets.components.choice import ChoiceExercise, Option
from widgets.components.sorting import Item, SortingExercise
from widgets.components.spot import Piece, SpotExercise
from widgets.components.step_path import Step, StepPath
from widgets.components.true_false import TrueFalseExercise
from widgets.content.markdown import md
from widgets.content.vocabulary import BROWSER_PARTS, MAIL_PARTS
from widgets.simulations.browser import BrowserExplorer, address_bar_html
from widgets.simulations.mail_anatomy import MailAnatomy
from widgets.ui.feedback import Feedback
from widgets.ui.icons import ICON_DIR, ICONS, button_icon_classes, icon


def synced_state(widget) -> str:
    """Everything the browser receives about a widget tree (the synced traits)."""
    out = []
    stack = [widget]
    while stack:
        w = stack.pop()
        out.append(repr(w.get_state()))
        stack.extend(getattr(w, "children", ()))
    return "\n".join(out)


def make_choice():
    return ChoiceExercise("Où tapez-vous l'adresse ?", [
        Option("Dans la barre d'adresse", True, "Oui, c'est le plus sûr."),
        Option("Dans un SMS", False, "Un lien de SMS peut tromper."),
    ], explanation="On tape l'adresse qu'on connaît.")


def test_choice_right_and_wrong_answers_explain_why():
    ex = make_choice()
    seen = []
    ex.on_answer(lambda e, choice, correct: seen.append((choice, correct)))
    ex.buttons[1].click()
    assert ex.feedback.kind == "incorrect"
    assert "Un lien de SMS peut tromper" in ex.feedback.value
    assert "Pas tout à fait" in ex.feedback.value  # a word, not only a colour
    assert ex.buttons[1].disabled and not ex.buttons[0].disabled
    ex.buttons[0].click()
    assert ex.feedback.kind == "correct"
    assert "On tape l'adresse qu'on connaît" in ex.feedback.value
    assert all(b.disabled for b in ex.buttons)
    assert seen == [("1", False), ("0", True)]
    assert ex.first_choice == "1"


def test_the_answer_is_not_sent_to_the_browser_before_answering():
    ex = make_choice()
    state = synced_state(ex)
    assert "Oui, c'est le plus sûr" not in state
    assert "On tape l'adresse" not in state
    assert "correct" not in state.replace("atelier-", "")


def test_multiple_choice_says_what_is_missing_and_what_is_too_much():
    ex = ChoiceExercise("Lesquels sont des sites de l'État ?", [
        Option("ants.gouv.fr", True), Option("ameli.fr", False, "C'est l'Assurance Maladie."),
        Option("impots.gouv.fr", True)], multiple=True)
    ex.buttons[0].value = True
    ex.buttons[1].value = True
    ex.validate_button.click()
    assert ex.feedback.kind == "partiel"
    assert "1 réponse en trop" in ex.feedback.text and "1 réponse oubliée" in ex.feedback.text
    ex.buttons[1].value = False
    ex.buttons[2].value = True
    ex.validate_button.click()
    assert ex.feedback.kind == "correct"


def test_multiple_choice_with_nothing_chosen_asks_kindly():
    ex = ChoiceExercise("?", [Option("a", True), Option("b")], multiple=True)
    ex.validate_button.click()
    assert ex.feedback.kind == "info" and not ex.answered


def test_true_false():
    ex = TrueFalseExercise("Le cadenas veut dire que le site est honnête.", False, "Il veut dire « chiffré ».")
    vrai, faux = ex.buttons
    assert (vrai.description, faux.description) == ("Vrai", "Faux")
    vrai.click()
    assert ex.feedback.kind == "incorrect"
    faux.click()
    assert ex.feedback.kind == "correct" and "chiffré" in ex.feedback.value


def test_sorting_explains_each_misplaced_item():
    ex = SortingExercise("Rangez", ["Officiel", "Imitation"], [
        Item("ameli.fr", "Officiel", "Assurance Maladie."), Item("amel1.fr", "Imitation", "Un 1 à la place du i.")])
    ex.check_button.click()
    assert ex.feedback.kind == "info" and "2 éléments à ranger" in ex.feedback.text
    ex.item_buttons[0][1].click()  # ameli.fr → Imitation (wrong)
    ex.item_buttons[1][1].click()  # amel1.fr → Imitation (right)
    assert "rangé dans" in ex.item_labels[0].value
    ex.check_button.click()
    assert ex.feedback.kind == "partiel" and "ameli.fr" in ex.feedback.text and "1 sur 2" in ex.feedback.text
    ex.item_buttons[0][0].click()
    ex.check_button.click()
    assert ex.feedback.kind == "correct"


def test_spot_the_suspicious_pieces():
    ex = SpotExercise("Trouvez le piège", [Piece("https://"), Piece("www.ameli.fr"), Piece("@", True, "L'arobase."),
                                             Piece("evil.com", True, "Le vrai site.")], presentation="adresse")
    ex.toggles[1].value = True
    ex.check_button.click()
    assert ex.feedback.kind == "incorrect" and "Il reste 2 indices" in ex.feedback.text
    ex.toggles[1].value = False
    ex.toggles[2].value = True
    ex.check_button.click()
    assert ex.feedback.kind == "partiel" and "Il reste 1 indice" in ex.feedback.text
    ex.toggles[3].value = True
    ex.check_button.click()
    assert ex.feedback.kind == "correct" and "2 indices" in ex.feedback.text


def test_step_path_renders_only_the_current_step_and_keeps_answers():
    built = []

    def make(n):
        def build():
            built.append(n)
            return ipw.HTML(f"étape {n}")
        return build

    path = StepPath("Essai", [Step(f"Titre {n}", make(n)) for n in range(3)])
    assert built == [0] and "Étape 1 sur 3" in path.header.value
    assert path.previous_button.disabled
    path.next_button.click()
    assert built == [0, 1] and len(path.body.children) == 1 and path.body.children[0].value == "étape 1"
    path.previous_button.click()
    assert built == [0, 1]  # step 0 is kept, not rebuilt
    path.go(99)
    assert path.index == 2 and path.next_button.disabled and path.next_button.description == "Fin de l'atelier"
    assert repr(path) == "Parcours « Essai » : 3 étapes"


def test_a_failing_callback_shows_a_french_message_not_a_traceback():
    ex = make_choice()

    def broken(index):
        raise RuntimeError("secret-saisi-par-le-participant")

    ex.choose = broken  # break it on purpose
    ex.buttons[0].click()
    assert ex.feedback.kind == "erreur"
    assert "Ce n'est pas de votre faute" in ex.feedback.value
    assert "secret-saisi" not in ex.feedback.value and "Traceback" not in ex.feedback.value


# ---- Icons, the browser window, text read once (issue 12) ----

PACKAGE = Path(__file__).resolve().parent.parent / "widgets"
CSS = ICON_DIR.parent / "atelier.css"


def test_every_icon_is_a_plain_svg_file_drawn_in_the_text_colour():
    files = {p.stem for p in ICON_DIR.glob("*.svg")}
    assert files == set(ICONS)
    for name in ICONS:
        svg = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<svg") and "currentColor" in svg
        assert not re.search(r"<script|on\w+=|href=|url\(|<image", svg), name  # nothing runs, nothing loads
    # the template draws each icon on buttons from the same file
    css = CSS.read_text(encoding="utf-8")
    assert set(re.findall(r'url\("icones/([a-z_-]+)\.svg"\)', css)) == set(ICONS)


def test_an_icon_always_has_a_text_alternative():
    named = icon("reglages", "Informations sur le site")
    assert 'role="img"' in named and 'aria-label="Informations sur le site"' in named and "aria-hidden" not in named
    decorative = icon("trombone")
    assert 'aria-hidden="true"' in decorative and "role=" not in decorative
    assert 'aria-label="&quot;' in icon("loupe", '"x"')  # the label is escaped
    assert button_icon_classes("trombone") == ("avec-icone", "icone-trombone")
    for bad in (lambda: icon("inconnue"), lambda: button_icon_classes("inconnue")):
        try:
            bad()
        except KeyError:
            pass
        else:
            raise AssertionError("an unknown icon must fail loudly")


def test_no_emoji_left_in_the_package():
    """Emoji are empty boxes on a laptop with only DejaVu Sans: none in what draws the pages (code, templates,
    styles, scripts). The analysers and their data are left out: the odd characters they look for are data."""
    found = []
    for path in PACKAGE.rglob("*"):
        if path.relative_to(PACKAGE).parts[0] in {"analysers", "data"}:
            continue
        if path.suffix in {".py", ".css", ".js", ".j2", ".html", ".yaml", ".json"} and "__pycache__" not in path.parts:
            bad = undrawable(path.read_text(encoding="utf-8"))
            if bad:
                found.append(f"{path.relative_to(PACKAGE)} : {', '.join(bad)}")
    assert found == []


def test_the_browser_window_shows_the_settings_icon_where_the_padlock_was():
    window = BrowserExplorer("https://www.service-public.gouv.fr/", "Service-Public", "<p>Page</p>")
    settings = window.buttons["cadenas"]
    assert {"avec-icone", "icone-reglages"} <= set(settings._dom_classes)
    assert settings.description == "" and settings.tooltip == "Informations et réglages du site"
    window.press("cadenas")
    text = window.feedback.value
    assert "protégée" in text and "personne ne peut lire ce que vous tapez en chemin" in text
    assert "les faux sites aussi sont protégés" in text and "Firefox et Safari" in text and "cadenas" in text
    assert "chiffr" not in text
    assert "onglet" in BROWSER_PARTS["onglet"][2] and "page ouverte" in BROWSER_PARTS["onglet"][2]
    bar = address_bar_html("https://www.ameli.fr/")
    assert 'role="img" aria-label="Informations sur le site"' in bar
    assert "Non sécurisé" in address_bar_html("http://exemple.example/")


def test_the_attachment_is_a_paperclip_icon_and_its_name():
    mail = MailAnatomy({"piece_jointe": "plan.pdf"}, "Bonjour", [])
    clip = mail.buttons["piece_jointe"]
    assert clip.description == "plan.pdf" and "icone-trombone" in clip._dom_classes
    assert not undrawable("".join(v[0] for v in MAIL_PARTS.values()))


def test_danger_feedback_uses_the_project_icon_beside_its_word():
    f = Feedback()
    f.show("danger", "Ne cliquez pas.")
    assert "icone-danger" in f.value and "Danger" in f.value and not undrawable(f.value)


def test_markdown_reads_character_references_once():
    """« &lt; » written in a content file shows « < » (it was shown as « &lt; »); raw HTML stays escaped."""
    html = md("De : **Assurance Maladie** &lt;info@secu-dossier.example&gt; &amp; <b>gras</b> &eacute;")
    assert "&lt;info@secu-dossier.example&gt;" in html and "&amp;lt;" not in html
    assert "&lt;b&gt;gras&lt;/b&gt;" in html and "é" in html and "&amp; " in html
