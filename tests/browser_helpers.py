"""Helpers for the real-browser tests: open an atelier, run axe-core."""
from __future__ import annotations

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
