"""Options shuffled per participant, in real browsers: two participants see two orders, a reload keeps one's.

The server is the one ``atelier lancer`` starts (with a preheated page, as in a workshop). Each page is
opened with its own anonymous ``?participant=`` id, as the QR code of a live session gives it.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Server

from widgets.content.atelier import load_atelier
from widgets.content.names import exercise_id, page_url
from widgets.content.order import shuffled_order

ATELIERS = Path(__file__).resolve().parent.parent / "ateliers"
OPTIONS = ".atelier-parcours-corps .atelier-options button"


def first_question() -> tuple[str, int, list[str]]:
    """(atelier, step index, option texts) of the earliest single-answer question with 3 options or more."""
    found = []
    for file in sorted(ATELIERS.glob("*/atelier.yaml")):
        atelier = load_atelier(file.parent)
        for index, step in enumerate(atelier.steps):
            if step.get("type") == "choix" and not step.get("plusieurs") and len(step["options"]) >= 3:
                found.append((index, atelier.id, [o["texte"] for o in step["options"]]))
                break
    index, atelier_id, texts = min(found)
    return atelier_id, index, texts


def two_participants(atelier_id: str, index: int, count: int) -> tuple[str, str]:
    """Two well-formed anonymous ids whose orders of this question differ."""
    key = exercise_id(atelier_id, index)
    first = "navigateurA0001"
    order = shuffled_order(count, first, key)
    other = next(f"navigateurB{n:04d}" for n in range(1000) if shuffled_order(count, f"navigateurB{n:04d}", key) != order)
    return first, other


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from widgets.documents.build import build_documents, documents_outdated

    if documents_outdated(ATELIERS):  # what « atelier lancer » would do first, without its time limit
        build_documents(ATELIERS)
    tmp = tmp_path_factory.mktemp("melange")
    s = Server(tmp, reserve=1, extra_env={"ATELIERS_DONNEES": str(tmp / "donnees")})
    yield s
    s.stop()


def shown_options(page, url: str, index: int, reload: bool = False) -> list[str]:
    """The labels of the options of step ``index``, in the order the participant's screen shows them."""
    if reload:
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    page.wait_for_selector(".etape-titre", timeout=90_000)
    for number in range(2, index + 2):
        page.get_by_role("button", name="Suivant →").click()
        page.wait_for_selector(f"text=Étape {number} sur", timeout=30_000)
    page.wait_for_selector(OPTIONS, timeout=30_000)
    return [" ".join(t.split()) for t in page.locator(OPTIONS).all_inner_texts()]


def test_two_participants_see_two_orders_and_a_reload_keeps_each_one(server, page_factory):
    atelier_id, index, texts = first_question()
    first, second = two_participants(atelier_id, index, len(texts))
    key = exercise_id(atelier_id, index)
    expected = {p: [" ".join(texts[i].split()) for i in shuffled_order(len(texts), p, key)] for p in (first, second)}
    pages = {first: page_factory(360, 740), second: page_factory(1024, 768)}
    urls = {p: f"{page_url(server.url, atelier_id)}?participant={p}" for p in pages}
    seen = {p: shown_options(page, urls[p], index) for p, page in pages.items()}
    assert seen[first] != seen[second]  # two participants, two orders
    assert seen[first] == expected[first] and seen[second] == expected[second]
    again = shown_options(pages[first], urls[first], index, reload=True)
    assert again == seen[first]  # the same order after a reload
    assert pages[first].url == urls[first]
    for page in pages.values():
        assert page.outside == []
