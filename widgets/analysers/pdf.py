"""HTML → a tagged, accessible PDF (PDF/UA-1), made in memory: the bytes, never a file.

The one place where a participant's document (an attestation, a récépissé…) becomes a PDF. WeasyPrint
takes about 13 MiB once imported, and a process never gives that back: it runs in a short-lived child
process (``python -m widgets.analysers.pdf``), which reads the HTML on its standard input and writes the
PDF on its standard output, so that a participant's kernel stays as light after a PDF as before. At
most one child per processor runs at a time on the laptop: twenty attestations asked for at the end of
a workshop wait their turn instead of holding twenty WeasyPrints in memory together.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Long enough for a slow laptop busy with a room; the page says it takes a few seconds.
TIMEOUT_SECONDS = 120


class PdfError(RuntimeError):
    """The PDF could not be made (the caller says so in French)."""


def _slots() -> list[Path]:
    folder = Path(tempfile.gettempdir()) / f"ateliers-pdf-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return [folder / f"{n}.lock" for n in range(max(1, os.cpu_count() or 1))]


@contextlib.contextmanager
def _one_of_the_slots(deadline: float):
    """Hold one of the laptop's PDF slots (a lock file per processor, shared by every kernel)."""
    while True:
        for slot in _slots():
            handle = open(slot, "a")  # noqa: SIM115 - closed below, with the lock
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                continue
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
            return
        if time.monotonic() > deadline:
            raise PdfError("every PDF slot stayed busy")
        time.sleep(0.2)


def pdf_bytes(html: str) -> bytes:
    """The PDF of ``html`` (tagged, PDF/UA-1: its language and title come from the page), in memory."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    with _one_of_the_slots(deadline):
        try:
            done = subprocess.run([sys.executable, "-m", __name__], input=html.encode("utf-8"), capture_output=True,
                                  timeout=max(1.0, deadline - time.monotonic()), check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfError(type(error).__name__) from None
    if done.returncode != 0 or not done.stdout.startswith(b"%PDF"):
        raise PdfError(f"exit status {done.returncode}")  # its stderr may quote the document: not kept
    return done.stdout


def _render(html: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


if __name__ == "__main__":
    sys.stdout.buffer.write(_render(sys.stdin.buffer.read().decode("utf-8")))
