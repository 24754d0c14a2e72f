"""What a photo tells about you (EXIF, GPS…), and a clean copy without it.

Everything happens in memory with Pillow: nothing is written to disk except
the project's own sample photo (``python -m widgets.analysers.photo``).
``clean_photo`` returns ``b""`` when it cannot work: call ``read_photo`` on
the same bytes to get the French explanation.
"""

from __future__ import annotations

import io
import math
import sys
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw, ImageOps

from widgets.analysers.places import nearest_place

#: Formats we open (phone "MPO" photos come through JPEG). Others (EPS…) are
#: refused: some call outside programs.
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "GIF", "BMP")
SAMPLE_PATH = Path(__file__).resolve().parents[2] / "ateliers" / "03_donnees_perso" / "media" / "photo_exemple.jpg"
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
          "août", "septembre", "octobre", "novembre", "décembre")
MAX_TEXT = 80

_TEXT_TAGS = (
    (ExifTags.Base.Software, "Logiciel"),
    (ExifTags.Base.Artist, "Auteur"),
    (ExifTags.Base.Copyright, "Droits d'auteur"),
    (ExifTags.Base.ImageDescription, "Description"),
)


@dataclass(frozen=True)
class PhotoInfo:
    """What the participant sees about one photo."""

    valid: bool
    message: str
    items: tuple[tuple[str, str], ...] = ()
    has_gps: bool = False
    latitude: float | None = None
    longitude: float | None = None
    width: int | None = None
    height: int | None = None


class PhotoError(Exception):
    """A photo we refuse to read; its text is a French message."""


def _invalid(message: str) -> PhotoInfo:
    return PhotoInfo(valid=False, message=message)


