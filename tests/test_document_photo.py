"""« Joindre un document » (atelier 05): real photos of a paper drawn with Pillow, real PDFs, hostile bytes.

Each photo is what a participant could send: a page on a table, then the same page too dark, blurred, cut,
too far, on its side, burnt, tiny, or far too heavy. Every answer is French; nothing ever raises.
"""
from __future__ import annotations

import datetime
import io
import logging
import random
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont

from widgets.analysers.photo.document_photo import (
    BROKEN_PDF,
    EMPTY,
    FAKE_PDF,
    HARD_LIMIT,
    HEIC,
    NOTHING,
    UNKNOWN,
    check_document,
    size_text,
    sources,
    texts,
)


def page(size=(1500, 2000), paper_box=(150, 150, 1350, 1850), rotate=False, seed=1) -> Image.Image:
    """A sheet of paper with lines of text, lying on a darker table."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (70, 60, 50))
    draw = ImageDraw.Draw(image)
    draw.rectangle(paper_box, fill=(238, 236, 230))
    x0, y0, x1, y1 = paper_box
    font = ImageFont.load_default(size=max(12, (x1 - x0) // 45))
    y = y0 + 60
    while y < y1 - 60:
        line = ""
        while len(line) < 40:
            line += "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 8))) + " "
        draw.text((x0 + 50, y), line, fill=(20, 20, 25), font=font)
        y += font.size * 2
    return image.rotate(90, expand=True) if rotate else image


def jpeg(image: Image.Image, quality: int = 90, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality, **options)
    return out.getvalue()


def pdf(pages: int = 2, password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def french(text: str) -> bool:
    """A sentence a participant can read: no English error words, no traceback."""
    lowered = text.lower()
    return bool(text.strip()) and not any(w in lowered for w in (
        "traceback", "error", "exception", "cannot", "invalid", "failed", "none", "errno", "pillow", "pypdf"))


# ---- photos a person would take -------------------------------------------------------------------------

def test_a_good_photo_of_a_paper_is_accepted_and_described():
    check = check_document(jpeg(page()))
    assert check.readable and check.usable and check.kind == "photo"
    assert check.problems == ()
    assert "lisible" in check.message
    details = dict(check.details)
    assert details["Dimensions"] == "1500 × 2000 points"
    assert details["Poids"].endswith("Ko")


@pytest.mark.parametrize("name,image,code,words", [
    ("sombre", ImageEnhance.Brightness(page()).enhance(0.2), "sombre", "lumière"),
    ("floue", page().filter(ImageFilter.GaussianBlur(6)), "floue", "mise au point"),
    ("coupee en haut", page(paper_box=(200, -100, 1400, 1700)), "coupee", "quatre coins"),
    ("coupee a droite", page(paper_box=(400, 150, 1700, 1850)), "coupee", "quatre coins"),
    ("brulee", ImageEnhance.Brightness(page()).enhance(2.5), "claire", "lumière"),
    ("minuscule", page(size=(400, 520), paper_box=(40, 40, 360, 480)), "petite", "sans zoomer"),
])
def test_a_photo_a_service_would_refuse_says_why_and_how_to_do_better(name, image, code, words):
    check = check_document(jpeg(image))
    assert check.readable and not check.usable, name
    assert code in check.codes, (name, check.codes)
    problem = next(p for p in check.problems if p.code == code)
    assert problem.blocking and words in problem.advice
    assert "refuser" in check.message


@pytest.mark.parametrize("image,code", [
    (page(paper_box=(600, 800, 900, 1200)), "trop_loin"),
    (page(paper_box=(50, 50, 900, 1300)), "decentre"),
    (page(rotate=True), "couchee"),
])
def test_a_clumsy_but_readable_photo_gets_advice_without_refusal(image, code):
    check = check_document(jpeg(image))
    assert check.readable and check.usable
    assert check.codes == (code,)
    assert check.problems[0].advice


def test_the_exif_orientation_is_applied_before_judging():
    """A phone held sideways stores the page on its side plus an « orientation » tag: the page is upright."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # rotate 90° clockwise to display
    stored = page().rotate(90, expand=True)
    assert "couchee" in check_document(jpeg(stored)).codes
    assert "couchee" not in check_document(jpeg(stored, exif=exif)).codes


