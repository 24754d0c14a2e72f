"""Benchmark: memory per participant for each atelier, against a bare kernel, in the same run.

Starts ``atelier lancer`` (no preheated pages), opens each atelier once in Chromium, goes through every
step (so every tool is built and its heavy imports, if any, are loaded), then prints the USS of that
participant's kernel and its ratio to a bare Python kernel started by the same server machinery.
Only 127.0.0.1 is contacted; loops are bounded.  Usage:  .venv/bin/python bench/memory.py
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).parent))
from first_load import ARGS, ROOT, free_port, kernels, wait_http  # noqa: E402


def bare_kernel_uss() -> float:
    """USS of an idle ipykernel (the floor every participant pays)."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3")
    try:
        time.sleep(2)
        return psutil.Process(km.provisioner.process.pid).memory_full_info().uss / 2**20
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main() -> None:
    from playwright.sync_api import sync_playwright

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "widgets.cli.main", "lancer", "--adresse", "127.0.0.1", "--port",
                             str(port), "--reserve", "0"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=dict(os.environ))
    base = f"http://127.0.0.1:{port}/"
    rows = []
    try:
        wait_http(base)
        floor = bare_kernel_uss()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for folder in sorted((ROOT / "ateliers").glob("*/atelier.ipynb")):
                before = {k.pid for k in kernels(proc)}
                page = browser.new_page()
                page.goto(f"{base}voila/render/{folder.parent.name}/atelier.ipynb")
                page.wait_for_selector(".etape-titre", timeout=120_000)
                for _ in range(40):  # every step once (bounded)
                    nxt = page.get_by_role("button", name="Suivant →")
                    if nxt.count() == 0 or nxt.is_disabled():
                        break
                    nxt.click()
                    page.wait_for_timeout(400)
                new = [k for k in kernels(proc) if k.pid not in before]
                uss = max((k.memory_full_info().uss for k in new), default=0) / 2**20
                rows.append((folder.parent.name, uss))
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"bare ipykernel (USS): {floor:.1f} MiB")
    print(f"{'atelier':22} {'kernel USS (MiB)':>17} {'ratio to bare':>14}")
    for name, uss in rows:
        print(f"{name:22} {uss:17.1f} {uss / floor:14.2f}")


if __name__ == "__main__":
    main()
