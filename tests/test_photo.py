"""Photo metadata: what the sample reveals, and the clean copy reveals nothing."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from conftest import script_module
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image

from widgets.analysers.photo.metadata import (
    clean_photo,
    read_photo,
)

_SAMPLE_MAKER = script_module("make_sample_photo")
SAMPLE_PATH, make_sample_photo = _SAMPLE_MAKER.SAMPLE_PATH, _SAMPLE_MAKER.make_sample_photo


@pytest.fixture(scope="module")
def sample():
    return make_sample_photo()


def items(info):
    return dict(info.items)


def tiny_png(width, height):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


def test_sample_reveals_place_date_and_device(sample):
    info = read_photo(sample)
    assert info.valid and info.has_gps
    assert info.latitude == pytest.approx(44.5555, abs=1e-3)
    assert info.longitude == pytest.approx(4.5986, abs=1e-3)
    shown = items(info)
    assert "Alba-la-Romaine" in shown["Lieu (GPS)"]
    assert shown["Date de la prise de vue"] == "14 juillet 2024 à 10 h 32"
    assert shown["Appareil"] == "Pixel 7 (Google)"
    assert "endroit exact" in info.message


def test_sample_file_in_atelier_is_current_and_small(sample):
    path = Path(SAMPLE_PATH)
    assert path.exists()
    assert path.stat().st_size < 150_000
    assert read_photo(path.read_bytes()).has_gps


def test_clean_copy_has_no_metadata_and_same_size(sample):
    cleaned = clean_photo(sample)
    assert cleaned
    image = Image.open(io.BytesIO(cleaned))
    exif = image.getexif()
    assert len(exif) == 0
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert image.size == Image.open(io.BytesIO(sample)).size
    assert image.format == "JPEG"
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
    info = read_photo(cleaned)
    assert info.valid and not info.has_gps
    assert "Appareil" not in items(info) and "Date de la prise de vue" not in items(info)


def test_clean_keeps_the_picture(sample):
    original = Image.open(io.BytesIO(sample)).convert("RGB")
    cleaned = Image.open(io.BytesIO(clean_photo(sample))).convert("RGB")
    x, y = 790, 110  # middle of the sun
    assert all(abs(a - b) <= 12 for a, b in zip(original.getpixel((x, y)), cleaned.getpixel((x, y))))


def test_clean_applies_orientation_and_drops_png_text():
    image = Image.new("RGB", (40, 20), (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # phone held upright: rotate 90°
    exif[ExifTags.Base.Make] = "Samsung"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"Chez mamie")
    cleaned = Image.open(io.BytesIO(clean_photo(out.getvalue())))
    assert cleaned.size == (20, 40)
    assert len(cleaned.getexif()) == 0 and "comment" not in cleaned.info

    from PIL import PngImagePlugin
    meta = PngImagePlugin.PngInfo()
    meta.add_text("Author", "Jeanne Martin")
    png = io.BytesIO()
    Image.new("P", (10, 10)).save(png, format="PNG", pnginfo=meta)
    assert ("Autres informations", "textes cachés") in read_photo(png.getvalue()).items
    cleaned_png = Image.open(io.BytesIO(clean_photo(png.getvalue())))
    assert not getattr(cleaned_png, "text", {})


@pytest.mark.parametrize("data, words", [
    (b"", "vide"),
    (b"Bonjour, ceci est un texte.", "pas une photo"),
    ("pas des octets", "pas reçu de fichier"),
])
def test_bad_inputs_give_french_messages(data, words):
    info = read_photo(data)
    assert not info.valid and words in info.message
    assert clean_photo(data) == b""


def test_truncated_jpeg(sample):
    info = read_photo(sample[: len(sample) // 2])
    assert not info.valid and "abîmé ou incomplet" in info.message
    assert clean_photo(sample[: len(sample) // 2]) == b""


def test_decompression_bomb_png_is_refused():
    bomb = tiny_png(100_000, 100_000)
    assert len(bomb) < 100
    info = read_photo(bomb)
    assert not info.valid and "taille énorme" in info.message
    # also when only Pillow's own limit (DecompressionBombError) stops it
    assert "taille énorme" in read_photo(bomb, max_pixels=10**12).message


def test_too_many_bytes():
    assert "trop gros" in read_photo(b"\xff" * 2_000, max_bytes=1_000).message


@given(st.binary(max_size=4_000))
@settings(max_examples=200, deadline=None)
def test_random_bytes_never_raise(data):
    info = read_photo(data)
    assert info.message
    assert isinstance(clean_photo(data), bytes)


@given(st.binary(min_size=1, max_size=300), st.integers(min_value=0, max_value=4_000))
@settings(max_examples=100, deadline=None)
def test_corrupted_sample_never_raises(noise, position):
    data = make_sample_photo()
    corrupted = data[:position] + noise + data[position + len(noise):]
    assert read_photo(corrupted).message
    assert isinstance(clean_photo(corrupted), bytes)


def test_truncated_jpeg_is_refused_even_after_weasyprint_is_imported(sample):
    import weasyprint  # noqa: F401 - it turns Pillow's LOAD_TRUNCATED_IMAGES on at import

    info = read_photo(sample[: len(sample) // 2])
    assert not info.valid and "abîmé ou incomplet" in info.message


def test_what_a_photo_holds_never_reaches_a_log(caplog):
    """Pillow logs every EXIF value at DEBUG level: a participant's photo says nothing to the logs."""
    import logging
    import random

    sentinel = "Sentinelle-%08x" % random.getrandbits(32)
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = sentinel
    exif[ExifTags.Base.Make] = sentinel
    photo = io.BytesIO()
    Image.new("RGB", (64, 48), "white").save(photo, format="JPEG", exif=exif)
    with caplog.at_level(logging.DEBUG):
        info, clean = read_photo(photo.getvalue()), clean_photo(photo.getvalue())
    assert sentinel in repr(info)  # shown to the participant, on their own screen
    assert clean and sentinel not in caplog.text
