"""Benchmark: memory per participant for each atelier, against a bare kernel, in the same run.

For every atelier found in ``ateliers/``, starts a Python kernel in the atelier's folder with the
environment ``atelier lancer`` gives its kernels (content already validated, charts already drawn),
builds the atelier's page as the notebook does, goes through every step (so every tool is built and
its imports, if any, are loaded), waits for what a step started in the background, then prints the
USS of that kernel and its ratio to a bare kernel started the same way, against the issue's target
(≤ 1.1× per atelier). A second kernel per atelier then does what the busiest participant would: on every
step it fills every field (a link with a Cyrillic letter, an address, a password) and presses every
button but « Suivant » and « Précédent » (checkers, examples, attestation); its USS says what a page can
cost at most, the figure behind ``widgets/server/memory.py``'s ``GROWTH``. What a kernel imports, and
why it should not, is checked by ``tests/test_kernel_weight.py``. Only local kernels; loops are bounded.
Usage:  .venv/bin/python bench/memory.py [--runs 1]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.1
WALK = """
import threading, time
before = set(threading.enumerate())
from widgets.kernel.page import show_workshop
page = show_workshop(".")
for index in range(len(page.path.atelier.steps)):
    page.path.go(index)
deadline = time.time() + 60  # what a step started in the background (bounded)
for thread in set(threading.enumerate()) - before:
    thread.join(max(0.0, deadline - time.time()))
"""
CLICK_EVERYTHING = WALK.replace("""    page.path.go(index)
""", """    page.path.go(index)
    shown = list(descend(page.path.body))
    for widget in shown:
        if isinstance(widget, ipw.Password):
            widget.value = "Tr0ub4dour&3"
        elif isinstance(widget, ipw.Text) and not widget.disabled:
            lien = "lien" in (widget.description or "").lower()
            widget.value = "https://\u0430meli.fr/connexion" if lien else "marie.martin@exemple.fr"
    for widget in shown:
        if isinstance(widget, ipw.Button) and not widget.disabled and not {
                "atelier-suivant", "atelier-precedent"} & set(widget._dom_classes):
            widget.click()
""").replace("""from widgets.kernel.page import show_workshop
""", """import ipywidgets as ipw
from widgets.kernel.page import show_workshop
def descend(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from descend(child)
""")
assert "widget.click()" in CLICK_EVERYTHING and "def descend" in CLICK_EVERYTHING, "WALK changed: update CLICK_EVERYTHING"


def kernel_uss(folder: Path, code: str | None) -> float:
    """USS (MiB) of a fresh kernel started in ``folder`` after running ``code`` (None: a bare kernel)."""
    import gc

    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3", cwd=str(folder))
    try:
        if code:
            reply = kc.execute_interactive(code, timeout=300, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"{folder.name}: {reply['content'].get('ename')}")
        time.sleep(2)
        gc.collect()
        return psutil.Process(km.provisioner.process.pid).memory_full_info().uss / 2**20
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from widgets.charts.cache import CACHE_ENV, prepare_charts
    from widgets.content.atelier import list_ateliers

    list_ateliers(ROOT / "ateliers")  # as the server does at launch: the kernels inherit the validated digests
    with tempfile.TemporaryDirectory() as charts:
        os.environ[CACHE_ENV] = charts
        prepare_charts()
        folders = sorted(p.parent for p in (ROOT / "ateliers").glob("*/atelier.ipynb"))
        floor = statistics.median(kernel_uss(ROOT / "ateliers", None) for _ in range(args.runs))
        rows = [(f.name, statistics.median(kernel_uss(f, WALK) for _ in range(args.runs)),
                 statistics.median(kernel_uss(f, CLICK_EVERYTHING) for _ in range(args.runs))) for f in folders]
    print(f"bare ipykernel (USS): {floor:.1f} MiB; target: ≤ {TARGET}× per atelier; {args.runs} run(s), median")
    print(f"{'atelier':22} {'every step (MiB)':>17} {'ratio to bare':>14} {'target':>7} "
          f"{'every button (MiB)':>19} {'ratio to bare':>14}")
    for name, uss, busiest in rows:
        print(f"{name:22} {uss:17.1f} {uss / floor:14.2f} {'ok' if uss / floor <= TARGET else 'NO':>7} "
              f"{busiest:19.1f} {busiest / floor:14.2f}")


if __name__ == "__main__":
    main()
