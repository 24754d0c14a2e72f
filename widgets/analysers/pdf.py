"""HTML → a tagged, accessible PDF (PDF/UA-1), made in memory: the bytes, never a file.

The one place where a participant's document (an attestation, a récépissé…) becomes a PDF. WeasyPrint
is imported only when a PDF is asked for, never in advance: it takes about 20 MiB, and every participant
has a kernel of their own (the first PDF of a page takes a few seconds more, and the page says so).
"""
from __future__ import annotations


def pdf_bytes(html: str, base_url: str | None = None) -> bytes:
    """The PDF of ``html`` (tagged, PDF/UA-1: its language and title come from the page), in memory."""
    import weasyprint

    return weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)

