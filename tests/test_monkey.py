"""A « monkey » participant on every atelier: every field gets a marker, every button is pressed, every step.

Afterwards no page shows a traceback or an English error, no script of the marker ran, and the marker
is nowhere: not in the server log, not in any file written during the run (the live database included),
not in any request that left the browser or the kernel.
"""
from __future__ import annotations

import re
import secrets
import time
from collections import Counter
from pathlib import Path

from browser_helpers import open_atelier
from conftest import ROOT, Server
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from privacy_helpers import RecordingProxy, files_holding, proxy_env

ATELIERS = sorted(p.parent.name for p in (ROOT / "ateliers").glob("*/atelier.yaml"))
#: What a Python error looks like on a page: none of it may ever reach a participant.
ERROR_SIGNS = re.compile(r"Traceback|Exception|Error\b|NoneType|KeyError|ValueError|TypeError|"
                         r"AttributeError|File \"|line \d+, in|Internal Server")
TEXT_INPUTS = ("input[type=text]:visible, input[type=password]:visible, input[type=email]:visible, "
               "input[type=search]:visible, input[type=url]:visible, input:not([type]):visible, textarea:visible")
MAX_CLICKS_PER_STEP = 40
NAVIGATION = ("atelier-suivant", "atelier-precedent")


def each(page, locator: str, act, limit: int = MAX_CLICKS_PER_STEP) -> int:
    """``act`` on each element matched by ``locator`` in the step, looked up again after every action
    (an action may rebuild the step); an element gone meanwhile is skipped. How many acts were done."""
    index = done = 0
    while index < limit:
        found = page.locator(".atelier-parcours").locator(locator)
        if index >= found.count():
            break
        try:
            done += act(found.nth(index)) is not False
        except PlaywrightTimeout:
            pass
        index += 1
        page.wait_for_timeout(120)
    return done


def fill(field, marker: str) -> bool:
    if not field.is_editable(timeout=2_000):
        return False
    field.fill(marker, timeout=2_000)
    field.press("Enter" if field.evaluate("e => e.tagName") == "INPUT" else "Tab", timeout=2_000)
    return True


def pick_last(select) -> bool:
    count = select.locator("option").count()
    if count > 1:
        select.select_option(index=count - 1, timeout=2_000)
    return count > 1


def press(button) -> bool:
    classes = button.get_attribute("class", timeout=2_000) or ""
    if any(c in classes for c in NAVIGATION) or not button.is_enabled(timeout=2_000):
        return False
    button.click(timeout=2_000)
    return True


def poke_step(page, marker: str) -> Counter:
    """Fill every field, pick in every list, then press every button of the step once (an upload button
    gets the monkey's file, see the test), then fill the fields the buttons revealed."""
    done = Counter(champs=each(page, TEXT_INPUTS, lambda f: fill(f, marker)),
                   listes=each(page, "select:visible", pick_last),
                   boutons=each(page, "button:visible", press))
    done["champs"] += each(page, TEXT_INPUTS, lambda f: fill(f, marker))  # fields shown by a button
    page.wait_for_timeout(600)
    return done


def walk_atelier(page, marker: str) -> tuple[list[str], Counter]:
    """Poke every step of the open atelier: the error signs seen on its pages, and what was done."""
    seen, done = [], Counter()
    total = int(re.search(r"Étape 1 sur (\d+)", page.inner_text(".etape-numero")).group(1))
    for number in range(1, total + 1):
        page.locator(f"text=Étape {number} sur").wait_for(timeout=90_000)  # a PDF being made keeps the kernel busy
        page.wait_for_timeout(500)  # the step's body follows its title
        done += poke_step(page, marker)
        text = page.inner_text("body")
        seen += [f"étape {number} : {m}" for m in ERROR_SIGNS.findall(text)]
        if number < total:
            page.locator(".atelier-suivant").click()
    done["étapes"] = total
    return seen, done


def test_a_monkey_participant_breaks_nothing_and_leaves_no_trace(tmp_path, page_factory):
    token = "singe" + secrets.token_hex(5)  # built at run time: in no file yet
    marker = f"{token} <img src=x onerror=alert(1)> {{{{7*7}}}} \u202e"
    upload = tmp_path / "envoi.txt"
    upload.write_text(f"{token}\n" * 50, encoding="utf-8")
    proxy = RecordingProxy()
    data = tmp_path / "donnees"
    start = time.time() - 1
    server = Server(tmp_path, reserve=1, extra_env={"ATELIERS_DONNEES": str(data), **proxy_env(proxy)})
    requests_seen: list[str] = []
    dialogs: list[str] = []
    problems: dict[str, list[str]] = {}
    done: dict[str, Counter] = {}
    uploads: list[str] = []
    try:
        from widgets.server import board
        from widgets.sessions.store import LiveStore

        board.start_session(LiveStore(data), ROOT / "ateliers", "01_navigateur")  # live answers recorded too
        for atelier in ATELIERS:
            page = page_factory(1024, 768)
            page.on("request", lambda r: requests_seen.append(r.url + " " + (r.post_data or "")))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            open_atelier(page, server, atelier, timeout=90_000)
            page.on("filechooser", lambda chooser, atelier=atelier: (uploads.append(atelier),
                                                                     chooser.set_files(str(upload))))
            problems[atelier], done[atelier] = walk_atelier(page, marker)
            assert page.outside == [], atelier
            page.close()
    finally:
        server.stop()
        proxy.close()

    print("\n".join(f"{a} : {dict(d)}" for a, d in done.items()))
    assert problems == {a: [] for a in ATELIERS}
    assert all(d["étapes"] >= 10 and d["boutons"] >= 2 * d["étapes"] for d in done.values()), done
    assert sum(d["champs"] for d in done.values()) >= 8 and len(uploads) >= 2, uploads
    assert dialogs == []  # no script typed by the participant ever ran
    log = server.log.read_text(errors="replace")
    # the conseiller's terminal: only the French lines of the launch and of the stop
    assert "Les ateliers sont prêts" in log and "À bientôt" in log
    assert not re.search(r"Traceback|WARNING|ERROR|WebSocket|timeout|Exception", log), log[-2000:]
    for text in requests_seen + [r.decode("latin-1") for r in proxy.requests]:
        assert token not in text, text[:200]
    assert list(data.glob("*")), "the live database was written during the walk"
    roots = [ROOT, Path("/tmp"), Path.home(), tmp_path]
    needles = [token.encode(), token.encode("utf-16-le")]
    assert set(files_holding(needles, start, roots)) == {str(upload)}  # only the file the monkey uploaded

