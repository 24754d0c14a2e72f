"""Options shown in an order shuffled per participant: the same after a reload, « dernier » kept last,
the answer reported (and counted on the board) with the option's index in the content file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from widgets.components.choice import ChoiceExercise, Option
from widgets.components.exercise import exercises_in
from widgets.components.true_false import TrueFalseExercise
from widgets.content.atelier import load_atelier
from widgets.content.order import shuffled_order
from widgets.workshop.page import WorkshopPage, build_workshop

ROOT = Path(__file__).resolve().parent.parent / "ateliers"
SEED_A, SEED_B = "participantAAAA", "participantBBBB"


def five_options(last: bool = False) -> ChoiceExercise:
    options = [Option(f"Réponse {i}", i == 2, f"Retour {i}") for i in range(5)]
    options.append(Option("Je ne sais pas", False, "On regarde ensemble.", last=last))
    return ChoiceExercise("Quelle réponse ?", options, exercise_id="99_essai/3")


def shown(exercise: ChoiceExercise) -> list[str]:
    """The labels of the options, in the order of the widgets on screen."""
    return [exercise.options[exercise.option_widgets.index(w)].text for w in exercise.options_box.children]


def test_without_a_participant_the_content_order_is_kept():
    exercise = five_options()
    exercise.personalise(None)
    assert shown(exercise) == [o.text for o in exercise.options]
    assert shuffled_order(4, "", "x") == [0, 1, 2, 3]


def test_two_participants_see_different_orders_and_a_reload_shows_the_same():
    first, second, reloaded = five_options(), five_options(), five_options()
    first.personalise(SEED_A)
    second.personalise(SEED_B)
    reloaded.personalise(SEED_A)  # the page built again for the same participant
    assert sorted(first.order) == list(range(6))
    assert first.order != second.order
    assert shown(first) != shown(second)
    assert first.order == reloaded.order and shown(first) == shown(reloaded)


def test_the_order_depends_on_the_exercise_too():
    orders = {tuple(shuffled_order(6, SEED_A, f"99_essai/{n}")) for n in range(1, 9)}
    assert len(orders) > 1


def test_many_participants_see_many_orders_and_the_right_option_moves():
    orders = [shuffled_order(4, f"participant{n:04d}", "04_sources/16") for n in range(200)]
    assert len({tuple(o) for o in orders}) >= 20  # of the 24 possible
    first_shown = {o[0] for o in orders}
    assert first_shown == {0, 1, 2, 3}  # the right option is not always first


def test_an_option_marked_dernier_stays_last():
    for n in range(50):
        exercise = five_options(last=True)
        exercise.personalise(f"participant{n:04d}")
        assert exercise.order[-1] == 5 and shown(exercise)[-1] == "Je ne sais pas"
    assert shuffled_order(5, SEED_A, "k", last=[1, 3])[-2:] == [1, 3]  # several: in content order
    assert shuffled_order(5, SEED_A, "k", first=[4])[0] == 4


def test_the_shuffled_button_reports_the_content_index():
    exercise = five_options()
    exercise.personalise(SEED_A)
    seen = []
    exercise.on_answer(lambda ex, choice, correct: seen.append((choice, correct)))
    top = exercise.options_box.children[0]
    top.click()  # the participant presses the first button on screen
    content_index = exercise.order[0]
    assert top is exercise.buttons[content_index]
    assert seen == [(str(content_index), content_index == 2)]
    exercise.buttons[2].click()
    assert seen[-1] == ("2", True) and exercise.solved


def test_a_replayed_answer_lands_on_the_same_option_whatever_the_order():
    exercise = five_options()
    exercise.personalise(SEED_B)
    exercise.replay_answer("2")
    assert exercise.solved and exercise.buttons[2].description.startswith("✔")
    assert "Retour 2" in exercise.feedback.value


def test_a_multiple_choice_explains_in_the_order_on_screen():
    options = [Option(t, t in ("B", "D")) for t in "ABCDE"]
    exercise = ChoiceExercise("Lesquelles ?", options, multiple=True, exercise_id="99_essai/4")
    exercise.personalise(SEED_A)
    seen = []
    exercise.on_answer(lambda ex, choice, correct: seen.append((choice, correct)))
    for index in (1, 3):
        exercise.buttons[index].value = True
    exercise.validate_button.click()
    assert seen == [("1,3", True)]
    text = exercise.feedback.value
    on_screen = [options[i].text for i in exercise.order if options[i].correct]
    assert text.index(f"<strong>{on_screen[0]}</strong>") < text.index(f"<strong>{on_screen[1]}</strong>")


def test_true_false_and_a_cookie_banner_keep_their_layout():
    true_false = TrueFalseExercise("Le ciel est bleu.", True, exercise_id="99_essai/5")
    true_false.personalise(SEED_A)
    assert [b.description for b in true_false.options_box.children] == ["Vrai", "Faux"]
    path = build_workshop(ROOT / "01_navigateur")
    kinds = [s.get("type") for s in path.atelier.steps]
    if "banniere_cookies" not in kinds:
        pytest.skip("plus de bandeau de cookies dans l'atelier 01")
    index = kinds.index("banniere_cookies")
    path.personalise(SEED_A)
    path.go(index)
    banner = exercises_in(path.body)[0]
    assert banner.order == list(range(len(banner.options)))


def test_ads_stay_at_the_top_of_search_results():
    for atelier in sorted(p.parent for p in ROOT.glob("*/atelier.yaml")):
        path = build_workshop(atelier)
        for index, step in enumerate(path.atelier.steps):
            if step.get("type") != "resultats_recherche" or not any(r.get("annonce") for r in step["resultats"]):
                continue
            ads = {i for i, r in enumerate(step["resultats"]) if r.get("annonce")}
            for n in range(10):
                path.personalise(f"participant{n:04d}")
                path.go(index)
                exercise = exercises_in(path.body)[0]
                assert set(exercise.order[:len(ads)]) == ads, (atelier.name, index)


# -- the page ---------------------------------------------------------------------------------------
def choice_steps(path) -> list[int]:
    return [i for i, s in enumerate(path.atelier.steps)
            if s.get("type") in ("choix", "publication", "mentions_legales", "graphique", "resultats_recherche")
            and len(s.get("options") or s.get("resultats") or []) >= 3]


def orders_of(page: WorkshopPage) -> dict[int, list[int]]:
    found = {}
    for index in choice_steps(page.path):
        page.path.go(index)
        found[index] = exercises_in(page.path.body)[0].order
    return found


@pytest.mark.parametrize("atelier", sorted(p.parent.name for p in ROOT.glob("*/atelier.yaml")))
def test_a_page_personalised_before_or_after_building_shows_the_participant_order(atelier):
    plain = WorkshopPage(ROOT / atelier)  # nbval, pytest: no participant
    assert all(order == sorted(order) for order in orders_of(plain).values())
    early = WorkshopPage(ROOT / atelier)
    early.personalise(SEED_A)  # before any step is shown (the first one is already built)
    late = WorkshopPage(ROOT / atelier)
    for index in choice_steps(late.path):
        late.path.go(index)  # every question built first…
    late.path.go(0)
    late.personalise(SEED_A)  # …then the participant becomes known
    other = WorkshopPage(ROOT / atelier)
    other.personalise(SEED_B)
    assert orders_of(early) == orders_of(late)
    if any(len(o) >= 4 for o in orders_of(early).values()):
        assert orders_of(early) != orders_of(other)


def test_every_atelier_can_still_be_gone_through_when_shuffled():
    from widgets.workshop.walkthrough import answer_wrong_then_right

    for atelier in sorted(ROOT.glob("*/atelier.yaml")):
        page = WorkshopPage(atelier.parent)
        page.personalise(SEED_A)
        for index in range(len(page.path.steps)):
            page.path.go(index)
            for exercise in exercises_in(page.path.body):
                assert answer_wrong_then_right(exercise) == (True, True), (atelier.parent.name, index)


def test_dernier_is_accepted_in_a_content_file_and_kept_last(tmp_path):
    folder = tmp_path / "04_sources"
    shutil.copytree(ROOT / "04_sources", folder)
    file = folder / "atelier.yaml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    index = next(i for i, s in enumerate(data["etapes"]) if s.get("type") == "choix" and len(s["options"]) >= 3)
    data["etapes"][index]["options"].append({"texte": "Je ne sais pas", "dernier": True,
                                            "retour": "On en parle ensemble."})
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_atelier(folder)  # valid
    for n in range(20):
        page = WorkshopPage(folder)
        page.personalise(f"participant{n:04d}")
        page.path.go(index)
        exercise = exercises_in(page.path.body)[0]
        assert exercise.options[exercise.order[-1]].text == "Je ne sais pas"


# -- the board keeps one order for everyone ---------------------------------------------------------
def test_the_board_counts_and_labels_the_option_each_participant_pressed(tmp_path):
    from widgets.kernel.live import attach_live
    from widgets.server import board
    from widgets.sessions.store import LiveStore

    atelier = "04_sources"
    root = tmp_path / "ateliers"
    shutil.copytree(ROOT / atelier, root / atelier)
    file = root / atelier / "atelier.yaml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    path = build_workshop(root / atelier)
    single = [i for i in choice_steps(path) if "options" in data["etapes"][i] and not data["etapes"][i].get("plusieurs")]
    index = max(single, key=lambda i: len(data["etapes"][i]["options"]))
    data["etapes"][index]["en_direct"] = True
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    store = LiveStore(tmp_path / "donnees")
    session = board.start_session(store, root, atelier)
    exercise_id = f"{atelier}/{index + 1}"
    count = len(data["etapes"][index]["options"])
    top_a = shuffled_order(count, SEED_A, exercise_id)[0]
    other = next(f"participant{n:04d}" for n in range(100)
                 if shuffled_order(count, f"participant{n:04d}", exercise_id)[0] != top_a)
    pressed = {}
    for participant in (SEED_A, other):
        page = WorkshopPage(root / atelier)
        page.personalise(participant)
        live = attach_live(page.path, store=store, participant=participant, background=False)
        page.path.go(index)
        exercise = exercises_in(page.path.body)[0]
        top = exercise.options_box.children[0]  # each presses the first button of their own screen
        button = top if top in exercise.buttons else next(w for w in top.children if w in exercise.buttons)
        pressed[participant] = shown(exercise)[0]
        button.click()
        assert live.outbox.flush()  # the click does not wait for the base: wait here until it arrived
    assert pressed[SEED_A] != pressed[other]  # two different options were on top
    store.set_current(session, exercise_id)
    board.reveal_current(store, root)
    bars = {b["libelle"]: b["nombre"] for b in board.board_state(store, root)["courant"]["barres"]}
    for label in pressed.values():
        assert bars[label] == 1
