"""Charts drawn once and kept on disk.

Drawing a chart needs pandas and matplotlib: two seconds and some 80 MiB in each participant's
kernel, all at the same moment when the whole room moves to the chart step. ``atelier lancer`` draws
them once (in a separate process) and every kernel then reads the SVG. The key of a kept chart covers
its kind, the figures file and the drawing code: an edited figures file is drawn again.
Run as ``python -m widgets.charts.cache`` to draw the missing ones.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from widgets.charts import draw as charts
from widgets.content.vocabulary import CHART_KINDS

CACHE_ENV = "ATELIERS_CACHE"
#: The drawing function of each chart word of the content files, in the order of ``CHART_KINDS``.
KINDS = dict(zip(CHART_KINDS, ("honest_bar", "truncated_axis", "chosen_period", "area_effect"), strict=True))


def cache_dir() -> Path:
    """``$ATELIERS_CACHE``, else the user's cache folder."""
    folder = os.environ.get(CACHE_ENV)
    if folder:
        return Path(folder)
    import platformdirs

    return Path(platformdirs.user_cache_dir("ateliers-numeriques", appauthor=False))


def chart_key(kind: str, dataset: Path = charts.DEFAULT_DATASET) -> str:
    digest = hashlib.sha256(kind.encode())
    for part in (Path(charts.__file__), Path(dataset)):
        try:
            digest.update(part.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()[:24]


def _file(kind: str) -> Path:
    return cache_dir() / "graphiques" / f"{kind}-{chart_key(kind)}.json"


def draw(kind: str) -> charts.Chart:
    """Draw ``kind`` from the shipped figures (pandas and matplotlib are loaded here)."""
    return getattr(charts, KINDS[kind])(charts.load_dataset())


def _read(file: Path) -> charts.Chart | None:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        ylim = tuple(data["ylim"]) if data.get("ylim") else None
        return charts.Chart(str(data["svg"]), str(data["alt"]), bool(data["misleading"]),
                            str(data["explanation"]), ylim)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(file: Path, chart: charts.Chart) -> None:
    data = {"svg": chart.svg, "alt": chart.alt, "misleading": chart.misleading,
            "explanation": chart.explanation, "ylim": list(chart.ylim) if chart.ylim else None}
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=file.parent, delete=False,
                                         suffix=".tmp") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(out.name, file)  # whole or nothing, even with many kernels at once
    except OSError:
        pass  # a read-only disk: the chart is simply drawn again next time


def cached_chart(kind: str) -> charts.Chart:
    """The chart of ``kind``: read from the disk when it was drawn before, else drawn and kept."""
    file = _file(kind)
    chart = _read(file)
    if chart is None:
        chart = draw(kind)
        _write(file, chart)
    return chart


def missing() -> list[str]:
    return [kind for kind in KINDS if _read(_file(kind)) is None]


def prepare_charts() -> None:
    """Draw the missing charts in another process (the server itself never loads pandas)."""
    if missing():
        subprocess.run([sys.executable, "-m", "widgets.charts.cache"], check=False, timeout=300,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    for name in missing():
        cached_chart(name)