def _clean_text(value: object) -> str:
    """Printable, short text from an EXIF value (bytes, str, numbers)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    text = "".join(c for c in str(value) if c.isprintable()).strip()
    return text[:MAX_TEXT] + ("…" if len(text) > MAX_TEXT else "")


def _load_strictly(image: Image.Image) -> None:
    """Decode every pixel, refusing a truncated file even if another library (WeasyPrint does, at
    import) switched Pillow's global ``LOAD_TRUNCATED_IMAGES`` on."""
    from PIL import ImageFile

    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        image.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _open_image(data: bytes, max_bytes: int, max_pixels: int) -> Image.Image:
    """Open and fully decode ``data``; raise PhotoError with French text."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise PhotoError("Nous n'avons pas reçu de fichier. Choisissez une photo.")
    data = bytes(data)
    if not data:
        raise PhotoError("Le fichier est vide. Choisissez une photo.")
    if len(data) > max_bytes:
        raise PhotoError(f"Le fichier est trop gros (plus de {max_bytes // 1_000_000} Mo). "
                         "Choisissez une photo plus légère.")
    too_big = ("Cette image annonce une taille énorme. C'est peut-être un piège "
               "pour bloquer l'ordinateur : nous ne l'ouvrons pas.")
    try:
        Image.init()  # registers every plugin named in ALLOWED_FORMATS
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
            width, height = image.size
            if width <= 0 or height <= 0 or width * height > max_pixels:
                raise PhotoError(too_big)
            _load_strictly(image)
    except PhotoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError(too_big) from None
    except Image.UnidentifiedImageError:
        raise PhotoError("Ce fichier n'est pas une photo que nous savons lire. "
                         "Essayez avec une photo JPEG ou PNG.") from None
    except MemoryError:
        raise PhotoError("Cette image est trop grande pour cet ordinateur.") from None
    except Exception:
        raise PhotoError("Le fichier semble abîmé ou incomplet. "
                         "Essayez d'envoyer la photo une nouvelle fois.") from None
    return image


def _ratio(value: object) -> float:
    number = float(value)  # IFDRational, int, float
    if not math.isfinite(number):
        raise ValueError
    return number


def _gps_position(gps: dict) -> tuple[float, float] | None:
    """Decimal (latitude, longitude) from a GPS IFD, or None if unusable."""
    try:
        parts = []
        for ref_tag, value_tag, limit in ((ExifTags.GPS.GPSLatitudeRef, ExifTags.GPS.GPSLatitude, 90),
                                          (ExifTags.GPS.GPSLongitudeRef, ExifTags.GPS.GPSLongitude, 180)):
            d, m, s = (_ratio(v) for v in gps[value_tag])
            number = d + m / 60 + s / 3600
            ref = _clean_text(gps.get(ref_tag, "")).upper()[:1]
            if ref in ("S", "W"):
                number = -number
            if not -limit <= number <= limit:
                return None
            parts.append(number)
        return parts[0], parts[1]
    except Exception:
        return None


def _format_position(lat: float, lon: float) -> str:
    text = (f"{abs(lat):.3f} {'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.3f} {'E' if lon >= 0 else 'O'}")
    place = nearest_place(lat, lon)
    if place is not None:
        name, km = place
        near = f"près de {name}" if km < 3 else f"à environ {round(km)} km de {name}"
        text += " — " + near.replace("de A", "d'A").replace("de É", "d'É")
    return text


def _format_date(raw: object) -> str:
    text = _clean_text(raw)
    try:
        moment = datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return text
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} à {moment.hour} h {moment.minute:02d}"


def _device(exif: Image.Exif) -> str:
    make = _clean_text(exif.get(ExifTags.Base.Make, ""))
    model = _clean_text(exif.get(ExifTags.Base.Model, ""))
    if make and model and make.lower() not in model.lower():
        return f"{model} ({make})"
    return model or make


def _hidden_blocks(image: Image.Image) -> list[str]:
    info = image.info
    found = []
    if "xmp" in info or "XML:com.adobe.xmp" in info:
        found.append("XMP (notes laissées par un logiciel de retouche)")
    if info.get("comment"):
        found.append("commentaire")
    if "icc_profile" in info:
        found.append("profil de couleurs")
    if getattr(image, "text", None):
        found.append("textes cachés")
    return found


def _describe(image: Image.Image) -> PhotoInfo:
    width, height = image.size
    items: list[tuple[str, str]] = [
        ("Format", _clean_text(image.format or "inconnu")),
        ("Dimensions", f"{width} × {height} pixels"),
    ]
    try:
        exif = image.getexif()
        sub = exif.get_ifd(ExifTags.IFD.Exif)
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:
        exif, sub, gps = Image.Exif(), {}, {}
    device = _device(exif)
    if device:
        items.append(("Appareil", device))
    raw_date = sub.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
    if raw_date:
        items.append(("Date de la prise de vue", _format_date(raw_date)))
    position = _gps_position(gps) if gps else None
    if position is not None:
        items.append(("Lieu (GPS)", _format_position(*position)))
    elif gps:
        items.append(("Lieu (GPS)", "présent, mais illisible"))
    for tag, label in _TEXT_TAGS:
        text = _clean_text(exif.get(tag, ""))
        if text:
            items.append((label, text))
    hidden = _hidden_blocks(image)
    if hidden:
        items.append(("Autres informations", ", ".join(hidden)))
    personal = len(items) > 2
    if position is not None:
        message = ("Attention : cette photo contient l'endroit exact où elle a été prise. "
                   "Si vous la partagez, d'autres personnes peuvent le voir.")
    elif personal:
        message = ("Cette photo contient des informations cachées (appareil, date…). "
                   "Elles partent avec la photo quand vous l'envoyez.")
    else:
        message = "Cette photo ne contient pas d'informations cachées sur l'appareil, la date ou le lieu."
    return PhotoInfo(
        valid=True, message=message, items=tuple(items), has_gps=position is not None,
        latitude=position[0] if position else None, longitude=position[1] if position else None,
        width=width, height=height,
    )


def read_photo(data: bytes, max_bytes: int = 15_000_000, max_pixels: int = 40_000_000) -> PhotoInfo:
    """Show the hidden information of a photo, in French. Never raises."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's English warnings stay hidden
            return _describe(_open_image(data, max_bytes, max_pixels))
    except PhotoError as error:
        return _invalid(str(error))
    except Exception:
        return _invalid("Nous n'avons pas pu lire cette photo. Essayez avec une autre photo.")


