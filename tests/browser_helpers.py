"""Helpers for the real-browser tests: open an atelier, run axe-core."""
from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
ATELIER_READY = ".atelier-parcours .etape-titre"


def open_atelier(page, server, atelier_id: str, timeout: int = 60_000):
    page.goto(f"{server.url}voila/render/{atelier_id}/atelier.ipynb")
    page.wait_for_selector(ATELIER_READY, timeout=timeout)
    return page


def axe_serious(page) -> list[str]:
    """Critical and serious axe-core violations on the page (WCAG 2.x A/AA rules)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.filter(v => ['critical', 'serious'].includes(v.impact))
            .map(v => v.id + ' : ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
    }""")
    return result


# ---- Reading a page as a participant sees it (test_browser_entities.py) ----


#: An HTML character reference shown as text (« &lt; », « &#233; », « &nbsp; »…): text escaped twice.
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Emoji, their presentation selector and keycap: drawn only by an emoji font.
EMOJI = re.compile("[\U0001F000-\U0001FAFF\U0001FC00-\U0001FFFF\uFE0F\u20E3]")
#: Invisible formatting characters (joiners, directions, word joiner…): never drawn, whatever the font.
INVISIBLE = re.compile("[\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]")
DEJAVU_FILES = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]  # Debian's fonts-dejavu-core


def dejavu_characters() -> set[int]:
    """The characters DejaVu Sans draws (Debian's file, else the copy matplotlib ships: the same font)."""
    from fontTools.ttLib import TTFont

    if not hasattr(dejavu_characters, "cache"):
        import matplotlib

        files = [*DEJAVU_FILES, Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"]
        font = next(f for f in files if f.exists())
        dejavu_characters.cache = set(TTFont(font)["cmap"].getBestCmap())
    return dejavu_characters.cache


def undrawable(text: str) -> list[str]:
    """Emoji and signs that a laptop with only DejaVu Sans shows as empty boxes (« U+1F50D 🔍 »)."""
    font = dejavu_characters()
    bad = {c for c in text if EMOJI.match(c)
           or (ord(c) >= 0x2000 and not INVISIBLE.match(c) and ord(c) not in font)}
    return [f"U+{ord(c):04X} {c}" for c in sorted(bad)]


_PAGE_TEXT = """() => {
    const visible = e => e.getClientRects().length > 0;
    const texts = [document.title, document.body.innerText];
    for (const e of document.querySelectorAll('[aria-label], [title], [alt], [placeholder], [aria-description]')) {
        for (const a of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']) {
            if (e.hasAttribute(a)) texts.push(e.getAttribute(a));
        }
    }
    const icons = [];
    for (const s of document.querySelectorAll('svg')) {
        if (!visible(s)) continue;
        const image = s.closest('[role="img"]');  // the svg itself, or an element around it that is the image
        const named = image && (image.getAttribute('aria-label') || '').trim();
        const hidden = s.getAttribute('aria-hidden') === 'true';
        let e = s.parentElement;  // a decorative icon stands next to words (in its element or the one around)
        for (let i = 0; i < 2 && e && !e.innerText.trim(); i++) e = e.parentElement;
        const around = e ? e.innerText.trim() : '';
        if (!named && !(hidden && around)) icons.push(s.outerHTML.slice(0, 120));
    }
    for (const b of document.querySelectorAll('button.avec-icone')) {
        if (visible(b) && !(b.innerText.trim() || (b.getAttribute('title') || '').trim())) icons.push(b.outerHTML.slice(0, 120));
    }
    return {texts, icons};
}"""


def visible_text_problems(page) -> list[str]:
    """What a participant would see wrong on the page: entities as text, undrawable signs, unnamed icons."""
    found = page.evaluate(_PAGE_TEXT)
    problems = []
    for text in found["texts"]:
        for m in ENTITY.finditer(text or ""):
            problems.append(f"entité HTML affichée telle quelle : « {text[max(0, m.start() - 30):m.end() + 10]} »")
        bad = undrawable(text or "")
        if bad:
            problems.append(f"signes sans police (cases vides) : {', '.join(bad)} dans « {text[:60]} »")
    problems += [f"icône sans texte de remplacement : {html}" for html in found["icons"]]
    return sorted(set(problems))


def settle(page, selector: str = ".atelier-parcours", timeout_ms: int = 5_000) -> None:
    """Wait until the text of ``selector`` stops changing (the widgets of a new step are drawn)."""
    previous, same, waited = None, 0, 0
    while waited < timeout_ms and same < 2:  # the same text three times in a row, 300 ms apart
        current = page.locator(selector).first.inner_text()
        same = same + 1 if current == previous else 0
        previous = current
        page.wait_for_timeout(300)
        waited += 300


def walk_steps(page):
    """Yield (number, title) of every step of the open atelier, pressing « Suivant » between them."""
    match = re.search(r"Étape (\d+) sur (\d+)", page.locator(".etape-numero").inner_text())
    total = int(match.group(2))
    for number in range(int(match.group(1)), total + 1):
        if number > int(match.group(1)):
            page.get_by_role("button", name="Suivant →").click()
            page.wait_for_selector(f".etape-numero:has-text('Étape {number} sur')")
        settle(page)
        yield number, page.locator(".etape-titre").inner_text().strip()


def board_url(server) -> str:
    """The conseiller's board address, as ``atelier lancer`` prints it in the terminal."""
    match = re.search(r"http://127\.0\.0\.1:\d+/animateur\?cle=\S+", server.log.read_text(encoding="utf-8"))
    assert match, "l'adresse de l'animateur n'est pas affichée dans le terminal"
    return match.group(0)


def go_to_step_titled(page, title: str) -> int:
    """Press « Suivant » until the step called ``title`` shows; its number (the content may move it)."""
    for number, shown in walk_steps(page):
        if shown == title:
            return number
    raise AssertionError(f"aucune étape « {title} » dans cet atelier")


_CLIPPED = """() => [...document.querySelectorAll('#rendered_cells *')]
    .filter(e => !['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName) && e.getClientRects().length
                 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'
                 && e.innerText && e.innerText.trim())
    .map(e => e.tagName + '.' + String(e.className).split(' ').slice(0, 3).join('.'))"""


def sideways_overflow(page) -> list[str]:
    """What would make a participant scroll sideways, or is cut on the right (elements hiding text that overflows)."""
    found = [] if page.evaluate("document.documentElement.scrollWidth <= window.innerWidth") else ["la page"]
    return found + page.evaluate(_CLIPPED)