def test_a_photo_heavier_than_the_site_allows_says_its_weight_and_how_to_lighten_it():
    noisy = Image.effect_noise((1500, 2000), 90).convert("RGB")  # noise does not compress
    data = jpeg(noisy, quality=100)
    check = check_document(data, site_limit=1_000_000)
    problem = next(p for p in check.problems if p.code == "lourde")
    assert problem.blocking and "1 Mo" in problem.advice and size_text(len(data)) in problem.advice
    assert "taille moyenne" in problem.advice


def test_a_photo_with_very_many_pixels_is_flagged_with_how_to_reduce():
    big = page(size=(5000, 4000), paper_box=(1000, 300, 4000, 3700))
    check = check_document(jpeg(big, quality=60), site_limit=20_000_000)
    problem = next(p for p in check.problems if p.code == "tres_grande")
    assert "20 millions" in problem.advice and "Redimensionner" in problem.advice


def test_a_huge_file_is_refused_before_anything_is_decoded(monkeypatch):
    def no_decoding(*args, **kwargs):
        raise AssertionError("decoded")

    monkeypatch.setattr(Image, "open", no_decoding)
    check = check_document(b"\xff\xd8\xff" + b"\0" * HARD_LIMIT)
    assert not check.readable and "trop lourd" in check.message and french(check.message)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header announces ``width`` × ``height`` pixels (a decompression bomb)."""
    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


def test_a_decompression_bomb_is_refused_kindly():
    check = check_document(png_claiming(100_000, 100_000))
    assert not check.readable and "énorme" in check.message


# ---- files that are not what they claim -----------------------------------------------------------------

def test_an_empty_upload_and_no_upload_get_their_own_message():
    assert check_document(b"").message == EMPTY
    assert check_document(None).message == NOTHING
    assert check_document("photo.jpg").message == NOTHING


def test_a_text_file_named_jpg_is_neither_a_photo_nor_a_pdf():
    check = check_document("Bonjour, ceci est un fichier texte renommé photo.jpg\n".encode())
    assert not check.readable and check.message == UNKNOWN


def test_a_corrupt_jpeg_says_the_file_is_damaged():
    data = jpeg(page())
    check = check_document(data[: len(data) // 3])
    assert not check.readable and "abîmé" in check.message


def test_an_iphone_heic_photo_gets_the_setting_to_change():
    heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 200
    assert check_document(heic).message == HEIC


def test_a_real_pdf_is_read_with_its_pages():
    check = check_document(pdf(2))
    assert check.readable and check.usable and check.kind == "pdf"
    assert dict(check.details)["Pages"] == "2"
    assert "vrai PDF" in check.message


def test_a_pdf_with_many_pages_or_none_or_a_password():
    assert check_document(pdf(12)).codes == ("pdf_pages",)
    empty = check_document(pdf(0))
    assert not empty.usable and empty.codes == ("pdf_vide",)
    locked = check_document(pdf(1, password="secret"))
    assert not locked.usable and locked.codes == ("pdf_chiffre",) and "mot de passe" in locked.problems[0].title


def test_a_fake_pdf_and_a_cut_pdf_are_told_apart():
    fake = b"%PDF-1.7\nCeci n'est pas un PDF, juste du texte.\n%%EOF\n"
    assert check_document(fake).message == FAKE_PDF
    real = pdf(1)
    assert check_document(real[: len(real) // 2]).message == BROKEN_PDF


def test_the_advice_and_its_sources_come_from_the_data_file():
    data = texts()
    assert data["verifie_le"] and sources()
    assert all(s["adresse"].startswith("https://") for s in sources())
    for code in ("sombre", "claire", "floue", "coupee", "trop_loin", "decentre", "couchee", "petite", "lourde",
                 "tres_grande", "pdf_chiffre", "pdf_vide", "pdf_pages"):
        assert data["problemes"][code]["titre"] and data["problemes"][code]["conseil"], code


# ---- hostile bytes ---------------------------------------------------------------------------------------

PREFIXES = [b"", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"RIFF\0\0\0\0WEBPVP8 ", b"II*\0", b"BM",
            b"%PDF-1.4\n", b"\0\0\0\x18ftypheic"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=4096), ending=st.sampled_from([b"", b"\n%%EOF\n"]))
def test_hostile_bytes_always_get_a_french_message_never_an_exception(prefix, body, ending):
    check = check_document(prefix + body + ending)
    assert french(check.message), check.message
    for problem in check.problems:
        assert french(problem.title) and french(problem.advice)


# ---- nothing kept, nothing logged ------------------------------------------------------------------------

def test_the_file_content_is_never_logged_nor_kept_in_the_answer(caplog):
    sentinel = "Sentinelle-" + "%08x" % random.getrandbits(32)
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = sentinel
    photo = jpeg(page(), exif=exif)
    broken_pdf = b"%PDF-1.4\n1 0 obj << /Title (" + sentinel.encode() + b") >>\nendobj\ntrailer << /Root 9 0 R >>\n%%EOF\n"
    with caplog.at_level(logging.DEBUG):
        answers = [check_document(photo), check_document(broken_pdf), check_document(photo[:5000])]
    assert sentinel not in caplog.text
    assert all(sentinel not in repr(a) for a in answers)


# ---- the page: upload, verdict, and the widget forgets the file --------------------------------------------

def upload(tool, data: bytes, name: str = "photo.jpg", mime: str = "image/jpeg") -> None:
    """What the browser sends when a file is chosen (ipywidgets 8 shape)."""
    tool.upload.value = ({"name": name, "type": mime, "size": len(data), "content": memoryview(data),
                          "last_modified": datetime.datetime(2026, 11, 29, tzinfo=datetime.timezone.utc)},)


def states(widget) -> str:
    """Every synced value of a widget and its descendants, as text."""
    parts = [repr(widget.get_state())]
    for child in getattr(widget, "children", ()):
        parts.append(states(child))
    return "\n".join(parts)


def test_the_page_says_what_to_fix_and_forgets_the_file():
    from widgets.tools.attachment_tool import AttachmentTool

    tool = AttachmentTool("Justificatif de domicile", "Prenez la facture en photo.", "Mairie de Saint-Exemple",
                          "https://demarches.saint-exemple.example/justificatif", limit_mb=5)
    assert tool.upload.accept == "image/*,application/pdf"
    assert "Justificatif de domicile" in states(tool) and "5 Mo" in states(tool)
    upload(tool, jpeg(ImageEnhance.Brightness(page()).enhance(0.2)), name="Sentinelle-nom-de-fichier.jpg")
    assert tool.upload.value == ()
    assert tool.result.kind == "attention" and "trop sombre" in tool.result.text
    assert "Sentinelle-nom-de-fichier" not in states(tool)
    upload(tool, jpeg(page()))
    assert tool.result.kind == "correct" and "Photo lisible" in tool.result.text
    assert "1500 × 2000" in tool.details.value
    upload(tool, pdf(1), name="facture.pdf", mime="application/pdf")
    assert tool.result.kind == "correct" and "PDF valable" in tool.result.text
    upload(tool, b"pas une image", name="photo.jpg")
    assert tool.result.kind == "erreur" and "ni une photo ni un PDF" in tool.result.text
    assert tool.details.value == ""
    upload(tool, b"")
    assert tool.result.kind == "erreur" and "vide" in tool.result.text
    assert tool.upload.value == ()


def test_the_step_type_builds_from_its_yaml_words():
    import jsonschema

    from widgets.content.step_types.catalog import step_types
    from widgets.steps.build import StepContext, build_step

    step = {"titre": "Joindre un justificatif", "type": "piece_jointe", "document": "Justificatif de domicile",
            "site": "Mairie de Saint-Exemple", "adresse": "https://demarches.saint-exemple.example/pj",
            "taille_max_mo": 2}
    schema = step_types()["piece_jointe"].schema
    jsonschema.validate(step, schema)
    assert not jsonschema.Draft202012Validator(schema).is_valid({**step, "taille_max_mo": 500})
    assert not jsonschema.Draft202012Validator(schema).is_valid({"titre": "Sans document", "type": "piece_jointe"})
    widget = build_step(step, StepContext(Path("."), "05_demarches", 0))
    tool = widget.children[-1]
    assert tool.limit_mb == 2 and "demarches.saint-exemple.example" in states(tool)