def _pixels_only(image: Image.Image) -> Image.Image:
    """A brand-new image with the same pixels and no metadata at all."""
    image = ImageOps.exif_transpose(image) or image
    if image.mode not in ("RGB", "RGBA", "L", "LA", "CMYK"):
        image = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def clean_photo(data: bytes, max_bytes: int = 15_000_000, max_pixels: int = 40_000_000) -> bytes:
    """A copy without EXIF, GPS, XMP, ICC or comments, orientation applied.

    JPEG stays JPEG (re-encoded at quality 95), other formats become PNG.
    Returns ``b""`` if the photo cannot be read (``read_photo`` says why).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's English warnings stay hidden
            image = _open_image(data, max_bytes, max_pixels)
            is_jpeg = image.format in ("JPEG", "MPO")
            clean = _pixels_only(image)
        out = io.BytesIO()
        if is_jpeg and clean.mode in ("RGB", "L", "CMYK"):
            clean.save(out, format="JPEG", quality=95)
        else:
            clean.save(out, format="PNG")
        return out.getvalue()
    except Exception:
        return b""


def _sample_picture(width: int = 960, height: int = 640) -> Image.Image:
    """A text-free summer landscape: sky, sun, hills, vines and a village."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # sky gradient
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(90 + 120 * t), int(160 + 70 * t), 235))
    draw.ellipse([740, 60, 840, 160], fill=(255, 214, 90))
    draw.polygon([(0, 380), (180, 250), (360, 330), (560, 220), (760, 320), (960, 260),
                  (960, 640), (0, 640)], fill=(92, 120, 70))
    draw.polygon([(0, 470), (240, 400), (520, 450), (800, 390), (960, 430), (960, 640),
                  (0, 640)], fill=(150, 170, 80))
    for row in range(8):  # vines
        y = 500 + row * 18
        draw.line([(0, y), (width, y - 40)], fill=(80, 110, 50), width=5)
    for i, x in enumerate(range(300, 660, 45)):  # village roofline
        top = 330 - (i % 3) * 14
        draw.rectangle([x, top, x + 40, 410], fill=(214, 196, 160))
        draw.polygon([(x - 4, top), (x + 20, top - 22), (x + 44, top)], fill=(176, 84, 56))
        draw.rectangle([x + 14, top + 25, x + 24, top + 40], fill=(90, 70, 60))
    draw.rectangle([470, 220, 500, 330], fill=(200, 180, 150))  # bell tower
    draw.polygon([(466, 220), (485, 190), (504, 220)], fill=(150, 70, 50))
    return image


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return float(degrees), float(minutes), seconds


def make_sample_photo() -> bytes:
    """The project's sample JPEG with a phone's EXIF and GPS near Alba-la-Romaine."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Google"
    exif[ExifTags.Base.Model] = "Pixel 7"
    exif[ExifTags.Base.DateTime] = "2024:07:14 10:32:00"
    exif[ExifTags.IFD.Exif] = {
        ExifTags.Base.DateTimeOriginal: "2024:07:14 10:32:00",
        ExifTags.Base.DateTimeDigitized: "2024:07:14 10:32:00",
    }
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: _dms(44.5555),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: _dms(4.5986),
    }
    out = io.BytesIO()
    _sample_picture().save(out, format="JPEG", quality=82, exif=exif)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write the sample photo (default: the atelier's media folder)."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else SAMPLE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(make_sample_photo())
    print(f"Photo d'exemple écrite : {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
