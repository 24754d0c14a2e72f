"""Every page a participant or the conseiller sees, read in a real browser as they see it.

- No HTML entity shown as text (« &lt; » instead of « < »): a sign of text escaped twice.
- No emoji, nor any sign missing from DejaVu Sans (the font every Debian laptop has, `fonts-dejavu-core`):
  without an emoji font, the projecting laptop draws them as empty boxes. The project's icons
  (`widgets/ui/icons.py`) replace them.
- Every icon has a text alternative: an image named by `aria-label`, or a decorative one hidden from
  screen readers next to words that say the same.
"""
from __future__ import annotations

import re

import pytest
from browser_helpers import (
    axe_serious,
    board_url,
    go_to_step_titled,
    open_atelier,
    visible_text_problems,
    walk_steps,
)


def test_every_step_of_every_atelier_reads_clean(server, page_factory):
    page = page_factory(1024, 768)
    page.goto(server.url)
    ateliers = page.locator(".carte a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    ids = sorted({m.group(1) for href in ateliers if (m := re.search(r"/render/([^/]+)/", href))})
    assert len(ids) >= 4
    problems = [f"accueil : {p}" for p in visible_text_problems(page)]
    seen = 0
    for atelier_id in ids:
        open_atelier(page, server, atelier_id)
        for number, title in walk_steps(page):
            seen += 1
            problems += [f"{atelier_id}, étape {number} « {title} » : {p}" for p in visible_text_problems(page)]
    assert seen >= 40  # every step of the four ateliers was read
    assert problems == []
    assert page.outside == []


def test_documents_and_the_board_read_clean(server, page_factory):
    page = page_factory(1024, 768, bypass_csp=True)
    page.goto(server.url)
    links = page.locator("a[href$='.html']").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 8  # a fiche and a memo per atelier
    problems = []
    for link in [*links, board_url(server)]:
        page.goto(link)
        problems += [f"{link.split('?')[0]} : {p}" for p in visible_text_problems(page)]
    assert problems == []
    assert page.outside == []


@pytest.mark.parametrize("atelier_id,title", [
    ("01_navigateur", "Les parties de la fenêtre"),   # the « réglages » button where the padlock was
    ("02_courriel", "Les parties d'un message"),      # the attachment's paperclip
])
def test_icon_buttons_are_named_and_drawn_from_the_project(server, page_factory, atelier_id, title):
    page = open_atelier(page_factory(360, 740), server, atelier_id)
    go_to_step_titled(page, title)
    buttons = page.locator("button.avec-icone")
    buttons.first.wait_for()
    for i in range(buttons.count()):
        b = buttons.nth(i)
        assert (b.inner_text().strip() or b.get_attribute("title") or "").strip(), "un bouton-icône sans nom"
        # the icon is the project's SVG file, painted in the text's colour (a CSS mask), not a character
        mask = b.evaluate("e => getComputedStyle(e, '::before').webkitMaskImage || getComputedStyle(e, '::before').maskImage")
        assert "/static/icones/" in mask and mask.endswith('.svg")'), mask
    if atelier_id == "01_navigateur":
        settings = page.get_by_role("button", name="Informations et réglages du site")
        settings.click()
        feedback = page.locator(".atelier-navigateur .atelier-retour").first
        feedback.locator("text=Ici, c'est").wait_for()
        text = feedback.inner_text()
        assert "protégée" in text and "faux sites aussi sont protégés" in text and "cadenas" in text
        assert "chiffr" not in text
    assert axe_serious(page) == []
    assert page.outside == []


def test_the_reading_catches_what_a_participant_would_see_wrong(page_factory):
    """The checks above would fail on each fault they look for (they are not blind)."""
    page = page_factory(360, 740)
    page.set_content("""<html lang="fr"><body>
        <p>De : Assurance Maladie &amp;lt;info@secu.example&amp;gt;</p>
        <p>Pièce jointe 📎 facture.pdf, loupe 🔍, sens interdit ⛔</p>
        <p>Signes de DejaVu Sans : ✔ ✖ → ← ⟳ ☆ ⋮ + ⚠ « » … €</p>
        <span><svg viewBox="0 0 2 2"><rect width="2" height="2"/></svg></span>
        <span><svg aria-hidden="true" viewBox="0 0 2 2"><rect width="2" height="2"/></svg> Profil</span>
        <button class="avec-icone" title="Informations et réglages du site"></button>
        <button class="avec-icone"></button></body></html>""")
    problems = "\n".join(visible_text_problems(page))
    assert "&lt;info@secu.example&gt;" in problems
    assert "U+1F4CE" in problems and "U+1F50D" in problems and "U+26D4" in problems
    for sign in "✔✖→←⟳☆⋮⚠«»…€":
        assert f"U+{ord(sign):04X}" not in problems, sign
    assert problems.count("icône sans texte de remplacement") == 2  # the bare svg and the nameless button
