"""Benchmark: what a participant's kernel spends building an atelier's page, in the same run.

For each atelier, in a fresh Python process (as a kernel is): the time to build the page when the
server has already validated the content file (what ``atelier lancer`` arranges) against validating
it again. For atelier 04, the time to show its chart steps with the charts already drawn once (what
``atelier lancer`` arranges) against drawing them in the kernel. Medians of N runs; ratios.
With ``--baseline DIR`` (another checkout of the project, e.g. ``git worktree add /tmp/avant <commit>``),
also the time to build each page there, run alternately with this one: the page is built by each
checkout's own notebook cell, so a change of layout is measured as participants get it.
Usage:  .venv/bin/python bench/kernel_build.py [--runs 5] [--baseline DIR]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = """
import time, ipykernel.ipkernel, ipywidgets
t = time.perf_counter()
from widgets.kernel.page import show_workshop
page = show_workshop(".")
built = time.perf_counter() - t
t = time.perf_counter()
for i, step in enumerate(page.path.atelier.steps):
    if step.get("type") == "graphique":
        page.path.go(i)
print(built, time.perf_counter() - t)
"""


def run(folder: Path, env: dict) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", BUILD], cwd=folder, env={**os.environ, **env},
                         capture_output=True, text=True, check=True, timeout=120)
    built, charts = out.stdout.split()
    return float(built), float(charts)


SHOW_CELL = """
import json, sys, time, ipykernel.ipkernel, ipywidgets
cell = next(c for c in json.load(open("atelier.ipynb", encoding="utf-8"))["cells"] if c["cell_type"] == "code")
t = time.perf_counter()
exec("".join(cell["source"]))
print(time.perf_counter() - t)
"""


def show_cell(project: Path, atelier: str, env: dict) -> float:
    """Seconds to run the notebook's first cell of ``atelier`` with the package of ``project``, fresh process."""
    out = subprocess.run([sys.executable, "-c", SHOW_CELL], cwd=project / "ateliers" / atelier, capture_output=True,
                         env={**os.environ, **env, "PYTHONPATH": str(project)}, text=True, check=True, timeout=120)
    return float(out.stdout.split()[-1])


def compare(baseline: Path, runs: int, env: dict) -> None:
    """This checkout's page build against ``baseline``'s, alternately, same content files."""
    print(f"\nPage build, this checkout against {baseline} ({runs} runs, median, seconds)")
    print(f"{'atelier':20} {'baseline':>9} {'this':>9} {'ratio':>6}")
    for folder in sorted(p.parent for p in (ROOT / "ateliers").glob("*/atelier.yaml")):
        before, after = [], []
        for _ in range(runs):
            before.append(show_cell(baseline, folder.name, env))
            after.append(show_cell(ROOT, folder.name, env))
        a, b = statistics.median(before), statistics.median(after)
        print(f"{folder.name:20} {a:9.3f} {b:9.3f} {b / a:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="another checkout of the project to compare with")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from widgets.charts.cache import CACHE_ENV, prepare_charts
    from widgets.content.atelier import VALIDATED_ENV, list_ateliers

    list_ateliers(ROOT / "ateliers")  # as the server does at launch
    validated = os.environ[VALIDATED_ENV]
    with tempfile.TemporaryDirectory() as warm, tempfile.TemporaryDirectory() as cold_root:
        os.environ[CACHE_ENV] = warm
        prepare_charts()
        print(f"{args.runs} runs (median), seconds in a fresh process")
        print(f"{'atelier':20} {'page, validated':>16} {'page, again':>12} {'ratio':>6}"
              f" {'charts, kept':>13} {'charts, drawn':>14} {'ratio':>6}")
        for folder in sorted(p.parent for p in (ROOT / "ateliers").glob("*/atelier.yaml")):
            fast, slow = [], []
            for n in range(args.runs):
                fast.append(run(folder, {VALIDATED_ENV: validated, CACHE_ENV: warm}))
                slow.append(run(folder, {VALIDATED_ENV: "", CACHE_ENV: os.path.join(cold_root, str(n))}))
            a, b = statistics.median(x[0] for x in fast), statistics.median(x[0] for x in slow)
            c, d = statistics.median(x[1] for x in fast), statistics.median(x[1] for x in slow)
            charts = f"{c:13.3f} {d:14.3f} {c / d:6.2f}" if d > 0.05 else f"{'(none)':>13}"
            print(f"{folder.name:20} {a:16.3f} {b:12.3f} {a / b:6.2f} {charts}")
        if args.baseline:
            compare(args.baseline.resolve(), args.runs, {VALIDATED_ENV: validated, CACHE_ENV: warm})


if __name__ == "__main__":
    main()
