"""The generic components, driven as a participant would (``.click()`` and ``.value``)."""
from __future__ import annotations

import ipywidgets as ipw

from widgets.components.choice import ChoiceExercise, Option
from widgets.components.sorting import Item, SortingExercise
from widgets.components.spot import Piece, SpotExercise
from widgets.components.step_path import Step, StepPath
from widgets.components.true_false import TrueFalseExercise


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
