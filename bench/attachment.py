"""Benchmark: how long a participant waits for the verdict on an attached photo or PDF (atelier 05).

A 12-megapixel phone photo of a page (4000 × 3000, JPEG quality 90, drawn with Pillow, as a phone takes
it), a 3-megapixel one, and a 2-page PDF go through ``check_document``. The baseline, measured in the
same run on the same bytes, is atelier 03's ``read_photo`` (which fully decodes the photo too): the
ratio says what the document checks (brightness, sharpness, paper, text direction) add to decoding.
The récépissé's PDF (WeasyPrint, in memory) is timed too: first call (with the import) and later calls.
Nothing is written to disk. Usage:
    .venv/bin/python bench/attachment.py [--rounds 5]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def median_time(func, data, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    from test_document_photo import jpeg, page, pdf

    from widgets.analysers.photo.document_photo import check_document
    from widgets.analysers.photo.metadata import read_photo

    files = {
        "photo 12 Mpx": jpeg(page(size=(3000, 4000), paper_box=(300, 300, 2700, 3700))),
        "photo 3 Mpx": jpeg(page(size=(1500, 2000))),
    }
    print(f"{'fichier':14} {'poids':>8} {'verdict (s)':>12} {'read_photo (s)':>15} {'rapport':>8}")
    for name, data in files.items():
        ours = median_time(check_document, data, rounds)
        base = median_time(read_photo, data, rounds)
        print(f"{name:14} {len(data) / 1e6:7.1f}M {ours:12.3f} {base:15.3f} {ours / base:8.2f}")
    data = pdf(2)
    print(f"{'PDF 2 pages':14} {len(data) / 1e3:7.1f}K {median_time(check_document, data, rounds):12.3f}")
    code = ("import time; t=time.perf_counter(); from widgets.analysers.receipt import make_receipt, receipt_pdf; "
            "r=make_receipt('Demande', 'Service', 'Jeanne', 'Exemple', moment='2026-11-29 10:42'); receipt_pdf(r); "
            "a=time.perf_counter()-t; t=time.perf_counter(); receipt_pdf(r); b=time.perf_counter()-t; print(a, b)")
    first, later = map(float, subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                                             text=True, check=True).stdout.split())
    print(f"récépissé PDF : premier {first:.2f} s (avec l'import de WeasyPrint), suivants {later:.2f} s, "
          f"rapport {first / later:.1f}")


if __name__ == "__main__":
    main()
